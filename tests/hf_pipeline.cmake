# model.type "hf" end to end: a pretrained folder through `uegr train`, the exported folder
# through predict / eval / attack, the step-time estimate, the studio's folder panel, and the
# Saliency and Robustness pages on a fine-tuned pretrained run.
uegr_add_test(test_hf_pipeline SOURCES hf_pipeline/test_hf_pipeline.cpp TIMEOUT 240)
add_dependencies(test_hf_pipeline uegr)
if(UEGR_BUILD_GUI)
  uegr_add_test(test_hf_studio STUDIO SOURCES hf_pipeline/test_hf_studio.cpp TIMEOUT 180)
  target_include_directories(test_hf_studio PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  add_dependencies(test_hf_studio uegr)
endif()
