/* The C test suites; main.c runs them all, or those named on the command line. */
#ifndef IGO_TESTS_H
#define IGO_TESTS_H

#include "check.h"

#define IGO_TESTS(X)                                                                           \
    X(round_known_values)                                                                      \
    X(round_libreoffice_golden)                                                                \
    X(round_fast_equals_exact)                                                             \
    X(round_properties)                                                                        \
    X(canonical_15_digits)                                                                     \
    X(split_hand_computed)                                                                     \
    X(split_conserves)                                                                         \
    X(split_fast_equals_exact)                                                                 \
    X(model_setter_errors)                                                                     \
    X(model_unchanged_after_error)                                                             \
    X(distribute_hand_computed)                                                                \
    X(distribute_history_keys)                                                                 \
    X(distribute_normalised_keys)                                                              \
    X(distribute_errors)                                                                       \
    X(distribute_random_regions_conserve)                                                      \
    X(batch_equals_single)                                                                     \
    X(batch_errors)                                                                            \
    X(workbook_written_and_checked)                                                            \
    X(workbook_failures_leave_nothing)                                                         \
    X(scenario_published_figures)                                                              \
    X(scenario_linear_in_volumes)                                                              \
    X(scenario_refusals)                                                                       \
    X(percentiles_match_sorting)                                                               \
    X(scenario_monte_carlo)

#define DECLARE(name) void test_##name(igo_t *t);
IGO_TESTS(DECLARE)
#undef DECLARE

#endif
