# The header-only and static third-party pieces for a machine without Debian's -dev packages (the GPU server),
# from the folder that scripts/gpu-stage.sh fills where those packages are installed (the "gpu" preset points
# PACD_STAGE_DIR at build/gpu-stage). Defines the same imported targets as find_package would: the rest of the
# build does not know where they came from. Included by PacdDependencies.cmake instead of its find_package calls.
#
#   include/  nlohmann/, CLI/, boost/ (only the headers the engine includes, and Boost's config), zlib.h, zconf.h,
#             sqlite3.h
#   lib/      libz.a, libsqlite3.a (static: the server's shared ones may lack the .so link, or be absent)
set(stage ${PACD_STAGE_DIR})
foreach(piece include/nlohmann/json.hpp include/CLI/CLI.hpp include/boost/math/distributions/normal.hpp include/zlib.h
              include/sqlite3.h lib/libz.a lib/libsqlite3.a)
  if(NOT EXISTS ${stage}/${piece})
    message(FATAL_ERROR "PACD_STAGE_DIR=${stage} lacks ${piece}. Run scripts/gpu-stage.sh on a machine with Debian's "
                        "packages (scripts/bootstrap.sh) and bring its folder along, or configure without PACD_STAGE_DIR "
                        "to use the installed packages.")
  endif()
endforeach()

# Imported targets: their include folders reach the compiler as -isystem, as installed packages' do.
foreach(target nlohmann_json::nlohmann_json CLI11::CLI11 Boost::headers)
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${stage}/include)
endforeach()

find_package(Threads REQUIRED)
add_library(ZLIB::ZLIB STATIC IMPORTED)
set_target_properties(ZLIB::ZLIB PROPERTIES IMPORTED_LOCATION ${stage}/lib/libz.a INTERFACE_INCLUDE_DIRECTORIES ${stage}/include)
add_library(SQLite::SQLite3 STATIC IMPORTED)
# Debian's static SQLite calls into libm, libdl and pthreads (glibc >= 2.34 has them in libc; older ones do not).
set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${stage}/lib/libsqlite3.a
  INTERFACE_INCLUDE_DIRECTORIES ${stage}/include INTERFACE_LINK_LIBRARIES "Threads::Threads;${CMAKE_DL_LIBS};m")
set(ZLIB_FOUND TRUE)
set(SQLite3_FOUND TRUE)
file(STRINGS ${stage}/MANIFEST.txt stage_origin LIMIT_COUNT 1)
message(STATUS "pacd: third-party headers and static libraries from ${stage} (${stage_origin})")
