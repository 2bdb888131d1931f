#!/usr/bin/env bash
# Runs a command as on the bare GPU server, as far as the build can tell: inside bubblewrap, with the Debian -dev
# headers and CMake packages of nlohmann-json, CLI11, Boost, zlib, SQLite, Qt, curl and OpenSSL hidden (empty
# folders, empty header files), so that a build that still reaches for one of them fails here, not there. LibTorch,
# the compiler and the rest of the system stay visible, and the file system stays writable (the build tree, ccache).
# The shared libz.so.1 / libsqlite3.so.0 stay: Debian's own LibTorch loads them. That the gpu binaries link neither
# (nor curl, OpenSSL, Qt) is checked on the result by scripts/gpu-check.sh (its link check).
#
#   scripts/gpu-sandbox.sh COMMAND [ARGS...]      e.g. scripts/gpu-sandbox.sh scripts/gpu-check.sh OUT --dry-run
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,9p' "$0"; exit 2; }
command -v bwrap >/dev/null || { echo "gpu-sandbox: bubblewrap is not installed (apt-get install bubblewrap; scripts/bootstrap.sh does)" >&2; exit 1; }
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
hide=()
# Folders: an empty tmpfs over each one that exists.
for d in /usr/include/nlohmann /usr/include/CLI /usr/include/boost /usr/include/openssl \
         /usr/include/$multiarch/qt6 /usr/include/$multiarch/qt5 /usr/include/$multiarch/curl \
         /usr/share/cmake/nlohmann_json /usr/share/cmake/CLI11 \
         /usr/lib/$multiarch/cmake/Boost-* /usr/lib/$multiarch/cmake/boost_* /usr/lib/$multiarch/cmake/Qt6* \
         /usr/lib/$multiarch/cmake/Qt5* /usr/lib/$multiarch/cmake/CURL /usr/lib/$multiarch/cmake/OpenSSL; do
  [ -d "$d" ] && hide+=(--tmpfs "$d")
done
# Files: an empty file over each header and static library (a shared library's .so link would hide the library
# itself: it is a symbolic link to it).
empty=${TMPDIR:-/tmp}/pacd-sandbox-empty
[ -f "$empty" ] && [ ! -s "$empty" ] || : > "$empty"
for f in /usr/include/zlib.h /usr/include/zconf.h /usr/include/sqlite3.h /usr/include/sqlite3ext.h \
         /usr/lib/$multiarch/libz.a /usr/lib/$multiarch/libsqlite3.a /usr/lib/$multiarch/libcurl.a; do
  [ -f "$f" ] && [ ! -L "$f" ] && hide+=(--ro-bind "$empty" "$f")
done
exec bwrap --dev-bind / / "${hide[@]}" --setenv PACD_SANDBOX 1 -- "$@"
