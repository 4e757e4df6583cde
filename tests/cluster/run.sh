#!/usr/bin/env bash
# tests/cluster/run.sh — the portal as a cluster on one machine (issue 24), checked end to end from outside.
#
# Run it as root on Debian (12) from anywhere:   tests/cluster/run.sh
#
# It installs what it needs (postgresql, redis-server, nginx, curl, python3; apt-get only for what is missing),
# builds the portal once (Release), and starts in a work folder under /tmp:
#   - a throwaway PostgreSQL cluster (initdb -A trust, a free loopback port) with the database "portal";
#   - a throwaway Redis (no persistence, a free port);
#   - a PKCS #12 certificate (openssl) for Cluster:KeyCertificate;
#   - a small SMTP sink (tests/cluster/smtp_sink.py) that writes every mail it receives to a file;
#   - three portal nodes (dotnet, Production, Cluster:Redis set) on loopback ports, node 1 first (it migrates the
#     database and seeds the demo data), then nodes 2 and 3;
#   - nginx in front of them (round robin, retrying GETs on the next node when one fails).
# Then it runs the checks and prints one line per check,   PASS name (what it measured)   or   FAIL name: reason,
# and last   N passed, M failed   (exit status 1 if any failed):
#   0  node 1, in cluster mode, starts on the empty database (if not, the database is migrated by a single-node start
#      first, so that the other checks still run: see prepare_database);
#   1  a record published through node 1 shows on nodes 2 and 3 (their output-cached pages too) within 1 s, node 3's
#      search finds it; withdrawn, it is gone from every node within 1 s;
#   2  a session begun on node 1 is good on nodes 2 and 3; a form read on node 2 is accepted by node 3;
#   3  a search limit of 12 per 10 minutes holds over all nodes: 18 searches from one address, 12 answered;
#   4  an attachment uploaded through node 1 downloads through node 3, the same bytes;
#   6  one outbox mail, three nodes polling the outbox: sent exactly once;
#   7  a county run as a single node on PostgreSQL, its keys folder imported (DisclosurePortal.Tools import-keys),
#      served by a node in cluster mode: the identity numbers it sealed are read whole;
#   5  node 2 killed under the soak's mixed load through nginx (tests/bench/soak, reads and writes): no acknowledged
#      write lost, only requests in flight at the kill fail, node 2 back within 60 s; Redis stopped and started: 503
#      with Retry-After, then 200 by itself; the same with PostgreSQL.
# Checks 1-4 and 6 drive the pages and their forms from tests/cluster/checks.py (Python 3, standard library); check 5
# is below. On exit everything it started is stopped and the work folder removed; when a check failed (or the set-up
# did) the logs are kept in tests/cluster/output/.
#
# This is NOT part of tests/run.sh (the test command of the README): it needs root, installs nginx, kills processes on
# purpose and takes about 4 minutes on a 2-core machine once the portal is built (under a minute of start-up with the
# migrations and the demo data, 10 s watching for a second mail, 30 s of mixed load, 35 s without PostgreSQL, the
# single county's start with its own demo data), plus the build and any apt-get install on a fresh machine.
#
# DP_CLUSTER_EVICTIONS=postgres tests/cluster/run.sh sends the evictions by PostgreSQL LISTEN/NOTIFY instead of Redis
# pub/sub (Cluster:Evictions; ADR 45 compares the two with check 1's delays).
#
# DP_CLUSTER_HOLD=1 tests/cluster/run.sh starts the cluster, prints its addresses and waits (Ctrl-C stops it) instead
# of running the checks: for looking at the cluster by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUTPUT="$ROOT/tests/cluster/output"
DLL="$ROOT/src/DisclosurePortal.Web/bin/Release/net10.0/DisclosurePortal.Web.dll"
TOOLS="$ROOT/src/DisclosurePortal.Tools/bin/Release/net10.0/DisclosurePortal.Tools.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PYTHONDONTWRITEBYTECODE=1

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { log "$*"; echo "${PASSED:-0} passed, $(( ${FAILED:-0} + 1 )) failed"; exit 1; }

WORK=""          # the work folder: data, logs, configuration; removed at exit
PG_BIN=""
PG_PORT=""
REDIS_PORT=""
SMTP_PORT=""
SMTP_PID=""
MIGRATE_PID=""
NGINX_PORT=""
CERT=""
SHARED=""
declare -A NODE_PORT=() NODE_PID=()
KEEP_LOGS=1      # set to 0 once the checks have run and all passed

# ---------------------------------------------------------------------------------------------------------- set-up

install_missing() {
    local need=()
    dpkg -s postgresql >/dev/null 2>&1 || need+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
    command -v nginx >/dev/null 2>&1 || need+=(nginx)
    command -v curl >/dev/null 2>&1 || need+=(curl)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    command -v openssl >/dev/null 2>&1 || need+=(openssl)
    [ ${#need[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null || die "missing ${need[*]}: run as root on Debian, or install them"
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    # Debian starts the packaged services; this script runs its own copies on other ports, so the packaged ones are
    # left as the package set them up.
}

free_port() { # a port nobody listens on (as tests/run.sh), and none handed out before in this run ($WORK/ports)
    local p
    for _ in $(seq 1 200); do
        p=$(( (RANDOM % 30000) + 20000 ))
        grep -qx "$p" "$WORK/ports" 2>/dev/null && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p" >>"$WORK/ports"
            echo "$p"
            return 0
        fi
    done
    return 1
}

build() {
    log "building the portal (Release)"
    dotnet build src/DisclosurePortal.Web -c Release -nologo -v q >"$WORK/build.log" 2>&1 \
        || { grep -E "error" "$WORK/build.log" | sort -u | head -20 >&2; die "the build failed"; }
    [ -f "$DLL" ] || die "no $DLL after the build"
    dotnet build src/DisclosurePortal.Tools -c Release -nologo -v q >>"$WORK/build.log" 2>&1 \
        || { grep -E "error" "$WORK/build.log" | sort -u | head -20 >&2; die "the tools (src/DisclosurePortal.Tools) did not build"; }
    dotnet build tests/bench/soak -c Release -nologo -v q >>"$WORK/build.log" 2>&1 \
        || { grep -E "error" "$WORK/build.log" | sort -u | head -20 >&2; die "the soak driver (tests/bench/soak) did not build"; }
}

as_pg() { runuser -u postgres -- "$@"; }

pg_start() { # (again) on the same folder and port
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
}
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m "${1:-fast}" -w stop >/dev/null; }

start_postgres() {
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries not found"
    mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
    PG_PORT=$(free_port) || die "no free port"
    as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/pg/initdb.log" 2>&1 \
        || die "initdb failed (see the logs)"
    pg_start || die "PostgreSQL did not start"
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres portal
    log "PostgreSQL $(basename "$(dirname "$PG_BIN")") on port $PG_PORT"
}

redis_start() { # (again) on the same port
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$WORK/redis/redis.pid" --logfile "$WORK/redis/redis.log" --dir "$WORK/redis" >/dev/null
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}

start_redis() {
    mkdir -p "$WORK/redis"
    REDIS_PORT=$(free_port) || die "no free port"
    redis_start || die "Redis did not start"
    log "Redis on port $REDIS_PORT"
}

make_certificate() {
    CERT="$WORK/cluster.pfx"
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=dp-cluster \
        -keyout "$WORK/cluster.key" -out "$WORK/cluster.crt" >/dev/null 2>&1
    openssl pkcs12 -export -passout pass:cluster -inkey "$WORK/cluster.key" -in "$WORK/cluster.crt" -out "$CERT"
}

start_smtp_sink() {
    SMTP_PORT=$(free_port) || die "no free port"
    : >"$WORK/mail.jsonl"
    python3 "$ROOT/tests/cluster/smtp_sink.py" "$SMTP_PORT" "$WORK/mail.jsonl" >"$WORK/smtp.log" 2>&1 &
    SMTP_PID=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && { log "SMTP sink on port $SMTP_PORT"; return 0; }; sleep 0.1; done
    die "the SMTP sink did not start"
}

# What every portal process gets: the shared database, the settings the checks need (a search limit of 12 per 10
# minutes, the other limits of one address out of the soak's way in check 5a, mail to the SMTP sink, polled every second), and the balancer (127.0.0.1) trusted for X-Forwarded-For.
common_args() {
    COMMON=(--contentRoot "$ROOT/src/DisclosurePortal.Web" --environment Production
        --Database:Provider=PostgreSQL "--ConnectionStrings:Portal=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal"
        --Storage:AttachmentsFolder="$SHARED/attachments"
        --ForwardedHeaders:KnownProxies=127.0.0.1
        --RateLimits:Search:PermitLimit=12 --RateLimits:Search:WindowSeconds=600
        --RateLimits:Apply:PermitLimit=1000000 --RateLimits:Track:PermitLimit=1000000 --RateLimits:Login:PermitLimit=1000000
        --Mail:Host=127.0.0.1 --Mail:Port="$SMTP_PORT" --Mail:Security=None --Mail:Timeout=00:00:05
        --Mail:PollInterval=00:00:01 --Mail:From=portal@dp-cluster.test)
}

# One node: its own port, log file, Data Protection folder and data folder; the database, Redis, the certificate and
# the attachments folder shared with the others.
start_node() {
    local i=$1
    [ -n "${NODE_PORT[$i]:-}" ] || NODE_PORT[$i]=$(free_port) || die "no free port"
    mkdir -p "$WORK/keys$i" "$WORK/data$i"
    common_args
    echo "--- $(date '+%F %T') starting node $i" >>"$WORK/node$i.log"
    dotnet "$DLL" --urls "http://127.0.0.1:${NODE_PORT[$i]}" "${COMMON[@]}" \
        --Cluster:Redis="127.0.0.1:$REDIS_PORT" --Cluster:KeyCertificate="$CERT" --Cluster:KeyCertificatePassword=cluster \
        --Cluster:NodeName="node$i" --Cluster:Evictions="${DP_CLUSTER_EVICTIONS:-redis}" --DataProtection:KeysFolder="$WORK/keys$i" --Database:DataFolder="$WORK/data$i" \
        --Seed:DemoData=true \
        >>"$WORK/node$i.log" 2>&1 &
    NODE_PID[$i]=$!
    disown "${NODE_PID[$i]}" # no job notices from bash when one is killed on purpose (check 5) or fails to start
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true; }

wait_ready() { # wait_ready I SECONDS: until /healthz/ready of node I answers 200
    local i=$1 deadline=$(( SECONDS + $2 ))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(status_of "http://127.0.0.1:${NODE_PORT[$i]}/healthz/ready")" = 200 ] && return 0
        kill -0 "${NODE_PID[$i]}" 2>/dev/null || { log "node $i exited (see node$i.log)"; return 1; }
        sleep 0.5
    done
    log "node $i not ready after $2 s:"; tail -n 30 "$WORK/node$i.log" >&2
    return 1
}

start_nodes() {
    # One attachments folder for all nodes: it stands for the shared mount (NFS, say) the nodes of a real cluster have.
    SHARED="$WORK/shared"
    mkdir -p "$SHARED/attachments"
    log "starting node 1 (migrates the database and seeds the demo data: a minute or two)"
    local started=$SECONDS
    start_node 1
    if wait_ready 1 600; then
        pass "0-first-node-on-an-empty-database"
    elif ! kill -0 "${NODE_PID[1]}" 2>/dev/null; then
        local why
        why=$(grep -m 1 -oE 'MessageText: .*|Unhandled exception\. .*' "$WORK/node1.log" || true)
        fail "0-first-node-on-an-empty-database" "node 1 (cluster mode) exited on start on the empty database (${why:-see node1.log}); the database is migrated by a single-node start first instead, and the cluster started on it"
        prepare_database
        start_node 1
        wait_ready 1 600 || die "node 1 did not become ready"
    else
        die "node 1 did not become ready"
    fi
    log "node 1 ready on port ${NODE_PORT[1]} after $(( SECONDS - started )) s; starting nodes 2 and 3"
    start_node 2
    start_node 3
    wait_ready 2 180 || die "node 2 did not become ready"
    wait_ready 3 180 || die "node 3 did not become ready"
    log "nodes ready on ports ${NODE_PORT[1]}, ${NODE_PORT[2]}, ${NODE_PORT[3]}"
}

# The workaround for check 0 failing: the portal started once as a single node (no Cluster:Redis, no demo data) only
# applies the migrations, then stops. The cluster's node 1 then finds its tables and seeds the demo data itself, with
# the cluster's shared keys (the single node's keys folder is thrown away).
prepare_database() {
    local port pid deadline
    port=$(free_port) || die "no free port"
    common_args
    log "migrating the database with a single-node start"
    dotnet "$DLL" --urls "http://127.0.0.1:$port" "${COMMON[@]}" --Seed:DemoData=false \
        --DataProtection:KeysFolder="$WORK/keys0" --Database:DataFolder="$WORK/data0" >"$WORK/migrate.log" 2>&1 &
    pid=$!
    MIGRATE_PID=$pid
    deadline=$(( SECONDS + 600 ))
    until [ "$(status_of "http://127.0.0.1:$port/healthz/ready")" = 200 ]; do
        kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ] || die "the single-node start did not migrate the database (see migrate.log)"
        sleep 0.5
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    MIGRATE_PID=""
}

start_nginx() {
    NGINX_PORT=$(free_port) || die "no free port"
    mkdir -p "$WORK/nginx"
    cat >"$WORK/nginx.conf" <<EOF
# The balancer in front of the three nodes (tests/cluster/run.sh).
user www-data;
worker_processes 1;
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 512; }
http {
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    client_max_body_size 30m;
    upstream portal {
        # Round robin; a node that fails once is left out for 2 s, then tried again.
        server 127.0.0.1:${NODE_PORT[1]} max_fails=1 fail_timeout=2s;
        server 127.0.0.1:${NODE_PORT[2]} max_fails=1 fail_timeout=2s;
        server 127.0.0.1:${NODE_PORT[3]} max_fails=1 fail_timeout=2s;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # A request that failed on one node is tried on the next: by default nginx does this only for requests
            # that are not POSTs (non-idempotent requests are never sent twice).
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
}
EOF
    nginx -c "$WORK/nginx.conf" -p "$WORK" -t >"$WORK/nginx-test.log" 2>&1 || { cat "$WORK/nginx-test.log" >&2; die "nginx configuration refused"; }
    nginx -c "$WORK/nginx.conf" -p "$WORK" || die "nginx did not start"
    for _ in $(seq 1 50); do [ "$(status_of "http://127.0.0.1:$NGINX_PORT/healthz/live")" = 200 ] && { log "nginx on port $NGINX_PORT"; return 0; }; sleep 0.1; done
    die "nginx does not answer"
}

cleanup() {
    local status=$?
    set +e
    [ -n "$WORK" ] || return
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    for i in "${!NODE_PID[@]}"; do kill "${NODE_PID[$i]}" 2>/dev/null; done
    for _ in $(seq 1 100); do
        local alive=0
        for i in "${!NODE_PID[@]}"; do kill -0 "${NODE_PID[$i]}" 2>/dev/null && alive=1; done
        [ $alive -eq 0 ] && break
        sleep 0.1
    done
    for i in "${!NODE_PID[@]}"; do kill -0 "${NODE_PID[$i]}" 2>/dev/null && kill -9 "${NODE_PID[$i]}" 2>/dev/null; done
    [ -n "$MIGRATE_PID" ] && kill "$MIGRATE_PID" 2>/dev/null
    [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null
    [ -n "${LOAD_PIDS:-}" ] && kill $LOAD_PIDS 2>/dev/null
    [ -f "$WORK/redis/redis.pid" ] && kill "$(cat "$WORK/redis/redis.pid")" 2>/dev/null
    [ -n "$PG_BIN" ] && [ -d "$WORK/pg/data" ] && pg_stop immediate 2>/dev/null
    if [ "$status" -ne 0 ] || [ "$KEEP_LOGS" -ne 0 ]; then
        mkdir -p "$OUTPUT"
        cp "$WORK"/*.log "$WORK"/*.jsonl "$WORK"/*.txt "$WORK/nginx.conf" "$OUTPUT"/ 2>/dev/null
        cp "$WORK/pg/server.log" "$OUTPUT/postgres.log" 2>/dev/null
        cp "$WORK/redis/redis.log" "$OUTPUT/redis.log" 2>/dev/null
        log "logs kept in tests/cluster/output/"
    fi
    rm -rf "$WORK"
}

# ---------------------------------------------------------------------------------------------------------- checks

PASSED=0
FAILED=0
pass() { echo "PASS $1"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $1: $2"; FAILED=$((FAILED + 1)); }

node_url() { echo "http://127.0.0.1:${NODE_PORT[$1]}"; }

# Checks 1-4 and 6 drive the portal over HTTP (tests/cluster/checks.py); their PASS/FAIL lines are counted here.
run_python_checks() {
    local out
    out=$(python3 "$ROOT/tests/cluster/checks.py" --nodes "$(node_url 1)" "$(node_url 2)" "$(node_url 3)" \
        --balancer "http://127.0.0.1:$NGINX_PORT" --mail-file "$WORK/mail.jsonl" --facts "$WORK/facts.txt" "$@" 2>>"$WORK/checks.log") || true
    local line
    while IFS= read -r line; do
        case "$line" in
            "PASS "*) echo "$line"; PASSED=$((PASSED + 1)) ;;
            "FAIL "*) echo "$line"; FAILED=$((FAILED + 1)) ;;
            *) [ -n "$line" ] && echo "$line" >&2 ;;
        esac
    done <<<"$out"
    if ! grep -q . <<<"$out"; then fail "checks.py $*" "it printed nothing (see checks.log)"; fi
}

# Check 5: what the nodes do when one of them, Redis or PostgreSQL goes away, and when it comes back.

now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%02d' $(( ms / 1000 )) $(( ms % 1000 / 10 )); }

probe() { # probe URL: "STATUS RETRY-AFTER" (000 when nothing answered, - when no Retry-After)
    local headers status retry
    headers=$(curl -s -o /dev/null -D - --max-time 5 "$1" 2>/dev/null || true)
    status=$(awk 'NR == 1 { print $2 }' <<<"$headers" | tr -d '\r')
    retry=$(grep -i '^retry-after:' <<<"$headers" | awk '{ print $2 }' | tr -d '\r' || true)
    echo "${status:-000} ${retry:--}"
}

wait_status() { # wait_status URL STATUS SECONDS [retry]: until URL answers STATUS (with Retry-After if "retry")
    local deadline=$(( $(now_ms) + $3 * 1000 )) answer
    while [ "$(now_ms)" -lt $deadline ]; do
        answer=$(probe "$1")
        if [ "${answer% *}" = "$2" ] && { [ "${4:-}" != retry ] || [ "${answer#* }" != - ]; }; then return 0; fi
        sleep 0.1
    done
    LAST_ANSWER=$answer
    return 1
}

fact() { sed -n "s/^$1=//p" "$WORK/facts.txt" 2>/dev/null | head -n 1; }

# 5a: under the soak's mixed load through nginx (tests/bench/soak: citizens browsing, searching, applying and
# tracking; an editor drafting and submitting, a reviewer approving and publishing), node 2 is killed (SIGKILL) 10 s
# in and started again 2 s later. It holds when every write the portal acknowledged (an application's receipt, an
# approval's redirect) is in the database, read there at the end; every failed request was one node 2 had at the kill
# (answered in the second after it: a POST it was working on, or one nginx had just sent it over a kept-alive
# connection before noticing it gone; nginx sends a GET that failed to the next node, but never a POST twice), and
# there are no more of them than the soak's clients; and node 2 serves through nginx again within 60 s of its restart.
SOAK_CLIENTS=7 # tests/bench/soak: three browsing, one each searching, applying, tracking and publishing
check_5a() {
    local name=5a-node-killed-under-mixed-load seconds=30
    : >"$WORK/soak-failures.txt"
    SOAK_URL="http://127.0.0.1:$NGINX_PORT" SOAK_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal" \
        SOAK_SECONDS=$seconds SOAK_FAILURES="$WORK/soak-failures.txt" \
        dotnet "$ROOT/tests/bench/soak/bin/Release/net10.0/Soak.dll" >"$WORK/soak.md" 2>"$WORK/soak.log" &
    LOAD_PIDS=$!
    sleep 10
    local killed_at restarted back=""
    killed_at=$(now_ms)
    kill -9 "${NODE_PID[2]}"
    sleep 2
    restarted=$(now_ms)
    start_node 2
    local deadline=$(( restarted + 60000 ))
    while [ "$(now_ms)" -lt $deadline ]; do
        if [ "$(curl -s -o /dev/null --max-time 5 -w '%header{x-portal-node}' "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null || true)" = node2 ]; then
            back=$(seconds_since "$restarted"); break
        fi
        sleep 0.25
    done
    local soak_status=0
    wait "$LOAD_PIDS" || soak_status=$?
    LOAD_PIDS=""
    sed 's/^/    /' "$WORK/soak.md" >&2
    local failures in_flight others writes
    failures=$(wc -l <"$WORK/soak-failures.txt")
    at_kill() { awk -v k="$killed_at" "$1"' ($2 >= k && $2 <= k + 1000)' "$WORK/soak-failures.txt"; }
    in_flight=$(at_kill "" | wc -l)
    others=$(( failures - in_flight ))
    writes=$(grep -o '^Writes acknowledged: .*' "$WORK/soak.md" || true)
    log "5a: node 2 killed at $killed_at (ms); $failures failed requests, $in_flight of them answered in the second after the kill:"
    at_kill "" | sed 's/^/    /' >&2
    [ "$others" -eq 0 ] || at_kill "!" | head -n 10 >&2
    if [ -z "$writes" ]; then
        fail $name "the soak did not finish (see soak.log)"
    elif [ "$soak_status" -ne 0 ]; then
        fail $name "an acknowledged write is not in the database: $writes"
    elif [ "$others" -gt 0 ]; then
        fail $name "$others failed requests were not node 2's at the kill (listed above)"
    elif [ "$in_flight" -gt $SOAK_CLIENTS ]; then
        fail $name "$in_flight requests failed at the kill, more than the $SOAK_CLIENTS the soak's clients can have in flight"
    elif [ -z "$back" ]; then
        fail $name "node 2, started again, did not serve through nginx within 60 s (see node2.log)"
    else
        local total
        total=$(sed -n 's/^| \*\*all\*\* | \([0-9]*\) .*/\1/p' "$WORK/soak.md")
        writes=${writes#Writes acknowledged: }
        pass "$name (${total:-?} requests in $seconds s, $in_flight failed, at the kill; acknowledged: ${writes%.}; node 2 served through nginx again $back s after its restart)"
    fi
}

# 7: a county that ran as a single node on PostgreSQL becomes a cluster (docs/scaling.md, "From one node to several"):
# a single node (no Cluster:Redis) on a database of its own seeds the demo county, sealing its applicants' identity
# numbers with the keys of its keys folder, and stops; DisclosurePortal.Tools import-keys moves that folder into the
# database; node 4, in cluster mode on that database (a cluster name of its own), then shows those numbers whole on
# the office's case pages (checks.py), none "（无法解密）".
check_7() {
    local name=7-single-node-becomes-a-cluster port pid deadline county
    county="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=county"
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres county
    port=$(free_port) || die "no free port"
    common_args
    log "7: the county as a single node (its own keys folder, the demo data)"
    dotnet "$DLL" --urls "http://127.0.0.1:$port" "${COMMON[@]}" "--ConnectionStrings:Portal=$county" --Seed:DemoData=true \
        --DataProtection:KeysFolder="$WORK/county-keys" --Database:DataFolder="$WORK/county-data" >"$WORK/county-single.log" 2>&1 &
    pid=$!
    MIGRATE_PID=$pid
    deadline=$(( SECONDS + 600 ))
    until [ "$(status_of "http://127.0.0.1:$port/healthz/ready")" = 200 ]; do
        if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
            fail $name "the single node did not start on its database (see county-single.log)"; return
        fi
        sleep 0.5
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    MIGRATE_PID=""
    if ! dotnet "$TOOLS" import-keys --from "$WORK/county-keys" --Database:Provider=PostgreSQL "--ConnectionStrings:Portal=$county" \
        --Cluster:KeyCertificate="$CERT" --Cluster:KeyCertificatePassword=cluster >"$WORK/import-keys.log" 2>&1; then
        fail $name "import-keys failed: $(tail -n 3 "$WORK/import-keys.log" | tr '\n' ' ')"; return
    fi
    log "7: $(grep -m 1 "^Imported" "$WORK/import-keys.log")"
    NODE_PORT[4]=$(free_port) || die "no free port"
    mkdir -p "$WORK/keys4" "$WORK/data4"
    dotnet "$DLL" --urls "http://127.0.0.1:${NODE_PORT[4]}" "${COMMON[@]}" "--ConnectionStrings:Portal=$county" \
        --Cluster:Redis="127.0.0.1:$REDIS_PORT" --Cluster:Name=county --Cluster:KeyCertificate="$CERT" --Cluster:KeyCertificatePassword=cluster \
        --Cluster:NodeName=node4 --DataProtection:KeysFolder="$WORK/keys4" --Database:DataFolder="$WORK/data4" --Seed:DemoData=true \
        >>"$WORK/node4.log" 2>&1 &
    NODE_PID[4]=$!
    disown "${NODE_PID[4]}"
    wait_ready 4 180 || { fail $name "node 4 did not become ready on the county's database (see node4.log)"; return; }
    run_python_checks --county "$(node_url 4)" 7
}

# 5b: Redis stopped: every node answers 503 with Retry-After within 5 s; Redis started again: 200 again within 10 s,
# without a restart.
check_5b() {
    local name=5b-redis-away-and-back problems=() away=() back=() t
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    t=$(now_ms)
    for i in 1 2 3; do
        if wait_status "$(node_url "$i")/" 503 5 retry; then away+=("node$i $(seconds_since "$t") s")
        else problems+=("node $i answered $LAST_ANSWER (status, Retry-After), not 503 with Retry-After, 5 s after Redis stopped"); fi
    done
    redis_start || { fail $name "Redis did not start again"; return; }
    t=$(now_ms)
    for i in 1 2 3; do
        if wait_status "$(node_url "$i")/" 200 10; then back+=("node$i $(seconds_since "$t") s")
        else problems+=("node $i answered $LAST_ANSWER, not 200, 10 s after Redis started again"); fi
    done
    if [ ${#problems[@]} -gt 0 ]; then
        fail $name "$(IFS=';'; echo "${problems[*]}")"
    else
        pass "$name (503 with Retry-After after: ${away[*]}; 200 again after: ${back[*]})"
    fi
}

# 5c: PostgreSQL stopped (pg_ctl stop -m fast): pages that need it answer 503 with Retry-After, not 500 — watched for 35 s,
# longer than the 30 s a node keeps the site's particulars without reading them again (SiteIdentityStore.MaxAge), as a
# visitor during a real outage sees them; started again: 200 again within 10 s, by itself.
check_5c() {
    local name=5c-postgres-away-and-back column record answers=() problems=() back=() t i answer
    column=$(fact COLUMN); record=$(fact RECORDS); record=${record%% *}
    pg_stop fast || { fail $name "pg_ctl stop failed"; return; }
    t=$(now_ms)
    while [ "$(now_ms)" -lt $(( t + 35000 )) ]; do
        for i in 1 2 3; do
            # A query string of its own: never in the output cache, so the page is computed from the database.
            for url in "${record:-/departments}?t=$RANDOM$RANDOM" "${column:-/departments}&t=$RANDOM$RANDOM"; do
                answer=$(probe "$(node_url "$i")$url")
                answers+=("$answer")
            done
        done
        sleep 1
    done
    local total=${#answers[@]} good counts
    good=$(printf '%s\n' "${answers[@]}" | awk '$1 == 503 && $2 != "-"' | wc -l)
    counts=$(printf '%s\n' "${answers[@]}" | awk '{ n[$1 ($1 == 503 && $2 == "-" ? " without Retry-After" : "")]++ } END { for (k in n) printf "%s: %d, ", k, n[k] }' | sed 's/, $//')
    log "5c: with PostgreSQL away: $counts"
    [ "$good" -eq "$total" ] || problems+=("with PostgreSQL away for 35 s, $((total - good)) of $total answers of pages that need it were not 503 with Retry-After ($counts)")
    pg_start || { fail $name "PostgreSQL did not start again"; return; }
    t=$(now_ms)
    for i in 1 2 3; do
        if wait_status "$(node_url "$i")${record:-/departments}?t=$RANDOM" 200 10; then back+=("node$i $(seconds_since "$t") s")
        else problems+=("node $i answered $LAST_ANSWER, not 200, 10 s after PostgreSQL started again"); fi
    done
    if [ ${#problems[@]} -gt 0 ]; then
        fail $name "$(IFS=';'; echo "${problems[*]}")${back[*]:+; 200 again after PostgreSQL started: ${back[*]}}"
    else
        pass "$name ($total answers in 35 s, all 503 with Retry-After; 200 again after: ${back[*]})"
    fi
}

# ---------------------------------------------------------------------------------------------------------- main

main() {
    [ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and runs PostgreSQL as the postgres user)"
    install_missing
    rm -rf "$OUTPUT" # the logs of an earlier run
    WORK=$(mktemp -d /tmp/dp-cluster.XXXXXX)
    chmod 755 "$WORK" # the postgres and nginx users reach their folders inside it
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    local begun=$SECONDS
    build
    start_postgres
    start_redis
    make_certificate
    start_smtp_sink
    start_nodes
    start_nginx
    log "cluster up after $(( SECONDS - begun )) s (evictions by ${DP_CLUSTER_EVICTIONS:-redis})"
    if [ "${DP_CLUSTER_HOLD:-0}" = 1 ]; then
        log "holding: nodes $(node_url 1) $(node_url 2) $(node_url 3), nginx http://127.0.0.1:$NGINX_PORT, PostgreSQL port $PG_PORT, Redis port $REDIS_PORT, SMTP port $SMTP_PORT, work folder $WORK"
        while true; do sleep 60 & wait $!; done # wait: the trap runs at once on Ctrl-C
    fi

    run_python_checks 1 2 3 4 6
    check_5a
    check_5b
    check_5c
    check_7
    [ "$FAILED" -eq 0 ] && KEEP_LOGS=0
    log "checks took $(( SECONDS - begun )) s in all"
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

main "$@"
