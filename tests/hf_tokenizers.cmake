# Tokenizers of pretrained Hugging Face model folders: WordPiece, byte-level BPE, SentencePiece
# and the folder loader.
uegr_add_test(test_hf_tokenizers RECORDS SOURCES hf_tokenizers/test_hf_tokenizers.cpp TIMEOUT 60)
# tokenizer.json (fast tokenizers) read into the tokenizers above, checked against them.
uegr_add_test(test_tokenizer_json SOURCES hf_tokenizers/test_tokenizer_json.cpp TIMEOUT 60)
