# Compiler launcher and the project's build rules, as targets that every target links (house rules that the compiler
# enforces rather than a reviewer):
#   pacd_options     C++17, the warning flags. Every target of the project links it.
#   pacd_qt_options  pacd_options + QT_NO_KEYWORDS (no `signals`/`slots`/`emit` macros, which collide with torch
#                    headers: spell Q_SIGNALS/Q_SLOTS/Q_EMIT) and QT_NO_CAST_FROM_ASCII (no implicit const char* ->
#                    QString: QStringLiteral, QLatin1String, tr()). Every target that includes Qt links it.
find_program(PACD_CCACHE ccache)
if(PACD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # Without these sloppiness settings ccache refuses every compilation that uses a precompiled header (most of
  # ours). They must reach ccache at build time: set(ENV{...}) here would only affect this configure run.
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime ${PACD_CCACHE})
endif()

add_library(pacd_options INTERFACE)
target_compile_features(pacd_options INTERFACE cxx_std_17)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(pacd_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
endif()

add_library(pacd_qt_options INTERFACE)
target_link_libraries(pacd_qt_options INTERFACE pacd_options)
target_compile_definitions(pacd_qt_options INTERFACE QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII)

# pacd_glue_options: for code that only drives pacd_core and LibTorch (the test suites, pacd-cli's commands), -O1
# instead of Release's -O3: their work runs in pacd_core (-O3) and LibTorch, so they run as fast, and the numbers
# are the same (no -ffast-math, and -std=c++17 contracts no floating-point expression at any level); the build
# takes minutes less. Not for pacd-bench, whose own loops time the engine.
add_library(pacd_glue_options INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(pacd_glue_options INTERFACE $<$<CONFIG:Release>:-O1>)
endif()
