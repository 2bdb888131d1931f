# Install rules shared by the application folders and packaging/.
include(GNUInstallDirs)

# Installs an executable into bin/ once: a folder may call it next to its target, and packaging/CMakeLists.txt
# (included last) calls it for every application target that exists, so a new front end (pacd-studio) is
# packaged as soon as its target is defined, whether or not its folder asks.
function(pacd_install_app target)
  get_property(done GLOBAL PROPERTY PACD_INSTALLED_APPS)
  if(target IN_LIST done)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY PACD_INSTALLED_APPS ${target})
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()

# Registers compiled translations (.qm files, e.g. qt_add_translations' QM_FILES_OUTPUT_VARIABLE) for
# share/pacd-studio/translations. Translations embedded as Qt resources need nothing.
function(pacd_install_translations)
  set_property(GLOBAL APPEND PROPERTY PACD_QM_FILES ${ARGN})
  install(FILES ${ARGN} DESTINATION ${CMAKE_INSTALL_DATADIR}/pacd-studio/translations)
endfunction()
