#!/usr/bin/env bash
# Stages what the engine, pacd-cli, pacd-bench and pacd-device-check need from Debian's -dev packages into one
# folder, for a machine that has LibTorch, a compiler and CMake but none of those packages (the GPU server: see
# README "GPU server"). Run it here, where scripts/bootstrap.sh installed them; the "gpu" preset reads the folder.
#
#   scripts/gpu-stage.sh [--out DIR]        (default build/gpu-stage; ignored by git, carried beside the tree)
#
# What it copies:
#   - the headers of nlohmann-json, CLI11, Boost and zlib/SQLite that the preprocessor actually opens (g++ -M over
#     every translation unit of the gpu build, core/ app/cli app/bench tests/device, at once), plus Boost's config/
#     folder whole (it picks headers by compiler version, and the server's gcc may differ from Debian's);
#   - Debian's static libz.a and libsqlite3.a (the server's shared ones may lack their .so link, or be absent).
# Refuses to finish when the folder plus the working tree exceed 64 MiB (what one trip to the server carries).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/build/gpu-stage
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "gpu-stage: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
say() { echo "gpu-stage: $*" >&2; }
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
packages=(nlohmann-json3-dev libcli11-dev libboost1.74-dev zlib1g-dev libsqlite3-dev)
for p in "${packages[@]}" libtorch-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    { say "Debian package $p is not installed: run scripts/bootstrap.sh first"; exit 1; }
done

# 1. One translation unit that includes every source of the gpu build; -M lists each header the preprocessor opened.
scan=$(mktemp -d)
trap 'rm -rf "$scan"' EXIT
sources=$(cd "$root" && find core app/cli app/bench tests/device -name '*.cpp' \
  ! -name '*_opencv.cpp' ! -name download_curl.cpp | sort)
for s in $sources; do echo "#include \"$root/$s\""; done > "$scan/all.cpp"
g++ -std=c++17 -M -DPACD_VERSION='"stage"' -I"$root/core" -I"$root/app/cli" -I"$root/app/bench" -I"$root/tests/device" \
  -isystem /usr/include/torch/csrc/api/include "$scan/all.cpp" -o "$scan/deps.mk"
tr ' \\' '\n\n' < "$scan/deps.mk" | grep '^/' | xargs -r realpath -s | sort -u > "$scan/headers"
grep -E '^/usr/include/(nlohmann|CLI|boost)/|^/usr/include/(zlib|zconf|sqlite3|sqlite3ext)\.h$' "$scan/headers" > "$scan/staged" || true
find /usr/include/boost/config -type f >> "$scan/staged"
for needed in /usr/include/nlohmann/json.hpp /usr/include/CLI/CLI.hpp /usr/include/zlib.h /usr/include/sqlite3.h; do
  grep -qx "$needed" "$scan/staged" || { say "$needed was not among the headers the sources include: the scan is broken"; exit 1; }
done

# 2. Copy (a fresh folder each time, so that a header no longer used does not linger).
rm -rf "$out"
mkdir -p "$out/include" "$out/lib"
sort -u "$scan/staged" | while read -r f; do
  mkdir -p "$out/include/$(dirname "${f#/usr/include/}")"
  cp "$f" "$out/include/${f#/usr/include/}"
done
for lib in libz.a libsqlite3.a; do
  path=/usr/lib/$multiarch/$lib
  [ -f "$path" ] || { say "$path is missing (zlib1g-dev / libsqlite3-dev)"; exit 1; }
  cp "$path" "$out/lib/"
done

# 3. A manifest: where it came from (first line, printed by CMake), then every file.
{
  echo "staged $(date -u +%Y-%m-%dT%H:%MZ) from Debian $(cat /etc/debian_version 2>/dev/null || echo '?'):" \
    "$(dpkg-query -W -f='${Package} ${Version}, ' "${packages[@]}" | sed 's/, $//')"
  nm --defined-only "$out"/lib/*.a 2>/dev/null | awk 'NF==3{print $3}' | sort -u > "$scan/defined"
  nm -u "$out"/lib/*.a 2>/dev/null | awk '$1=="U"{print $2}' | sort -u > "$scan/undefined"
  echo "symbols the static libraries take from the C library (the server's glibc must have them):" \
    "$(comm -23 "$scan/undefined" "$scan/defined" | tr '\n' ' ')"
  (cd "$out" && find . -type f ! -name MANIFEST.txt | sort)
} > "$out/MANIFEST.txt"

# 4. The size of one trip to the server.
stage_bytes=$(du -sb "$out" | cut -f1)
tree_bytes=$(cd "$root" && git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
limit=$((64 * 1024 * 1024))
headers=$(find "$out/include" -type f | wc -l)
say "$headers headers + libz.a + libsqlite3.a in $out: $((stage_bytes / 1024)) KiB; with the working tree $(((stage_bytes + tree_bytes) / 1024)) KiB of $((limit / 1024)) KiB"
if [ $((stage_bytes + tree_bytes)) -gt $limit ]; then
  say "the staged folder plus the working tree exceed 64 MiB: the server cannot receive them in one trip"
  exit 1
fi
