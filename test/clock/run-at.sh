#!/usr/bin/env bash
# Runs the e2e tests as if it were another moment: `bash test/clock/run-at.sh "2027-03-28 01:58" [jest args]`
# (the time is read in Europe/Rome). PostgreSQL and the tests run under libfaketime with the same
# offset, on a private PostgreSQL cluster (port 55432 unless CLOCK_PG_PORT says otherwise), so that
# now() and Date.now() agree; the clock keeps ticking from the chosen moment. Redis keeps the real
# clock (libfaketime clashes with its allocator; it only times relative expiries, and BullMQ's job
# times come from the client), at REDIS_URL as in `npm test`. Needs Debian's `faketime` package
# (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: $0 'YYYY-MM-DD HH:MM' [jest args]" >&2; exit 2; }
moment="$1"; shift

lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
if [ ! -e "$lib" ]; then
  lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -1 || true)
fi
if [ -z "$lib" ] || [ ! -e "$lib" ]; then
  apt-get install -y faketime >/dev/null || { apt-get update >/dev/null && apt-get install -y faketime >/dev/null; }
  lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 | head -1)
fi
pg_bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin"
pg_port="${CLOCK_PG_PORT:-55432}"

target=$(TZ=Europe/Rome date -d "$moment" +%s)
offset=$((target - $(date +%s)))
# One offset for every process; monotonic clocks stay real so timers and timeouts behave.
export FAKETIME="${offset:0:1}" FAKETIME_DONT_FAKE_MONOTONIC=1
[ "$FAKETIME" = "-" ] && FAKETIME="$offset" || FAKETIME="+$offset"
faked=(env LD_PRELOAD="$lib" FAKETIME="$FAKETIME" FAKETIME_DONT_FAKE_MONOTONIC=1)

work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
chown postgres "$work"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
runuser -u postgres -- "${faked[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

# Children inherit LD_PRELOAD: a Redis that a test starts itself (the relay's fault cases) must keep
# the real clock too, so `redis-server` on the tests' PATH is a shim that drops libfaketime.
real_redis=$(command -v redis-server)
mkdir -p "$work/bin"
printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME\nexec %s "$@"\n' "$real_redis" >"$work/bin/redis-server"
chmod +x "$work/bin/redis-server"
export PATH="$work/bin:$PATH"

echo "== e2e at $(TZ=Europe/Rome "${faked[@]}" date '+%A %Y-%m-%d %H:%M:%S %Z') (offset ${FAKETIME}s)"
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres" "${faked[@]}" npx jest --selectProjects e2e --runInBand "$@"
