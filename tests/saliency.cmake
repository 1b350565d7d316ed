# Saliency: token attributions and parameter snapshots in core, the studio's Saliency page.
uegr_add_test(test_saliency_core SOURCES saliency/test_token_saliency.cpp TIMEOUT 60)
if(UEGR_BUILD_GUI)
  uegr_add_test(test_saliency_page SOURCES saliency/test_saliency_page.cpp LIBS uegr_ui TIMEOUT 60)
endif()
