target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/experiment_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/poison_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/victim_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stages.cpp
  ${CMAKE_CURRENT_LIST_DIR}/runner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/results_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report.cpp)
