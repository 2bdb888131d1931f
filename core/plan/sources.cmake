# What to run: the vocabularies, the spec as written, resolve() into a plan, the presets and the cost model.
# Torch-free (no LibTorch header in these translation units).
target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/vocabulary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/spec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resolve.cpp
  ${CMAKE_CURRENT_LIST_DIR}/presets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cost_model.cpp)
