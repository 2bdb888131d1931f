#!/usr/bin/env bash
# Measures Cohen et al.'s reference Smooth.certify (locuslab/smoothing, code/core.py) in samples/s on our MNIST CNN,
# so that `pacd-bench certify --reference <samples/s>` can print our ratio against it. Their code is imported from
# a checkout, never copied here: --smoothing DIR names one; without it, it is cloned (once) into
# ${XDG_CACHE_HOME:-~/.cache}/pacd-studio/smoothing.
#
#   scripts/bench/cohen-reference.sh [--points K] [--n N] [--batch B] [--sigma S] [--threads T]
#                                    [--smoothing DIR] [--mnist DIR]     (--help explains each)
#
# Debian's interpreter is used (PYTHON=... picks another), since python3-torch 1.13, python3-scipy and
# python3-statsmodels are what the figure is defined against; a pyenv/venv python3 on PATH would not see them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=${PYTHON:-/usr/bin/python3}
say() { echo "cohen-reference: $*" >&2; }

smoothing=""
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --smoothing) j=$((i + 1)); smoothing=${!j:-} ;;
    --smoothing=*) smoothing=${!i#--smoothing=} ;;
    -h|--help) exec "$python" "$here/cohen_reference.py" --help ;;
  esac
done

extra=()
if [ -z "$smoothing" ]; then
  smoothing=${XDG_CACHE_HOME:-$HOME/.cache}/pacd-studio/smoothing
  if [ -f "$smoothing/code/core.py" ]; then
    say "using the cached checkout $smoothing"
  else
    say "cloning https://github.com/locuslab/smoothing into $smoothing (no --smoothing given)"
    mkdir -p "$(dirname "$smoothing")"
    git clone --quiet --depth 1 https://github.com/locuslab/smoothing "$smoothing" ||
      { say "clone failed; fetch a copy yourself and pass --smoothing DIR"; exit 2; }
  fi
  extra=(--smoothing "$smoothing")
fi

if ! "$python" -c 'import torch, scipy, statsmodels' 2>/dev/null; then
  say "$python lacks torch, scipy or statsmodels; on Debian 12:"
  say "  sudo apt-get install -y --no-install-recommends python3-torch python3-scipy python3-statsmodels"
  exit 3
fi
exec "$python" "$here/cohen_reference.py" "$@" "${extra[@]}"
