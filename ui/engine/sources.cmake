# ui/engine: the torch-free facade between the widgets and core/ (device, data sets, thumbnails, run controller).
# engine_info.cpp, poison_set_preview.cpp and run_job.cpp are the only UI files that include torch headers (before any Qt header).
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/engine_info.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine_info.h
  ${CMAKE_CURRENT_LIST_DIR}/poison_set_preview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/poison_set_preview.h
  ${CMAKE_CURRENT_LIST_DIR}/progress_tracker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/progress_tracker.h
  ${CMAKE_CURRENT_LIST_DIR}/recorded_events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recorded_events.h
  ${CMAKE_CURRENT_LIST_DIR}/run_controller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_controller.h
  ${CMAKE_CURRENT_LIST_DIR}/run_event_buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_event_buffer.h
  ${CMAKE_CURRENT_LIST_DIR}/run_job.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_job.h
  ${CMAKE_CURRENT_LIST_DIR}/run_types.h)
