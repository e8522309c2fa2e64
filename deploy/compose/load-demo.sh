#!/bin/sh
# Loads the lab's demo configuration, as bin/lab does (Lab.loadDemo): the reference data into the router,
# then each entry point into the entry point service. Both are upserts, so a rerun is harmless.
# deploy/compose/entry-points/<id>.json are the elements of lab/src/main/resources/demo-entry-points.json
# (deploy/validate.sh checks that they still are).
# The defaults are those of the lab-config service of docker-compose.yml; from the repository root against
# port-forwarded services:
#   ROUTER_URL=http://localhost:8082 ENTRYPOINT_URL=http://localhost:8083 \
#   DEMO_LAB_YAML=lab/src/main/resources/demo-lab.yaml ENTRY_POINTS_DIR=deploy/compose/entry-points \
#   sh deploy/compose/load-demo.sh
# LAB_ADMIN is the admin login as user:password (configuration and entry points need the admin role).
set -eu
: "${LAB_ADMIN:?load-demo: set LAB_ADMIN to the admin login, user:password}"

ROUTER_URL="${ROUTER_URL:-http://router-service:8082}"
ENTRYPOINT_URL="${ENTRYPOINT_URL:-http://entrypoint-service:8083}"
DEMO_LAB_YAML="${DEMO_LAB_YAML:-/demo/demo-lab.yaml}"
ENTRY_POINTS_DIR="${ENTRY_POINTS_DIR:-/demo/entry-points}"

wait_ready() {
  tries=0
  until curl -fsS -o /dev/null "$1/q/health/ready"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      echo "load-demo: $1 is not ready after 120 s" >&2
      exit 1
    fi
    sleep 2
  done
}

wait_ready "$ROUTER_URL"
wait_ready "$ENTRYPOINT_URL"

echo "load-demo: POST $ROUTER_URL/config/import"
curl -sS --fail-with-body -u "$LAB_ADMIN" -X POST -H 'Content-Type: application/yaml' \
  --data-binary @"$DEMO_LAB_YAML" "$ROUTER_URL/config/import"
echo

for file in "$ENTRY_POINTS_DIR"/*.json; do
  id="$(basename "$file" .json)"
  echo "load-demo: PUT $ENTRYPOINT_URL/entry-points/$id"
  curl -sS --fail-with-body -u "$LAB_ADMIN" -X PUT -H 'Content-Type: application/json' \
    --data-binary @"$file" "$ENTRYPOINT_URL/entry-points/$id"
  echo
done
