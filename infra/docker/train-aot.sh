#!/bin/sh
# Training run for the JDK 25 AOT cache (JEP 483/514/515): starts the service with
# -XX:AOTCacheOutput, drives the code paths a real start and the first requests use, then stops it
# with SIGTERM; the JVM writes the cache as it exits.
# Usage: train-aot.sh <jar> <cache file> [<java @argument file>]
# The cache is valid only for this exact jar, this JVM build and compatible options: the Dockerfile
# runs this script in the runtime image, on the jar's final path, with the runtime's options file
# (bin/jvm.options). bin/train-aot does the same for a local run (it needs bash, curl and a JDK).
# Needs curl (the Dockerfile installs it in the training stage only).
set -eu
command -v curl >/dev/null 2>&1 || { echo "train-aot: curl is required" >&2; exit 1; }
jar=$1
cache=$2
options=${3:-}
port=${TRAIN_PORT:-18080}
work=$(mktemp -d)

fetch() {
  # fetch METHOD PATH EXPECTED [BODY]: any other status (or no answer) stops the training, so that a
  # cache trained on nothing never ships silently.
  code=$(curl -sS -o /dev/null -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${4:+--data "$4"} "http://127.0.0.1:$port$2") || code=000
  if [ "$code" != "$3" ]; then
    echo "train-aot: $1 $2 answered $code, expected $3" >&2
    kill "$pid" 2>/dev/null
    exit 1
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
  if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health"; then
    up=yes
    break
  fi
  sleep 0.5
done
[ -n "$up" ] || { echo "train-aot: the service did not become healthy" >&2; kill "$pid"; exit 1; }

for _ in $(seq 1 30); do
  fetch GET /api/v1/health 200
  fetch GET /api/v1/config 200
  fetch GET /api/v1/openapi.yml 200
  fetch GET / 200
  fetch POST /api/v1/todos 201 '{"title":"train the AOT cache","priority":"high","due_date":"2026-01-20"}'
  fetch GET '/api/v1/todos?status=active&sort=due_date&page_size=50' 200
  fetch GET /api/v1/todos/stats 200
  fetch GET /api/v1/me 200
  fetch PATCH /api/v1/todos 200 '{"completed":true}'
  fetch DELETE '/api/v1/todos?status=completed' 200
  fetch GET /api/v1/does-not-exist 404
done

kill -TERM "$pid" 2>/dev/null || { echo "train-aot: the service had already exited" >&2; exit 1; }
wait "$pid" || true # the exit status after SIGTERM is 143; the cache check below decides
rm -rf "$work"
[ -s "$cache" ] || { echo "train-aot: no AOT cache was written to $cache" >&2; exit 1; }
echo "train-aot: wrote $cache ($(wc -c <"$cache") bytes)"
