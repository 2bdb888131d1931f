target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/experiment_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/poison_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stages.cpp
  ${CMAKE_CURRENT_LIST_DIR}/runner.cpp)
