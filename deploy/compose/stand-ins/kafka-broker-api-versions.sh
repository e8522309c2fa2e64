#!/bin/bash
# The compose file's health check calls this path of the official image. The stand-in has no Kafka tools jar:
# it checks that the broker accepts connections on the port given (--bootstrap-server host:port).
set -euo pipefail
server=localhost:9092
while [ $# -gt 0 ]; do
  case "$1" in --bootstrap-server) server=$2; shift ;; esac
  shift
done
exec 3<> "/dev/tcp/${server%:*}/${server##*:}"
