# Compiler launcher and the project's warning flags.
find_program(PACD_CCACHE ccache)
if(PACD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # Without these sloppiness settings ccache refuses every compilation that uses a precompiled header (most of
  # ours). They must reach ccache at build time: set(ENV{...}) here would only affect this configure run.
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime ${PACD_CCACHE})
endif()

add_library(pacd_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(pacd_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter)
endif()
