# ui/session: experiments saved and opened (spec + result), recent files, the results-store browser.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/recent_files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recent_files.h
  ${CMAKE_CURRENT_LIST_DIR}/replay_banner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/replay_banner.h
  ${CMAKE_CURRENT_LIST_DIR}/results_browser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/results_browser.h
  ${CMAKE_CURRENT_LIST_DIR}/session_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/session_file.h)
