#!/usr/bin/env bash
# The GPU server's one command (issue #16; README "GPU server"): builds the gpu preset, runs the device checks on
# CUDA, measures pacd-bench certify / train / attack on CUDA at the paper's settings in fp32 and bf16 and a
# paper-scale Table-2 row's stages (MNIST, sigma = 0.25: the attack, one victim's training, the certification of
# 500 points at n = 100,000), each for a bounded time, and writes OUTDIR/summary.json plus one log per part.
#
#   scripts/gpu-check.sh OUTDIR [--dry-run] [--jobs N] [--device D]
#
# Every part runs under `timeout` with its own budget (the sum stays under 9 minutes, the server is held for 15);
# a part that fails or runs out of time is recorded and the next one runs; summary.json is rewritten after each
# part, so that it exists whatever happens. Exit status 1 when a part failed.
# --dry-run: the same parts on this machine's CPU at tiny sizes, with Debian's LibTorch (CI runs it inside
# scripts/gpu-sandbox.sh, after scripts/gpu-stage.sh). The staged folder must be at build/gpu-stage.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=""
dry=0
jobs=""
device=cuda
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry=1; shift ;;
    --jobs) jobs=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "gpu-check: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
[ -n "$out" ] || { sed -n '2,13p' "$0"; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ "$dry" = 1 ]; then
  device=cpu
  jobs=${jobs:-2}
else
  jobs=${jobs:-$(nproc)}
fi
cd "$root"
build=build/gpu
bin=$build/bin
started=$(date +%s)
say() { echo "gpu-check: $*" >&2; }

# --- recording ---------------------------------------------------------------------------------------------------
parts_file=$out/parts.tsv
: > "$parts_file"
summary() {
  python3 - "$out" "$dry" "$device" "$started" <<'PY'
import json, os, sys, time
out, dry, device, started = sys.argv[1], sys.argv[2] == "1", sys.argv[3], int(sys.argv[4])
def load(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except Exception:
        return None
parts = []
with open(os.path.join(out, "parts.tsv")) as f:
    for line in f:
        name, status, seconds, budget, log = line.rstrip("\n").split("\t")
        parts.append({"part": name, "status": status, "seconds": int(seconds), "budget_seconds": int(budget), "log": log})
info = load("host.json") or {}
checks = load("device-checks.json")
summary = {
    "mode": "dry-run (CPU, tiny sizes)" if dry else "gpu",
    "device": info.get("gpu") or device,
    "host": info,
    "total_seconds": int(time.time()) - started,
    "build_seconds": next((p["seconds"] for p in parts if p["part"] == "build"), None),
    "parts": parts,
    "device_checks": None if checks is None else {k: checks[k] for k in ("passed", "failed", "skipped")},
    "device_check_results": None if checks is None else checks["results"],
    "bench": {k: load("bench-%s.json" % k) for k in ("certify", "train", "attack", "stage-rates")},
}
sr = summary["bench"]["stage-rates"]
if sr:
    summary["table2_row"] = {
        "row": sr.get("row"), "scale": sr.get("scale"), "precision": sr.get("precision"),
        "extrapolated_minutes": sr.get("row_minutes_extrapolated"),
        "stages": {s["stage"]: {"rate_per_second": s.get("rate_per_second"), "unit": s["unit"],
                                "full_stage_seconds": s.get("full_stage_seconds"), "count_in_row": s["count_in_row"]}
                   for s in sr.get("stages", [])},
    }
with open(os.path.join(out, "summary.json.tmp"), "w") as f:
    json.dump(summary, f, indent=2)
os.replace(os.path.join(out, "summary.json.tmp"), os.path.join(out, "summary.json"))
PY
}
failed=0
# part NAME BUDGET_SECONDS STDOUT COMMAND...: runs COMMAND under timeout, its standard error (and its standard
# output when STDOUT is -) to NAME.log, else its standard output to the file STDOUT; records the outcome.
part() {
  local name=$1 budget=$2 stdout=$3; shift 3
  local t0=$(date +%s) rc=0 status
  say "--- $name (budget ${budget} s)"
  if [ "$stdout" = - ]; then
    timeout --kill-after=10 "$budget" "$@" > "$out/$name.log" 2>&1 || rc=$?
  else
    timeout --kill-after=10 "$budget" "$@" > "$stdout" 2> "$out/$name.log" || rc=$?
  fi
  case $rc in
    0) status=passed ;;
    124|137) status=timeout; failed=1 ;;
    *) status="failed (exit $rc)"; failed=1 ;;
  esac
  local seconds=$(( $(date +%s) - t0 ))
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$seconds" "$budget" "$name.log" >> "$parts_file"
  say "$name: $status in ${seconds} s"
  tail -3 "$out/$name.log" | sed 's/^/    /' >&2
  summary
  [ $rc = 0 ]
}
skip() {
  printf '%s\t%s\t0\t0\t-\n' "$1" "skipped: $2" >> "$parts_file"
  say "$1 skipped: $2"
  failed=1
  summary
}

# --- 0. the machine --------------------------------------------------------------------------------------------
{
  gpu=""
  command -v nvidia-smi >/dev/null 2>&1 && gpu=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1)
  torch_py=$(python3 -c 'import torch;print(torch.__version__, torch.version.cuda)' 2>/dev/null || echo "")
  python3 - "$gpu" "$torch_py" "$(nproc)" "$(uname -r)" "$(gcc -dumpfullversion 2>/dev/null)" "$(cmake --version | head -1)" \
    "$(ldd --version 2>/dev/null | head -1)" > "$out/host.json" <<'PY'
import json, sys
keys = ["gpu", "python_torch", "cores", "kernel", "gcc", "cmake", "glibc"]
print(json.dumps(dict(zip(keys, sys.argv[1:])), indent=2))
PY
}

# --- 1. build ----------------------------------------------------------------------------------------------------
configure=(cmake --preset gpu)
if [ "$dry" = 0 ]; then
  prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)
  [ -n "$prefix" ] && configure+=("-DCMAKE_PREFIX_PATH=$prefix")
  # Torch's CMake package enables CUDA; H200 is sm_90 (CMake's own detection would compile a probe first).
  configure+=(-DCMAKE_CUDA_ARCHITECTURES=90)
fi
[ -f build/gpu-stage/MANIFEST.txt ] || say "build/gpu-stage is missing: run scripts/gpu-stage.sh where Debian's packages are, and bring the folder"
build_ok=0
part build "$([ "$dry" = 1 ] && echo 1500 || echo 225)" - sh -c '"$@" && cmake --build --preset gpu -j'"$jobs"' --target pacd-cli pacd-bench pacd-device-check' \
  sh "${configure[@]}" && build_ok=1

# The binaries must not need what the bare server lacks (static zlib and SQLite; no curl, OpenSSL, Qt, Boost).
if [ "$build_ok" = 1 ]; then
  part link-check 20 - sh -c 'for b in "$@"; do n=$(readelf -d "$b" | grep NEEDED); echo "$b:"; echo "$n";
    if echo "$n" | grep -Ei "libz\.so|libsqlite3|libcurl|libssl|libcrypto|libQt|libboost"; then echo "$b needs a library the server lacks"; exit 1; fi; done' \
    sh "$bin/pacd-cli" "$bin/pacd-bench" "$bin/pacd-device-check" || true
else
  skip link-check "the build failed"
fi

# --- 2. the device checks ------------------------------------------------------------------------------------------
if [ "$build_ok" = 1 ]; then
  devices=(--device cpu)
  [ "$device" != cpu ] && devices+=(--device "$device")
  part device-checks "$([ "$dry" = 1 ] && echo 300 || echo 45)" - "$bin/pacd-device-check" "${devices[@]}" --json "$out/device-checks.json" || true
else
  skip device-checks "the build failed"
fi

# --- 3. the benches (paper settings on the GPU; tiny on the dry run) -----------------------------------------------
if [ "$dry" = 1 ]; then
  certify=(certify --points 1 --n 2000 --n0 50 --forward-batch 500 --agreement false)
  train=(train --images 100 --batch 50 --method ga --method macer)
  attack=(attack --clean-batch 40 --poison-batch 10 --val-batch 10 --T1 2 --T2 2 --k 4 --steps 1 --solver approxgrad --hvp autograd)
  stages=(stage-rates --scale demo --seconds 8)
  budgets=(180 120 180 180)
else
  certify=(certify --points 5 --n 100000 --n0 100)
  train=(train --images 5000 --batch 200)
  attack=(attack --steps 2 --solver approxgrad --solver first-order)
  stages=(stage-rates --scale paper --seconds 30)
  budgets=(40 40 50 115)
fi
if [ "$build_ok" = 1 ]; then
  bench=("$bin/pacd-bench" --device "$device")
  part certify "${budgets[0]}" "$out/bench-certify.json" "${bench[@]}" "${certify[@]}" || true
  part train "${budgets[1]}" "$out/bench-train.json" "${bench[@]}" "${train[@]}" || true
  part attack "${budgets[2]}" "$out/bench-attack.json" "${bench[@]}" "${attack[@]}" || true
  part stage-rates "${budgets[3]}" "$out/bench-stage-rates.json" "${bench[@]}" "${stages[@]}" || true
else
  for p in certify train attack stage-rates; do skip "$p" "the build failed"; done
fi

summary
say "summary: $out/summary.json ($(( $(date +%s) - started )) s)"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); [print("  %-14s %s (%s s of %s)" % (p["part"], p["status"], p["seconds"], p["budget_seconds"])) for p in s["parts"]]; r=s.get("table2_row"); print("  table-2 row (extrapolated): %s min" % (r or {}).get("extrapolated_minutes"))' "$out/summary.json" >&2
exit $failed
