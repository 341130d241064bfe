#!/usr/bin/env bash
# Benchmark of POST /api/session: the packaged app (JVM mode) against a fast stand-in upstream in
# another process, all on loopback. Variants side by side, same machine, same load:
#   a  as designed: one SSM client, per-request credentials, credential cache
#   b  credential cache off (PORTAL_CREDENTIAL_CACHE_MAX_SIZE=0): every view trades the token again
#   c  naive: a new SSM client per request — the bench-only jar of ./mvnw -Pbench-naive package
#      (target/bench-naive; src/bench/java), never the shipped one; it runs without the AOT cache
#   d  as a, listing a path of 20 parameters (PORTAL_PARAMETER_PATHS; two pages of SSM's 10 per view)
#   e  as d with the value cache on (PORTAL_VALUE_CACHE_TTL=60s): repeat views make no AWS call
# Variant d also measures the secrets on demand: decryptions per view (half the listed path are SecureStrings),
# what a view sends for a SecureString, and Show (POST /api/parameter) and History (POST /api/history): calls,
# req/s, p50/p99, and Show paced at 200 req/s beside the upstream's own decrypting GetParameter at that pace, in
# interleaved windows (the summary's overhead line: app p99 less stand-in p99, target under 2 ms).
# The JVM: BENCH_JAVA, else Temurin 25 when installed, else java on PATH. On Java 24+ the image's
# training run (src/main/docker/train-aot.sh) first writes an AOT cache (JEP 483/515: classes
# loaded and linked, method profiles), which every measured start then uses; BENCH_AOT=false
# measures without it.
#   s  as a with the code flow (PORTAL_OAUTH_FLOW=code): quarkus-oidc's session cookie instead of a posted id token.
#      The stand-in upstream is also the hosted UI (authorize signs the bench user in at once, token, revoke):
#      first views are whole sign-ins (bench/signin.py: /login, authorize, the /signin callback redeeming the code,
#      the page, POST /api/session {}), timed from /login to the view's answer; repeat views are POST /api/session {}
#      with the last sign-in's cookie, under the same load as a's repeat views. Summary: s's repeat-view req/s as a
#      share of a's, same run (target: at least 80 %).
# Usage: bench/run.sh [runs=3] [seconds per load step=10]. Results: target/bench/. BENCH_VARIANTS="a s" runs only those.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECONDS_PER_STEP=${2:-10}
OUT=target/bench
APP_PORT=18080
MANAGEMENT_PORT=18081
UPSTREAM_PORT=18500
LISTED_PATH=/bench/listed
# A small footprint, as for a 0.25 vCPU / 512 MiB Fargate task; the same flags as Dockerfile.jvm.
JVM_OPTS=${BENCH_JVM_OPTS:--XX:+UseSerialGC -Xms16m -Xmx48m -Xss256k -XX:ReservedCodeCacheSize=32m -XX:CICompilerCount=2}
export MALLOC_ARENA_MAX=2
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAVA=${BENCH_JAVA:-$( [ -x "$TEMURIN_25" ] && echo "$TEMURIN_25" || command -v java )}
JAVA_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
AOT=${BENCH_AOT:-$( [ "$JAVA_VERSION" -ge 24 ] && echo true || echo false )}
# Java 22+ (as Dockerfile.jvm): every 5 s, hand the memory C2's compiler arenas freed back to the OS.
if [ -z "${BENCH_JVM_OPTS:-}" ] && [ "$JAVA_VERSION" -ge 22 ]; then JVM_OPTS="$JVM_OPTS -XX:TrimNativeHeapInterval=5000"; fi
APP_DIR=target/quarkus-app   # the app runs from here, as in the image: /deployments/quarkus-run.jar
NAIVE_APP_DIR=target/bench-naive/quarkus-app

for tool in wrk hey curl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk hey curl >/dev/null; break; }
done

mkdir -p "$OUT"
if curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/" || curl -s -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/_calls"; then
  echo "ports $APP_PORT/$UPSTREAM_PORT are taken: stop what runs there first" >&2; exit 1
fi
if [ ! -f $APP_DIR/quarkus-run.jar ] || [ ! -d target/test-classes/io/parameterportal/bench ]; then
  ./mvnw -q -B package -DskipTests
fi
if [ ! -f $NAIVE_APP_DIR/quarkus-run.jar ]; then
  ./mvnw -q -B -Pbench-naive package -DskipTests
fi
echo "java: $JAVA (Java $JAVA_VERSION), AOT cache: $AOT, options: $JVM_OPTS" | tee "$OUT/jvm.txt"
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null

pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -cp "target/test-classes:$(cat "$OUT/cp.txt")" io.parameterportal.bench.BenchUpstream \
  "$UPSTREAM_PORT" "$OUT" 600 > "$OUT/upstream.log" 2>&1 &
pids+=($!)
until grep -qs "ready" "$OUT/upstream.log"; do sleep 0.2; done
UPSTREAM="http://127.0.0.1:$UPSTREAM_PORT"

calls() { curl -s "$UPSTREAM/_calls" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(d.get(k,0) for k in ("GetId","GetCredentialsForIdentity","GetParameter","GetParametersByPath","GetParameterHistory")))'; }
token_calls() { curl -s "$UPSTREAM/_calls" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("Token",0))'; }
decryptions() { curl -s "$UPSTREAM/_calls" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("Decrypting",0))'; }
post() { curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' --data-binary "@$1" "http://127.0.0.1:$APP_PORT${2:-/api/session}"; }

# Upstream calls per request, over n requests: first views (n new users), repeat views, invalid tokens.
account() {
  local n=200 before after
  before=$(calls); head -n $n "$OUT/first-view.txt" | tail -n $n | while read -r body; do
    curl -s -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$APP_PORT/api/session"; done
  after=$(calls); echo "first_view_calls=$(python3 -c "print(($after-$before)/$n)")"
  post "$OUT/repeat-view.json" >/dev/null   # the repeat user's own first view
  before=$(calls); for _ in $(seq $n); do post "$OUT/repeat-view.json" >/dev/null; done
  after=$(calls); echo "repeat_view_calls=$(python3 -c "print(($after-$before)/$n)")"
  before=$(calls); for _ in $(seq $n); do post "$OUT/invalid.json" >/dev/null; done
  after=$(calls); echo "invalid_token_calls=$(python3 -c "print(($after-$before)/$n)")"
}

start_app() { # variant-specific env in "$@"; APP_DIR_OF_VARIANT picks another jar (c)
  local started=$(date +%s%N) aot_cache="" dir=${APP_DIR_OF_VARIANT:-$APP_DIR}
  [ "$AOT" = true ] && [ "$dir" = "$APP_DIR" ] && aot_cache="-XX:AOTCache=app.aot"
  (cd "$dir" && exec env PORTAL_MODE=aws AWS_REGION=us-east-1 PORTAL_USER_POOL_ID=us-east-1_Faults PORTAL_CLIENT_ID=faultclient \
    PORTAL_IDENTITY_POOL_ID=us-east-1:11111111-2222-4333-8444-555555555555 \
    PORTAL_HOSTED_UI_DOMAIN="$UPSTREAM" PORTAL_PUBLIC_URL="http://127.0.0.1:$APP_PORT" PORTAL_PARAMETER_NAME=fa-012-authenticated \
    PORTAL_AWS_ENDPOINT="$UPSTREAM" QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$@" "$JAVA" $JVM_OPTS $aot_cache -jar "$PWD/quarkus-run.jar") > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  pids+=("$APP_PID")
  until curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/"; do sleep 0.01; done
  STARTED_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$APP_PID/status; }

served() { curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^http_server_requests_seconds_count/ {n += $2} END {printf "%d", n}'; }

# Repeat views until the app has answered 10,000 requests since its start, then its RSS. Arguments: hey's options
# for the request (default: a's repeat view; s: the session cookie's headers and {}).
rss_after_10k() {
  local request=("$@"); [ ${#request[@]} -gt 0 ] || request=(-D "$OUT/repeat-view.json")
  hey -n $((10000 - $(served))) -c 32 -m POST -T application/json "${request[@]}" \
    "http://127.0.0.1:$APP_PORT/api/session" > /dev/null
  echo "rss_after_10k_requests_mb=$(rss_mb)"
}

# The AOT cache: the same training run as Dockerfile.jvm's (local mode, sign-ins, views, refused
# tokens), with the benchmark's JVM and options. The cache is only valid for this jar and this JVM.
train_aot() {
  (cd "$APP_DIR" && JAVA="$JAVA" JAVA_OPTS="$JVM_OPTS" TRAINING_PORT=$APP_PORT bash ../../src/main/docker/train-aot.sh) \
    > "$OUT/aot-training.log" 2>&1 || { echo "the AOT training failed: see $OUT/aot-training.log" >&2; exit 1; }
  tail -n 1 "$OUT/aot-training.log" | tee -a "$OUT/jvm.txt"
}

# Start to first answer, three fresh starts (variant a), the median.
startup() {
  local times=()
  for _ in 1 2 3; do start_app; times+=("$STARTED_MS"); stop_app; done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p | sed 's/^/start_to_first_answer_ms=/'
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

wrk_run() { # label file [API path] [headers file]: one JSON body, or one body per line (cycled, one user per line);
  # the headers file's "Name: value" lines are sent with every request (s: the session cookie)
  local script="$OUT/$1.lua"
  cat > "$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
for line in io.lines("${4:-/dev/null}") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
local bodies, i = {}, 0
for line in io.lines("$2") do bodies[#bodies + 1] = line end
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
LUA
  # JIT warm-up, the same for every variant. 45 s: the code flow's session path (quarkus-oidc), which the AOT cache's
  # training (local mode, implicit flow) does not cover, needed about 40 s of this load to reach its steady rate; with
  # 15 s some runs measured it (and now and then a) still mid-way (docs/performance.md, 2026-12-05).
  wrk -t2 -c32 -d"${WARMUP:-45}s" -s "$script" "http://127.0.0.1:$APP_PORT${3:-/api/session}" >/dev/null
  wrk -t2 -c32 -d"${SECONDS_PER_STEP}s" --latency -s "$script" "http://127.0.0.1:$APP_PORT${3:-/api/session}" > "$OUT/$1.wrk"
  python3 bench/parse.py wrk "$1" < "$OUT/$1.wrk"
}

[ "$AOT" = true ] && train_aot

# A listing view (d, e): upstream calls of one user's repeat views, 200 of them after its first view.
listing_calls() {
  local n=200 before after
  post "$OUT/repeat-view.json" >/dev/null
  before=$(calls); for _ in $(seq $n); do post "$OUT/repeat-view.json" >/dev/null; done
  after=$(calls); echo "listing_repeat_view_calls=$(python3 -c "print(($after-$before)/$n)")"
}

# Secrets on demand (d): a view decrypts nothing and sends no SecureString value; Show and History cost one
# call each (the stand-in's history has two pages); then their throughput, and Show at an even 200 req/s.
secrets_on_demand() {
  local n=200 before after dec_before dec_after
  dec_before=$(decryptions); for _ in $(seq $n); do post "$OUT/repeat-view.json" >/dev/null; done; dec_after=$(decryptions)
  echo "view_decryptions=$(python3 -c "print(($dec_after-$dec_before)/$n)")"
  curl -s -H 'Content-Type: application/json' --data-binary "@$OUT/repeat-view.json" "http://127.0.0.1:$APP_PORT/api/session" \
    | python3 -c 'import json,sys; v=json.load(sys.stdin); s=[p for l in v["paths"] for p in l.get("parameters",[]) if p["type"]=="SecureString"]; print("view_securestrings_listed=%d" % len(s)); print("view_securestring_values_sent=%d" % sum(1 for p in s if p["value"] is not None))'
  before=$(calls); dec_before=$(decryptions); for _ in $(seq $n); do post "$OUT/reveal.json" /api/parameter >/dev/null; done
  after=$(calls); dec_after=$(decryptions)
  echo "reveal_calls=$(python3 -c "print(($after-$before)/$n)")"; echo "reveal_decryptions=$(python3 -c "print(($dec_after-$dec_before)/$n)")"
  before=$(calls); for _ in $(seq $n); do post "$OUT/history.json" /api/history >/dev/null; done; after=$(calls)
  echo "history_calls=$(python3 -c "print(($after-$before)/$n)")"
  wrk_run reveal "$OUT/reveal.json" /api/parameter
  wrk_run history "$OUT/history.json" /api/history
  # Show at an even 200 req/s, and the stand-in's own decrypting GetParameter at that pace: first the app alone at that
  # pace (its JIT warm-up for this load, as wrk_run's), then six rounds of 5 s each, app and stand-in in turn, so that
  # both see the same machine (this VM's noise drifts by the second); each side's p99 is of all its rounds together.
  # 45 s of warm-up, as wrk_run's: after 15 s C2 still spent 35-105 us of CPU per measured request recompiling for the
  # paced load (after the saturating ones), after 45 s 13-15 us (docs/performance.md, "Show at 200 req/s").
  hey -z 45s -q 200 -c 1 -m POST -T application/json -D "$OUT/reveal.json" "http://127.0.0.1:$APP_PORT/api/parameter" > /dev/null
  : > "$OUT/reveal200.csv"; : > "$OUT/upstream200.csv"
  for _ in 1 2 3 4 5 6; do
    hey -z 5s -q 200 -c 1 -o csv -m POST -T application/json -D "$OUT/reveal.json" \
      "http://127.0.0.1:$APP_PORT/api/parameter" | tail -n +2 >> "$OUT/reveal200.csv"
    hey -z 5s -q 200 -c 1 -o csv -m POST -T application/x-amz-json-1.1 -H "X-Amz-Target: AmazonSSM.GetParameter" \
      -d '{"Name":"/bench/listed/p02","WithDecryption":true}' "$UPSTREAM/" | tail -n +2 >> "$OUT/upstream200.csv"
  done
  python3 bench/parse.py heycsv "reveal200" < "$OUT/reveal200.csv"
  python3 bench/parse.py heycsv "upstream200" < "$OUT/upstream200.csv"
}

# The code flow (s): n sign-ins, each a new browser, timed from /login to its first view's answer; the AWS and
# token-endpoint calls per sign-in; the AWS calls of 200 repeat views with the session cookie; the RSS after 10,000
# requests, as a; then repeat views under the same load as a's (wrk_run repeat_view), the same user again and again
# with that cookie.
SESSION_SECRET=bench-only-session-secret-0123456789abcdef
session_views() {
  local n=100 before after tokens_before tokens_after
  before=$(calls); tokens_before=$(token_calls)
  python3 bench/signin.py "http://127.0.0.1:$APP_PORT" $n "$OUT/first_view.times" "$OUT/session.headers"
  after=$(calls); tokens_after=$(token_calls)
  echo "first_view_calls=$(python3 -c "print(($after-$before)/$n)")"
  echo "first_view_token_calls=$(python3 -c "print(($tokens_after-$tokens_before)/$n)")"
  python3 bench/parse.py times first_view < "$OUT/first_view.times"
  echo '{}' > "$OUT/session-view.json"
  local session=() line
  while read -r line; do session+=(-H "$line"); done < "$OUT/session.headers"
  before=$(calls); tokens_before=$(token_calls)
  for _ in $(seq 200); do
    curl -s -o /dev/null "${session[@]}" -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$APP_PORT/api/session"
  done
  after=$(calls); tokens_after=$(token_calls)
  echo "repeat_view_calls=$(python3 -c "print(($after-$before)/200)")"
  echo "repeat_view_token_calls=$(python3 -c "print(($tokens_after-$tokens_before)/200)")"
  # As a before its measured repeat views: 10,000 requests since the start (the same JIT warm-up), then the RSS.
  rss_after_10k "${session[@]}" -d '{}'
  wrk_run "repeat_view" "$OUT/session-view.json" /api/session "$OUT/session.headers"
}

rm -f "$OUT"/run-*.txt
for run in $(seq "$RUNS"); do
  result="$OUT/run-$run.txt"; : > "$result"
  for variant in ${BENCH_VARIANTS:-a s b c d e}; do
    case $variant in
      a) startup >> "$result.$variant"; start_app ;;
      s) start_app PORTAL_OAUTH_FLOW=code PORTAL_SESSION_SECRET=$SESSION_SECRET ;;
      b) start_app PORTAL_CREDENTIAL_CACHE_MAX_SIZE=0 ;;
      c) APP_DIR_OF_VARIANT=$NAIVE_APP_DIR start_app ;;
      d) start_app PORTAL_PARAMETER_PATHS=$LISTED_PATH ;;
      e) start_app PORTAL_PARAMETER_PATHS=$LISTED_PATH PORTAL_VALUE_CACHE_TTL=60s ;;
    esac
    # c builds a client per request: its upstream calls are a's, and 600 sequential views take minutes.
    case $variant in
      a|b) account >> "$result.$variant" ;;
      d|e) listing_calls >> "$result.$variant" ;;
    esac
    [ $variant = d ] && secrets_on_demand >> "$result.$variant"
    [ $variant = a ] && rss_after_10k >> "$result.$variant"
    # Repeat views of 600 users in turn: with the cache each is a hit; without it, three calls. (s: its own, above.)
    if [ $variant = s ]; then session_views >> "$result.$variant"; else wrk_run "repeat_view" "$OUT/first-view.txt" >> "$result.$variant"; fi
    if [ $variant = a ]; then
      wrk_run "invalid_token" "$OUT/invalid.json" >> "$result.$variant"
      # Fixed rate, evenly spaced: 500 req/s of repeat views on one connection (hey's -q paces each
      # worker, and many workers fire in bursts); then the upstream alone at the same rate.
      hey -z "${SECONDS_PER_STEP}s" -q 500 -c 1 -m POST -T application/json -D "$OUT/repeat-view.json" \
        "http://127.0.0.1:$APP_PORT/api/session" > "$OUT/rate500.hey"
      python3 bench/parse.py hey "rate500" < "$OUT/rate500.hey" >> "$result.$variant"
      hey -z "${SECONDS_PER_STEP}s" -q 500 -c 1 -m POST -T application/x-amz-json-1.1 -H "X-Amz-Target: AmazonSSM.GetParameter" \
        -d '{"Name":"fa-012-authenticated"}' "$UPSTREAM/" > "$OUT/upstream500.hey"
      python3 bench/parse.py hey "upstream500" < "$OUT/upstream500.hey" >> "$result.$variant"
      echo "requests_served=$(served)" >> "$result.$variant"
      echo "rss_at_end_mb=$(rss_mb)" >> "$result.$variant"
    fi
    stop_app
    sed "s/^/$variant./" "$result.$variant" >> "$result"; rm "$result.$variant"
  done
  echo "== run $run"; cat "$result"
done
python3 bench/parse.py summary "$OUT"/run-*.txt | tee "$OUT/summary.md"
