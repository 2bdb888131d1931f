# ui/plots: live QCustomPlot plots of a run, each replotted at a bounded rate (LivePlot).
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/acr_bars_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/acr_bars_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/attack_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attack_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/certified_accuracy_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/certified_accuracy_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/live_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/plot_geometry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plot_geometry.h
  ${CMAKE_CURRENT_LIST_DIR}/plot_style.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plot_style.h
  ${CMAKE_CURRENT_LIST_DIR}/plot_caption.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plot_caption.h
  ${CMAKE_CURRENT_LIST_DIR}/plots_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plots_view.h
  ${CMAKE_CURRENT_LIST_DIR}/qcustomplot_include.h
  ${CMAKE_CURRENT_LIST_DIR}/radius_cap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/radius_cap.h
  ${CMAKE_CURRENT_LIST_DIR}/radius_histogram_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/radius_histogram_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/result_card.cpp
  ${CMAKE_CURRENT_LIST_DIR}/result_card.h
  ${CMAKE_CURRENT_LIST_DIR}/training_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_plot.h)
