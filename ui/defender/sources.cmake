# ui/defender: the Defender tab (issue 18, beyond the paper): a finished run's detect stages as ROC curves and the
# highest-scored training images, a sanitiser's effect on one poison, and the ACR of every defense row of its preset.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/defender_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defender_data.h
  ${CMAKE_CURRENT_LIST_DIR}/defender_images.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defender_images.h
  ${CMAKE_CURRENT_LIST_DIR}/defender_loader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defender_loader.h
  ${CMAKE_CURRENT_LIST_DIR}/defender_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defender_names.h
  ${CMAKE_CURRENT_LIST_DIR}/defender_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defender_view.h
  ${CMAKE_CURRENT_LIST_DIR}/defense_acr_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/defense_acr_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/roc_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roc_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/sanitizer_preview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sanitizer_preview.h
  ${CMAKE_CURRENT_LIST_DIR}/top_scored_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/top_scored_view.h)
