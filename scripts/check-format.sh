#!/usr/bin/env bash
# Checks that every C++ file of the project (git ls-files under core, ui, app, tests, fuzz) is formatted as
# .clang-format says; CI (.ci/run) runs it before the build and fails on a difference.
#
#   scripts/check-format.sh          # report the files that differ (clang-format --dry-run -Werror); exit 1 if any
#   scripts/check-format.sh --fix    # reformat them in place (clang-format -i)
#
# The formatter is Debian 12's clang-format (14); another version may format some lines differently. Installed
# with apt-get when missing, like scripts/bootstrap.sh's packages. CLANG_FORMAT=... picks another binary.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
fix=0
case "${1:-}" in
  --fix) fix=1 ;;
  "") ;;
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
  *) echo "check-format: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac

say() { echo "check-format: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

clang_format=${CLANG_FORMAT:-clang-format}
if [ -z "${CLANG_FORMAT:-}" ] && ! command -v clang-format >/dev/null 2>&1; then
  say "installing clang-format"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-format >/dev/null
fi
"$clang_format" --version >/dev/null 2>&1 || { say "cannot run '$clang_format'"; exit 2; }

mapfile -t files < <(git ls-files -- 'core/*' 'ui/*' 'app/*' 'tests/*' 'fuzz/*' | grep -E '\.(cpp|h|hpp|cc|cxx|hxx)$')
[ ${#files[@]} -gt 0 ] || { say "no C++ files found under core, ui, app, tests, fuzz"; exit 1; }

if [ "$fix" = 1 ]; then
  "$clang_format" -i --style=file "${files[@]}"
  say "formatted ${#files[@]} files ($("$clang_format" --version | head -1))"
  exit 0
fi

# One file per line in the report: clang-format prints a warning per differing line, which hides the list.
bad=()
for f in "${files[@]}"; do
  "$clang_format" --dry-run -Werror --style=file "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf '  %s\n' "${bad[@]}" >&2
  say "${#bad[@]} of ${#files[@]} C++ files are not formatted as .clang-format says (see the list above)."
  say "fix: scripts/check-format.sh --fix   (then review and commit; one file's diff: clang-format --dry-run FILE)"
  exit 1
fi
say "${#files[@]} C++ files formatted as .clang-format says"
