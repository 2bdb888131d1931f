target_sources(pacd_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/attack_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cifar10.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dataset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/idx.cpp
  ${CMAKE_CURRENT_LIST_DIR}/image_header.cpp
  ${CMAKE_CURRENT_LIST_DIR}/poison_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/splits.cpp
  ${CMAKE_CURRENT_LIST_DIR}/toy_gaussians.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_views.cpp)
target_sources(pacd_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/provision.cpp)
if(OpenSSL_FOUND)
  target_link_libraries(pacd_core PRIVATE OpenSSL::Crypto)
  target_compile_definitions(pacd_core PRIVATE PACD_HAVE_OPENSSL)
endif()
