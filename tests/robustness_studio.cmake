# The studio's robustness lab: attack session, saved results, comparison table, word diff, the
# Robustness page and the report's robustness section, on two runs trained with the CLI.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_robustness_studio STUDIO SOURCES robustness_studio/test_robustness_studio.cpp TIMEOUT 180)
  target_include_directories(test_robustness_studio PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_robustness_studio uegr)
endif()
