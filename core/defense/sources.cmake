target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/defense_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/detection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/detectors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/features.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roc.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sanitizers.cpp)
