#!/usr/bin/env bash
# Writes Strimzi's CustomResourceDefinitions (kafka.strimzi.io/v1, with their OpenAPI v3 schemas) to DIR,
# made offline by Strimzi's own CRD generator from Strimzi's API classes, both from Maven Central (versions:
# strimzi-crds/pom.xml). Also writes DIR/SOURCE, the line validate-objects.mjs prints.
#   deploy/schema/strimzi-crds.sh DIR
# Needs mvn and a Java 21 or later (the generator's class files; the build's Java 17 cannot run it): the
# first of $JAVA21_HOME, java on PATH and /usr/lib/jvm/*/bin/java that is 21 or later.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: strimzi-crds.sh DIR}"
mkdir -p "$out"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
java=""
for candidate in ${JAVA21_HOME:+"$JAVA21_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  major="$(java_major "$candidate")"
  if [ "${major:-0}" -ge 21 ]; then
    java="$candidate"
    break
  fi
done
if [ -z "$java" ]; then
  echo "strimzi-crds.sh: no Java 21 or later found (set JAVA21_HOME); Strimzi's CRD generator needs one" >&2
  exit 1
fi

version="$(sed -n 's:.*<strimzi.version>\(.*\)</strimzi.version>.*:\1:p' "$here/strimzi-crds/pom.xml")"
if ! mvn -B -q -f "$here/strimzi-crds/pom.xml" dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
  > "$out/mvn.log" 2>&1; then
  cat "$out/mvn.log" >&2
  echo "strimzi-crds.sh: could not resolve io.strimzi:api and crd-generator $version from Maven Central" >&2
  exit 1
fi

model=io.strimzi.api.kafka.model
"$java" -cp "$(cat "$out/classpath.txt")" io.strimzi.crdgenerator.CrdGenerator \
  --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
  "$model.kafka.Kafka=$out/kafka.yaml" \
  "$model.nodepool.KafkaNodePool=$out/kafkanodepool.yaml" \
  "$model.topic.KafkaTopic=$out/kafkatopic.yaml" \
  "$model.user.KafkaUser=$out/kafkauser.yaml" \
  "$model.connect.KafkaConnect=$out/kafkaconnect.yaml" \
  "$model.connector.KafkaConnector=$out/kafkaconnector.yaml" \
  "$model.bridge.KafkaBridge=$out/kafkabridge.yaml" \
  "$model.mirrormaker2.KafkaMirrorMaker2=$out/kafkamirrormaker2.yaml" \
  "$model.rebalance.KafkaRebalance=$out/kafkarebalance.yaml" \
  "$model.podset.StrimziPodSet=$out/strimzipodset.yaml"
echo "Strimzi $version CRDs (io.strimzi:api + crd-generator $version, Maven Central)" > "$out/SOURCE"
