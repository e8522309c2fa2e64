#!/usr/bin/env bash
# Builds local STAND-INS for the upstream images docker-compose.yml uses, for machines that reach no public image
# registry (CI here): a Debian bookworm base from debootstrap, then from Debian packages and Maven Central jars a
# JRE image (also for curl), a Maven image, a Kafka image and a PostgreSQL image. They behave as the official
# images do where docker-compose.yml relies on it, nothing more; users run the official ones.
# Prints the variables that make docker-compose.yml use them. Images that exist are kept (--rebuild: built anew).
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=deploy/compose/stand-ins
prefix=agent-availability-stand-in
rebuild=false
[ "${1:-}" = --rebuild ] && rebuild=true

has_image() { ! $rebuild && docker image inspect "$1" > /dev/null 2>&1; }
say() { echo "stand-ins: $*" >&2; }

base=$prefix/debian:bookworm
if ! has_image "$base"; then
  command -v debootstrap > /dev/null || { say "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  say "debootstrap bookworm (minbase) for $base"
  debootstrap --variant=minbase bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > /dev/null
  tar -C "$root" -c . | docker import -c 'CMD ["/bin/bash"]' - "$base" > /dev/null
  rm -rf "$root"
  trap - EXIT
fi

# Builds run on the host network: the engine may run without a bridge (dockerd --bridge=none).
build() { # image dockerfile context [build-arg...]
  local image=$1 dockerfile=$2 context=$3
  shift 3
  has_image "$image" && return 0
  say "building $image"
  docker build -q --network host -t "$image" -f "$dockerfile" "$@" "$context" > /dev/null
}

jre=$prefix/jre:17
build "$jre" "$here/jre.Dockerfile" "$here" --build-arg "BASE_IMAGE=$base"
maven=$prefix/maven:3-jdk17
if ! has_image "$maven"; then
  # Maven in the container trusts what Maven on this host trusts (a proxy's CA, say): the host's extra CA
  # certificates and its Java trust store are copied in at build time, never kept here.
  context=$(mktemp -d)
  mkdir "$context/ca-certificates" "$context/java"
  cp /usr/local/share/ca-certificates/*.crt "$context/ca-certificates/" 2> /dev/null || true
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  cp -L "$java_home/lib/security/cacerts" "$context/java/" 2> /dev/null || true
  build "$maven" "$here/maven.Dockerfile" "$context" --build-arg "BASE_IMAGE=$base"
  rm -rf "$context"
fi
build "$prefix/postgres:15" "$here/postgres.Dockerfile" "$here" --build-arg "BASE_IMAGE=$base"

kafka=$prefix/kafka:4.1.2
if ! has_image "$kafka"; then
  context=$(mktemp -d)
  cp "$here/kafka-entrypoint.sh" "$here/kafka-broker-api-versions.sh" "$context/"
  # The same broker classpath the embedded broker of the lab and the tests runs on (embedded-infra's pom).
  mvn -B -q -pl embedded-infra dependency:copy-dependencies -DincludeScope=compile \
    -DexcludeGroupIds=io.zonky.test,io.zonky.test.postgres,org.postgresql -DoutputDirectory="$context/libs" >&2
  build "$kafka" "$here/kafka.Dockerfile" "$context" --build-arg "JRE_IMAGE=$jre"
  rm -rf "$context"
fi

say "built: STAND-IN images, not the official ones"
cat << VARS
export KAFKA_IMAGE=$kafka
export POSTGRES_IMAGE=$prefix/postgres:15
export CURL_IMAGE=$jre
export JRE_IMAGE=$jre
export BUILD_IMAGE=$prefix/maven:3-jdk17
VARS
