# ui/main_window: pacd-studio's window (layout, menus, run buttons and progress, log).
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/log_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/log_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/main_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/main_window.h
  ${CMAKE_CURRENT_LIST_DIR}/main_window_menus.cpp
  ${CMAKE_CURRENT_LIST_DIR}/main_window_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_panel.h)
