# ui/main_window: pacd-studio's window (layout, run buttons and progress, log), its menus, exports and data-set
# fetching.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dataset_fetcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dataset_fetcher.h
  ${CMAKE_CURRENT_LIST_DIR}/export_controller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/export_controller.h
  ${CMAKE_CURRENT_LIST_DIR}/log_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/log_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/main_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/main_window.h
  ${CMAKE_CURRENT_LIST_DIR}/run_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/window_actions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/window_actions.h)
