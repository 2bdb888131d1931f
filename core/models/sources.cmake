target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/checkpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/classifier.cpp
  ${CMAKE_CURRENT_LIST_DIR}/footprint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/logistic_regression.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mnist_cnn.cpp
  ${CMAKE_CURRENT_LIST_DIR}/precision_scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resnet_cifar.cpp)
