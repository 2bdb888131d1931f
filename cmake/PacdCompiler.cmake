# Compiler launcher and the project's warning flags.
find_program(PACD_CCACHE ccache)
if(PACD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${PACD_CCACHE})
  # Precompiled headers change mtimes; these keep ccache hits with PCH.
  set(ENV{CCACHE_SLOPPINESS} "pch_defines,time_macros,include_file_mtime,include_file_ctime")
endif()

add_library(pacd_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(pacd_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter)
endif()
