/* Reads a model workbook back (one igo_workbook_write wrote, perhaps edited and saved again in a
 * spreadsheet) and prints the distribution of the region it describes. A refusal names the
 * file, sheet and cell ("regio.xlsx: 'Invoertabblad - geleverde zorg'!E9: 'veel' is not a
 * number").
 *
 * Build:  cc read_workbook.c $(pkg-config --cflags --libs libigo) -o read_workbook
 * Run:    ./read_workbook regio.xlsx */
#include "example.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s MODEL.xlsx\n", argv[0]);
        return 2;
    }
    igo_model *model = igo_model_new();
    if (model == NULL)
        return 1;
    igo_lang lang;
    check_model(model, igo_workbook_read(model, argv[1], &lang));
    printf("%s (%s)\n", igo_model_name(model), lang == IGO_LANG_EN ? "en" : "nl");

    igo_result *result = NULL;
    check_model(model, igo_distribute(model, &result));
    print_euros("income", igo_result_income(result));
    print_euros("distributed", igo_result_distributed(result));
    const int64_t *totals = igo_result_provider_totals(result);
    for (size_t o = 0; o < igo_result_provider_count(result); o++)
        print_euros(igo_model_provider_id(model, o), totals[o]);
    igo_result_free(result);
    igo_model_free(model);
    return 0;
}
