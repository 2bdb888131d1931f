# ui/toy: the toy playground (App. D.2, Fig. 2). toy_engine.cpp is its only file that includes torch (and it
# includes no Qt); the widget and the worker see the attack through the torch-free toy_engine.h.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/toy_engine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toy_engine.h
  ${CMAKE_CURRENT_LIST_DIR}/toy_playground.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toy_playground.h
  ${CMAKE_CURRENT_LIST_DIR}/toy_worker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toy_worker.h)
