# The studio's Runs page: run listing, replay and overlay, resume, and the exports.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_runs SOURCES runs/test_runs.cpp LIBS uegr_ui TIMEOUT 120)
  target_include_directories(test_runs PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_runs uegr)  # trains its finished run with the CLI
endif()

# Not a test: renders docs/screenshots/*.png (`runs_screenshots docs/screenshots`).
if(UEGR_BUILD_GUI)
  add_executable(runs_screenshots EXCLUDE_FROM_ALL runs/studio_screenshots.cpp)
  target_link_libraries(runs_screenshots PRIVATE uegr_ui)
endif()
