#!/usr/bin/env bash
# Sign-in answer times by kind of user name (issue 15, item 11): an unknown name, a known name with a wrong password,
# a locked-out account and a correct sign-in. Before the fix an unknown or locked name answered in a few ms and a known
# one after hashing (60–370 ms): the time told which names exist. Now every kind hashes once and the medians should be
# close. A measurement, not a test (Security/SignInTimingTests counts the hashing instead).
#   tests/bench/signin-timing.sh [ROUNDS]     (default 30; SQLite in a temporary folder, the demo county's accounts)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-30}
PORT=${DP_BENCH_PORT:-5098}
WORK=$(mktemp -d /tmp/dp-bench-signin.XXXXXX)
APP=src/DisclosurePortal.Web/bin/Release/net10.0/DisclosurePortal.Web.dll
PASSWORD='Demo@2026pass' # DemoAccountsSeeder.Password
dotnet build src/DisclosurePortal.Web -c Release -nologo -v q >/dev/null

! curl -s -o /dev/null "http://127.0.0.1:$PORT/" || { echo "port $PORT is in use: set DP_BENCH_PORT"; exit 1; }
dotnet "$APP" --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/DisclosurePortal.Web" \
    --Logging:LogLevel:Default=Warning --Serilog:MinimumLevel:Default=Warning \
    --Database:DataFolder="$WORK" --DataProtection:KeysFolder="$WORK/keys" --Storage:AttachmentsFolder="$WORK/attachments" \
    --Seed:DemoRecords=20 --RateLimits:Login:PermitLimit=1000000000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "the app did not start"; cat "$WORK/app.log"; exit 1; }

# sign_in NAME PASSWORD → "status seconds" of the POST (a fresh cookie jar and antiforgery token each time)
sign_in() {
    local jar="$WORK/jar" token
    rm -f "$jar"
    token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/account/login" | grep -o 'name="__RequestVerificationToken"[^>]*' | sed 's/.*value="\([^"]*\)".*/\1/' | head -1)
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' \
        --data-urlencode "UserName=$1" --data-urlencode "Password=$2" --data-urlencode "ReturnUrl=" \
        --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/login"
}

for _ in 1 2 3 4 5; do sign_in editor.finance 'Wrong#password1' >/dev/null; done # locked for 15 minutes
sign_in reviewer "$PASSWORD" >/dev/null # warm up

: >"$WORK/times"
for i in $(seq 1 "$ROUNDS"); do
    echo "unknown $(sign_in "no.such.person$i" 'Wrong#password1')" >>"$WORK/times"
    echo "wrong-password $(sign_in editor.housing 'Wrong#password1')" >>"$WORK/times"
    echo "locked $(sign_in editor.finance "$PASSWORD")" >>"$WORK/times"
    echo "correct $(sign_in editor.housing "$PASSWORD")" >>"$WORK/times" # also resets editor.housing's failure count
done

echo "kind            status  n   p10 ms  median ms  p90 ms"
for kind in unknown wrong-password locked correct; do
    awk -v k="$kind" '$1 == k { print $2, $3 * 1000 }' "$WORK/times" | sort -k2 -n | awk -v k="$kind" '
        { status[$1]++; t[NR] = $2 }
        END {
            s = ""; for (c in status) s = s c "×" status[c] " ";
            printf "%-15s %-7s %-3d %7.1f %10.1f %7.1f\n", k, s, NR, t[int(NR * 0.1) + 1], t[int(NR / 2) + 1], t[int(NR * 0.9) + 1]
        }'
done
