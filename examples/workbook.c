/* Writes the filled-in model workbook of a region: the sheets of the instapverdeelmodel (and
 * libigo's own: claim codes, quality bonuses, Wat als), every result a live formula on the input
 * cells, so that Excel or LibreOffice recalculating it shows the cents libigo computed. The file
 * is written under a temporary name and renamed into place only when complete, so a failure
 * never leaves half a workbook.
 *
 * Build:  cc workbook.c $(pkg-config --cflags --libs libigo) -o workbook
 * Run:    ./workbook region.xlsx [en] */
#include <string.h>

#include "example.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s OUT.xlsx [nl|en]\n", argv[0]);
        return 2;
    }
    igo_model *model = igo_model_new();
    if (model == NULL)
        return 1;
    check_model(model, igo_model_set_name(model, "Regio Oost (voorbeeld)"));
    check_model(model, igo_model_add_default_catalogue(model));
    check_model(model, igo_model_add_default_disciplines(model));
    check_model(model, igo_model_add_provider(model, "vp-oost", "Verloskunde Oost", "verloskunde"));
    check_model(model, igo_model_add_provider(model, "kz-oost", "Kraamzorg Oost", "kraamzorg"));
    check_model(model, igo_model_add_provider(model, "kz-dal", "Kraamzorg Dal", "kraamzorg"));

    /* IG9 counts hours of kraamzorg, not women. */
    check_model(model, igo_model_set_production(model, "IG7", 250, 1980.00));
    check_model(model, igo_model_set_production(model, "IG9", 14500, 59.85));
    check_model(model, igo_model_set_cost(model, IGO_COST_OVERIG, IGO_COST_AMOUNT, 8000));
    check_model(model, igo_model_set_key(model, "IG7", "verloskunde", 0.7));
    check_model(model, igo_model_set_key(model, "IG7", "kraamzorg", 0.3));
    check_model(model, igo_model_set_key(model, "IG9", "kraamzorg", 1.0));
    check_model(model, igo_model_set_volume(model, "IG7", "vp-oost", 250));
    check_model(model, igo_model_set_volume(model, "IG7", "kz-oost", 140));
    check_model(model, igo_model_set_volume(model, "IG7", "kz-dal", 110));
    check_model(model, igo_model_set_volume(model, "IG9", "kz-oost", 8200));
    check_model(model, igo_model_set_volume(model, "IG9", "kz-dal", 6300));

    /* Descriptive counts shown on the regio sheet; they do not enter the distribution. Here two
     * reasons for transfer; igo_model_add_default_transfer_reasons() would add the standard
     * list. */
    check_model(model, igo_model_set_regio(model, "start_eerste_lijn", 260));
    check_model(model, igo_model_set_transfer_reason(model, "pijnbestrijding", 31));
    check_model(model, igo_model_set_transfer_reason(model, "inleiding", 12));

    igo_workbook_options options = {.lang = IGO_LANG_NL};
    if (argc == 3)
        options.lang = strcmp(argv[2], "en") == 0 ? IGO_LANG_EN : IGO_LANG_NL;
    check_model(model, igo_workbook_write(model, argv[1], &options));
    printf("written %s\n", argv[1]);
    igo_model_free(model);
    return 0;
}
