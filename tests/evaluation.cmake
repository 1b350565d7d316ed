# The studio's per-class view of evaluations: the confusion matrix widget and the per-class table.
if(UEGR_BUILD_GUI)
  uegr_add_test(test_evaluation STUDIO SOURCES evaluation/test_evaluation.cpp TIMEOUT 60)
endif()
