# Saliency: token attributions and parameter snapshots in core, the studio's Saliency page.
uegr_add_test(test_saliency_core SOURCES saliency/test_token_saliency.cpp TIMEOUT 60)
if(UEGR_BUILD_GUI)
  uegr_add_test(test_saliency_page SOURCES saliency/test_saliency_page.cpp LIBS uegr_ui TIMEOUT 60)
  target_include_directories(test_saliency_page PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_saliency_page uegr)  # trains its run with the CLI
endif()
