# Sweeps: statistics, plans, summaries, and `uegr sweep` run, stopped and resumed.
uegr_add_test(test_sweep RECORDS SOURCES sweep/test_sweep.cpp TIMEOUT 240)
add_dependencies(test_sweep uegr)
