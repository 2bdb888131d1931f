target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/defense_step.cpp
  ${CMAKE_CURRENT_LIST_DIR}/losses.cpp
  ${CMAKE_CURRENT_LIST_DIR}/train_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trainer.cpp)
