# ui/i18n: language switching, and the German and Simplified-Chinese catalogues (translations/*.ts) compiled to
# .qm and embedded under :/i18n. `cmake --build --preset dev --target update_translations` refreshes the .ts
# files from the sources (lupdate); the build only runs lrelease.
target_sources(pacd_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/language.cpp
  ${CMAKE_CURRENT_LIST_DIR}/language.h)
qt_add_translations(pacd_ui
  TS_FILES ${PROJECT_SOURCE_DIR}/translations/pacd_de.ts ${PROJECT_SOURCE_DIR}/translations/pacd_zh_CN.ts
  RESOURCE_PREFIX /i18n
  LUPDATE_OPTIONS -no-obsolete -locations none)
