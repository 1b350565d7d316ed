# The desktop studio: main window, pages, the bridge to the engine. Only with the GUI.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_studio_window STUDIO SOURCES studio/test_main_window.cpp TIMEOUT 60)
  target_include_directories(test_studio_window PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_studio_window uegr uegr_build_tree_docs)  # trains a run with the CLI; opens the docs
  uegr_add_test(test_studio_pages STUDIO SOURCES studio/test_pages.cpp TIMEOUT 60)
  uegr_add_test(test_studio_config_editing STUDIO SOURCES studio/test_config_editing.cpp TIMEOUT 60)
  uegr_add_test(test_plots STUDIO SOURCES studio/test_plots.cpp TIMEOUT 60)
  uegr_add_test(test_report_pagination STUDIO SOURCES studio/test_report_pagination.cpp TIMEOUT 60)
  uegr_add_test(test_studio_training STUDIO SOURCES studio/test_training.cpp TIMEOUT 120)
  target_include_directories(test_studio_training PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_test(NAME studio_quit_after_ms COMMAND uegr-studio --quit-after-ms 300)
  set_tests_properties(studio_quit_after_ms PROPERTIES TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OPENBLAS_NUM_THREADS=1;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/studio-config")
endif()
