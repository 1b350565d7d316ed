# Training engine: UEGR building blocks, methods, trainer, checkpoints, `uegr train`.
uegr_add_test(test_engine_units SOURCES engine/test_engine_units.cpp TIMEOUT 120)
uegr_add_test(test_engine_training SOURCES engine/test_engine_training.cpp engine/tiny_classifier.h TIMEOUT 240)
uegr_add_test(test_engine_cli SOURCES engine/test_engine_cli.cpp TIMEOUT 240)
target_include_directories(test_engine_training PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
add_dependencies(test_engine_cli uegr)
uegr_add_test(test_numeric_modes SOURCES engine/test_numeric_modes.cpp TIMEOUT 240)
uegr_add_test(test_key_applicability SOURCES engine/test_key_applicability.cpp TIMEOUT 120)
target_include_directories(test_key_applicability PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
