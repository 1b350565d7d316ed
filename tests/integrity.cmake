# Nothing silently wrong: corrupt or incomplete models are refused, and every rejection of the
# user's input is one short line naming the file and line or key, with exit code 2.
uegr_add_test(test_model_integrity SOURCES integrity/test_model_integrity.cpp TIMEOUT 180)
add_dependencies(test_model_integrity uegr)
uegr_add_test(test_error_messages SOURCES integrity/test_error_messages.cpp TIMEOUT 180)
add_dependencies(test_error_messages uegr)
uegr_add_test(test_checkpoint_integrity SOURCES integrity/test_checkpoint_integrity.cpp TIMEOUT 180)
add_dependencies(test_checkpoint_integrity uegr)
