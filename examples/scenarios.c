/* Cost scenarios in the style of the 2026 Gupta business case: what better cooperation in birth
 * care saves per sector, in an optimistic, middle and conservative scenario, phased in over the
 * years, for one region scaled by its births; then Monte Carlo percentiles of the total.
 *
 * Build:  cc scenarios.c $(pkg-config --cflags --libs libigo) -o scenarios */
#include "example.h"

/* Stops with the scenario set's own message when a call fails. */
static void check_set(igo_scenarios *set, igo_error error)
{
    if (error != IGO_OK) {
        fprintf(stderr, "%s: %s\n", igo_error_name(error), igo_scenarios_errmsg(set));
        igo_scenarios_free(set);
        exit(1);
    }
}

static void print_scenarios(const igo_scenarios *set, const igo_scenario_result *result)
{
    size_t sectors = igo_scenario_result_sector_count(result);
    for (int s = 0; s < IGO_SCENARIO_COUNT; s++) {
        printf("%s\n", igo_scenario_name((igo_scenario)s));
        const int64_t *totals = igo_scenario_result_sector_totals(result, (igo_scenario)s);
        for (size_t k = 0; k < sectors; k++) {
            char label[64];
            snprintf(label, sizeof label, "  %s", igo_scenarios_sector_id(set, k));
            print_euros(label, totals[k]);
        }
        print_euros("  total", igo_scenario_result_total(result, (igo_scenario)s));
    }
    /* The middle scenario year by year: a row per year holds each sector's total times the
     * year's fraction, then their sum. */
    const int *years = igo_scenario_result_years(result);
    const int64_t *phase_in = igo_scenario_result_phase_in(result, IGO_SCENARIO_MIDDLE);
    for (size_t y = 0; y < igo_scenario_result_year_count(result); y++) {
        char label[64];
        snprintf(label, sizeof label, "middle %d", years[y]);
        print_euros(label, phase_in[y * (sectors + 1) + sectors]);
    }
}

int main(void)
{
    igo_scenarios *set = igo_scenarios_new();
    if (set == NULL)
        return 1;
    check_set(set, igo_scenarios_set_name(set, "Twee drijvers (voorbeeld)"));
    check_set(set, igo_scenarios_add_sector(set, "msz", "Medisch-specialistische zorg"));
    check_set(set, igo_scenarios_add_sector(set, "verloskunde", "Eerstelijns verloskunde"));
    check_set(set, igo_scenarios_add_sector(set, "kraamzorg", "Kraamzorg"));

    /* A driver: a national yearly volume and the cost change per unit in each sector (EUR;
     * negative is a saving). Its studies give the effect in each scenario: the strongest
     * corrected effect (optimistic), their mean (middle) and none (conservative). */
    check_set(set, igo_scenarios_add_driver(set, "verwijzing", "Verwijzing voor de bevalling",
                                            62711, 1));
    check_set(set, igo_scenarios_set_unit_delta(set, "verwijzing", "msz", -2016));
    check_set(set, igo_scenarios_set_unit_delta(set, "verwijzing", "verloskunde", 652));
    check_set(set, igo_scenarios_set_unit_delta(set, "verwijzing", "kraamzorg", 458));
    check_set(set, igo_scenarios_add_study(set, "verwijzing", "Studie 1", -0.44, 0.08));
    check_set(set, igo_scenarios_add_study(set, "verwijzing", "Studie 2", -0.20, 0.14));

    check_set(set, igo_scenarios_add_driver(set, "consulten", "Consulten in de tweede lijn",
                                            46313, 1));
    check_set(set, igo_scenarios_set_unit_delta(set, "consulten", "msz", -295));
    check_set(set, igo_scenarios_set_unit_delta(set, "consulten", "verloskunde", 100));
    check_set(set, igo_scenarios_add_study(set, "consulten", "Studie 1", -0.50, 0.25));

    /* The share of the full effect reached in each year. */
    check_set(set, igo_scenarios_set_phase_in(set, 2027, 0.0));
    check_set(set, igo_scenarios_set_phase_in(set, 2028, 0.5));
    check_set(set, igo_scenarios_set_phase_in(set, 2029, 1.0));

    /* A region of 3,000 births a year: the national volumes scaled by its share of births. */
    igo_scaling region = {.births = 3000, .volumes = NULL};
    igo_scenario_result *result = NULL;
    check_set(set, igo_scenarios_compute(set, &region, &result));
    print_scenarios(set, result);
    igo_scenario_result_free(result);

    /* Monte Carlo: every driver's effect drawn between its conservative and optimistic value
     * (triangular around the middle); the same seed gives the same figures. out holds per
     * percentile each sector and then the total, in EUR (not rounded). */
    static const double percentiles[] = {5, 50, 95};
    double out[3 * 4], mean[4];
    igo_uncertainty mc = {.draws = 100000, .seed = 2026, .distribution = IGO_DRAW_TRIANGULAR,
                          .percentiles = percentiles, .npercentiles = 3, .out = out,
                          .mean = mean};
    check_set(set, igo_scenarios_uncertainty(set, &region, &mc));
    for (size_t i = 0; i < 3; i++)
        printf("P%-3.0f total %14.2f\n", percentiles[i], out[i * 4 + 3]);
    printf("mean total %14.2f\n", mean[3]);

    igo_scenarios_free(set);
    return 0;
}
