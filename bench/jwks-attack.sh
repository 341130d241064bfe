#!/usr/bin/env bash
# A flood of well-formed id tokens naming unknown key ids (kid) while the user pool's JWKS fails, against
# a packaged jar: what it costs the JWKS, how fast the flood is answered, and whether tokens reach the log.
# Black box: the jar runs as in production (aws mode, prod profile, JSON logs) against the AWS stand-in
# (io.parameterportal.bench.BenchUpstream) in another JVM, everything on loopback, on free ports.
#
# Per scenario (a fresh start of the jar each):
#   jwks503    the JWKS answers 503
#   jwksstall  the JWKS answers only after STALL_MS (default 10 s, longer than the 3 s upstream timeout)
# one good token is signed in first (the keys are held), then the JWKS fault is switched on and
# `wrk -c32` floods unknown-kid tokens (TOKENS distinct ones, cycled) for SECONDS. Reported: requests
# answered, answers per status, p50/p99/max latency, JWKS fetches the stand-in counted during the
# flood, and the app's log lines holding any token sent (its signature part, grep -F against the token
# file), with the load average before each scenario.
#
# Usage: bench/jwks-attack.sh <jar dir (holds quarkus-run.jar)> [label] [seconds=25]
#   env: TOKENS (10000), STALL_MS (10000), BENCH_JAVA (else Temurin 25 when installed, else java),
#        SCENARIOS ("jwks503 jwksstall"). Results: target/jwks-attack/<label>/.
# The jar may be of any version that takes PORTAL_* settings (an older one without PORTAL_PUBLIC_URL or
# the management port ignores them). The stand-in comes from this tree's test classes.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_DIR=$(cd "${1:?usage: bench/jwks-attack.sh <jar dir> [label] [seconds]}" && pwd)
LABEL=${2:-$(basename "$(dirname "$JAR_DIR")")}
SECONDS_FLOOD=${3:-25}
TOKENS=${TOKENS:-10000}
STALL_MS=${STALL_MS:-10000}
SCENARIOS=${SCENARIOS:-jwks503 jwksstall}
OUT=target/jwks-attack/$LABEL
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ -n "${BENCH_JAVA:-}" ]; then JAVA=$BENCH_JAVA; elif [ -x "$TEMURIN_25" ]; then JAVA=$TEMURIN_25; else JAVA=$(command -v java); fi
# The small footprint of Dockerfile.jvm and bench/run.sh, as a 0.25-1 vCPU task runs it.
read -r -a JVM_OPTS <<< "${BENCH_JVM_OPTS:--XX:+UseSerialGC -Xms16m -Xmx48m -Xss256k -XX:ReservedCodeCacheSize=32m -XX:CICompilerCount=2}"
export MALLOC_ARENA_MAX=2

[ -f "$JAR_DIR/quarkus-run.jar" ] || { echo "no quarkus-run.jar in $JAR_DIR" >&2; exit 1; }
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk curl python3 >/dev/null; break; }
done
if [ ! -f target/test-classes/io/parameterportal/bench/BenchUpstream.class ]; then
  ./mvnw -q -B -ntp test-compile
fi
mkdir -p "$OUT"
[ -s target/jwks-attack/cp.txt ] || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/jwks-attack/cp.txt" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

pids=()
cleanup() {
  for p in "${pids[@]:-}"; do
    if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The stand-in and the token bodies: unknown-kid.txt (one JSON body per line), repeat-view.json (a good token).
java -cp "target/test-classes:$(cat target/jwks-attack/cp.txt)" io.parameterportal.bench.BenchUpstream \
  0 "$OUT" 0 "$TOKENS" > "$OUT/upstream.log" 2>&1 &
pids+=($!)
until grep -qs "ready on" "$OUT/upstream.log"; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$OUT/upstream.log" >&2; exit 1; }
  sleep 0.2
done
UPSTREAM=$(sed -n 's/.*ready on //p' "$OUT/upstream.log")
# What must never be logged: each token's signature part (a token in a line holds its signature).
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
bodies = [l for l in open(f"{out}/unknown-kid.txt") if l.strip()] + [open(f"{out}/repeat-view.json").read()]
with open(f"{out}/signatures.txt", "w") as f:
    for body in bodies:
        f.write(json.loads(body)["idToken"].split(".")[2] + "\n")
PY

jwks_calls() { curl -s "$UPSTREAM/_calls" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("Jwks", 0))'; }
fault() { curl -s -o /dev/null -X POST "$UPSTREAM/_fault?$1"; }

cat > "$OUT/flood.lua" <<LUA
-- POSTs the bodies of unknown-kid.txt in turn (each thread from its own offset) and counts answers per status.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
for line in io.lines("$OUT/unknown-kid.txt") do bodies[#bodies + 1] = line end
local threads = {}
function setup(thread)
  thread:set("offset", #threads * math.floor(#bodies / 2))
  table.insert(threads, thread)
end
function init(args)
  i = offset or 0
  statuses = {}
end
function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status_%d=%d\n", status, n)) end
  io.write(string.format("answered=%d\n", summary.requests))
  io.write(string.format("seconds=%.1f\n", summary.duration / 1e6))
  io.write(string.format("socket_errors=connect %d, read %d, write %d, timeout %d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50_ms=%.1f\np99_ms=%.1f\nmax_ms=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

run_scenario() { # name, fault query
  local name=$1 query=$2 port mport log="$OUT/app-$1.log" result="$OUT/$1.txt"
  port=$(free_port); mport=$(free_port)
  : > "$result"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$result"
  fault heal
  (cd "$JAR_DIR" && exec env PORTAL_MODE=aws AWS_REGION=us-east-1 PORTAL_USER_POOL_ID=us-east-1_Faults \
    PORTAL_CLIENT_ID=faultclient PORTAL_IDENTITY_POOL_ID=us-east-1:11111111-2222-4333-8444-555555555555 \
    PORTAL_HOSTED_UI_DOMAIN=bench.invalid PORTAL_PARAMETER_NAME=fa-012-authenticated \
    PORTAL_PUBLIC_URL="http://127.0.0.1:$port" PORTAL_AWS_ENDPOINT="$UPSTREAM" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$mport" \
    "$JAVA" "${JVM_OPTS[@]}" -jar "$JAR_DIR/quarkus-run.jar") > "$log" 2>&1 &
  local app=$!
  pids+=("$app")
  local waited=0
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$app" 2>/dev/null || { tail -n 20 "$log" >&2; exit 1; }
    sleep 0.1; waited=$((waited + 1)); [ $waited -lt 600 ] || { echo "the app did not start" >&2; exit 1; }
  done
  # One good sign-in: the pool's keys are held, as in any running service.
  echo "good_sign_in=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "@$OUT/repeat-view.json" "http://127.0.0.1:$port/api/session")" >> "$result"
  fault "$query"
  local before after
  before=$(jwks_calls)
  wrk -t2 -c32 -d"${SECONDS_FLOOD}s" --timeout 30s -s "$OUT/flood.lua" "http://127.0.0.1:$port/api/session" \
    > "$OUT/$name.wrk" 2>&1
  after=$(jwks_calls)
  grep -E '^(status_|answered|seconds|socket_errors|p50|p99|max)' "$OUT/$name.wrk" >> "$result"
  echo "jwks_fetches=$((after - before))" >> "$result"
  fault heal
  kill "$app"; wait "$app" 2>/dev/null || true
  {
    echo "log_lines=$(wc -l < "$log")"
    echo "log_lines_with_a_token=$(grep -c -F -f "$OUT/signatures.txt" "$log" || true)"
    echo "tokens_in_the_log=$( (grep -o -F -f "$OUT/signatures.txt" "$log" || true) | sort -u | wc -l)"
  } >> "$result"
  echo "== $LABEL $name"; cat "$result"
}

echo "jar: $JAR_DIR; java: $JAVA ($("$JAVA" -version 2>&1 | head -n 1)); $TOKENS unknown-kid tokens; flood ${SECONDS_FLOOD}s" \
  | tee "$OUT/setup.txt"
for scenario in $SCENARIOS; do
  case $scenario in
    jwks503) run_scenario jwks503 "operation=Jwks&status=503&type=ServiceUnavailable" ;;
    jwksstall) run_scenario jwksstall "operation=Jwks&delayMs=$STALL_MS" ;;
    *) echo "unknown scenario $scenario" >&2; exit 1 ;;
  esac
done
