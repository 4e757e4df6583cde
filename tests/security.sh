#!/usr/bin/env bash
# The security scan (docs/security.md). Builds Release, starts the portal on a fresh database with the demo county,
# and runs the scanners against it over loopback:
#   1. headers   curl: the security headers on every kind of response, no Server banner, cookies HttpOnly/SameSite
#   2. sqlmap    (Debian package) against the public forms and search: /search (every filter), /track, the receipt
#                path, the application form (POST, with its antiforgery token), staff sign-in (POST), a column page's
#                paging and a record id. It must find no injection point and provoke no 500.
#   3. packages  `dotnet list package --vulnerable` over the solution (NuGet's advisory data, when the feed has it)
#   4. npm       `npm audit` of the test tools (tests/tools), when the registry answers
# Prints one line per scanner and a summary; exits 1 if anything was found. Not part of tests/run.sh (it takes
# 10–30 minutes); run it before a release:
#   tests/security.sh                      SQLite in a temporary folder
#   tests/security.sh --pg "Host=…;Username=…"   PostgreSQL (a new database on that server, dropped afterwards)
#   SECURITY_LEVEL=3 tests/security.sh     sqlmap's --level (1–5, default 2) and SECURITY_RISK (1–3, default 1)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${SECURITY_PORT:-5089}
LEVEL=${SECURITY_LEVEL:-2}
RISK=${SECURITY_RISK:-1}
PG=""
while [ $# -gt 0 ]; do
    case "$1" in
        --pg) PG="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
WORK=$(mktemp -d /tmp/dp-security.XXXXXX)
OUT="$ROOT/tests/output/security"
mkdir -p "$OUT"
APP=src/DisclosurePortal.Web/bin/Release/net10.0/DisclosurePortal.Web.dll
BASE="http://127.0.0.1:$PORT"
log() { printf '[security] %s\n' "$*" >&2; }

need=()
command -v sqlmap >/dev/null || need+=(sqlmap)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing ${need[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$OUT/apt.log" 2>&1 || { log "apt-get failed (see $OUT/apt.log)"; exit 2; }
    else
        log "missing ${need[*]}: apt-get install -y ${need[*]}"; exit 2
    fi
fi

log "building Release"
dotnet build src/DisclosurePortal.Web -c Release -nologo -v q >"$OUT/build.log" 2>&1 || { log "build failed (see $OUT/build.log)"; exit 2; }

DB_ARGS=(--Database:DataFolder="$WORK")
PG_DB=""
pg() {
    local part; local -A cs=()
    IFS=';' read -ra parts <<<"$PG"
    for part in "${parts[@]}"; do cs[${part%%=*}]=${part#*=}; done
    PGPASSWORD=${cs[Password]:-} psql -h "${cs[Host]:-127.0.0.1}" -p "${cs[Port]:-5432}" -U "${cs[Username]:-postgres}" -v ON_ERROR_STOP=1 -q -d postgres -c "$1"
}
if [ -n "$PG" ]; then
    PG_DB="security_$$"
    pg "CREATE DATABASE $PG_DB" >/dev/null || exit 2
    DB_ARGS=(--Database:Provider=PostgreSQL "--ConnectionStrings:Portal=$PG;Database=$PG_DB")
fi

APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    [ -n "$PG_DB" ] && pg "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

! curl -s -o /dev/null "$BASE/" || { log "port $PORT is in use: use --port"; exit 2; }
# Production, as deployed (but on plain HTTP: no public https address, so no redirect); limits raised so that the
# scanners measure injection, not the rate limiter (tested on its own in Security/RateLimitTests).
dotnet "$APP" --urls "$BASE" --contentRoot "$ROOT/src/DisclosurePortal.Web" --environment Production \
    --Seed:DemoRecords=300 --DataProtection:KeysFolder="$WORK/keys" --Storage:AttachmentsFolder="$WORK/attachments" \
    --Logging:File="$WORK/portal.log" \
    --RateLimits:Apply:PermitLimit=1000000 --RateLimits:Track:PermitLimit=1000000 \
    --RateLimits:Login:PermitLimit=1000000 --RateLimits:Search:PermitLimit=1000000 \
    "${DB_ARGS[@]}" >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 1; done
curl -sf -o /dev/null "$BASE/healthz" || { log "the portal did not start (see $OUT/app.log)"; exit 2; }
log "portal on $BASE (pid $APP_PID)"

declare -A RESULT=()
FOUND=0
finding() { RESULT[$1]="FOUND: $2"; FOUND=1; }

# ---- 1. headers -------------------------------------------------------------------------------------------------
RECORD=$(curl -s "$BASE/search?q=%E9%80%9A%E7%9F%A5" | grep -o 'href="/records/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
RECORD=${RECORD:-1}
CSS=$(curl -s "$BASE/" | grep -o 'href="/css/[^"]*"' | head -n 1 | sed 's/href="//; s/"$//')
header_problems=()
for path in / "/domains/health" "/records/$RECORD" "/search?q=x" /apply /track /account/login /manage /no-such-page \
            /feeds/all.atom /healthz "$CSS" "/accessibility/size?value=huge"; do
    h=$(curl -s -D - -o /dev/null "$BASE$path" | tr -d '\r')
    for want in "content-security-policy: default-src 'none'; script-src 'none'" "x-content-type-options: nosniff" \
                "x-frame-options: DENY" "referrer-policy: same-origin" "permissions-policy: "; do
        grep -qi "^${want}" <<<"$h" || header_problems+=("$path lacks '$want'")
    done
    grep -qi "frame-ancestors 'none'" <<<"$h" || header_problems+=("$path: CSP without frame-ancestors 'none'")
    grep -qi '^server:' <<<"$h" && header_problems+=("$path sends a Server header")
    grep -qi '^x-powered-by:' <<<"$h" && header_problems+=("$path sends X-Powered-By")
    while IFS= read -r cookie; do
        grep -qi 'httponly' <<<"$cookie" || header_problems+=("$path: cookie without HttpOnly: $cookie")
        grep -qi 'samesite=\(lax\|strict\)' <<<"$cookie" || header_problems+=("$path: cookie without SameSite: $cookie")
    done < <(grep -i '^set-cookie:' <<<"$h")
done
printf '%s\n' "${header_problems[@]}" >"$OUT/headers.txt"
if [ ${#header_problems[@]} -eq 0 ]; then RESULT[headers]="ok (13 response kinds)"; else finding headers "${#header_problems[@]} problems (tests/output/security/headers.txt)"; fi
log "headers: ${RESULT[headers]}"

# ---- 2. sqlmap ----------------------------------------------------------------------------------------------------
CODE=$(curl -s -c "$WORK/jar" "$BASE/apply" >"$WORK/apply.html"; \
       TOKEN=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$WORK/apply.html" | head -n 1 | sed 's/.*value="//; s/"$//'); \
       curl -s -b "$WORK/jar" -o /dev/null -w '%{redirect_url}' "$BASE/apply" \
           --data-urlencode "ApplicantKind=1" --data-urlencode "ApplicantName=张三" --data-urlencode "IdentityNumber=11010519491231002X" \
           --data-urlencode "Contact=13912345678" --data-urlencode "PostalAddress=青川县乔庄镇" \
           --data-urlencode "InformationDescription=2025年乔庄镇老旧小区改造项目的立项批复" \
           --data-urlencode "ProvisionForm=1" --data-urlencode "DeliveryMethod=1" --data-urlencode "website=" \
           --data-urlencode "__RequestVerificationToken=$TOKEN" | sed 's#.*/apply/receipt/##')
[ ${#CODE} -eq 12 ] || { log "could not make a sample application (code '$CODE')"; CODE=ABCDEFGHJKMN; }
DBMS=SQLite; [ -n "$PG" ] && DBMS=PostgreSQL
APPLY_DATA="ApplicantKind=1&ApplicantName=%E5%BC%A0%E4%B8%89&IdentityNumber=11010519491231002X&ContactPerson=&Contact=13912345678&PostalAddress=%E4%B9%94%E5%BA%84&InformationDescription=%E7%AB%8B%E9%A1%B9%E6%89%B9%E5%A4%8D%E6%96%87%E4%BB%B6&ProvisionForm=1&DeliveryMethod=1&website=&__RequestVerificationToken=x"
LOGIN_DATA="UserName=reviewer&Password=wrong&ReturnUrl=%2Fmanage&__RequestVerificationToken=x"
targets=(
    "search|-u $BASE/search?q=%E9%80%9A%E7%9F%A5&domain=health&stage=decision&department=1&kind=1&validity=1&from=2020-01-01&to=2026-12-31&sort=relevance&page=1"
    "track|-u $BASE/track?code=$CODE"
    "receipt|-u $BASE/apply/receipt/${CODE}*"
    "column|-u $BASE/domains/health?page=1&stage=decision"
    "record|-u $BASE/records/${RECORD}*"
    "apply|-u $BASE/apply --data=$APPLY_DATA --csrf-token=__RequestVerificationToken --csrf-url=$BASE/apply"
    "login|-u $BASE/account/login --data=$LOGIN_DATA --csrf-token=__RequestVerificationToken --csrf-url=$BASE/account/login"
)
sqlmap_problems=()
for target in "${targets[@]}"; do
    name=${target%%|*}; args=${target#*|}
    threads=(--threads=2); [[ "$args" == *--csrf-url* ]] && threads=() # sqlmap refuses threads with a CSRF token
    # shellcheck disable=SC2086 # the target's arguments are words
    sqlmap $args --batch --level="$LEVEL" --risk="$RISK" --dbms="$DBMS" "${threads[@]}" --timeout=30 --time-sec=3 \
        --flush-session --output-dir="$WORK/sqlmap" --disable-coloring --skip-waf >"$OUT/sqlmap-$name.log" 2>&1
    if grep -qiE "is vulnerable|identified the following injection point|sqlmap resumed the following injection point" "$OUT/sqlmap-$name.log"; then
        sqlmap_problems+=("$name: injection point (tests/output/security/sqlmap-$name.log)")
    fi
    if grep -qE "HTTP error codes detected during run:.*5[0-9][0-9]" "$OUT/sqlmap-$name.log"; then
        sqlmap_problems+=("$name: the portal answered 5xx ($(grep -oE '5[0-9][0-9] \([^)]*\) - [0-9]+ times' "$OUT/sqlmap-$name.log" | head -n 1))")
    fi
    if ! grep -qiE "do not appear to be injectable|not injectable" "$OUT/sqlmap-$name.log"; then
        grep -qiE "injection point" "$OUT/sqlmap-$name.log" || sqlmap_problems+=("$name: sqlmap did not finish its tests (see the log)")
    fi
    log "sqlmap $name: $(grep -cE 'does not seem to be injectable|is vulnerable' "$OUT/sqlmap-$name.log") parameters tested"
done
printf '%s\n' "${sqlmap_problems[@]}" >"$OUT/sqlmap.txt"
if [ ${#sqlmap_problems[@]} -eq 0 ]; then RESULT[sqlmap]="ok (${#targets[@]} targets, level $LEVEL, risk $RISK, $DBMS: nothing injectable, no 5xx)"
else finding sqlmap "$(printf '%s; ' "${sqlmap_problems[@]}")"; fi
log "sqlmap: ${RESULT[sqlmap]}"
if grep -q '" 5[0-9][0-9] \| responded 5[0-9][0-9]' "$WORK"/portal*.log 2>/dev/null; then
    finding server-errors "the portal logged 5xx answers during the scan (see $OUT/app.log)"
fi

# ---- 3. NuGet advisories ------------------------------------------------------------------------------------------
if dotnet list DisclosurePortal.sln package --vulnerable --include-transitive >"$OUT/packages.txt" 2>&1; then
    if grep -qiE "has the following vulnerable packages" "$OUT/packages.txt"; then
        finding packages "vulnerable NuGet packages (tests/output/security/packages.txt)"
    else
        RESULT[packages]="ok (no known vulnerable package, direct or transitive)"
    fi
else
    RESULT[packages]="not checked: the advisory data could not be read (tests/output/security/packages.txt)"
fi
log "packages: ${RESULT[packages]}"

# ---- 4. npm audit of the test tools -------------------------------------------------------------------------------
if command -v npm >/dev/null && [ -f tests/tools/package-lock.json ]; then
    if (cd tests/tools && npm audit --omit=dev --audit-level=high) >"$OUT/npm-audit.txt" 2>&1; then
        RESULT[npm]="ok (tests/tools: no high or critical advisory)"
    elif grep -qiE "high|critical" "$OUT/npm-audit.txt" && grep -qiE "vulnerabilit" "$OUT/npm-audit.txt"; then
        finding npm "advisories in tests/tools (tests/output/security/npm-audit.txt)"
    else
        RESULT[npm]="not checked: the registry's audit endpoint did not answer (tests/output/security/npm-audit.txt)"
    fi
else
    RESULT[npm]="not checked: no npm"
fi
log "npm: ${RESULT[npm]}"

echo
echo "Security scan of $(git rev-parse --short HEAD) on $DBMS"
for key in headers sqlmap server-errors packages npm; do
    [ -n "${RESULT[$key]:-}" ] && printf '  %-14s %s\n' "$key" "${RESULT[$key]}"
done
if [ "$FOUND" -eq 0 ]; then echo "nothing found"; else echo "FINDINGS: see above and tests/output/security/"; fi
exit "$FOUND"
