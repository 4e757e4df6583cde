#!/usr/bin/env bash
# Open-data exports at a million records: copies the demo county's published records until there are N
# (default 1,000,000), runs the app on that database, downloads the whole-site CSV and JSON, and reports the
# time, the size and the app's peak resident memory (VmHWM) before and after. A measurement, not a test.
#   tests/bench/open-data-export.sh [N]                     SQLite (a file in a temporary folder)
#   DP_BENCH_PG="Host=…;Username=…" tests/bench/open-data-export.sh [N]   PostgreSQL (a new database on that server)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
PORT=${DP_BENCH_PORT:-5099}
WORK=$(mktemp -d /tmp/dp-bench-export.XXXXXX)
APP=src/DisclosurePortal.Web/bin/Release/net10.0/DisclosurePortal.Web.dll
dotnet build src/DisclosurePortal.Web -c Release -nologo -v q >/dev/null

# psql on the server named by the Npgsql connection string (Host, Port, Username, Password).
pg() {
    local part; local -A cs=()
    IFS=';' read -ra parts <<<"$DP_BENCH_PG"
    for part in "${parts[@]}"; do cs[${part%%=*}]=${part#*=}; done
    PGPASSWORD=${cs[Password]:-} psql -h "${cs[Host]:-127.0.0.1}" -p "${cs[Port]:-5432}" -U "${cs[Username]:-postgres}" -v ON_ERROR_STOP=1 -q -d "$@"
}

if [ -n "${DP_BENCH_PG:-}" ]; then
    DB="bench_export_$$"
    pg postgres -c "CREATE DATABASE $DB" >/dev/null
    ARGS=(--Database:Provider=PostgreSQL "--ConnectionStrings:Portal=$DP_BENCH_PG;Database=$DB")
else
    ARGS=(--Database:DataFolder="$WORK")
fi

start_app() {
    ! curl -s -o /dev/null "http://127.0.0.1:$PORT/" || { echo "port $PORT is in use: set DP_BENCH_PORT"; exit 1; }
    dotnet "$APP" --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DisclosurePortal.Web" --Logging:LogLevel:Default=Warning "${ARGS[@]}" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && return 0; sleep 1; done
    echo "the app did not start"; cat "$WORK/app.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
trap 'kill "${APP_PID:-0}" 2>/dev/null || true' EXIT

start_app   # migrates and seeds the demo county
stop_app

# Copy the demo's published records (one version each, a short body: the export does not carry it) until there are N.
if [ -n "${DP_BENCH_PG:-}" ]; then
    pg "$DB" <<SQL
CREATE TEMP TABLE seed AS SELECT row_number() OVER (ORDER BY "Id") - 1 AS k, * FROM "RecordVersions" WHERE "IsPublished";
CREATE TEMP TABLE n AS SELECT g AS i FROM generate_series(1, $N - (SELECT count(*) FROM seed)) g;
INSERT INTO "Records" ("DepartmentId","CatalogueItemId","DomainId","StageId","Kind","CreatedAt","Version")
SELECT s."DepartmentId", s."CatalogueItemId", s."DomainId", s."StageId", s."Kind", s."CreatedAt", 0
FROM n JOIN seed s ON s.k = n.i % (SELECT count(*) FROM seed);
ANALYZE "Records"; ANALYZE seed;
INSERT INTO "RecordVersions" ("RecordId","Number","State","IsPublished","IsLatest","Title","DocumentNumber","IssuingOrgan","TopicCategory","WrittenOn","PublishedOn","Validity","DisclosureAttribute","Body","DepartmentId","CatalogueItemId","DomainId","StageId","Kind","CreatedAt","CreatedBy","UpdatedAt","SubmittedAt","PublishedAt","Version")
SELECT r."Id", 1, s."State", TRUE, TRUE, s."Title", s."DocumentNumber", s."IssuingOrgan", s."TopicCategory", s."WrittenOn", s."PublishedOn", s."Validity", s."DisclosureAttribute", '', r."DepartmentId", r."CatalogueItemId", r."DomainId", r."StageId", r."Kind", s."CreatedAt", s."CreatedBy", s."UpdatedAt", s."SubmittedAt", s."PublishedAt", 0
FROM "Records" r JOIN seed s ON s.k = r."Id" % (SELECT count(*) FROM seed)
WHERE r."Id" > (SELECT max("RecordId") FROM "RecordVersions");
ANALYZE;
SQL
else
    sqlite3 "$WORK/portal.db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TEMP TABLE seed AS SELECT row_number() OVER (ORDER BY Id) - 1 AS k, * FROM RecordVersions WHERE IsPublished;
INSERT INTO Records (DepartmentId, CatalogueItemId, DomainId, StageId, Kind, CreatedAt, Version)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N - (SELECT count(*) FROM seed))
SELECT s.DepartmentId, s.CatalogueItemId, s.DomainId, s.StageId, s.Kind, s.CreatedAt, 0 FROM n JOIN seed s ON s.k = n.i % (SELECT count(*) FROM seed);
INSERT INTO RecordVersions (RecordId, Number, State, IsPublished, IsLatest, Title, DocumentNumber, IssuingOrgan, TopicCategory, WrittenOn, PublishedOn, Validity, DisclosureAttribute, Body, DepartmentId, CatalogueItemId, DomainId, StageId, Kind, CreatedAt, CreatedBy, UpdatedAt, SubmittedAt, PublishedAt, Version)
SELECT r.Id, 1, s.State, 1, 1, s.Title, s.DocumentNumber, s.IssuingOrgan, s.TopicCategory, s.WrittenOn, s.PublishedOn, s.Validity, s.DisclosureAttribute, '', r.DepartmentId, r.CatalogueItemId, r.DomainId, r.StageId, r.Kind, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.SubmittedAt, s.PublishedAt, 0
FROM Records r JOIN seed s ON s.k = r.Id % (SELECT count(*) FROM seed)
WHERE r.Id > (SELECT max(RecordId) FROM RecordVersions);
ANALYZE;
SQL
fi

start_app
hwm() { awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$APP_PID/status"; }
echo "records: $N · app peak memory after start: $(hwm)"
for url in /open-data/records.csv /open-data/records.json "/open-data/records.csv?department=3"; do
    out=$(curl -s -o "$WORK/export" -w "%{http_code} %{size_download} %{time_starttransfer} %{time_total}" "http://127.0.0.1:$PORT$url")
    read -r code size first total <<<"$out"
    echo "$url: HTTP $code, $((size / 1024 / 1024)) MB, first byte ${first}s, all ${total}s, $(wc -l <"$WORK/export") lines · app peak memory now: $(hwm)"
done
stop_app
[ -n "${DP_BENCH_PG:-}" ] && pg postgres -c "DROP DATABASE $DB" >/dev/null
rm -rf "$WORK"
