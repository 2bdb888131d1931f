#!/usr/bin/env bash
# Crash safety: kill long pacd-cli runs with SIGKILL (no chance to checkpoint or clean up) at random points,
# resume them with the same command, and check that
#   1. every result file visible after each kill is complete and readable (never half-written),
#   2. the resumed run ends with exactly the result of an uninterrupted run (content hash / weights hash),
#   3. no temporary file is left at the end.
#
#   tests/crash/kill_resume.sh PACD_CLI WORK_DIR [CASE...]     (cases: poison train run; default all)
#
# Environment: PACD_CRASH_KILLS (kills per case, default 4), PACD_CRASH_SEED (random kill points; printed, so a
# failure can be replayed). Each case is three functions: <case>_command DIR (execs the command, which resumes
# when run again; called in a subshell, so that the pid killed is the pacd-cli process itself),
# <case>_check_visible DIR (validate whatever results exist) and <case>_result DIR (a fingerprint of the final
# result). Adding a case means writing those three.
set -euo pipefail

cli=$1
work=$2
shift 2
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(poison train run)
kills=${PACD_CRASH_KILLS:-4}
seed=${PACD_CRASH_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$seed
echo "kill_resume: seed $seed, $kills kills per case" >&2

fail() { echo "kill_resume: FAIL: $*" >&2; exit 1; }

# --- poison: the PACD attack, checkpointing after every upper step ------------------------------------------
poison_command() {
  exec "$cli" --threads 1 poison --subset 500 --epochs 2 --hessian first-order --clean-batch 50 --poison-batch 10 \
    --val-batch 20 --k 4 --checkpoint-every 1 --seed 3 --out "$1/p.json"
}
poison_check_visible() {
  if [ -e "$1/p.json" ]; then
    # export reads the manifest and images and checks the content hash: a torn or mismatched pair fails here
    "$cli" export --poison "$1/p.json" --poisons-only --format idx-float --out "$1/check" >/dev/null ||
      fail "poison: visible p.json is unreadable after a kill"
    rm -rf "$1/check"
  fi
}
poison_result() {
  grep -o '"hash": "[0-9a-f]*"' "$1/p.json"
  sha256sum < "$1/p.images.idx"
}

# --- train: a victim, checkpoint + state after every epoch ----------------------------------------------------
train_command() {
  exec "$cli" --threads 1 train --dataset mnist --method ga --sigma 0.25 --epochs 4 --subset 400 --batch 50 \
    --monitor-count 10 --seed 2 --resume --out "$1/m.pt"
}
train_check_visible() {
  if [ -e "$1/m.pt" ]; then
    "$cli" models --checkpoint "$1/m.pt" >/dev/null || fail "train: visible m.pt is unreadable after a kill"
  fi
}
train_result() {
  "$cli" models --checkpoint "$1/m.pt" | grep -E '"(weights_hash|epoch)"'
}

# --- run: the experiment runner on the toy (poison, retrain, certify; artefacts + SQLite results store) ---------
run_command() {
  [ -e "$1/toy.json" ] || echo '{"schema_version": 1, "name": "crash toy", "dataset": "toy-gaussians", "target": 0, "seeds": 1,
    "points": 50, "n": 300, "watermark": false}' >"$1/toy.json"
  exec "$cli" --threads 1 run --spec "$1/toy.json" --work "$1/work" --store "$1/store.sqlite"
}
run_check_visible() {
  if [ -e "$1/store.sqlite" ]; then
    "$cli" results list --store "$1/store.sqlite" --json >/dev/null || fail "run: the results store is unreadable after a kill"
  fi
}
run_result() {
  grep -E '"(acr_mean|aca_mean)"' "$1/out.json"
}

# -------------------------------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }

run_case() {
  local name=$1
  local ref="$work/$name-reference" dir="$work/$name-killed"
  rm -rf "$ref" "$dir"
  mkdir -p "$ref" "$dir"

  local start end duration
  start=$(now_ms)
  (${name}_command "$ref") >"$ref/out.json" 2>"$ref/err.log" || { cat "$ref/err.log" >&2; fail "$name: reference run failed"; }
  end=$(now_ms)
  duration=$((end - start))
  local expected
  expected=$(${name}_result "$ref")
  echo "kill_resume: $name: uninterrupted run ${duration} ms" >&2

  local k done_early=0
  for ((k = 1; k <= kills; k++)); do
    # a random point between 10% and 40% of the uninterrupted run's time (startup included): each resumed run
    # continues from its checkpoint, so later points must stay early or the run ends before the kill (flaky on a
    # loaded machine with 15-75%)
    local delay=$((duration * (RANDOM % 30 + 10) / 100))
    (${name}_command "$dir") >"$dir/out.json" 2>>"$dir/err.log" &
    local pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    if kill -KILL "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
      echo "kill_resume: $name: killed after ${delay} ms" >&2
    else
      wait "$pid" || { cat "$dir/err.log" >&2; fail "$name: run $k failed"; }
      done_early=$((done_early + 1))
      echo "kill_resume: $name: run finished before the kill at ${delay} ms" >&2
    fi
    ${name}_check_visible "$dir"
  done
  [ $((kills - done_early)) -ge 2 ] || fail "$name: fewer than 2 kills landed before the run finished; nothing much was tested"
  # resume to the end
  (${name}_command "$dir") >"$dir/out.json" 2>>"$dir/err.log" || { cat "$dir/err.log" >&2; fail "$name: final resume failed"; }

  local got
  got=$(${name}_result "$dir")
  [ "$got" = "$expected" ] || fail "$name: resumed result differs from the uninterrupted run
  uninterrupted: $expected
  resumed:       $got"
  local leftovers
  leftovers=$(find "$dir" -name '*.tmp*' -print)
  [ -z "$leftovers" ] || fail "$name: temporary files left behind: $leftovers"
  local resumed
  resumed=$(grep -o -E '"(resumed|start_epoch)": [a-z0-9]+' "$dir/out.json" | tr '\n' ' ' || true)
  echo "kill_resume: $name: OK ($((kills - done_early)) kills; last run: $resumed; same result: $(echo "$got" | tr '\n' ' '))" >&2
}

for c in "${cases[@]}"; do
  declare -F "${c}_command" >/dev/null || fail "unknown case '$c' (known: poison train run)"
  run_case "$c"
done
