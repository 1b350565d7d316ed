# model.type "hf" end to end: a pretrained folder through `uegr train`, the exported folder
# through predict / eval / attack, the step-time estimate, and the studio's folder panel.
uegr_add_test(test_hf_pipeline SOURCES hf_pipeline/test_hf_pipeline.cpp TIMEOUT 240)
add_dependencies(test_hf_pipeline uegr)
if(UEGR_BUILD_GUI)
  uegr_add_test(test_hf_studio SOURCES hf_pipeline/test_hf_studio.cpp LIBS uegr_ui TIMEOUT 60)
endif()
