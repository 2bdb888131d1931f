target_sources(pacd_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/spec.cpp)
