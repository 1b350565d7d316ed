uegr_add_test(test_run_config RECORDS SOURCES config/test_run_config.cpp)
uegr_add_test(test_cli_config RECORDS SOURCES config/test_cli_config.cpp)
add_dependencies(test_cli_config uegr)
