# Run-folder faults through `uegr train`: full disk, kill -9, two writers, reuse, SIGTERM; and the
# studio's training worker refusing a folder as the CLI does.
uegr_add_test(test_run_faults RECORDS SOURCES faults/test_run_faults.cpp TIMEOUT 180)
add_dependencies(test_run_faults uegr)
if(TARGET uegr_bridge)
  uegr_add_test(test_worker_run_folder RECORDS SOURCES faults/test_worker_run_folder.cpp LIBS uegr_bridge TIMEOUT 60)
endif()
