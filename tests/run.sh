#!/usr/bin/env bash
# The one test command (README). On Debian as root it installs what the tests need (PostgreSQL, Chromium,
# CJK fonts, Node.js and npm; then html-validate with npm ci in tests/tools); it starts a throwaway PostgreSQL
# cluster on a free port, runs every test project (the web tests
# against SQLite and that PostgreSQL; the browser tests in Debian's Chromium), and ends with the plain total:
#   N passed, N failed
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/tests/output"
rm -rf "$OUT"; mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[run.sh] %s\n' "$*" >&2; }

install_missing() {
    local need=()
    dpkg -s postgresql >/dev/null 2>&1 || need+=(postgresql)
    dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
    command -v redis-server >/dev/null 2>&1 || need+=(redis-server) # the cluster tests (issue 24)
    # Node (Debian 12's nodejs is 18.19; tests/tools/package.json's engines accept it) for html-validate (ADR 19).
    command -v node >/dev/null 2>&1 || need+=(nodejs)
    command -v npm >/dev/null 2>&1 || need+=(npm)
    [ ${#need[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        log "missing ${need[*]}: install them (apt-get install -y ${need[*]}) or run as root on Debian"
        return 1
    fi
    log "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$OUT/apt.log" 2>&1
}

# The Node tools the tests run (tests/tools/package-lock.json). If this fails the HTML validation test fails and says why.
install_tools() {
    log "installing tests/tools (npm ci)"
    (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error) >"$OUT/npm.log" 2>&1 \
        || log "npm ci in tests/tools failed (see tests/output/npm.log)"
}

free_port() {
    local p
    for _ in $(seq 1 100); do
        p=$(( (RANDOM % 30000) + 20000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
}

PG_DIR=""
PG_BIN=""
stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- env TMPDIR=/tmp "$@"; else "$@"; fi; }

start_postgres() {
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL server binaries not found"; return 1; }
    PG_DIR=$(mktemp -d /tmp/dp-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
    local port; port=$(free_port) || { log "no free port"; return 1; }
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
        || { log "initdb failed (see tests/output/initdb.log)"; return 1; }
    # A throwaway cluster: durability settings off for speed; the durability tests use their own server.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { log "PostgreSQL did not start"; cat "$PG_DIR/server.log" >&2; return 1; }
    export DP_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
    log "PostgreSQL $(basename "$(dirname "$PG_BIN")") on port $port"
}

# A throwaway Redis for the cluster tests (issue 24): no persistence, a free port, stopped at exit.
REDIS_DIR=""
stop_redis() {
    [ -n "$REDIS_DIR" ] || return 0
    [ -f "$REDIS_DIR/redis.pid" ] && kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null
    rm -rf "$REDIS_DIR"
}
start_redis() {
    command -v redis-server >/dev/null || { log "redis-server not found: the cluster tests will fail"; return 0; }
    REDIS_DIR=$(mktemp -d /tmp/dp-redis.XXXXXX)
    local port; port=$(free_port) || { log "no free port"; return 1; }
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --dir "$REDIS_DIR" >/dev/null \
        || { log "Redis did not start"; return 1; }
    export DP_TEST_REDIS="127.0.0.1:$port"
    log "Redis on port $port"
}

# Everything the tests write to the temporary folder (SQLite copies, attachments, Chromium's profiles) goes into one
# folder of this run's, deleted at the end. The tests drop each database when done with it; the peak the run's
# databases and files reached is logged at the end (a CI machine's disk may be small: stop 35 ran out of it).
RUN_TMP=$(mktemp -d /tmp/dp-run.XXXXXX)
export TMPDIR="$RUN_TMP"
DISK_WATCH=""
watch_disk() { # the largest size (MB) of the run's folder and PostgreSQL cluster, sampled every 10 s, into $OUT/disk-peak
    local peak=0 now
    while sleep 10; do
        now=$(du -smc "$RUN_TMP" ${PG_DIR:+"$PG_DIR"} 2>/dev/null | tail -n 1 | cut -f1)
        [ "${now:-0}" -gt "$peak" ] && { peak=$now; echo "$peak" >"$OUT/disk-peak"; }
    done
}
trap 'stop_postgres; stop_redis; [ -n "$DISK_WATCH" ] && kill "$DISK_WATCH" 2>/dev/null; rm -rf "$RUN_TMP"' EXIT
log "disk: $(df -Pm /tmp | awk 'NR==2 {print $4}') MB free in /tmp"

install_missing || exit 1
install_tools
start_postgres || { echo "0 passed, 1 failed"; exit 1; }
start_redis || { echo "0 passed, 1 failed"; exit 1; }
export DP_CHROMIUM="${DP_CHROMIUM:-/usr/bin/chromium}"
export DP_TEST_OUTPUT="$OUT"
watch_disk & DISK_WATCH=$!

log "building"
if ! dotnet build DisclosurePortal.sln -c Release -nologo -v q >"$OUT/build.log" 2>&1; then
    grep -E "error|Error" "$OUT/build.log" | sort -u | head -40 >&2
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0; failed=0; skipped=0
run_project() { # run_project NAME: its tests, the log and the trx in tests/output
    dotnet test "tests/$1/$1.csproj" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$1.trx" --logger "console;verbosity=minimal" \
        --results-directory "$OUT" >"$OUT/$1.log" 2>&1
}
count_project() { # count_project NAME: its outcome lines and what each failure said, then its counts into the totals
    local name=$1
    grep -E "^\s+(Failed|Passed|Skipped) |error|Passed!|Failed!" "$OUT/$name.log" >&2
    # What each failure said (its message, without the stack), so that a CI log alone tells why.
    awk '/^  Failed /{on=1; n=0} /^  Stack Trace:/{on=0} on && n++ < 25' "$OUT/$name.log" >&2
    local trx="$OUT/$name.trx"
    if [ -f "$trx" ]; then
        counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
        p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
        f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
        t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
        e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
        passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
        skipped=$((skipped + ${t:-0} - ${e:-0}))
        [ "${t:-0}" -gt 0 ] || { log "$name ran no test"; failed=$((failed + 1)); }
    else
        log "$name produced no results (crashed?)"; failed=$((failed + 1))
    fi
}

# The browser tests mostly wait on Chromium and the network; the rule tests and the reliability tests (which mostly
# wait on a portal process) run beside them. The web tests, which keep both cores busy, run on their own after.
log "testing DisclosurePortal.Browser.Tests, DisclosurePortal.Domain.Tests and DisclosurePortal.Reliability.Tests side by side"
run_project DisclosurePortal.Browser.Tests & browser=$!
run_project DisclosurePortal.Domain.Tests
run_project DisclosurePortal.Reliability.Tests
wait "$browser"
log "testing DisclosurePortal.Web.Tests"
run_project DisclosurePortal.Web.Tests
for name in DisclosurePortal.Browser.Tests DisclosurePortal.Domain.Tests DisclosurePortal.Reliability.Tests DisclosurePortal.Web.Tests; do
    count_project "$name"
done
missing=$(ls tests/*.Tests/*.Tests.csproj | xargs -n1 basename | sed 's/\.csproj$//' \
    | grep -vxE 'DisclosurePortal\.(Browser|Domain|Reliability|Web)\.Tests' || true)
[ -z "$missing" ] || { log "test projects run.sh does not run: $missing"; failed=$((failed + 1)); }
[ -f "$OUT/disk-peak" ] && log "disk: the run's databases and files took at most $(cat "$OUT/disk-peak") MB"

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
