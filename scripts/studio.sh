#!/usr/bin/env bash
# Opens pacd-studio on MNIST with the demo-scale defaults: press Start and watch the attack shrink the certified
# radius of digit 8 (about 4 minutes on a 2-core laptop CPU). Run ./scripts/bootstrap.sh first.
#
#   scripts/studio.sh [pacd-studio options...]        (e.g. --language de, --threads 2; --help lists them)
#
# It needs a display. Without one (CI, ssh without X forwarding) it says so and exits; the tests do not run it:
# they drive the window offscreen (ctest --preset dev -L ui).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
studio=${STUDIO:-$root/build/dev/bin/pacd-studio}
if [ ! -x "$studio" ]; then
  echo "studio: $studio is not built; run ./scripts/bootstrap.sh first" >&2
  exit 2
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "studio: no display (DISPLAY and WAYLAND_DISPLAY are unset). On a machine without one, try" >&2
  echo "        xvfb-run -a $0   (a virtual display), or the headless demo: ./scripts/demo-attack.sh" >&2
  exit 3
fi
exec "$studio" --demo "$@"
