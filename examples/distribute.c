/* Distributes a small region and prints where its money goes: the IGO's income, its costs, the
 * activities bought outside, and every discipline's and provider's share, all in exact cents.
 *
 * Build:  cc distribute.c $(pkg-config --cflags --libs libigo) -o distribute */
#include "example.h"

int main(void)
{
    igo_model *model = igo_model_new();
    if (model == NULL)
        return 1;

    /* The catalogue: the nine IG-prestaties of the NZa rule, and the three disciplines. */
    check_model(model, igo_model_set_name(model, "Regio Noord (voorbeeld)"));
    check_model(model, igo_model_add_default_catalogue(model));
    check_model(model, igo_model_add_default_disciplines(model));

    /* The care organisations, each in one discipline. */
    static const char *care_organisations[][3] = {
        {"vp-noord", "Verloskunde Noord", "verloskunde"},
        {"vp-zuid", "Verloskunde Zuid", "verloskunde"},
        {"zh-centrum", "Ziekenhuis Centrum", "ziekenhuis"},
        {"kz-thuis", "Kraamzorg Thuis", "kraamzorg"}};
    for (size_t o = 0; o < 4; o++)
        check_model(model, igo_model_add_provider(model, care_organisations[o][0],
                                                  care_organisations[o][1],
                                                  care_organisations[o][2]));

    /* Production: women per prestatie and the average contracted tariff in EUR. */
    check_model(model, igo_model_set_production(model, "IG1", 420, 2876.50));
    check_model(model, igo_model_set_production(model, "IG2", 180, 4310.25));
    check_model(model, igo_model_set_production(model, "IG5", 95, 6120.80));

    /* IGO costs: an amount in EUR, or a fraction of the income (0.01 is 1 %). */
    check_model(model, igo_model_set_cost(model, IGO_COST_BEHEERSKOSTEN, IGO_COST_AMOUNT, 45000));
    check_model(model, igo_model_set_cost(model, IGO_COST_INNOVATIE_KWALITEIT, IGO_COST_SHARE,
                                          0.01));
    check_model(model, igo_model_set_cost(model, IGO_COST_OVERIG, IGO_COST_AMOUNT, 12500));

    /* Care bought outside the IGO, charged to IG1 and IG2 pro rata to their income. */
    const char *targets[] = {"IG1", "IG2"};
    check_model(model,
                igo_model_add_outside(model, "Echo's bij de huisarts", 60, 85.50, targets, 2));

    /* The verdeelsleutel: each prestatie's money over the disciplines, as fractions. */
    static const struct { const char *prestatie; double key[3]; } keys[] = {
        {"IG1", {0.45, 0.15, 0.40}}, {"IG2", {0.35, 0.30, 0.35}}, {"IG5", {0.20, 0.55, 0.25}}};
    static const char *disciplines[] = {"verloskunde", "ziekenhuis", "kraamzorg"};
    for (size_t p = 0; p < 3; p++)
        for (size_t d = 0; d < 3; d++)
            check_model(model, igo_model_set_key(model, keys[p].prestatie, disciplines[d],
                                                 keys[p].key[d]));

    /* Volumes: how many of each prestatie a provider took part in; within a discipline its
     * money is shared out in proportion to them. */
    static const struct { const char *prestatie, *provider; double volume; } volumes[] = {
        {"IG1", "vp-noord", 230}, {"IG1", "vp-zuid", 190}, {"IG1", "zh-centrum", 60},
        {"IG1", "kz-thuis", 420}, {"IG2", "vp-noord", 70},  {"IG2", "vp-zuid", 110},
        {"IG2", "zh-centrum", 180}, {"IG2", "kz-thuis", 175}, {"IG5", "vp-noord", 40},
        {"IG5", "vp-zuid", 55},   {"IG5", "zh-centrum", 95}, {"IG5", "kz-thuis", 90}};
    for (size_t i = 0; i < sizeof volumes / sizeof volumes[0]; i++)
        check_model(model, igo_model_set_volume(model, volumes[i].prestatie, volumes[i].provider,
                                                volumes[i].volume));

    /* The distribution; the result is ours to free. */
    igo_result *result = NULL;
    check_model(model, igo_distribute(model, &result));

    printf("%s\n", igo_model_name(model));
    print_euros("income", igo_result_income(result));
    print_euros("beheerskosten", igo_result_cost(result, IGO_COST_BEHEERSKOSTEN));
    print_euros("innovatie_kwaliteit", igo_result_cost(result, IGO_COST_INNOVATIE_KWALITEIT));
    print_euros("overig", igo_result_cost(result, IGO_COST_OVERIG));
    print_euros("outside", igo_result_outside_total(result));
    print_euros("distributed", igo_result_distributed(result));

    const int64_t *per_discipline = igo_result_discipline_totals(result);
    for (size_t d = 0; d < igo_result_discipline_count(result); d++)
        print_euros(igo_model_discipline_id(model, d), per_discipline[d]);

    /* Every cent is accounted for: income = costs + outside + the providers' totals. */
    const int64_t *per_provider = igo_result_provider_totals(result);
    int64_t providers = 0;
    for (size_t o = 0; o < igo_result_provider_count(result); o++) {
        print_euros(igo_model_provider_id(model, o), per_provider[o]);
        providers += per_provider[o];
    }
    int64_t balance = igo_result_income(result) - igo_result_costs_total(result) -
                      igo_result_outside_total(result) - providers;
    print_euros("balance", balance);

    igo_result_free(result);
    igo_model_free(model);
    return balance == 0 ? 0 : 1;
}
