# Sanitizer and fuzzing instrumentation (the "asan" preset; clang).
#
# PACD_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on everything this project compiles (UB aborts:
#   -fno-sanitize-recover). LibTorch, Qt and OpenCV are Debian's uninstrumented builds: ASan still sees their heap
#   (malloc is intercepted) but not their internals, which is why tests/sanitizers/lsan.supp suppresses their leaks.
# PACD_FUZZ: pacd_core additionally gets -fsanitize=fuzzer-no-link (coverage feedback for libFuzzer) and fuzz/
#   is built; one build serves both the sanitized tests and the fuzz targets.
option(PACD_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer (clang or gcc)" OFF)
option(PACD_FUZZ "Build the libFuzzer targets in fuzz/ (clang; implies PACD_SANITIZE)" OFF)

if(PACD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PACD_FUZZ needs clang (libFuzzer); configure with the asan preset or CMAKE_CXX_COMPILER=clang++")
  endif()
  set(PACD_SANITIZE ON)
endif()

if(PACD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  message(STATUS "pacd: AddressSanitizer + UndefinedBehaviorSanitizer on (ctest --preset asan sets their options)")
endif()

# Called after core/ exists.
function(pacd_instrument_core_for_fuzzing)
  if(PACD_FUZZ)
    target_compile_options(pacd_core PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
