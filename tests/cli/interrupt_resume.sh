#!/usr/bin/env bash
# Ctrl-C on a running `pacd-cli run`, as a user presses it: the run stops after a checkpoint with exit status 130
# and says how to resume; the same command then finishes with the numbers of a run that was never interrupted.
#
#   tests/cli/interrupt_resume.sh PACD_CLI WORK_DIR
set -euo pipefail
cli=$1
dir=$2
rm -rf "$dir"
mkdir -p "$dir"
fail() { echo "interrupt_resume: $*" >&2; exit 1; }

cat >"$dir/toy.json" <<'JSON'
{"schema_version": 1, "name": "toy interrupt", "dataset": "toy-gaussians", "target": 0, "seeds": 2, "points": 100, "n": 3000, "watermark": false}
JSON
"$cli" --threads 1 run --spec "$dir/toy.json" --work "$dir/reference" --no-store >"$dir/reference.json" 2>/dev/null

# Interrupt once the third stage has started (the poison and the first victim are done), like a user would.
"$cli" --threads 1 --events run --spec "$dir/toy.json" --work "$dir/cut" --no-store >"$dir/cut.json" 2>"$dir/events" &
pid=$!
for _ in $(seq 1 1200); do
  grep -qE '"stage": ?"experiment", ?"step": ?2' "$dir/events" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -INT "$pid" 2>/dev/null || fail "the run finished before it could be interrupted; make the spec larger"
rc=0
wait "$pid" || rc=$?
[ "$rc" = 130 ] || fail "interrupted run exited with $rc, expected 130 (stderr: $(tail -3 "$dir/events"))"
grep -q "stopped after a checkpoint" "$dir/events" || fail "interrupted run did not say how to resume"
grep -q '"status": "cancelled"' "$dir/cut.json" || fail "interrupted run did not report status cancelled"

"$cli" --threads 1 run --spec "$dir/toy.json" --work "$dir/cut" --no-store >"$dir/resumed.json" 2>/dev/null
grep '"acr_mean"\|"aca_mean"' "$dir/reference.json" >"$dir/reference.metrics"
grep '"acr_mean"\|"aca_mean"' "$dir/resumed.json" >"$dir/resumed.metrics"
[ -s "$dir/reference.metrics" ] || fail "no metrics in the reference run's output"
cmp -s "$dir/reference.metrics" "$dir/resumed.metrics" || fail "resumed metrics differ: $(diff "$dir/reference.metrics" "$dir/resumed.metrics")"
echo "interrupt_resume: stopped with 130 after stage 2, resumed to the reference metrics ($(wc -l <"$dir/resumed.metrics") lines)"
