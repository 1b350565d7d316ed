# The whole UEGR step against an independent float64 reference: tests/golden/uegr_step_reference.py
# wrote tests/data/golden/uegr_step_*.safetensors from docs/METHOD.md alone (no Python in CI).
uegr_add_test(test_uegr_step_golden SOURCES golden/test_uegr_step_golden.cpp TIMEOUT 120)
