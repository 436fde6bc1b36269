/* The defaults a new region starts from: the nine IG-prestaties of the NZa rule and the three
 * disciplines. They are data: a region may add its own prestaties and disciplines instead. */
#include "internal.h"

static const struct {
    const char *code, *label, *phase, *unit;
} default_prestaties[] = {
    {"IG1", "Prenatale zorg, laag complex", "prenataal", "vrouw"},
    {"IG2", "Prenatale zorg, midden complex", "prenataal", "vrouw"},
    {"IG3", "Prenatale zorg, hoog complex", "prenataal", "vrouw"},
    {"IG4", "Natale zorg, laag complex", "nataal", "vrouw"},
    {"IG5", "Natale zorg, midden complex", "nataal", "vrouw"},
    {"IG6", "Natale zorg, hoog complex", "nataal", "vrouw"},
    {"IG7", "Postnatale zorg, laag complex", "postnataal", "vrouw"},
    {"IG8", "Postnatale zorg, hoog complex", "postnataal", "vrouw"},
    {"IG9", "Kraamzorg per uur", "postnataal", "uur"},
};

static const struct {
    const char *id, *label;
} default_disciplines[] = {
    {"verloskunde", "Eerstelijns verloskunde"},
    {"ziekenhuis", "Ziekenhuis (incl. gynaecologen/MSB)"},
    {"kraamzorg", "Kraamzorg"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

igo_error igo_model_add_default_catalogue(igo_model *m)
{
    for (size_t i = 0; i < COUNT(default_prestaties); i++) {
        igo_error e = igo_model_add_prestatie(m, default_prestaties[i].code,
                                              default_prestaties[i].label,
                                              default_prestaties[i].phase,
                                              default_prestaties[i].unit);
        if (e)
            return e;
    }
    return IGO_OK;
}

igo_error igo_model_add_default_disciplines(igo_model *m)
{
    for (size_t i = 0; i < COUNT(default_disciplines); i++) {
        igo_error e = igo_model_add_discipline(m, default_disciplines[i].id,
                                               default_disciplines[i].label);
        if (e)
            return e;
    }
    return IGO_OK;
}

/* Regiokenmerken fields, in the order the workbook shows them. */
const char *const igoi_regio_fields[IGO_REGIO_COUNT] = {
    "start_eerste_lijn",       "start_tweede_lijn",        "overdracht_zwangerschap",
    "overdracht_bevalling",    "overdracht_na_bevalling",  "partus_spontaan",
    "partus_kunstverlossing",  "partus_sectio",            "opnames_neonatologie",
    "opnamedagen_neonatologie", "opnames_nicu",            "opnamedagen_nicu",
};

static const char *const default_reasons[] = {
    "pijnbestrijding", "inleiding", "serotiniteit", "vliesscheuring zonder weeën",
    "meconiumhoudend vruchtwater", "niet vorderende ontsluiting", "hypertensie/pre-eclampsie",
    "overig",
};

const char *igo_regio_field(size_t index)
{
    return index < IGO_REGIO_COUNT ? igoi_regio_fields[index] : NULL;
}

igo_error igo_model_add_default_transfer_reasons(igo_model *m)
{
    for (size_t i = 0; i < COUNT(default_reasons); i++) {
        igo_error e = igo_model_set_transfer_reason(m, default_reasons[i], 0);
        if (e)
            return e;
    }
    return IGO_OK;
}

const char *igoi_default_prestatie(size_t i)
{
    return i < COUNT(default_prestaties) ? default_prestaties[i].code : NULL;
}
