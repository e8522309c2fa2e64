#!/bin/bash
# Writes server.properties from the environment as the official image does (KAFKA_FOO_BAR -> foo.bar, with
# "__" -> "_" and "___" -> "-"), formats the log directory once with CLUSTER_ID, then runs the broker.
set -euo pipefail
config=/opt/kafka/config/server.properties
: > "$config"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS) continue ;;
    KAFKA_*)
      key=${name#KAFKA_}
      key=$(printf '%s' "$key" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
      printf '%s=%s\n' "$key" "$value" >> "$config" ;;
  esac
done < <(env)
classpath="/opt/kafka/libs/*"
log_dirs=$(sed -n 's/^log\.dirs=//p' "$config")
if [ ! -f "${log_dirs:-/var/lib/kafka/data}/meta.properties" ]; then
  java -cp "$classpath" kafka.tools.StorageTool format --ignore-formatted -t "${CLUSTER_ID:?CLUSTER_ID is required}" \
    -c "$config"
fi
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} -cp "$classpath" kafka.Kafka "$config"
