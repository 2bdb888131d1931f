# Install rules shared by the application folders and packaging/.
include(GNUInstallDirs)

# Installs an application (pacd-cli, pacd-bench, pacd-studio) into bin/; each folder calls it next to its target.
function(pacd_install_app target)
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()

# Registers compiled translations (.qm files, e.g. qt_add_translations' QM_FILES_OUTPUT_VARIABLE) for
# share/pacd-studio/translations. Translations embedded as Qt resources need nothing.
function(pacd_install_translations)
  set_property(GLOBAL APPEND PROPERTY PACD_QM_FILES ${ARGN})
  install(FILES ${ARGN} DESTINATION ${CMAKE_INSTALL_DATADIR}/pacd-studio/translations)
endfunction()
