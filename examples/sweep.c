/* A sweep: many variants of one region distributed in one call, here what each provider receives
 * when the number of women in IG1 (a pregnancy with a birth in the first line) ranges from 360
 * to 480 and the overhead costs from 1 % to 3 % of the income. Each variant's figures equal those
 * of igo_distribute() on the region with that variant's inputs; a million variants take seconds.
 *
 * Build:  cc sweep.c $(pkg-config --cflags --libs libigo) -o sweep */
#include "example.h"

enum { VARIANTS = 7 };

int main(void)
{
    igo_model *model = igo_model_new();
    if (model == NULL)
        return 1;
    check_model(model, igo_model_set_name(model, "Regio Zuid (voorbeeld)"));
    check_model(model, igo_model_add_default_catalogue(model));
    check_model(model, igo_model_add_default_disciplines(model));
    check_model(model, igo_model_add_provider(model, "vp-zuid", "Verloskunde Zuid", "verloskunde"));
    check_model(model, igo_model_add_provider(model, "zh-zuid", "Ziekenhuis Zuid", "ziekenhuis"));
    check_model(model, igo_model_add_provider(model, "kz-zuid", "Kraamzorg Zuid", "kraamzorg"));
    check_model(model, igo_model_set_production(model, "IG1", 420, 2876.50));
    check_model(model, igo_model_set_production(model, "IG4", 130, 3390.00));
    check_model(model, igo_model_set_cost(model, IGO_COST_BEHEERSKOSTEN, IGO_COST_SHARE, 0.02));
    check_model(model, igo_model_set_key(model, "IG1", "verloskunde", 0.5));
    check_model(model, igo_model_set_key(model, "IG1", "kraamzorg", 0.5));
    check_model(model, igo_model_set_key(model, "IG4", "verloskunde", 0.4));
    check_model(model, igo_model_set_key(model, "IG4", "ziekenhuis", 0.2));
    check_model(model, igo_model_set_key(model, "IG4", "kraamzorg", 0.4));
    static const char *providers[] = {"vp-zuid", "zh-zuid", "kz-zuid"};
    for (size_t o = 0; o < 3; o++) {
        check_model(model, igo_model_set_volume(model, "IG1", providers[o], 420));
        check_model(model, igo_model_set_volume(model, "IG4", providers[o], 130));
    }

    /* The inputs are row-major, one row per variant. Counts: a row holds every prestatie's
     * count (the model's own for all but IG1). Costs: a row holds every cost component in its
     * own mode, here fractions since the model gives them as shares of the income. Outputs are
     * ours to allocate: one row of provider totals and one summary row per variant. */
    size_t prestaties = igo_model_prestatie_count(model);
    size_t provider_count = igo_model_provider_count(model);
    double *counts = calloc(VARIANTS * prestaties, sizeof *counts);
    double *costs = calloc(VARIANTS * IGO_COST_COUNT, sizeof *costs);
    int64_t *totals = calloc(VARIANTS * provider_count, sizeof *totals);
    int64_t summary[VARIANTS * IGO_SUMMARY_COUNT];
    if (counts == NULL || costs == NULL || totals == NULL)
        return 1;
    for (size_t v = 0; v < VARIANTS; v++) {
        counts[v * prestaties + 0] = 360 + 20.0 * (double)v; /* IG1 is the first prestatie */
        counts[v * prestaties + 3] = 130;                    /* IG4 as it is */
        costs[v * IGO_COST_COUNT + IGO_COST_BEHEERSKOSTEN] = 0.01 + 0.02 * (double)v / 6;
    }
    igo_batch batch = {.variants = VARIANTS, .counts = counts, .costs = costs,
                       .provider_totals = totals, .summary = summary};
    igo_error error = igo_distribute_batch(model, &batch);
    if (error != IGO_OK) {
        fprintf(stderr, "variant %zu: %s\n", batch.failed_variant, igo_model_errmsg(model));
        igo_model_free(model);
        return 1;
    }

    for (size_t v = 0; v < VARIANTS; v++) {
        printf("variant %zu: IG1 %.0f women, beheerskosten %.4f of income\n", v,
               counts[v * prestaties], costs[v * IGO_COST_COUNT]);
        print_euros("  income", summary[v * IGO_SUMMARY_COUNT + IGO_SUMMARY_INCOME]);
        print_euros("  distributed", summary[v * IGO_SUMMARY_COUNT + IGO_SUMMARY_DISTRIBUTED]);
        for (size_t o = 0; o < provider_count; o++) {
            char label[64];
            snprintf(label, sizeof label, "  %s", igo_model_provider_id(model, o));
            print_euros(label, totals[v * provider_count + o]);
        }
    }
    free(counts);
    free(costs);
    free(totals);
    igo_model_free(model);
    return 0;
}
