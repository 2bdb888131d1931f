target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/certify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clopper_pearson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/forward_batch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pgd_distortion.cpp
  ${CMAKE_CURRENT_LIST_DIR}/soft_radius.cpp)
