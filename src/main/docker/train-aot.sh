#!/usr/bin/env bash
# Writes a Java 24+ AOT cache (JEP 483/515) for the app in the current directory (the quarkus-app
# layout), from a training run in local mode: start, the index page, sign-ins at the local hosted UI,
# session views, a refused token, Show and History (allowed, denied, missing, refused), and health and
# metrics on the management port. Local mode needs no
# AWS account, and its stand-ins speak the AWS protocols, so the SDK's classes and paths are trained
# as in aws mode.
# Run it with the JVM, and the JVM options that matter for the cache (the GC), of production:
#   JAVA_OPTS="-XX:+UseSerialGC ..." train-aot.sh [cache file, default app.aot]
# Used by Dockerfile.jvm and bench/run.sh. Needs only bash and coreutils: HTTP goes through bash's
# /dev/tcp, because the runtime base image need not have curl (see Dockerfile.jvm).
set -euo pipefail
JAVA=${JAVA:-java}
CACHE=${1:-app.aot}
PORT=${TRAINING_PORT:-8089}
MANAGEMENT_PORT=${TRAINING_MANAGEMENT_PORT:-9089}
export LC_ALL=C   # ${#body} counts bytes
CONF=$CACHE.conf
rm -f "$CACHE" "$CONF"

# http PORT METHOD PATH [CONTENT-TYPE BODY]: one HTTP/1.1 request to 127.0.0.1 (no name lookup: a
# build container may have no /etc/hosts); sets STATUS and LOCATION (empty when nothing answers). The
# Host is localhost:PORT, as a browser on loopback sends.
http() {
  local port=$1 method=$2 path=$3 type=${4:-} body=${5:-} line
  STATUS="" LOCATION=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf '%s %s HTTP/1.1\r\nHost: localhost:%s\r\nConnection: close\r\n' "$method" "$path" "$port" >&3
  [ -z "$type" ] || printf 'Content-Type: %s\r\nContent-Length: %s\r\n' "$type" "${#body}" >&3
  printf '\r\n%s' "$body" >&3
  IFS=' ' read -r _ STATUS _ <&3 || true
  while IFS= read -r line <&3; do
    line=${line%$'\r'}
    [ -n "$line" ] || break
    case $line in [Ll]ocation:*) LOCATION=${line#*: } ;; esac
  done
  cat <&3 >/dev/null
  exec 3<&-
}

urlencode() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) printf -v c '%%%02X' "'$c"; out+=$c ;; esac
  done
  printf '%s' "$out"
}

# The upstream timeout (3 s, which bounds the calls to the local stand-ins too) is raised: on a busy
# build machine the first, cold views of the recording JVM took longer (504), and the training is
# about code paths, not about time.
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
PORTAL_MODE=local PORTAL_UPSTREAM_TIMEOUT=30s QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  "$JAVA" ${JAVA_OPTS:-} -XX:AOTMode=record -XX:AOTConfiguration="$CONF" -jar "$PWD/quarkus-run.jar" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for ((i = 0; i < 600; i++)); do
  http "$PORT" GET / && [ "$STATUS" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "training: the app exited" >&2; exit 1; }
  sleep 0.1
done
[ "$STATUS" = 200 ] || { echo "training: the app did not answer on port $PORT" >&2; exit 1; }

app=http://localhost:$PORT
login="response_type=token&client_id=localdemoclient&redirect_uri=$(urlencode "$app/signin")"
login+="&scope=$(urlencode "openid profile")"
id_token='[#&]id_token=([^&]+)'
# sign_in USER N: a hosted-UI sign-in with nonce nN; sets token.
sign_in() {
  http "$PORT" POST /local/login application/x-www-form-urlencoded "$login&username=$1&password=$1&state=s$2&nonce=n$2"
  [[ $LOCATION =~ $id_token ]] || {
    echo "training: the local sign-in gave no id token (status $STATUS, redirect: $LOCATION)" >&2; exit 1; }
  token=${BASH_REMATCH[1]}
}
# api PATH EXPECTED-STATUS [MEMBERS]: one API call with the signed-in token and its nonce (a hosted-UI token carries
# its sign-in's nonce, which the API then requires beside it).
api() {
  http "$PORT" POST "$1" application/json "{${3:+$3,}\"idToken\":\"$token\",\"nonce\":\"n$view\"}"
  [ "$STATUS" = "$2" ] || { echo "training: $1 {$3} answered $STATUS, not $2" >&2; exit 1; }
}
for ((view = 0; view < 20; view++)); do
  sign_in demo "$view"
  for _ in 1 2 3; do api /api/session 200; done
  token=${token%.*}.AAAA; api /api/session 401
done
# Show and History (ops may decrypt /portal/ops; demo may not), whose paths the views do not take.
for ((view = 20; view < 30; view++)); do
  sign_in ops "$view"
  api /api/session 200
  api /api/parameter 200 '"name":"/portal/ops/api-key"'
  api /api/parameter 200 '"name":"/portal/ops/db-url","version":1'
  api /api/history 200 '"name":"/portal/ops/db-url"'
  api /api/history 200 '"name":"/portal/ops/api-key"'
  api /api/parameter 404 '"name":"/portal/ops/none"'
  sign_in demo "$view"
  api /api/parameter 403 '"name":"/portal/ops/api-key"'
  api /api/parameter 400 '"name":"/elsewhere/x"'
done
for page in /signin /signout; do http "$PORT" GET "$page"; done
# Health and metrics live on the management port; a build without the management interface
# still serves them on the app port.
for page in /q/health/ready /q/metrics; do
  http "$MANAGEMENT_PORT" GET "$page"
  if [ -z "$STATUS" ]; then http "$PORT" GET "$page"; echo "training: $page on the app port (no management port)"; fi
done

kill "$pid"; wait "$pid" || true; trap - EXIT
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -XX:AOTMode=create -XX:AOTConfiguration="$CONF" -XX:AOTCache="$CACHE" -jar "$PWD/quarkus-run.jar"
rm -f "$CONF"
echo "AOT cache written: $CACHE ($(du -m "$CACHE" | cut -f1) MB)"
