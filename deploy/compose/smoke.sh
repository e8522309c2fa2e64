#!/usr/bin/env bash
# Starts the Compose lab for real and checks it as a user would: every service healthy, the README's demo walk
# (initialize 1 -> 0 as agent 6420 logs in, becomes routable and ready), availctl replay against the Compose
# Kafka, the simulator's traffic applied; then `docker-compose down -v` leaves no container, network or volume.
# It starts a Docker engine when none answers (dockerd --iptables=false --bridge=none, as these machines allow)
# and, unless SMOKE_OFFICIAL_IMAGES=1, builds local STAND-INS for the upstream images (stand-ins/build.sh):
# no public image registry is needed. The service images are packed from target/ (deploy/compose/packaged.yml),
# so run `mvn -B package -DskipTests` (or verify) first.
#   --install      apt-get installs what is missing (docker.io, docker-compose, debootstrap), as CI needs
#   --from-source  also builds router-service's and the simulator's images from source (BuildKit), as users
#                  without a JDK do
set -euo pipefail
cd "$(dirname "$0")/../.."
say() { echo "smoke: $*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
install=false
from_source=false
for arg in "$@"; do
  case "$arg" in
    --install) install=true ;;
    --from-source) from_source=true ;;
    *) fail "unknown option $arg (--install, --from-source)" ;;
  esac
done

if $install; then
  packages=()
  command -v dockerd > /dev/null || packages+=(docker.io)
  command -v docker-compose > /dev/null || packages+=(docker-compose)
  command -v debootstrap > /dev/null || packages+=(debootstrap)
  if [ ${#packages[@]} -gt 0 ]; then
    say "installing ${packages[*]}"
    apt-get update -q > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" > /dev/null
  fi
fi

for jar in router-service listener-service entrypoint-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || fail "$jar is not packaged: run mvn -B package -DskipTests"
done
[ -f availctl/target/availctl.jar ] && [ -f simulator/target/simulator.jar ] \
  || fail "availctl or the simulator is not packaged: run mvn -B package -DskipTests"

if ! docker info > /dev/null 2>&1; then
  command -v dockerd > /dev/null || fail "no Docker engine answers and dockerd is not installed (apt-get install docker.io)"
  mkdir -p .lab
  say "no Docker engine answers: starting dockerd --iptables=false --bridge=none (log .lab/dockerd.log)"
  nohup dockerd --iptables=false --bridge=none > .lab/dockerd.log 2>&1 &
  for _ in $(seq 60); do docker info > /dev/null 2>&1 && break; sleep 1; done
  docker info > /dev/null 2>&1 || fail "dockerd did not answer within 60 s; see .lab/dockerd.log"
fi
compose() { docker-compose -p "$project" -f docker-compose.yml -f deploy/compose/packaged.yml "$@"; }
if [ "${SMOKE_OFFICIAL_IMAGES:-0}" != 1 ]; then
  eval "$(deploy/compose/stand-ins/build.sh)"
  say "running on STAND-IN images ($KAFKA_IMAGE, $POSTGRES_IMAGE, $JRE_IMAGE), not the official ones"
fi

if $from_source; then
  # BuildKit (for the Maven cache mount): a client with buildx, or Debian's docker.io client, which has it built in
  buildkit=(docker)
  if ! docker buildx version > /dev/null 2>&1 && [ -x /usr/bin/docker ]; then buildkit=(/usr/bin/docker); fi
  from_source() { # name dockerfile file-the-image-must-hold [build-arg...]
    local name=$1 dockerfile=$2 holds=$3 image=agent-availability/$1:from-source
    shift 3
    say "building $name's image from source ($dockerfile)"
    DOCKER_BUILDKIT=1 "${buildkit[@]}" build -q --network host -f "$dockerfile" "$@" \
      --build-arg "BUILD_IMAGE=${BUILD_IMAGE:-maven:3.9-eclipse-temurin-17}" \
      --build-arg "JRE_IMAGE=${JRE_IMAGE:-eclipse-temurin:17-jre}" -t "$image" . > /dev/null \
      || fail "$name's image from source did not build"
    docker run --rm --entrypoint test "$image" -f "$holds" || fail "$name's image from source has no $holds"
    docker rmi "$image" > /dev/null
  }
  from_source router-service deploy/docker/service.Dockerfile quarkus-run.jar \
    --build-arg SERVICE=router-service --build-arg PORT=8082
  from_source simulator deploy/docker/simulator.Dockerfile simulator.jar
  say "images from source built: router-service (the three services' Dockerfile) and the simulator"
fi

project=availability-smoke
LAB_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
export LAB_PASSWORD
L=listener:$LAB_PASSWORD
S=supervisor:$LAB_PASSWORD

finish() {
  local status=$?
  if [ "$status" != 0 ]; then
    compose ps || true
    compose logs --no-color --tail=40 || true
  fi
  compose down -v --remove-orphans > /dev/null 2>&1 || true
  left=$(docker ps -aq --filter "label=com.docker.compose.project=$project"; \
    docker network ls -q --filter "label=com.docker.compose.project=$project"; \
    docker volume ls -q --filter "label=com.docker.compose.project=$project")
  if [ -n "$left" ]; then
    echo "smoke: FAILED: docker-compose down -v left behind: $left" >&2
    status=1
  elif [ "$status" = 0 ]; then
    say "down -v: no container, network or volume left"
  fi
  exit "$status"
}
trap finish EXIT

say "docker-compose up (simulator held back for the demo walk)"
compose up -d --build --scale simulator=0 > /dev/null

healthy() { # service...: each container healthy (or, with no health check, running)
  local service id state
  for service in "$@"; do
    id=$(compose ps -q "$service")
    [ -n "$id" ] || return 1
    state=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id")
    [ "$state" = healthy ] || [ "$state" = running ] || return 1
  done
}
await() { # seconds what command...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq "$seconds"); do "$@" > /dev/null 2>&1 && return 0; sleep 1; done
  fail "$what: not within $seconds s"
}
configured() { [ "$(docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$(compose ps -q lab-config)")" = "exited 0" ]; }
await 300 "every service healthy" healthy kafka postgres router-service listener-service entrypoint-service
await 120 "the demo configuration loaded (lab-config)" configured
say "healthy: kafka postgres router-service listener-service entrypoint-service; demo configuration loaded"

response_type() { curl -fsS "localhost:8083/system/egain/chat/entrypoint/initialize/$1" | sed -n 's/.*"responseType":\([0-9]\).*/\1/p'; }
is_response_type() { [ "$(response_type "$1")" = "$2" ]; }
act() { curl -fsS -u "$L" -XPOST -H 'Content-Type: application/json' -d "$2" "localhost:8081/agents/6420/mrds/5000/$1" > /dev/null; }
await 60 "initialize 1002 says no agent (responseType 1) before the walk" is_response_type 1002 1
act login '{"maxTaskLimit":2}'
act routable '{"maxTasks":2}'
act ready '{"makeRoutable":true}'
await 30 "initialize 1002 says an agent is available (responseType 0) after login, routable, ready" \
  is_response_type 1002 0
status=$(curl -fsS -u "$S" localhost:8082/agents/6420/status)
grep -q '"availableForNewTask":true' <<< "$status" || fail "router status of 6420 is not available: $status"
say "demo walk: initialize 1002 went 1 -> 0; agent 6420 available"

# availctl in a container on the Compose network: the broker advertises kafka:9092, a name only it resolves
replay_now() {
  docker run --rm --network "${project}_default" -v "$PWD/availctl/target:/availctl:ro" \
    "${JRE_IMAGE:-eclipse-temurin:17-jre}" java -jar /availctl/availctl.jar replay --bootstrap-servers kafka:9092 \
    --at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --agent "$1" 2> /dev/null
}
replay=$(replay_now 6420) || fail "availctl replay against the Compose Kafka: $replay"
grep -q '"availableForNewTask" : true\|"availableForNewTask": true' <<< "$replay" \
  || fail "availctl replay does not show 6420 available: $replay"
say "availctl replay against the Compose Kafka: agent 6420 available"

applied() { curl -fsS -u "$S" localhost:8082/projection | grep -o '"nextOffset":[0-9]*' | cut -d: -f2 | awk '{ sum += $1 } END { print sum + 0 }'; }
before=$(applied)
compose up -d --no-deps simulator > /dev/null
more_applied() { [ "$(applied)" -ge $((before + 20)) ]; }
await 120 "the simulator's traffic applied (20 agent events more than $before)" more_applied
healthy simulator || fail "the simulator is not running"
say "simulator running: the router applied $(( $(applied) - before )) more agent events"

# Faults through Compose under the simulator's traffic: the router restarted, the broker killed and started.
say "docker-compose restart router-service"
compose restart router-service > /dev/null
await 180 "router-service healthy after its restart" healthy router-service
more_than() { [ "$(applied)" -gt "$1" ]; }
mark=$(applied)
await 60 "traffic applied after the router's restart" more_than "$mark"
say "docker-compose kill kafka, then start it"
compose kill kafka > /dev/null
compose start kafka > /dev/null
await 180 "kafka and the services healthy after the broker's kill" \
  healthy kafka router-service listener-service entrypoint-service
mark=$(applied)
await 120 "traffic applied after the broker's kill" more_than "$mark"
compose stop simulator > /dev/null

# The router's answer for each simulated agent equals a replay of the topics at this instant.
same_as_replay() {
  local agent=$1 live replayed
  live=$(curl -fsS -u "$S" "localhost:8082/agents/$agent/status") || return 1
  replayed=$(replay_now "$agent") || return 1
  python3 - "$live" "$replayed" << 'PY'
import json, sys
live = json.loads(sys.argv[1])
text = sys.argv[2]
replayed = json.loads(text[text.index("\n{") + 1:] if not text.startswith("{") else text)
pick = lambda mrds: sorted((m["mrdId"], m["state"], m["availableForNewTask"]) for m in mrds)
sys.exit(0 if pick(live["mrds"]) == pick(replayed["mrds"]) else 1)
PY
}
for agent in 6420 5033; do
  await 90 "agent $agent: the router's answer equals the replay after the faults" same_as_replay "$agent"
done
say "after the router's restart and the broker's kill: agents 6420 and 5033 answer as the replay of the topics"
