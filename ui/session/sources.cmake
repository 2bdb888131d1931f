# ui/session: experiments saved and opened (spec + result), recent files, the results-store browser.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/recent_files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recent_files.h
  ${CMAKE_CURRENT_LIST_DIR}/session_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/session_file.h)
# The browser reads pacd::ResultsStore; until core implements it (results_store.cpp), the window builds without
# the "Browse past runs" entry rather than failing to link.
if(EXISTS ${PROJECT_SOURCE_DIR}/core/results/results_store.cpp)
  target_sources(pacd_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/results_browser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/results_browser.h)
  target_compile_definitions(pacd_ui PUBLIC PACD_UI_RESULTS_STORE=1)
endif()
