# ui/inspector: the image inspector (clean | poisoned | amplified δ per poison, L∞/L2/PSNR/SSIM, zoom, blend).
# OpenCV stays in the .cpp files: SSIM's Gaussian windows and the δ colour map.
if(NOT OpenCV_FOUND)
  message(FATAL_ERROR "The image inspector needs OpenCV (core, imgproc); Debian: apt install libopencv-dev")
endif()
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/image_cell.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_cell.h
  ${CMAKE_CURRENT_LIST_DIR}/image_inspector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_inspector.h
  ${CMAKE_CURRENT_LIST_DIR}/image_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_metrics.h
  ${CMAKE_CURRENT_LIST_DIR}/image_render.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_render.h
  ${CMAKE_CURRENT_LIST_DIR}/zoom_dialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/zoom_dialog.h)
