target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/approx_grad.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attack_objective.cpp
  ${CMAKE_CURRENT_LIST_DIR}/baselines.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pacd_attack.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toy_attack.cpp)
