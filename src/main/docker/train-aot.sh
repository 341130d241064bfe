#!/usr/bin/env bash
# Writes a Java 24+ AOT cache (JEP 483/515) for the app in the current directory (the quarkus-app
# layout), from a training run in local mode: start, the index page, a sign-in at the local hosted UI,
# session views, a refused token, health and metrics. Local mode needs no AWS account, and its
# stand-ins speak the AWS protocols, so the SDK's classes and paths are trained as in aws mode.
# Run it with the JVM, and the JVM options that matter for the cache (the GC), of production:
#   JAVA_OPTS="-XX:+UseSerialGC ..." train-aot.sh
# Used by Dockerfile.jvm; needs bash and curl.
set -euo pipefail
JAVA=${JAVA:-java}
PORT=${TRAINING_PORT:-8089}
APP=http://localhost:$PORT
rm -f app.aot app.aotconf

# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
PORTAL_MODE=local QUARKUS_HTTP_HOST=localhost QUARKUS_HTTP_PORT=$PORT \
  "$JAVA" $JAVA_OPTS -XX:AOTMode=record -XX:AOTConfiguration=app.aotconf -jar "$PWD/quarkus-run.jar" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -fs -o /dev/null "$APP/" && break; sleep 0.1; done
curl -fs -o /dev/null "$APP/"

session() { curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"idToken\":\"$1\"}" "$APP/api/session"; }
for view in $(seq 20); do
  location=$(curl -s -o /dev/null -w '%{redirect_url}' \
    --data-urlencode response_type=token --data-urlencode client_id=localdemoclient \
    --data-urlencode "redirect_uri=$APP/signin" --data-urlencode "scope=openid profile" \
    --data-urlencode username=demo --data-urlencode password=demo "$APP/local/login")
  token=$(printf '%s' "$location" | sed -n 's/.*[#&]id_token=\([^&]*\).*/\1/p')
  [ -n "$token" ] || { echo "training: the local sign-in gave no id token (redirect: $location)" >&2; exit 1; }
  for _ in 1 2 3; do [ "$(session "$token")" = 200 ] || { echo "training: a session view failed" >&2; exit 1; }; done
  [ "$(session "${token%.*}.AAAA")" = 401 ] || { echo "training: a spoiled token was not refused" >&2; exit 1; }
done
for page in /signin /signout /q/health/ready /q/metrics; do curl -s -o /dev/null "$APP$page"; done

kill "$pid"; wait "$pid" || true; trap - EXIT
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -XX:AOTMode=create -XX:AOTConfiguration=app.aotconf -XX:AOTCache=app.aot -jar "$PWD/quarkus-run.jar"
rm -f app.aotconf
echo "AOT cache written: app.aot ($(du -m app.aot | cut -f1) MB)"
