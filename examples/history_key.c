/* Derives the verdeelsleutel from history: each prestatie's key is the share of each discipline
 * in the money of the region's historical monodisciplinary claims for it. Prints the derived key
 * in percent and the providers' totals.
 *
 * Build:  cc history_key.c $(pkg-config --cflags --libs libigo) -o history_key */
#include "example.h"

int main(void)
{
    igo_model *model = igo_model_new();
    if (model == NULL)
        return 1;
    check_model(model, igo_model_set_name(model, "Regio West (voorbeeld)"));
    check_model(model, igo_model_add_default_catalogue(model));
    check_model(model, igo_model_add_default_disciplines(model));
    check_model(model, igo_model_add_provider(model, "vp-west", "Verloskunde West", "verloskunde"));
    check_model(model, igo_model_add_provider(model, "zh-west", "Ziekenhuis West", "ziekenhuis"));
    check_model(model, igo_model_add_provider(model, "kz-west", "Kraamzorg West", "kraamzorg"));

    check_model(model, igo_model_set_production(model, "IG1", 310, 2950.00));
    check_model(model, igo_model_set_production(model, "IG3", 85, 7015.40));
    check_model(model, igo_model_set_cost(model, IGO_COST_BEHEERSKOSTEN, IGO_COST_SHARE, 0.015));

    /* Claim lines of the years before: code, discipline, IG-prestatie, count, tariff (EUR). The
     * key of IG1 becomes each discipline's claimed money over all of IG1's money. */
    static const struct {
        const char *code, *discipline, *prestatie;
        double count, tariff;
    } history[] = {
        {"1101", "verloskunde", "IG1", 300, 598.35},
        {"1602", "verloskunde", "IG1", 290, 54.20},
        {"159999030", "ziekenhuis", "IG1", 45, 312.00},
        {"196202", "kraamzorg", "IG1", 305, 41.80},
        {"196203", "kraamzorg", "IG1", 280, 62.15},
        {"1201", "verloskunde", "IG3", 60, 182.40},
        {"159999021", "ziekenhuis", "IG3", 30, 3950.00},
        {"196202", "kraamzorg", "IG3", 80, 41.80},
    };
    for (size_t i = 0; i < sizeof history / sizeof history[0]; i++)
        check_model(model, igo_model_add_history(model, history[i].code, history[i].discipline,
                                                 history[i].prestatie, history[i].count,
                                                 history[i].tariff));

    /* One provider per discipline: all of a discipline's money goes to it. */
    static const char *providers[] = {"vp-west", "zh-west", "kz-west"};
    for (size_t o = 0; o < 3; o++) {
        check_model(model, igo_model_set_volume(model, "IG1", providers[o], 300));
        check_model(model, igo_model_set_volume(model, "IG3", providers[o], 85));
    }

    igo_result *result = NULL;
    check_model(model, igo_distribute(model, &result));

    /* The key used, one row per prestatie with money, in percent. */
    size_t prestaties = igo_result_prestatie_count(result);
    size_t disciplines = igo_result_discipline_count(result);
    const double *keys = igo_result_keys(result);
    const int64_t *income = igo_result_prestatie(result, IGO_COLUMN_INCOME);
    for (size_t p = 0; p < prestaties; p++) {
        if (income[p] == 0)
            continue;
        for (size_t d = 0; d < disciplines; d++)
            printf("key %-4s %-12s %12.9f %%\n", igo_model_prestatie_code(model, p),
                   igo_model_discipline_id(model, d), 100 * keys[p * disciplines + d]);
    }
    const int64_t *totals = igo_result_provider_totals(result);
    for (size_t o = 0; o < igo_result_provider_count(result); o++)
        print_euros(igo_model_provider_id(model, o), totals[o]);

    igo_result_free(result);
    igo_model_free(model);
    return 0;
}
