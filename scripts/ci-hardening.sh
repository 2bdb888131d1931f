#!/usr/bin/env bash
# CI's hardening steps, after the README's test command has built and tested the dev preset (.ci/run):
#   1. package: build the .deb (CPack), install it with apt-get, run the installed pacd-cli;
#   2. sanitizers: the "asan" preset (clang, ASan + UBSan) builds the core, its tests and the libFuzzer
#      targets in one build; the core suites run under it;
#   3. fuzzing: each fuzz target for a bounded time from the seed corpus in fuzz/corpus/.
# Prints the seconds of each step. Needs the dev build (scripts/bootstrap.sh).
#
#   scripts/ci-hardening.sh [--skip package|asan|fuzz]... [--fuzz-seconds S]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
skip=" "
fuzz_seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --skip) skip+="$2 "; shift 2 ;;
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "ci-hardening: unknown option '$1'" >&2; exit 2 ;;
  esac
done

say() { echo "ci-hardening: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
timings=()
step_start() { step_name=$1; step_t0=$(date +%s); say "--- $1"; }
step_end() { local s=$(( $(date +%s) - step_t0 )); timings+=("$step_name: ${s} s"); say "$step_name took ${s} s"; }
skipped() { [[ "$skip" == *" $1 "* ]]; }

# clang + its ASan/UBSan/libFuzzer runtimes, llvm-symbolizer for readable reports (bootstrap.sh installs the rest)
packages=(clang libclang-rt-14-dev llvm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && ! skipped asan; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 1. the .deb -----------------------------------------------------------------------------------------------
if ! skipped package; then
  step_start "package (cpack + apt-get install)"
  rm -f build/dev/pacd-studio_*.deb
  cmake --build --preset dev --target package
  deb=$(ls build/dev/pacd-studio_*.deb)
  dpkg-deb --info "$deb" | sed -n '/Package:/,$p' >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$deb" >/dev/null
  # The installed files, from elsewhere, with no build tree on any path.
  (cd / && env -u LD_LIBRARY_PATH /usr/bin/pacd-cli --version)
  (cd / && env -u LD_LIBRARY_PATH /usr/bin/pacd-cli datasets >/dev/null)
  dpkg -L pacd-studio | grep -q '/usr/share/man/man1/pacd-cli.1.gz' || { say "the package has no pacd-cli man page"; exit 1; }
  if dpkg -L pacd-studio | grep -q '/usr/bin/pacd-studio'; then
    dpkg -L pacd-studio | grep -q '/usr/share/applications/pacd-studio.desktop' || { say "no desktop entry"; exit 1; }
  fi
  step_end
fi

# --- 2. sanitizers ---------------------------------------------------------------------------------------------
if ! skipped asan; then
  step_start "asan build (core + core tests + fuzz targets)"
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  step_end
  step_start "asan core tests"
  ctest --preset asan
  step_end
fi

# --- 3. fuzzing ------------------------------------------------------------------------------------------------
if ! skipped fuzz; then
  step_start "fuzz (${fuzz_seconds} s per target)"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  artifacts=build/asan/fuzz-artifacts
  mkdir -p "$artifacts"
  for target in build/asan/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue # fuzz_idx.dir holds the shared precompiled header
    name=$(basename "$target")
    corpus=$(mktemp -d)   # new inputs go here; the seeds in the repository stay as they are
    say "$name"
    rc=0
    # A fixed -seed: the same code explores the same inputs, so a finding in CI reproduces (and CI does not fail at
    # random on an unchanged tree). Longer local runs (README) use random seeds.
    "$target" -seed=1 -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$name-" "$corpus" "fuzz/corpus/${name#fuzz_}" >"$artifacts/$name.log" 2>&1 || rc=$?
    grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss_mb|INFO: seed corpus|==[0-9]+==ERROR|SUMMARY)' \
      "$artifacts/$name.log" >&2 || true
    rm -rf "$corpus"
    [ "$rc" = 0 ] || { tail -40 "$artifacts/$name.log" >&2; say "$name found a crash (exit $rc): see $artifacts"; exit 1; }
  done
  step_end
fi

say "timings: ${timings[*]}"
