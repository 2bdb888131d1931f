# Every third-party package the project uses, found in one place.
# Core needs LibTorch, nlohmann-json, CLI11 (app), Boost.Math and zlib; optional: CURL + OpenSSL (pacd-cli fetch).
# The GUI build adds Qt 6 (with Svg), QCustomPlot and OpenCV.
# PACD_STAGE_DIR (the "gpu" preset): a machine without them (a GPU server) takes nlohmann-json, CLI11, Boost.Math,
# zlib and SQLite from the folder scripts/gpu-stage.sh filled (cmake/PacdStagedDependencies.cmake).
set(PACD_STAGE_DIR "" CACHE PATH "Folder of staged third-party headers and static libraries (scripts/gpu-stage.sh); empty = the installed packages")
find_package(Torch REQUIRED)
if(PACD_STAGE_DIR)
  include(PacdStagedDependencies)
else()
  find_package(nlohmann_json 3.2 REQUIRED)
  find_package(CLI11 REQUIRED)
  find_package(ZLIB REQUIRED)
  find_package(Boost 1.71 REQUIRED)  # header-only Boost.Math
  find_package(SQLite3 REQUIRED)     # the results store
endif()

# OpenCV reads class-folder images. The headless engine (PACD_BUILD_GUI=OFF, e.g. a GPU server) links no OpenCV,
# so there class folders are refused with a message; the desktop build has them.
# The fuzzing build (PACD_FUZZ) also wants it, to fuzz class-folder loading.
if(PACD_BUILD_GUI OR PACD_FUZZ)
  find_package(OpenCV QUIET COMPONENTS core imgcodecs imgproc)
endif()
find_package(CURL QUIET)
find_package(OpenSSL QUIET COMPONENTS Crypto)

if(PACD_BUILD_TESTS)
  find_package(Qt6 QUIET COMPONENTS Core Test)
endif()
if(PACD_BUILD_GUI)
  find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets PrintSupport Test LinguistTools)  # QCustomPlot links PrintSupport
  find_package(QCustomPlotQt6 REQUIRED)
  # Export: QCustomPlot links PrintSupport (savePdf); SVG goes through QSvgGenerator (Debian: qt6-svg-dev).
  find_package(Qt6 REQUIRED COMPONENTS PrintSupport Svg Concurrent)  # Concurrent: ui/export's background export
endif()

message(STATUS "pacd: LibTorch ${Torch_VERSION}; OpenCV ${OpenCV_FOUND}; CURL ${CURL_FOUND}; OpenSSL ${OpenSSL_FOUND}; Qt6 Test ${Qt6Test_FOUND}")
