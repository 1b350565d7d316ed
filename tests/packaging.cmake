# Desktop integration built with the packages (packaging/CMakeLists.txt). Only with the GUI.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_hicolor_icons STUDIO SOURCES packaging/test_hicolor_icons.cpp TIMEOUT 60)
  target_compile_definitions(test_hicolor_icons PRIVATE UEGR_HICOLOR_DIR="${CMAKE_BINARY_DIR}/packaging/hicolor")
  add_dependencies(test_hicolor_icons uegr_hicolor_icons)
endif()
