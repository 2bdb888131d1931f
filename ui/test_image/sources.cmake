# ui/test_image: one test image of a run as the smoothed classifier sees it (noisy draws) and its certified radius
# under each victim (from the run's stored certificates).
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/test_image_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_image_data.h
  ${CMAKE_CURRENT_LIST_DIR}/test_image_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_image_source.h
  ${CMAKE_CURRENT_LIST_DIR}/test_image_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_image_view.h)
