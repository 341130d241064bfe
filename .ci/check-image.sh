#!/usr/bin/env bash
# Runs the image of build-image.sh as production runs it and checks it from outside the container:
# read-only root with a tmpfs /tmp, the image's non-root user, no capabilities, no-new-privileges,
# 512 MiB (the ECS task's default), ports published on 127.0.0.1 only (free ports chosen by podman),
# local mode (PORTAL_LOCAL_ALLOW_REMOTE=true inside the container only: there the bind is not loopback;
# the Host check stays on, PORTAL_LOCAL_ALLOWED_HOSTS adds the name portal.check).
# Checks, each failing with a message and a non-zero exit:
#   1. the AOT cache is used: a start with -XX:AOTMode=on (the JVM refuses to start without a usable
#      cache) and -Xlog:aot, -Xlog:class+load: the cache is opened and >= 90 % of classes come from it;
#   2. start to first answer (podman run to the first 200 on /), measured on a second, plain start;
#   3. readiness on the management port 9000 (/q/health/ready);
#   4. from /proc on the host: uid 185, no capabilities, no_new_privs, read-only root;
#   5. a sign-in at the local hosted UI (302 with an id token) and a view (200, Demo User, Authenticated);
#      the allowed name is served, a foreign Host (DNS rebinding) gets 421;
#   6. SIGTERM (podman stop -t 10): exit 143 or 0 within 10 s.
# Usage: .ci/check-image.sh [image, default $PORTAL_IMAGE]. Needs podman and curl; as root
# it installs podman when missing, and a missing podman is always a failure, never a skip.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/podman-env.sh"
cd "$PORTAL_ROOT"
portal_podman
IMAGE=${1:-$PORTAL_IMAGE}

current=""
containers=()
fail() {
  echo "FAIL: $*" >&2
  if [ -n "$current" ]; then
    echo "--- last lines of $current's log:" >&2
    podman logs --tail 25 "$current" 2>&1 | cut -c1-300 >&2 || true
  fi
  exit 1
}
ok() { echo "ok   $*"; }
cleanup() { for c in "${containers[@]}"; do podman rm -f -t 0 "$c" > /dev/null 2>&1 || true; done; }
trap cleanup EXIT
command -v curl > /dev/null || fail "curl is missing"
podman image exists "$IMAGE" || fail "no image $IMAGE: run .ci/build-image.sh first"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start NAME [podman run options]: runs the image as production does; sets APP and MANAGEMENT (URLs)
# and STARTED_MS (podman run to the first 200 on /).
start() {
  local name=$1 t0 p
  shift
  current=$name
  containers+=("$name")
  t0=$(now_ms)
  podman run -d --pull=never --name "$name" \
    --read-only --tmpfs /tmp:rw,nosuid,nodev,size=64m \
    --cap-drop ALL --security-opt no-new-privileges --memory 512m \
    -p 127.0.0.1::8080 -p 127.0.0.1::9000 \
    -e PORTAL_MODE=local -e PORTAL_LOCAL_ALLOW_REMOTE=true -e PORTAL_LOCAL_ALLOWED_HOSTS=portal.check \
    "$@" "$IMAGE" > /dev/null || fail "podman run failed"
  RUN_MS=$(($(now_ms) - t0))
  p=$(podman port "$name" 8080/tcp | head -n 1)
  APP=http://$p
  MANAGEMENT=http://$(podman port "$name" 9000/tcp | head -n 1)
  while [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/")" != 200 ]; do
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "$name exited before answering"
    [ $(($(now_ms) - t0)) -lt 60000 ] || fail "$name did not answer 200 on / within 60 s"
    sleep 0.02
  done
  STARTED_MS=$(($(now_ms) - t0))
}

echo "== checking $IMAGE"
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")

# 1. The AOT cache. JAVA_TOOL_OPTIONS adds to the image's options (JDK_JAVA_OPTIONS stays as built).
start "parameter-portal-aot-$$-$RANDOM" \
  -e JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Xlog:aot=info -Xlog:class+load=info"
aot_ms=$STARTED_MS
sleep 1
log=$(podman logs "$current" 2>&1)
opened=$(grep -m 1 -o 'Opened AOT cache .*' <<< "$log") || fail "the JVM did not log 'Opened AOT cache' with -Xlog:aot"
loaded=$(grep -c '\[class,load\]' <<< "$log" || true)
cached=$(grep -c '\[class,load\].* source: shared objects file' <<< "$log" || true)
[ "$loaded" -gt 0 ] || fail "no class loading logged with -Xlog:class+load"
[ $((cached * 100)) -ge $((loaded * 90)) ] || fail "only $cached of $loaded classes came from the AOT cache"
aot_line="$cached of $loaded classes loaded from the AOT cache ($((cached * 1000 / loaded / 10)).$((cached * 1000 / loaded % 10)) %)"
ok "AOT cache: '$opened' with -XX:AOTMode=on; $aot_line; first answer after $aot_ms ms"
podman rm -f -t 0 "$current" > /dev/null

# 2. A plain start, as production.
start "parameter-portal-check-$$-$RANDOM"
ok "start to first answer: $STARTED_MS ms ($APP; podman run returned after $RUN_MS ms)"

# 3. Readiness on the management port.
ready=""
for _ in $(seq 100); do
  ready=$(curl -s "$MANAGEMENT/q/health/ready" || true)
  [[ $ready == *'"status": "UP"'* || $ready == *'"status":"UP"'* ]] && break
  ready=""
  sleep 0.1
done
if [ -z "$ready" ]; then
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/q/health/ready")" = 200 ]; then
    fail "no readiness on the management port ($MANAGEMENT/q/health/ready) but on the app port: this jar was built without Quarkus' management interface (quarkus.management.enabled=true, port 9000)"
  fi
  fail "no 'UP' from $MANAGEMENT/q/health/ready within 10 s"
fi
ok "ready on the management port: $MANAGEMENT/q/health/ready"

# 4. What the kernel says about the service's process.
pid=$(podman inspect --format '{{.State.Pid}}' "$current")
read -r _ uid euid _ < <(grep '^Uid:' "/proc/$pid/status")
if [ "$uid" != 185 ] || [ "$euid" != 185 ]; then fail "the service runs as uid $uid/$euid, not 185"; fi
grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$pid/status" || fail "the service has capabilities: $(grep ^CapEff "/proc/$pid/status")"
grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$pid/status" || fail "no_new_privs is not set"
root_options=$(awk '$5 == "/" {print $6}' "/proc/$pid/mountinfo")
[[ ,$root_options, == *,ro,* ]] || fail "the root file system is not read-only ($root_options)"
bindings=$(podman port "$current")
! grep -v -- '-> 127\.0\.0\.1:' <<< "$bindings" || fail "a port is published beyond loopback: $bindings"
ok "process $pid: uid 185, CapEff 0, NoNewPrivs 1, root mounted $root_options; ports $(tr '\n' ' ' <<< "$bindings")"

# 5. Sign-in through the local hosted UI, then a view.
nonce=check-$RANDOM$RANDOM
headers=$(curl -s -o /dev/null -D - \
  --data-urlencode response_type=token --data-urlencode client_id=localdemoclient \
  --data-urlencode "redirect_uri=$APP/signin" --data-urlencode "scope=openid profile" \
  --data-urlencode state=check --data-urlencode "nonce=$nonce" \
  --data-urlencode username=demo --data-urlencode password=demo "$APP/local/login" | tr -d '\r')
status=$(head -n 1 <<< "$headers" | cut -d ' ' -f 2)
location=$(sed -n 's/^[Ll]ocation: //p' <<< "$headers")
[ "$status" = 302 ] || fail "POST /local/login answered $status, not 302"
token=$(sed -n 's/.*[#&]id_token=\([^&]*\).*/\1/p' <<< "$location")
[ -n "$token" ] || fail "the sign-in's redirect holds no id_token: $location"
[[ $location == "$APP/signin#"* ]] || fail "the sign-in redirected to $location, not $APP/signin"
view=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"idToken\":\"$token\",\"nonce\":\"$nonce\"}" "$APP/api/session")
[ "$(tail -n 1 <<< "$view")" = 200 ] || fail "POST /api/session answered $(tail -n 1 <<< "$view"): $(head -n 1 <<< "$view")"
[[ $view == *'"name":"Demo User"'* && $view == *'"value":"Authenticated"'* ]] ||
  fail "the view lacks Demo User / Authenticated: $(head -n 1 <<< "$view")"
ok "sign-in: 302 to $APP/signin#id_token=…; view: 200, Demo User, Authenticated"
allowed=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: portal.check' "$APP/")
rebound=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: rebound.attacker.example' "$APP/")
[ "$allowed" = 200 ] || fail "Host portal.check (in PORTAL_LOCAL_ALLOWED_HOSTS) answered $allowed, not 200"
[ "$rebound" = 421 ] || fail "a foreign Host answered $rebound, not 421: the Host check is off"
ok "Host check with remote allowed: portal.check 200, rebound.attacker.example 421"

# 6. SIGTERM.
t0=$(now_ms)
podman stop -t 10 "$current" > /dev/null
stop_ms=$(($(now_ms) - t0))
code=$(podman inspect --format '{{.State.ExitCode}}' "$current")
[ "$code" = 143 ] || [ "$code" = 0 ] || fail "after SIGTERM the container exited with $code (137: killed after 10 s)"
[ "$stop_ms" -lt 10000 ] || fail "after SIGTERM the container took $stop_ms ms to exit"
ok "SIGTERM: exit code $code after $stop_ms ms"

current=""
echo "== figures"
echo "image size:            $((size / 1000000)) MB ($IMAGE)"
echo "start to first answer: $STARTED_MS ms (podman run to the first 200 on /, of which $RUN_MS ms until podman run returned; the AOT-logging start: $aot_ms ms)"
echo "AOT cache:             $aot_line; $opened"
echo "SIGTERM:               exit code $code after $stop_ms ms"
