#!/bin/sh
# Training run for the JDK 25 AOT cache (JEP 483/514/515): starts the service with
# -XX:AOTCacheOutput, drives the code paths a real start and the first requests use, then stops it
# with SIGTERM; the JVM writes the cache as it exits.
# Usage: train-aot.sh <jar> <cache file> [<java @argument file>]
# The cache is valid only for this exact jar, this JVM build and compatible options: the Dockerfile
# runs this script in the runtime image, on the jar's final path, with the runtime's options file
# (bin/jvm.options). bin/train-aot does the same for a local run (it needs bash, curl and a JDK).
set -eu
jar=$1
cache=$2
options=${3:-}
port=${TRAIN_PORT:-18080}
work=$(mktemp -d)

fetch() {
  # fetch METHOD PATH [BODY]; failures are fine: only the code paths matter.
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      ${3:+--data "$3"} "http://127.0.0.1:$port$2" || true
  else
    wget -q -O /dev/null --method="$1" --header="Authorization: Bearer $token" \
      --header='Content-Type: application/json' ${3:+--body-data="$3"} "http://127.0.0.1:$port$2" || true
  fi
}

b64url() { base64 | tr -d '\n=' | tr '+/' '-_'; }
# An unsigned token: the backend only decodes the payload (the gateway verifies signatures).
token="$(printf '{"alg":"none","typ":"JWT"}' | b64url).$(printf '{"sub":"aot-training","name":"AOT"}' | b64url)."

PORT=$port TODO_DATABASE_URL="jdbc:sqlite:$work/todo.db" TODO_LOG_LEVEL=WARN \
  java ${options:+"@$options"} -XX:AOTCacheOutput="$cache" --enable-native-access=ALL-UNNAMED -jar "$jar" &
pid=$!

up=""
for _ in $(seq 1 120); do
  if (command -v curl >/dev/null 2>&1 && curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health") ||
    (! command -v curl >/dev/null 2>&1 && wget -q -O /dev/null "http://127.0.0.1:$port/api/v1/health"); then
    up=yes
    break
  fi
  sleep 0.5
done
[ -n "$up" ] || { echo "train-aot: the service did not become healthy" >&2; kill "$pid"; exit 1; }

for _ in $(seq 1 30); do
  fetch GET /api/v1/health
  fetch GET /api/v1/config
  fetch GET /api/v1/openapi.yml
  fetch GET /
  fetch POST /api/v1/todos '{"title":"train the AOT cache","priority":"high","due_date":"2026-01-20"}'
  fetch GET '/api/v1/todos?status=active&sort=due_date&page_size=50'
  fetch GET /api/v1/todos/stats
  fetch GET /api/v1/me
  fetch PATCH /api/v1/todos '{"completed":true}'
  fetch DELETE '/api/v1/todos?status=completed'
  fetch GET /api/v1/does-not-exist
done

kill -TERM "$pid" 2>/dev/null || echo "train-aot: the service had already exited" >&2
wait "$pid" || true
rm -rf "$work"
[ -s "$cache" ] || { echo "train-aot: no AOT cache was written to $cache" >&2; exit 1; }
echo "train-aot: wrote $cache ($(wc -c <"$cache") bytes)"
