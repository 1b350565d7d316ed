# Models, serialisation, metrics, evaluation and the eval/predict commands.
uegr_add_test(test_models_metrics SOURCES models/test_metrics.cpp)
uegr_add_test(test_models_safetensors SOURCES models/test_safetensors.cpp)
uegr_add_test(test_models_architectures SOURCES models/test_architectures.cpp)
uegr_add_test(test_models_bundle SOURCES models/test_bundle.cpp)
add_dependencies(test_models_bundle uegr)
