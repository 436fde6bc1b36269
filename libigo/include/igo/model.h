/* A region's distribution model: catalogue, disciplines, providers and every input of the
 * instapverdeelmodel (see shared/spec/verdeelmodel.md).
 *
 * Build it with the igo_model_* calls in any order, except that an id must exist before it is
 * referred to (add a prestatie before its production, a discipline before its providers). Every
 * call checks its input at once and returns an igo_error; igo_model_errmsg() then says what is
 * wrong and where. Setting a value again replaces it. Money is given in EUR as a double (as a
 * spreadsheet cell holds it); percentages as fractions (0.25 for 25 %). */
#ifndef IGO_MODEL_H
#define IGO_MODEL_H

#include "common.h"
#include "error.h"
#include "progress.h"

IGO_BEGIN_DECLS

typedef struct igo_model igo_model;

/* The three IGO cost components. */
typedef enum igo_cost {
    IGO_COST_BEHEERSKOSTEN = 0,
    IGO_COST_INNOVATIE_KWALITEIT = 1,
    IGO_COST_OVERIG = 2,
    IGO_COST_COUNT = 3
} igo_cost;

/* How a cost component is given. */
typedef enum igo_cost_mode {
    IGO_COST_AMOUNT = 0, /* an amount in EUR */
    IGO_COST_SHARE = 1   /* a fraction of total income */
} igo_cost_mode;

/* A new empty model (no prestaties, no disciplines), or NULL when out of memory. */
IGO_API igo_model *igo_model_new(void);
IGO_API void igo_model_free(igo_model *model);

/* The detailed message of the last failing call on this model ("" when there was none). */
IGO_API const char *igo_model_errmsg(const igo_model *model);

/* The progress callback for the model's long calls (igo_distribute_batch, igo_workbook_write);
 * NULL for none (the default). See igo_progress_fn. */
IGO_API igo_error igo_model_set_progress(igo_model *model, igo_progress_fn progress, void *user_data);

/* Adds the default catalogue: the nine IG-prestaties IG1..IG9 of the NZa rule. */
IGO_API igo_error igo_model_add_default_catalogue(igo_model *model);
/* Adds the default disciplines: verloskunde, ziekenhuis, kraamzorg. */
IGO_API igo_error igo_model_add_default_disciplines(igo_model *model);

IGO_API igo_error igo_model_set_name(igo_model *model, const char *name);
IGO_API igo_error igo_model_add_prestatie(igo_model *model, const char *code, const char *label,
                                          const char *phase, const char *unit);
IGO_API igo_error igo_model_add_discipline(igo_model *model, const char *id, const char *label);
IGO_API igo_error igo_model_add_provider(igo_model *model, const char *id, const char *name,
                                         const char *discipline);

/* Production of a prestatie: the count (women, or hours) and the average contracted tariff. */
IGO_API igo_error igo_model_set_production(igo_model *model, const char *prestatie, double count,
                                           double tariff);

/* An IGO cost component as an amount in EUR, or as a fraction of total income. */
IGO_API igo_error igo_model_set_cost(igo_model *model, igo_cost cost, igo_cost_mode mode, double value);

/* An activity bought outside the IGO, charged to its target prestaties pro rata to their income. */
IGO_API igo_error igo_model_add_outside(igo_model *model, const char *label, double count, double tariff,
                                        const char *const *targets, size_t ntargets);

/* Verdeelsleutel given directly: the fraction of prestatie's money for discipline. */
IGO_API igo_error igo_model_set_key(igo_model *model, const char *prestatie, const char *discipline,
                                    double fraction);
/* Verdeelsleutel derived from history: one monodisciplinary claim line. A prestatie takes its key
 * either directly or from history, not both. */
IGO_API igo_error igo_model_add_history(igo_model *model, const char *code, const char *discipline,
                                        const char *prestatie, double count, double tariff);
/* Scale each prestatie's direct key to 100 % instead of refusing a key that does not sum to it. */
IGO_API igo_error igo_model_set_normalise_keys(igo_model *model, int normalise);

/* How many prestaties (or hours) of prestatie the provider took part in. */
IGO_API igo_error igo_model_set_volume(igo_model *model, const char *prestatie, const char *provider,
                                       double volume);

/* Regiokenmerken: descriptive counts of the region's women and children (Perined-type), shown in
 * the workbook; they do not enter the distribution. Fields by name: igo_regio_field(i) lists
 * them ("start_eerste_lijn", ..., "opnamedagen_nicu"), NULL past the last. */
IGO_API const char *igo_regio_field(size_t index);
IGO_API igo_error igo_model_set_regio(igo_model *model, const char *field, double count);
/* Women per reason for transfer from the first to the second line; a reason given again gets the
 * new count. The default list (pijnbestrijding, inleiding, ...) comes with count 0. */
IGO_API igo_error igo_model_set_transfer_reason(igo_model *model, const char *reason, double count);
IGO_API igo_error igo_model_add_default_transfer_reasons(igo_model *model);

/* Reading the model back. Indices follow the order in which things were added. */
IGO_API const char *igo_model_name(const igo_model *model);
IGO_API size_t igo_model_prestatie_count(const igo_model *model);
IGO_API size_t igo_model_discipline_count(const igo_model *model);
IGO_API size_t igo_model_provider_count(const igo_model *model);
IGO_API size_t igo_model_outside_count(const igo_model *model);
/* The strings of an entity, or NULL for an index out of range. */
IGO_API const char *igo_model_prestatie_code(const igo_model *model, size_t index);
IGO_API const char *igo_model_prestatie_label(const igo_model *model, size_t index);
IGO_API const char *igo_model_prestatie_phase(const igo_model *model, size_t index);
IGO_API const char *igo_model_prestatie_unit(const igo_model *model, size_t index);
IGO_API const char *igo_model_discipline_id(const igo_model *model, size_t index);
IGO_API const char *igo_model_discipline_label(const igo_model *model, size_t index);
IGO_API const char *igo_model_provider_id(const igo_model *model, size_t index);
IGO_API const char *igo_model_provider_name(const igo_model *model, size_t index);
/* The index of the provider's discipline. */
IGO_API size_t igo_model_provider_discipline(const igo_model *model, size_t index);
IGO_API igo_cost_mode igo_model_cost_mode(const igo_model *model, igo_cost cost);

IGO_END_DECLS

#endif
