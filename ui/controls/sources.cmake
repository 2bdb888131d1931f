# ui/controls: the controls that describe an experiment (pacd::ExperimentSpec): main choices, ε, advanced panel.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/advanced_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/advanced_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/collapsible_section.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collapsible_section.h
  ${CMAKE_CURRENT_LIST_DIR}/epsilon_control.cpp
  ${CMAKE_CURRENT_LIST_DIR}/epsilon_control.h
  ${CMAKE_CURRENT_LIST_DIR}/experiment_form.cpp
  ${CMAKE_CURRENT_LIST_DIR}/experiment_form.h
  ${CMAKE_CURRENT_LIST_DIR}/input_guard.cpp
  ${CMAKE_CURRENT_LIST_DIR}/input_guard.h)
