uegr_add_test(test_run_config SOURCES config/test_run_config.cpp)
uegr_add_test(test_cli_config SOURCES config/test_cli_config.cpp)
add_dependencies(test_cli_config uegr)
