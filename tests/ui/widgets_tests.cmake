# The suites of the inspector, the toy playground and export (ui/inspector, ui/toy, ui/export), included by
# tests/ui/CMakeLists.txt. Each runs offscreen; with PACD_SCREENSHOT_DIR set (and a display, e.g. under
# `xvfb-run -a`), their screenshot tests also write PNGs of the widgets there.
set(PACD_WIDGET_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
function(pacd_add_widget_test name)
  if(NOT TARGET ${name}) # a glob over tst_*.cpp beside this file may have made the target already
    add_executable(${name} ${PACD_WIDGET_TESTS_DIR}/${name}.cpp)
    add_test(NAME ${name} COMMAND ${name} -platform offscreen)
  endif()
  target_link_libraries(${name} PRIVATE pacd_ui pacd_core Qt6::Widgets Qt6::Test pacd_warnings ${ARGN})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/ui)
  set_tests_properties(${name} PROPERTIES LABELS ui ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()

pacd_add_widget_test(tst_inspector)
pacd_add_widget_test(tst_toy_playground)
pacd_add_widget_test(tst_export Qt6::Svg)
