# Run-folder faults through `uegr train`: full disk, kill -9, two writers, reuse, SIGTERM.
uegr_add_test(test_run_faults SOURCES faults/test_run_faults.cpp TIMEOUT 180)
add_dependencies(test_run_faults uegr)
