"""The core's constants that both backends expose, named without their IGO_ prefix.

The one list of them: the cffi backend takes each from the core by this name, and the extension's
table (bindings/cext/module.c) is held to it by tests/test_backends.py.
"""

NAMES = ("COST_BEHEERSKOSTEN", "COST_INNOVATIE_KWALITEIT", "COST_OVERIG", "COST_AMOUNT",
         "COST_SHARE", "SUMMARY_COUNT", "LANG_NL", "LANG_EN", "SCENARIO_OPTIMISTIC",
         "SCENARIO_MIDDLE", "SCENARIO_CONSERVATIVE", "DRAW_UNIFORM", "DRAW_TRIANGULAR",
         "MAX_DRAWS")
