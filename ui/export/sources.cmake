# ui/export: plots as PNG / PDF / SVG at a chosen size and dpi, the inspector grid as PNG, and the poisoned
# training set through core/experiment/poison_export.h (the same function as `pacd-cli export`). SVG needs Qt6::Svg.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dataset_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dataset_export.h
  ${CMAKE_CURRENT_LIST_DIR}/dataset_export_dialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dataset_export_dialog.h
  ${CMAKE_CURRENT_LIST_DIR}/plot_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plot_export.h
  ${CMAKE_CURRENT_LIST_DIR}/plot_export_dialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plot_export_dialog.h)
target_link_libraries(pacd_ui PRIVATE Qt6::Svg Qt6::Concurrent)
