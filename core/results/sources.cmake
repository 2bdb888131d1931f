# What a run produced and where it is kept: the run record, its JSON, the SQLite results store, the reports.
target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/victim_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/results_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recorded_run.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_log.cpp)
