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

# Flattening and diffing run configs (core, no Qt widgets).
uegr_add_test(test_config_diff RECORDS SOURCES runs/test_config_diff.cpp)

# The runs table driven as a user: hyper-parameter columns, config diff, tags, notes, rename,
# delete to the trash and undo.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_run_management STUDIO SOURCES runs/test_run_management.cpp TIMEOUT 120)
  target_include_directories(test_run_management PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_run_management uegr)  # trains its runs with the CLI
endif()
