#!/usr/bin/env bash
# Static checks of the container and Kubernetes files; needs neither a Docker engine nor a cluster.
#   - docker-compose.yml is a valid Compose file
#   - every YAML file passes yamllint (deploy/yamllint.yaml, warnings fail too)
#   - base and both overlays build with kustomize, and the rendered objects agree where they must
#   - every rendered object is valid against the schema of its kind: the Kubernetes 1.30 API, Strimzi's CRDs
#     (deploy/schema/validate-objects.mjs, after a self-test of the validator; see deploy/README.md)
#   - deploy/compose/entry-points/*.json are still the entries of lab/.../demo-entry-points.json
#
#   deploy/validate.sh [--install]
#
# Tools: docker compose (plugin) or docker-compose, yamllint, kubectl (built-in kustomize) or kustomize,
# python3, node and npm, mvn and a Java 21 or later (Strimzi's CRD generator). --install first installs
# what is missing: Debian packages with apt-get (as root; kubectl is not a Debian package: where it is
# missing, apt-get finds it only with the Kubernetes apt repository configured) and the validator's npm
# packages with npm ci (deploy/schema/package-lock.json). CI runs it so (.ci/run).
# Exit status 0 when every check passes, 1 otherwise, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."

install=false
case "${1:-}" in
  --install) install=true ;;
  "") ;;
  *)
    echo "usage: deploy/validate.sh [--install]" >&2
    exit 2
    ;;
esac

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
need() {
  command -v "$1" > /dev/null 2>&1 || {
    fail "$1 is not installed (deploy/validate.sh --install installs it)"
    return 1
  }
}
has_compose() {
  docker compose version > /dev/null 2>&1 || command -v docker-compose > /dev/null 2>&1
}

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    fail "apt-get install $* needs root"
    return 1
  fi
  if [ -z "${apt_updated:-}" ]; then
    echo "apt-get update"
    timeout 600 apt-get update -qq || {
      fail "apt-get update"
      return 1
    }
    apt_updated=1
  fi
  echo "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "$@" > /dev/null ||
    { fail "apt-get install $*"; return 1; }
}

schema_dir=deploy/schema
npm_stamp="$schema_dir/node_modules/.validate-lock.sha256"
npm_ready() {
  [ -f "$npm_stamp" ] && [ "$(cat "$npm_stamp")" = "$(sha256sum < "$schema_dir/package-lock.json")" ]
}

if $install; then
  echo "== install"
  packages=()
  has_compose || packages+=(docker-compose)
  command -v yamllint > /dev/null 2>&1 || packages+=(yamllint)
  command -v python3 > /dev/null 2>&1 || packages+=(python3)
  command -v node > /dev/null 2>&1 || packages+=(nodejs)
  command -v npm > /dev/null 2>&1 || packages+=(npm)
  command -v mvn > /dev/null 2>&1 || packages+=(maven)
  if [ "${#packages[@]}" -gt 0 ]; then apt_install "${packages[@]}"; fi
  if ! command -v kubectl > /dev/null 2>&1 && ! command -v kustomize > /dev/null 2>&1; then
    apt_install kubectl ||
      echo "kubectl is not in Debian's archive: install it from the Kubernetes apt repository (kustomize 5 or later)" >&2
  fi
  if command -v npm > /dev/null 2>&1 && ! npm_ready; then
    echo "npm ci ($schema_dir)"
    if (cd "$schema_dir" && npm ci --no-audit --no-fund --loglevel=error); then
      sha256sum < "$schema_dir/package-lock.json" > "$npm_stamp"
    else
      fail "npm ci in $schema_dir"
    fi
  fi
fi

echo "== compose"
# the file alone, and with the packed-from-target/ overlay that smoke.sh uses
for files in "-f docker-compose.yml" "-f docker-compose.yml -f deploy/compose/packaged.yml"; do
  # shellcheck disable=SC2086
  if docker compose version > /dev/null 2>&1; then
    LAB_PASSWORD=validate-only docker compose $files config -q || fail "docker compose $files config"
  elif need docker-compose; then
    LAB_PASSWORD=validate-only docker-compose $files config -q || fail "docker-compose $files config"
  fi
done
sh -n deploy/compose/load-demo.sh || fail "deploy/compose/load-demo.sh: shell syntax"
for script in deploy/compose/smoke.sh deploy/compose/stand-ins/*.sh; do
  bash -n "$script" || fail "$script: shell syntax"
done

echo "== yamllint"
if need yamllint; then
  mapfile -t yaml_files < <(find deploy -name node_modules -prune -o -type f \( -name '*.yaml' -o -name '*.yml' \) -print | sort)
  yamllint -s -c deploy/yamllint.yaml docker-compose.yml "${yaml_files[@]}" || fail "yamllint"
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
overlays=()
if [ "${#kustomize[@]}" -gt 0 ]; then
  for dir in base overlays/lab overlays/production; do
    out="$rendered/${dir//\//-}.yaml"
    if "${kustomize[@]}" "deploy/$dir" > "$out"; then
      echo "deploy/$dir: $(grep -c '^kind:' "$out") objects"
      overlays+=("deploy/$dir=$out")
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

echo "== schemas"
if [ "${#overlays[@]}" -eq 0 ]; then
  fail "no rendered objects to validate"
elif ! need node; then
  :
elif ! npm_ready; then
  fail "$schema_dir/node_modules is missing or older than package-lock.json (deploy/validate.sh --install runs npm ci)"
elif ! need mvn; then
  :
elif ! bash "$schema_dir/strimzi-crds.sh" "$rendered/crds"; then
  fail "Strimzi CRDs could not be generated: custom resources not validated"
else
  node "$schema_dir/validate-objects.mjs" --self-test --crds "$rendered/crds" "${overlays[@]}" ||
    fail "schema validation of the rendered objects"
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
