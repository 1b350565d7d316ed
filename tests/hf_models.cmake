# Pretrained Hugging Face encoders (BERT, RoBERTa, ALBERT): loading, numerics, export.
uegr_add_test(test_hf_models SOURCES hf_models/test_hf_models.cpp)
