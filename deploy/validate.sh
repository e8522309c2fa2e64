#!/usr/bin/env bash
# Static checks of the container and Kubernetes files; needs neither a Docker engine nor a cluster.
#   - docker-compose.yml is a valid Compose file
#   - every YAML file passes yamllint (deploy/yamllint.yaml, warnings fail too)
#   - base and both overlays build with kustomize, and the rendered objects agree where they must
#   - deploy/compose/entry-points/*.json are still the entries of lab/.../demo-entry-points.json
# Tools: docker compose (plugin) or docker-compose, yamllint, kubectl (built-in kustomize) or kustomize,
# python3. On Debian: apt-get install docker-compose yamllint (kubectl from the Kubernetes apt repository).
# Exit status 0 when every check passes, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
need() {
  command -v "$1" > /dev/null 2>&1 || { fail "$1 is not installed"; return 1; }
}

echo "== compose"
if docker compose version > /dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q || fail "docker compose config"
elif need docker-compose; then
  docker-compose -f docker-compose.yml config -q || fail "docker-compose config"
fi
sh -n deploy/compose/load-demo.sh || fail "deploy/compose/load-demo.sh: shell syntax"

echo "== yamllint"
if need yamllint; then
  yamllint -s -c deploy/yamllint.yaml docker-compose.yml deploy/ || fail "yamllint"
fi

echo "== kustomize"
rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT
if command -v kubectl > /dev/null 2>&1; then
  kustomize=(kubectl kustomize)
elif need kustomize; then
  kustomize=(kustomize build)
else
  kustomize=()
fi
if [ "${#kustomize[@]}" -gt 0 ]; then
  for dir in base overlays/lab overlays/production; do
    out="$rendered/${dir//\//-}.yaml"
    if "${kustomize[@]}" "deploy/$dir" > "$out"; then
      echo "deploy/$dir: $(grep -c '^kind:' "$out") objects"
    else
      fail "kustomize deploy/$dir"
      continue
    fi
    # The services' partition setting and the agent-event topic must agree.
    setting="$(sed -n 's/^  AVAILABILITY_AGENT_EVENTS_PARTITIONS: "\{0,1\}\([0-9]*\)"\{0,1\}$/\1/p' "$out")"
    topic="$(awk '/^---/ { t = 0 } /^kind: KafkaTopic$/ { k = 1 } /^kind: / && !/KafkaTopic/ { k = 0 }
                  k && /^  name: arm\.agent-events$/ { t = 1 } t && /^  partitions:/ { print $2; exit }' "$out")"
    if [ -z "$setting" ] || [ "$setting" != "$topic" ]; then
      fail "deploy/$dir: AVAILABILITY_AGENT_EVENTS_PARTITIONS=$setting but KafkaTopic arm.agent-events has '$topic' partitions"
    fi
  done
  if grep -q '^kind: Secret$' "$rendered/overlays-production.yaml" 2> /dev/null; then
    fail "overlays/production renders a Secret: the lab database password would reach production"
  fi
fi

echo "== demo entry points"
if need python3; then
  python3 - << 'PY' || fail "deploy/compose/entry-points differ from lab/src/main/resources/demo-entry-points.json"
import json, pathlib, sys
source = json.loads(pathlib.Path("lab/src/main/resources/demo-entry-points.json").read_text())
wanted = {str(entry["id"]): entry for entry in source}
copies = {p.stem: json.loads(p.read_text()) for p in pathlib.Path("deploy/compose/entry-points").glob("*.json")}
for name in sorted(set(wanted) | set(copies)):
    if wanted.get(name) != copies.get(name):
        print(f"entry point {name}: copy and source differ (regenerate: jq '.[] | select(.id == {name})' ...)")
sys.exit(0 if wanted == copies else 1)
PY
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
