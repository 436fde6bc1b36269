/* Texts entering the core: valid UTF-8 that a workbook (XML) can hold, not too long for a cell;
 * refused with a message that says where and what, is itself valid UTF-8 and never holds the bad
 * bytes. */
#include <stdlib.h>

#include "../src/internal.h"
#include "tests.h"

/* Whether s is valid UTF-8 without control characters (what every message must be). */
static int clean_utf8(const char *s)
{
    char errmsg[IGO_ERRMSG_SIZE];
    return igoi_check_text(errmsg, s, IGO_TEXT_LABEL, "message") == IGO_OK;
}

/* A text of n copies of the UTF-8 character c. */
static char *repeat(const char *c, size_t n)
{
    size_t k = strlen(c);
    char *s = malloc(n * k + 1);
    for (size_t i = 0; s && i < n; i++)
        memcpy(s + i * k, c, k);
    if (s)
        s[n * k] = '\0';
    return s;
}

void test_text_refused_where_it_enters(igo_t *t)
{
    static const struct {
        const char *text, *says;
    } bad[] = {
        {"ab\xC3", "not valid UTF-8 text (byte 0xC3 at character 3)"},   /* cut short */
        {"\x80x", "not valid UTF-8"},                                      /* a lone continuation */
        {"\xC0\xAF", "not valid UTF-8"},                                   /* overlong '/' */
        {"\xED\xA0\x80", "not valid UTF-8"},                               /* a surrogate */
        {"\xF4\x90\x80\x80", "not valid UTF-8"},                           /* beyond U+10FFFF */
        {"a\x01z", "control character U+0001 at character 2"},
        {"tab\there", "control character U+0009"},
        {"line\nbreak", "control character U+000A"},
        {"x\x7F", "control character U+007F"},
        {"\xEF\xBF\xBF", "control character U+FFFF"},
    };
    igo_model *m = igo_model_new();
    CHECK_OK(m, igo_model_add_default_catalogue(m));
    CHECK_OK(m, igo_model_add_default_disciplines(m));
    const char *targets[] = {"IG1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *s = bad[i].text;
        CHECK_FAILS(m, igo_model_add_provider(m, s, NULL, "kraamzorg"), IGO_ERROR_VALUE,
                    "provider id ", bad[i].says);
        CHECK(clean_utf8(igo_model_errmsg(m)) && !strstr(igo_model_errmsg(m), s));
        CHECK_FAILS(m, igo_model_add_provider(m, "kz1", s, "kraamzorg"), IGO_ERROR_VALUE,
                    "provider 'kz1': name ", bad[i].says);
        CHECK_FAILS(m, igo_model_add_prestatie(m, "IG10", "label", s, NULL), IGO_ERROR_VALUE,
                    "prestatie IG10: phase ", bad[i].says);
        CHECK_FAILS(m, igo_model_add_outside(m, s, 1, 1, targets, 1), IGO_ERROR_VALUE,
                    "outside activity label ", bad[i].says);
        CHECK_FAILS(m, igo_model_set_volume(m, "IG1", s, 1), IGO_ERROR_VALUE,
                    "volume of prestatie IG1: provider id ", bad[i].says);
        CHECK_FAILS(m, igo_model_set_name(m, s), IGO_ERROR_VALUE, "region name ", bad[i].says);
        CHECK_FAILS(m, igo_model_set_transfer_reason(m, s, 1), IGO_ERROR_VALUE,
                    "reason for transfer ", bad[i].says);
        CHECK(clean_utf8(igo_model_errmsg(m)));
    }
    CHECK(igo_model_provider_count(m) == 0 && igo_model_prestatie_count(m) == 9);
    /* Every text that is not an id may be empty; Unicode itself is welcome. */
    CHECK_OK(m, igo_model_add_provider(m, "écho-één", "", "kraamzorg"));
    CHECK_OK(m, igo_model_add_prestatie(m, "IG\xF0\x9F\x91\xB6", "Baby", "", ""));
    igo_model_free(m);
}

void test_text_lengths_as_a_spreadsheet_counts(igo_t *t)
{
    igo_model *m = igo_model_new();
    CHECK_OK(m, igo_model_add_default_disciplines(m));
    /* 255 UTF-16 units make the longest id; U+1F476 counts two, as a spreadsheet counts it. */
    char *id = repeat("\xE2\x82\xAC", 255), *astral = repeat("\xF0\x9F\x91\xB6", 128);
    CHECK_OK(m, igo_model_add_prestatie(m, id, NULL, NULL, NULL));
    CHECK_FAILS(m, igo_model_add_prestatie(m, astral, NULL, NULL, NULL), IGO_ERROR_VALUE,
                "prestatie id is 256 characters long; an id takes at most 255");
    /* A message naming a long id is cut on a character boundary and stays valid UTF-8. */
    CHECK_FAILS(m, igo_model_set_key(m, id, "verloskunde", 2), IGO_ERROR_VALUE,
                "verdeelsleutel of prestatie \xE2\x82\xAC\xE2\x82\xAC");
    CHECK(clean_utf8(igo_model_errmsg(m)) && strlen(igo_model_errmsg(m)) < IGO_ERRMSG_SIZE);
    char *name = repeat("a", 32768);
    CHECK_FAILS(m, igo_model_add_provider(m, "vp1", name, "verloskunde"), IGO_ERROR_VALUE,
                "provider 'vp1': name is 32768 characters long; a spreadsheet cell holds at most "
                "32767");
    name[32767] = '\0';
    CHECK_OK(m, igo_model_add_provider(m, "vp1", name, "verloskunde"));
    free(id), free(astral), free(name);
    igo_model_free(m);
}

void test_text_in_scenario_sets(igo_t *t)
{
    igo_scenarios *s = igo_scenarios_new();
    CHECK_FAILS(s, igo_scenarios_add_sector(s, "msz\x1B[2J", NULL), IGO_ERROR_VALUE,
                "sector id holds the control character U+001B");
    CHECK_OK(s, igo_scenarios_add_sector(s, "msz", "Medisch-specialistische zorg"));
    CHECK_FAILS(s, igo_scenarios_add_driver(s, "d1", "bad\xFF", 10, 1), IGO_ERROR_VALUE,
                "driver 'd1': label is not valid UTF-8");
    CHECK_OK(s, igo_scenarios_add_driver(s, "d1", "Driver", 10, 1));
    CHECK_FAILS(s, igo_scenarios_add_study(s, "d1", "x\x02", -0.1, 1), IGO_ERROR_VALUE,
                "driver 'd1': study label holds the control character U+0002");
    CHECK_FAILS(s, igo_scenarios_set_unit_delta(s, "d1", "vvt", -3), IGO_ERROR_UNKNOWN,
                "driver 'd1': unknown sector 'vvt'");
    CHECK_FAILS(s, igo_scenarios_set_name(s, ""), IGO_ERROR_ARGUMENT, "scenario set name is empty");
    CHECK(igo_scenarios_driver_count(s) == 1 && igo_scenarios_sector_count(s) == 1);
    igo_scenarios_free(s);
}
