#!/usr/bin/env bash
# Soak (docs/reliability.md): the Release portal with the demo county on a new database, under a mixed load for
# SOAK_SECONDS (default 600): citizens browsing (home, domains, departments, records, the Atom feed, statistics) and
# searching, applicants applying and tracking, and an editor drafting and submitting records that a reviewer approves
# (published at once). Ends with a Markdown summary: requests, 5xx and p50/p99 per kind, the writes acknowledged and
# whether each one is in the database, the server's peak memory. Exit code 0 only with no 5xx, no errors, no lost write.
# A measurement, not a test: tests/run.sh never runs it.
#
#   tests/bench/soak.sh                                         SQLite (a new data folder, removed afterwards)
#   SOAK_SECONDS=120 tests/bench/soak.sh                        shorter
#   tests/bench/soak.sh --pg "Host=127.0.0.1;Port=5432;Username=postgres;Password=…"
#                                                               PostgreSQL: a new database on that server, dropped afterwards
#   environment: SOAK_SECONDS (600), SOAK_PORT (5199), SOAK_BROWSERS (3 browsing clients; plus one each searching,
#                applying, tracking and publishing)
# The summary is also written to tests/bench/results/<date>-soak-<database>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

export SOAK_DATABASE=sqlite
while [ $# -gt 0 ]; do
    case "$1" in
        --pg) export DP_TEST_PG=$2 SOAK_DATABASE=postgresql; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
export SOAK_SECONDS=${SOAK_SECONDS:-600} SOAK_PORT=${SOAK_PORT:-5199}
! curl -s -o /dev/null "http://127.0.0.1:$SOAK_PORT/" || { echo "port $SOAK_PORT is in use: set SOAK_PORT" >&2; exit 1; }

echo "building (Release)…" >&2
dotnet build tests/bench/soak -c Release -nologo -v q >/dev/null

REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo nogit)
OUT=tests/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-soak-$SOAK_DATABASE.md
mkdir -p "$(dirname "$OUT")"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "# DisclosurePortal soak — $(date -u +%Y-%m-%dT%H:%MZ), revision $REVISION"
    echo
    echo "\`SOAK_SECONDS=$SOAK_SECONDS tests/bench/soak.sh\` ($SOAK_DATABASE); $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load average before: $LOAD_BEFORE."
    echo
} >"$OUT"
status=0
DOTNET_gcServer=0 dotnet tests/bench/soak/bin/Release/net10.0/Soak.dll | tee -a "$OUT" || status=$?
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)." | tee -a "$OUT"
echo "Summary: $OUT" >&2
exit $status
