#!/usr/bin/env bash
# The e2e tests once on each weekday, near midnight and across both daylight-saving changes of Europe/Rome
# (see run-at.sh). `bash test/clock/every-day.sh [jest args]`; prints one line a moment and fails if any did.
set -uo pipefail
cd "$(dirname "$0")/../.."
moments=(
  "2026-12-07 23:58" # Monday, crossing midnight during the run
  "2026-12-08 09:00" # Tuesday
  "2026-12-09 00:01" # Wednesday, just after midnight
  "2026-12-10 14:30" # Thursday
  "2026-12-11 23:30" # Friday, late evening
  "2027-03-27 23:55" # Saturday, the night before summer time
  "2027-03-28 01:57" # Sunday, clocks go forward at 02:00 during the run
  "2027-10-31 02:50 CEST" # Sunday, clocks go back at 03:00 during the run
)
failed=0
summary=()
for moment in "${moments[@]}"; do
  log=$(mktemp)
  if bash test/clock/run-at.sh "$moment" "$@" >"$log" 2>&1; then status=passed; else status=FAILED; failed=1; fi
  line="$(head -1 "$log" | sed 's/^== e2e at //'): $status, $(grep -E '^Tests:' "$log" | tail -1)"
  summary+=("$line")
  echo "$line"
  if [ "$status" = passed ]; then rm -f "$log"; else grep -E '✕' "$log" | head -20; echo "  (whole log: $log)"; fi
done
printf '\nSummary\n'; printf '%s\n' "${summary[@]}"
exit "$failed"
