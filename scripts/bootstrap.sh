#!/usr/bin/env bash
# Sets up pacd-studio on Debian 12: installs the Debian packages the build and the tests need (quiet when they
# are already there), provisions the data sets into the data directory, then configures and builds.
# Idempotent: run it as often as you like.
#
#   scripts/bootstrap.sh [--preset dev|ci|gpu] [--data-dir DIR] [--no-build] [--no-datasets]
#
# Data directory: --data-dir, else $PACD_DATA_DIR, else $XDG_DATA_HOME/pacd-studio/datasets,
# else ~/.local/share/pacd-studio/datasets (the engine resolves it the same way).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=dev
build=1
datasets=1
data_dir=${PACD_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/pacd-studio/datasets}
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) preset=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-datasets) datasets=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bootstrap: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "bootstrap: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -----------------------------------------------------------------------------------------
# libopenblas0-openmp: Debian's LibTorch links the generic libblas.so.3, which is the slow reference BLAS unless an
# optimised one is installed; OpenBLAS's OpenMP flavour shares LibTorch's thread pool (certify ran 1.8x faster).
packages=(
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  libtorch-dev libboost-math-dev nlohmann-json3-dev libcli11-dev zlib1g-dev libssl-dev libcurl4-openssl-dev
  libopenblas0-openmp libsqlite3-dev libopencv-dev
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev
  xvfb xauth dataset-fashion-mnist fonts-wqy-microhei
  bubblewrap  # scripts/gpu-sandbox.sh: CI builds the gpu preset with the -dev headers hidden
)
# slurm-wlm + munge: the single-node Slurm the slurm_sweep test starts (scripts/slurm/local-slurm.sh); no daemon is
# configured system-wide.
packages+=(slurm-wlm munge)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- data sets -----------------------------------------------------------------------------------------------
if [ "$datasets" = 1 ]; then
  "$root/scripts/provision-datasets.sh" "$data_dir"
fi

# --- build ---------------------------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  cd "$root"
  extra=()
  if [ "$preset" = gpu ] && command -v python3 >/dev/null 2>&1; then
    prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)
    [ -n "$prefix" ] && extra+=("-DCMAKE_PREFIX_PATH=$prefix")
  fi
  say "configuring and building (preset $preset)"
  cmake --preset "$preset" "${extra[@]}" >/dev/null
  cmake --build --preset "$preset"
fi
