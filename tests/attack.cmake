# Adversarial attacks in core (charswap, PGD, summaries) and the `uegr attack` command.
uegr_add_test(test_attack SOURCES attack/test_attack.cpp TIMEOUT 60)
add_dependencies(test_attack uegr)
