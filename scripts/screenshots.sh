#!/usr/bin/env bash
# Screenshots of pacd-studio as a projector shows it: a virtual 1280x720 display (Xvfb), presentation mode (F11),
# in English and German, of the main window (the plots), the toy playground after its attack and, with --run, a
# recorded run replayed.
#
#   scripts/screenshots.sh OUTDIR [--run ID [--store FILE] [--speed X]] [--size WxH] [--wait SECONDS]
#
#   OUTDIR     where the PNGs go (created): main-en.png, main-de.png, toy-en.png, toy-de.png, replay-en.png, ...
#   --run ID   a recorded run for the replay pictures: its id in the results store (pacd-cli results list)
#   --store    that results store (default: pacd-studio's, results.sqlite in the data directory)
#   --speed    the replay's speed (default 60: a 13-minute demo run is replayed within --wait)
#   --size     the virtual screen (default 1280x720)
#   --wait     seconds before each picture (default 20: the toy's attack must have finished on a busy CPU)
#
# Needs xvfb-run (Debian: xvfb) and a built pacd-studio ($STUDIO, default build/dev/bin/pacd-studio). Each
# picture runs pacd-studio once with --demo (the defaults, not your last session) and closes it again; the main
# window's picture presses Start (the demo attack runs for --wait seconds, in a scratch work root, and is cancelled).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
studio=${STUDIO:-$root/build/dev/bin/pacd-studio}
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
out=$1
shift
run="" store="" speed=60 size=1280x720 wait=20
while [ $# -gt 0 ]; do
  case $1 in
    --run) run=${2:?--run needs a run id}; shift 2 ;;
    --store) store=${2:?--store needs a file}; shift 2 ;;
    --speed) speed=${2:?--speed needs a number}; shift 2 ;;
    --size) size=${2:?--size needs WxH}; shift 2 ;;
    --wait) wait=${2:?--wait needs seconds}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "screenshots: unknown option $1" >&2; usage ;;
  esac
done
if [ ! -x "$studio" ]; then
  echo "screenshots: $studio is not built; run ./scripts/bootstrap.sh first (or set STUDIO)" >&2
  exit 2
fi
if ! command -v xvfb-run >/dev/null; then
  echo "screenshots: xvfb-run is missing (Debian: sudo apt install xvfb)" >&2
  exit 2
fi
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# shot NAME LANGUAGE [pacd-studio options...]: one picture, OUTDIR/NAME-LANGUAGE.png
shot() {
  local name=$1 language=$2
  shift 2
  rm -rf "$scratch/shot"
  # XDG_CONFIG_HOME: a scratch settings file, so that neither the window geometry nor the last spec of your own
  # sessions leaks into the pictures (or the pictures' state into your sessions).
  XDG_CONFIG_HOME=$scratch/config QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 ${size}x24 -dpi 96" \
    "$studio" --demo --presentation --language "$language" --threads 2 \
    --work-root "$scratch/runs" --screenshot-dir "$scratch/shot" --screenshot-at "$wait" --quit-after "$((wait + 1))" "$@" \
    >"$scratch/log" 2>&1 || { cat "$scratch/log" >&2; return 1; }
  if [ ! -f "$scratch/shot/window-$wait.png" ]; then
    cat "$scratch/log" >&2
    echo "screenshots: pacd-studio saved no picture for $name ($language)" >&2
    return 1
  fi
  mv "$scratch/shot/window-$wait.png" "$out/$name-$language.png"
  echo "$out/$name-$language.png"
}

replay=()
if [ -n "$run" ]; then
  replay=(--open-run "$run" --replay "$speed")
  [ -z "$store" ] || replay=(--store "$store" "${replay[@]}")
fi

for language in en de; do
  shot main "$language" --tab plots --start
  shot toy "$language" --tab toy --toy-demo
  if [ ${#replay[@]} -gt 0 ]; then
    shot replay "$language" --tab plots "${replay[@]}"
  fi
done
