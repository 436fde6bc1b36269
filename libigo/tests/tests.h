/* The C test suites; main.c runs them all, or those named on the command line. */
#ifndef IGO_TESTS_H
#define IGO_TESTS_H

#include "check.h"

#define IGO_TESTS(X)                                                                           \
    X(round_known_values)                                                                      \
    X(round_libreoffice_golden)                                                                \
    X(round_fast_equals_exact)                                                                 \
    X(round_properties)                                                                        \
    X(canonical_15_digits)                                                                     \
    X(round_cents_checked)                                                                     \
    X(split_hand_computed)                                                                     \
    X(split_conserves)                                                                         \
    X(split_fast_equals_exact)                                                                 \
    X(model_setter_errors)                                                                     \
    X(model_unchanged_after_error)                                                             \
    X(model_read_back)                                                                         \
    X(model_read_empty)                                                                        \
    X(distribute_hand_computed)                                                                \
    X(distribute_costs_per_prestatie)                                                          \
    X(distribute_fixed_parts)                                                                  \
    X(distribute_fixed_parts_edges)                                                            \
    X(workbook_fixed_round_trip)                                                               \
    X(distribute_bonuses)                                                                      \
    X(bonus_setter_errors)                                                                     \
    X(bonus_random_regions)                                                                    \
    X(workbook_bonus_round_trip)                                                               \
    X(workbook_whatif_baseline)                                                                \
    X(workbook_whatif_limit)                                                                   \
    X(distribute_history_keys)                                                                 \
    X(distribute_normalised_keys)                                                              \
    X(distribute_errors)                                                                       \
    X(distribute_random_regions_conserve)                                                      \
    X(batch_equals_single)                                                                     \
    X(batch_errors)                                                                            \
    X(batch_shape)                                                                             \
    X(workbook_written_and_checked)                                                            \
    X(workbook_failures_leave_nothing)                                                         \
    X(workbook_numbers_shortest)                                                               \
    X(workbook_numbers_rewrite)                                                                \
    X(workbook_numbers_failures)                                                               \
    X(workbook_numbers_limit)                                                                  \
    X(transition_hand_worked)                                                                  \
    X(transition_properties)                                                                   \
    X(transition_refusals)                                                                     \
    X(workbook_transition_round_trip)                                                          \
    X(workbook_transition_refusals)                                                            \
    X(scenario_published_figures)                                                              \
    X(scenario_linear_in_volumes)                                                              \
    X(scenario_refusals)                                                                       \
    X(percentiles_match_sorting)                                                               \
    X(scenario_monte_carlo)                                                                    \
    X(uncertainty_shape)                                                                       \
    X(text_refused_where_it_enters)                                                            \
    X(text_lengths_as_a_spreadsheet_counts)                                                    \
    X(text_in_scenario_sets)                                                                   \
    X(progress_stops_a_batch)                                                                  \
    X(progress_stops_monte_carlo)                                                              \
    X(progress_stops_a_workbook)                                                               \
    X(workbook_targets_and_limits)                                                             \
    X(allocation_failures_are_errors)                                                          \
    X(workbook_read_round_trip)                                                                \
    X(workbook_read_refusals)                                                                  \
    X(xlsx_numbers_as_strtod)                                                                  \
    X(xlsx_cell_names)                                                                         \
    X(xlsx_written_and_read)                                                                   \
    X(xlsx_hand_built_parts)                                                                   \
    X(xlsx_hostile_xml)                                                                        \
    X(xlsx_hostile_cells)                                                                      \
    X(xlsx_hostile_containers)                                                                 \
    X(xlsx_zip_bomb)                                                                           \
    X(xlsx_stops_when_asked)                                                                   \
    X(xlsx_table_columns)                                                                      \
    X(hostile_corpus)                                                                          \
    X(claims_hand_worked)                                                                      \
    X(claims_conventions)                                                                      \
    X(claims_windows_1252)                                                                     \
    X(claims_set_aside)                                                                        \
    X(claims_ambiguous_amounts)                                                                \
    X(claims_file_errors)                                                                      \
    X(claims_hostile)                                                                          \
    X(claims_table)                                                                            \
    X(claims_options)                                                                          \
    X(claims_xlsx)                                                                             \
    X(claims_generated_reconcile)                                                              \
    X(claims_stops_when_asked)                                                                 \
    X(claims_many_lines_in_a_phase)                                                            \
    X(claims_review_cases)                                                                     \
    X(claims_many_providers_in_a_phase)                                                        \
    X(hostile_fuzz_finds)                                                                      \
    X(claims_generate_repeatable)                                                              \
    X(claims_generate_dutch)                                                                   \
    X(claims_generate_english)                                                                 \
    X(claims_generate_care_mix)                                                                \
    X(claims_generate_refusals)                                                                \
    X(claims_generate_stops_when_asked)

#define DECLARE(name) void test_##name(igo_t *t);
IGO_TESTS(DECLARE)
#undef DECLARE

/* A progress callback for the tests: counts its calls, and asks to stop on call stop_at. */
typedef struct {
    int calls, stop_at; /* stop on this call (1 = the first); 0: never */
    double last;        /* the last fraction reported */
    int backwards;      /* a fraction lower than the one before, or outside 0..1 */
} listener;
int listen(void *data, double done);
/* The number of entries in a directory, . and .. not counted (test_workbook.c). */
int dir_entries(const char *dir);
/* Reads a whole file, NUL-terminated (free it); NULL when it cannot (test_claims_generate.c). */
char *slurp(const char *path, size_t *size);
/* Monotonic seconds. */
double seconds(void);

/* Writes a zip of XML parts for the xlsx reader's tests: names[i] holding texts[i] (deflated,
 * or stored when stored is 1). 0 on success. */
int write_zip(const char *path, const char *const *names, const char *const *texts, size_t n,
              int stored);

/* The published national inputs of the 2026 business case, as a scenario set. */
struct igo_scenarios *published_scenarios(igo_t *t);

#endif
