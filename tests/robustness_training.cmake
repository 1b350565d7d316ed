# Robustness checks during training: config keys, the monitor thread, metrics.jsonl and summary
# records compared with `uegr attack`, stop requests; and the studio's telemetry hand-over and replay.
uegr_add_test(test_robustness_training SOURCES robustness_training/test_robustness_training.cpp TIMEOUT 120)
add_dependencies(test_robustness_training uegr)
if(UEGR_BUILD_GUI)
  uegr_add_test(test_robustness_telemetry STUDIO SOURCES robustness_training/test_robustness_telemetry.cpp
                TIMEOUT 60)
endif()
