#!/usr/bin/env bash
# A sweep through a real Slurm (scripts/slurm/local-slurm.sh: slurmctld + slurmd + munge on this machine), end to
# end, as a user runs it on a cluster:
#   1. a tiny grid (two MNIST specs whose retraining defenses differ and share one poison set, and the toy) run
#      locally with `pacd-cli sweep`, then submitted with `pacd-cli sweep --slurm DIR --submit`, waited for with
#      `sweep status DIR --wait` and merged with DIR/merge.sh: the merged table equals the local one, number for
#      number; the two MNIST tasks start together and the poison stage runs once (the other task waits for its
#      folder lock and reuses it: its log says so, its stage timings say "reused");
#   2. failures: a task killed with SIGKILL (what the out-of-memory killer does) and a task with a bad spec are
#      reported by `sweep status` with their log and error line; `--resubmit-failed` resubmits exactly those; merging
#      before and after the resubmission holds each run once.
# The daemons are stopped by the pids they recorded, whatever happens. Exit status 77 (ctest: skipped) when
# slurm-wlm is not installed, unless PACD_REQUIRE_SLURM=1 (CI), where that is a failure like any other.
#
#   tests/slurm/sweep_slurm.sh PACD_CLI WORK_DIR
set -euo pipefail
cli=$1
dir=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
slurm=$root/scripts/slurm/local-slurm.sh
fail() { echo "sweep_slurm: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
if ! { have sbatch && have slurmctld && have slurmd && have munged; }; then
  [ "${PACD_REQUIRE_SLURM:-0}" = 1 ] && fail "slurm-wlm is not installed and PACD_REQUIRE_SLURM=1 (CI): run scripts/bootstrap.sh"
  echo "sweep_slurm: SKIPPED: slurm-wlm / munge not installed (apt-get install slurm-wlm munge, or scripts/bootstrap.sh)"
  exit 77
fi

rm -rf "$dir"
mkdir -p "$dir"
# A short path for the daemons' sockets and state (build trees can be deep).
state=$(mktemp -d /tmp/pacd-slurm.XXXXXX)
cleanup() {
  "$slurm" stop "$state" || true
  rm -rf "$state"
}
trap cleanup EXIT
# Two CPUs at least, so that two array tasks run at once even on a one-core machine.
cpus=$(nproc)
[ "$cpus" -ge 2 ] || cpus=2
started=$(PACD_SLURM_CPUS=$cpus "$slurm" start "$state") || fail "the local Slurm did not start (its logs above)"
eval "$started"
[ -n "${SLURM_CONF:-}" ] || fail "local-slurm.sh printed no SLURM_CONF"

# --- 1. the grid, locally and through Slurm ---------------------------------------------------------------------
mnist='"dataset": "mnist", "target": 1, "poison_defense": "ga", "subset": 500, "attack_epochs": 3, "seeds": 1, "train_epochs": 4, "learning_rate": 0.005, "points": 20, "n": 500, "watermark": false'
echo "{\"schema_version\": 1, \"name\": \"mnist ga to ga\", $mnist, \"retrain_defense\": \"ga\"}" >"$dir/mnist-ga.json"
echo "{\"schema_version\": 1, \"name\": \"mnist ga to standard\", $mnist, \"retrain_defense\": \"standard\"}" >"$dir/mnist-standard.json"
echo '{"schema_version": 1, "name": "toy", "dataset": "toy-gaussians", "target": 0, "seeds": 1, "points": 50, "n": 300, "watermark": false}' >"$dir/toy.json"
specs=(--spec "$dir/mnist-ga.json" --spec "$dir/mnist-standard.json" --spec "$dir/toy.json")

load_before=$(cut -d' ' -f1 /proc/loadavg)
t0=$(now)
"$cli" --threads 1 sweep "${specs[@]}" --work "$dir/local/work" --store "$dir/local/store.sqlite" >"$dir/local.json" 2>"$dir/local.log" ||
  fail "local sweep failed: $(tail -3 "$dir/local.log")"
t1=$(now)
"$cli" --threads 1 sweep "${specs[@]}" --slurm "$dir/array" --work "$dir/array/work" --store "$dir/array/merged.sqlite" \
  --submit >"$dir/submit.json" || fail "sweep --slurm --submit failed"
grep -q '"job_id": "[0-9]*"' "$dir/submit.json" || fail "no job id in $(cat "$dir/submit.json")"
"$cli" sweep status "$dir/array" --wait --poll 0.5 >"$dir/status.txt" 2>"$dir/wait.log" ||
  fail "sweep status --wait: a task failed: $(cat "$dir/status.txt") $(tail -n 5 "$dir"/array/logs/*.out)"
t2=$(now)
load_after=$(cut -d' ' -f1 /proc/loadavg)
grep -q '3 tasks: 3 done, 0 running, 0 pending, 0 failed' "$dir/status.txt" || fail "status after waiting: $(cat "$dir/status.txt")"
grep -q '3/3 ended' "$dir/wait.log" || fail "no progress line in --wait's output: $(cat "$dir/wait.log")"

"$dir/array/merge.sh" >"$dir/merge1.json"
"$dir/array/merge.sh" >"$dir/merge2.json"
[ "$(grep -c '"added": 1' "$dir/merge1.json")" = 3 ] || fail "first merge did not add 3 runs: $(cat "$dir/merge1.json")"
[ "$(grep -c '"unchanged": 1' "$dir/merge2.json")" = 3 ] || fail "second merge was not a no-op: $(cat "$dir/merge2.json")"
[ "$(grep -c '"id"' <("$cli" results list --store "$dir/array/merged.sqlite" --json))" = 3 ] || fail "merged store does not hold 3 runs"

# The numbers: every victim's metrics (CSV columns name .. pgd_distortion; not the run ids, times or paths) and
# the paper-style table.
metrics() { "$cli" results export 1 2 3 --format csv --store "$1" | cut -d, -f2-16 | sort; }
metrics "$dir/local/store.sqlite" >"$dir/local.csv"
metrics "$dir/array/merged.sqlite" >"$dir/slurm.csv"
[ "$(wc -l <"$dir/local.csv")" -ge 4 ] || fail "the local export has no victims: $(cat "$dir/local.csv")"
diff "$dir/local.csv" "$dir/slurm.csv" >&2 || fail "merged Slurm metrics differ from the local sweep's (diff above)"
"$cli" results export 1 2 3 --format markdown --store "$dir/local/store.sqlite" >"$dir/local.md"
"$cli" results export 1 2 3 --format markdown --store "$dir/array/merged.sqlite" >"$dir/slurm.md"
diff "$dir/local.md" "$dir/slurm.md" >&2 || fail "merged Slurm table differs from the local sweep's (diff above)"

# The shared poison set: computed by one task, waited for and reused by the other.
computed=0
reused=0
for task in 000 001; do
  stages=$("$cli" results show 1 --store "$dir/array/stores/$task.sqlite")
  poison=$(grep -E '^  poison ' <<<"$stages") || fail "task $task has no poison stage: $stages"
  if grep -q '(reused)' <<<"$poison"; then reused=$((reused + 1)); else computed=$((computed + 1)); fi
done
[ "$computed" = 1 ] && [ "$reused" = 1 ] || fail "poison stage computed $computed times, reused $reused times (want 1 and 1)"
waited=$(grep -l "waiting for stage 'poison'" "$dir"/array/logs/*_0.out "$dir"/array/logs/*_1.out | wc -l)
[ "$waited" = 1 ] || fail "$waited MNIST task logs say they waited for the poison stage (want 1: did the tasks start together?)"
poison_of() { "$cli" results show 1 --json --store "$dir/array/stores/$1.sqlite" | grep -o '"poison": "[^"]*"'; }
[ "$(poison_of 000)" = "$(poison_of 001)" ] || fail "the MNIST tasks used different poison sets: $(poison_of 000) $(poison_of 001)"

# --- 2. failures: SIGKILL, a bad spec; resubmit only those; merge before and after ------------------------------
fdir=$dir/failures
"$cli" --threads 1 sweep --spec "$dir/toy.json" --spec "$dir/toy.json" --spec "$dir/toy.json" --slurm "$fdir" \
  --store "$fdir/merged.sqlite" >/dev/null
# Task 0 runs long enough to be killed; task 1's spec is refused when the task starts; task 2 is the toy as above.
echo '{"schema_version": 1, "name": "toy long", "dataset": "toy-gaussians", "target": 0, "seeds": 2, "points": 200, "n": 20000, "watermark": false, "seed": 7}' >"$fdir/specs/000.json"
echo '{"schema_version": 1, "name": "toy bad", "dataset": "toy-gaussians", "hessian": "newton"}' >"$fdir/specs/001.json"
"$cli" sweep --slurm "$fdir" --resubmit-failed >/dev/null # nothing submitted yet: nothing failed, nothing sent
[ ! -e "$fdir/jobs.tsv" ] || fail "--resubmit-failed submitted tasks of a sweep never submitted"
"$cli" sweep status "$fdir" | grep -q '3 unsubmitted' || fail "an unsubmitted sweep is not reported as such"
"$cli" sweep --slurm "$fdir" --submit >"$fdir/submit.json" # the folder as it is now
sed -n 's/.*"job_id": "\([0-9]*\)".*/\1/p' "$fdir/submit.json" >"$fdir/first.job"
[ -s "$fdir/first.job" ] || fail "no job id: $(cat "$fdir/submit.json")"
pid=""
for _ in $(seq 1 600); do
  pid=$(pgrep -f -- "--spec $fdir/specs/000.json" | head -1 || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || fail "task 0 never started"
# Killed once its run is recorded (status running), so that the merges below see it unfinished, then finished.
for _ in $(seq 1 600); do
  [ -e "$fdir/stores/000.sqlite" ] && "$cli" results list --json --store "$fdir/stores/000.sqlite" | grep -q '"running"' && break
  sleep 0.1
done
kill -KILL "$pid" || fail "task 0 (pid $pid) ended before it could be killed; make its spec larger"
rc=0
"$cli" sweep status "$fdir" --wait --poll 0.5 >"$fdir/status.txt" 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "sweep status --wait exited $rc with failed tasks (want 1): $(cat "$fdir/status.txt")"
grep -q '3 tasks: 1 done, 0 running, 0 pending, 2 failed' "$fdir/status.txt" || fail "status: $(cat "$fdir/status.txt")"
job=$(cat "$fdir/first.job")
grep -A2 '^0000  failed' "$fdir/status.txt" | grep -q "log:   $fdir/logs/${job}_0.out" || fail "killed task's log not shown: $(cat "$fdir/status.txt")"
grep -A2 '^0000  failed' "$fdir/status.txt" | grep -q 'error: pacd-sweep: task 000 failed: killed by SIGKILL' ||
  fail "killed task's error line not shown: $(cat "$fdir/status.txt")"
grep -A2 '^0001  failed' "$fdir/status.txt" | grep -q "log:   $fdir/logs/${job}_1.out" || fail "bad spec's log not shown"
grep -A2 '^0001  failed' "$fdir/status.txt" | grep -q "error: pacd-cli: error: .*spec field 'hessian': 'newton'" ||
  fail "bad spec's error line not shown: $(cat "$fdir/status.txt")"
grep -q '^0002  done' "$fdir/status.txt" || fail "task 2 not done: $(cat "$fdir/status.txt")"
"$fdir/merge.sh" >"$fdir/merge1.json" # the killed task's unfinished run and task 2's

cp "$dir/toy.json" "$fdir/specs/001.json" # the user fixes the spec
"$cli" sweep --slurm "$fdir" --resubmit-failed >"$fdir/resubmit.json"
tr -d ' \n' <"$fdir/resubmit.json" | grep -q '"resubmitted":\[0,1\]' || fail "resubmitted: $(cat "$fdir/resubmit.json")"
[ "$(wc -l <"$fdir/jobs.tsv")" = 2 ] && tail -1 "$fdir/jobs.tsv" | grep -qP '\t0,1$' || fail "jobs.tsv: $(cat "$fdir/jobs.tsv")"
"$cli" sweep status "$fdir" --wait --poll 0.5 >"$fdir/status2.txt" 2>/dev/null || fail "after resubmission: $(cat "$fdir/status2.txt")"
grep -q '3 tasks: 3 done' "$fdir/status2.txt" || fail "after resubmission: $(cat "$fdir/status2.txt")"
second=$(tail -1 "$fdir/jobs.tsv" | cut -f1)
[ ! -e "$fdir/logs/${second}_2.out" ] || fail "task 2 (done) ran again"
"$fdir/merge.sh" >"$fdir/merge2.json"
"$fdir/merge.sh" >"$fdir/merge3.json"
runs=$("$cli" results list --store "$fdir/merged.sqlite" --json)
[ "$(grep -c '"id"' <<<"$runs")" = 3 ] || fail "merged store holds $(grep -c '"id"' <<<"$runs") runs after merging 3 times (want 3): $runs"
[ "$(grep -c '"status": "finished"' <<<"$runs")" = 3 ] || fail "not every merged run is finished: $runs"
grep -q '"updated": 1' "$fdir/merge2.json" || fail "the resumed run was not refreshed in place: $(cat "$fdir/merge2.json")"

echo "sweep_slurm: OK: merged Slurm table = local table ($(($(wc -l <"$dir/local.csv") - 1)) victims); poison computed once by 2 concurrent tasks; killed and bad-spec tasks reported, resubmitted, merged once"
echo "sweep_slurm: wall time: local sweep $(elapsed "$t0" "$t1") s, Slurm sweep (submit to all done) $(elapsed "$t1" "$t2") s; load average $load_before before, $load_after after"
