/**
 * @file model.h
 * @brief A region's distribution model: catalogue, disciplines, providers and every input.
 *
 * An igo_model holds everything the instapverdeelmodel needs for one region: the catalogue of
 * IG-prestaties with their production (count times contracted tariff gives the income), the IGO
 * cost components, activities bought outside the IGO, the disciplines with their verdeelsleutel
 * (given directly or derived from historical claims), the providers with their volume per
 * prestatie, and descriptive regiokenmerken for the workbook.
 *
 * Build it with the igo_model_* calls in any order, except that an id must exist before it is
 * referred to (add a prestatie before its production, a discipline before its providers). Every
 * call checks its input at once and returns an igo_error; a call that refuses its input changes
 * nothing, and igo_model_errmsg() then says what is wrong and where. Setting a value again
 * replaces it. Checks that need the whole model (a verdeelsleutel summing to 100 %, a
 * prestatie's income within the limit) are made by igo_distribute().
 *
 * Units: money is given in EUR as a double (as a spreadsheet cell holds it), percentages as
 * fractions (0.25 for 25 %). Every number is kept to 15 significant digits (igo_canonical()).
 * Counts, tariffs and volumes must be finite, at least 0 and at most 1e12
 * (#IGO_ERROR_VALUE, #IGO_ERROR_TOO_LARGE).
 *
 * Texts are UTF-8 without control characters. Ids (prestatie codes, discipline and provider
 * ids, claim codes) are not empty and at most 255 UTF-16 units long; names and labels at most
 * 32767 (a spreadsheet cell's limit). The model copies every text it is given.
 *
 * Threads: a model has no hidden shared state, but every call (igo_distribute() included)
 * writes the model's error message, so use one model from one thread at a time. Distinct models
 * may be used from distinct threads at once.
 */
#ifndef IGO_MODEL_H
#define IGO_MODEL_H

#include "common.h"
#include "error.h"
#include "progress.h"

IGO_BEGIN_DECLS

/**
 * @brief A region's distribution model (opaque).
 *
 * Created by igo_model_new(), freed by igo_model_free(); see model.h.
 */
typedef struct igo_model igo_model;

/** @brief The three IGO cost components, charged to the prestaties pro rata to their income
 *         (or as given per prestatie: igo_model_set_prestatie_costs()). */
typedef enum igo_cost {
    /** Beheerskosten: the costs of running the IGO. */
    IGO_COST_BEHEERSKOSTEN = 0,
    /** Innovatie en kwaliteit: the budget for innovation and quality. */
    IGO_COST_INNOVATIE_KWALITEIT = 1,
    /** Overige kosten: other costs. */
    IGO_COST_OVERIG = 2,
    /** Not a component: the number of components. */
    IGO_COST_COUNT = 3
} igo_cost;

/** @brief How a cost component is given (igo_model_set_cost()). */
typedef enum igo_cost_mode {
    IGO_COST_AMOUNT = 0, /**< An amount in EUR (the default, with amount 0). */
    IGO_COST_SHARE = 1   /**< A fraction (0..1) of the total income. */
} igo_cost_mode;

/**
 * @brief Creates a new, empty model.
 *
 * The model has no prestaties, no disciplines and no providers; every cost component is an
 * amount of EUR 0, and normalising of keys is off. Add the defaults with
 * igo_model_add_default_catalogue() and igo_model_add_default_disciplines(), or your own.
 *
 * @return A new model, owned by the caller, who frees it with igo_model_free(); NULL when out
 *         of memory.
 *
 * @code
 * igo_model *model = igo_model_new();
 * if (!model)
 *     return 1;
 * igo_error err = igo_model_add_default_catalogue(model);
 * if (!err)
 *     err = igo_model_add_default_disciplines(model);
 * if (!err)
 *     err = igo_model_add_provider(model, "vp1", "Praktijk De Bron", "verloskunde");
 * if (!err)
 *     err = igo_model_set_production(model, "IG1", 1200, 385.50);
 * if (!err)
 *     err = igo_model_set_key(model, "IG1", "verloskunde", 1.0);
 * if (!err)
 *     err = igo_model_set_volume(model, "IG1", "vp1", 1200);
 * if (err)
 *     fprintf(stderr, "%s\n", igo_model_errmsg(model));
 * igo_model_free(model);
 * @endcode
 */
IGO_API igo_model *igo_model_new(void);

/**
 * @brief Frees a model and every text and value it holds.
 *
 * Pointers returned by the model's getters become invalid. Results made from the model
 * (igo_result) are independent of it and stay valid.
 *
 * @param model The model to free; NULL does nothing.
 */
IGO_API void igo_model_free(igo_model *model);

/**
 * @brief The detailed message of the last failing call on this model.
 *
 * A failing call replaces the message; the setters, igo_distribute(), igo_distribute_batch()
 * and igo_workbook_write() clear it first, so after they succeed it is "".
 *
 * @param model A model, or NULL.
 * @return A UTF-8 message of at most 511 bytes, or "no model (NULL)" for a NULL model. The
 *         buffer is owned by the model and valid until igo_model_free(); the next call on the
 *         model may change its contents.
 */
IGO_API const char *igo_model_errmsg(const igo_model *model);

/**
 * @brief Sets the progress callback for the model's long calls.
 *
 * Used by igo_distribute_batch() and igo_workbook_write(); not by igo_distribute(), which is
 * quick. See igo_progress_fn.
 *
 * @param model     The model.
 * @param progress  The callback, or NULL for none (the default).
 * @param user_data Passed to the callback unchanged; may be NULL.
 * @return #IGO_OK, or #IGO_ERROR_ARGUMENT for a NULL model.
 */
IGO_API igo_error igo_model_set_progress(igo_model *model, igo_progress_fn progress,
                                         void *user_data);

/**
 * @brief Adds the default catalogue: the nine IG-prestaties IG1..IG9 of the NZa rule.
 *
 * Prenatal care IG1-IG3 (low, middle, high complexity), natal care IG4-IG6, postnatal care
 * IG7-IG8 (unit "vrouw", a woman) and kraamzorg per hour IG9 (unit "uur"), with Dutch labels,
 * in that order. Their production starts at 0.
 *
 * @param model The model.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model; #IGO_ERROR_DUPLICATE when one of the
 *         codes exists already; #IGO_ERROR_MEMORY. On failure the prestaties added before the
 *         failing one stay in the model.
 */
IGO_API igo_error igo_model_add_default_catalogue(igo_model *model);

/**
 * @brief Adds the default disciplines: verloskunde, ziekenhuis, kraamzorg.
 *
 * In that order, with Dutch labels ("Eerstelijns verloskunde", "Ziekenhuis (incl.
 * gynaecologen/MSB)", "Kraamzorg").
 *
 * @param model The model.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model; #IGO_ERROR_DUPLICATE when one of the
 *         ids exists already; #IGO_ERROR_MEMORY. On failure the disciplines added before the
 *         failing one stay in the model.
 */
IGO_API igo_error igo_model_add_default_disciplines(igo_model *model);

/**
 * @brief Sets the region's name, shown in the workbook.
 *
 * @param model The model.
 * @param name  The name: UTF-8, not empty, at most 32767 UTF-16 units. Copied.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty name;
 *         #IGO_ERROR_VALUE for a name that is not valid UTF-8, holds a control character or is
 *         too long; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_set_name(igo_model *model, const char *name);

/**
 * @brief Adds a prestatie to the catalogue.
 *
 * Prestaties keep the order in which they are added; that order is their index in the
 * getters and in every per-prestatie array of a result.
 *
 * @param model The model.
 * @param code  The prestatie's id ("IG1"): not empty, at most 255 UTF-16 units, not yet used.
 * @param label Its description, or NULL to use the code.
 * @param phase Its phase of care ("prenataal"), or NULL for "".
 * @param unit  What its count counts ("vrouw", "uur"), or NULL for "".
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty code;
 *         #IGO_ERROR_VALUE for a text that is not valid UTF-8, holds a control character or is
 *         too long; #IGO_ERROR_DUPLICATE for a code that exists already; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_prestatie(igo_model *model, const char *code, const char *label,
                                          const char *phase, const char *unit);

/**
 * @brief Adds a discipline (a kind of provider that a verdeelsleutel gives money to).
 *
 * @param model The model.
 * @param id    The discipline's id ("verloskunde"): not empty, at most 255 UTF-16 units, not
 *              yet used.
 * @param label Its description, or NULL to use the id.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_VALUE for a text that is not valid UTF-8, holds a control character or is
 *         too long; #IGO_ERROR_DUPLICATE for an id that exists already; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_discipline(igo_model *model, const char *id, const char *label);

/**
 * @brief Adds a provider (a practice, hospital or kraamzorg organisation) of a discipline.
 *
 * A provider receives part of its discipline's money in each prestatie in proportion to its
 * volume there (igo_model_set_volume()).
 *
 * @param model      The model.
 * @param id         The provider's id: not empty, at most 255 UTF-16 units, not yet used.
 * @param name       Its name, or NULL to use the id.
 * @param discipline The id of its discipline, which must exist.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id or discipline;
 *         #IGO_ERROR_VALUE for a text that is not valid UTF-8, holds a control character or is
 *         too long; #IGO_ERROR_DUPLICATE for an id that exists already; #IGO_ERROR_UNKNOWN for
 *         a discipline that does not exist; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_provider(igo_model *model, const char *id, const char *name,
                                         const char *discipline);

/**
 * @brief Sets the production of a prestatie: its count and average contracted tariff.
 *
 * The prestatie's income is ROUND(count * tariff; 2) in cents; igo_distribute() refuses an
 * income above EUR 1e12 (#IGO_ERROR_TOO_LARGE). Both start at 0.
 *
 * @param model     The model.
 * @param prestatie The prestatie's code.
 * @param count     How many: women, or hours for an hourly prestatie; 0..1e12.
 * @param tariff    The average contracted tariff per unit, in EUR (a double); 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty code;
 *         #IGO_ERROR_UNKNOWN for a prestatie that does not exist; #IGO_ERROR_VALUE for a
 *         negative or non-finite number; #IGO_ERROR_TOO_LARGE for a number above 1e12.
 */
IGO_API igo_error igo_model_set_production(igo_model *model, const char *prestatie, double count,
                                           double tariff);

/**
 * @brief Sets an IGO cost component as an amount in EUR or as a fraction of total income.
 *
 * The component in cents is ROUND(amount; 2), or ROUND(fraction * total income; 2). The three
 * components' total is charged to the prestaties pro rata to their income.
 *
 * @param model The model.
 * @param cost  The component.
 * @param mode  #IGO_COST_AMOUNT or #IGO_COST_SHARE.
 * @param value With #IGO_COST_AMOUNT an amount in EUR (a double), 0..1e12; with
 *              #IGO_COST_SHARE a fraction of the total income, 0..1 (0.02 for 2 %).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a cost or mode out of range;
 *         #IGO_ERROR_VALUE for a negative or non-finite value, or a fraction above 1;
 *         #IGO_ERROR_TOO_LARGE for an amount above EUR 1e12.
 */
IGO_API igo_error igo_model_set_cost(igo_model *model, igo_cost cost, igo_cost_mode mode,
                                     double value);

/**
 * @brief Charges the IGO costs to a prestatie as a given amount, instead of pro rata to income.
 *
 * Once any prestatie has its amount, the total of the cost components is charged to the
 * prestaties as given (ROUND(amount; 2) each; a prestatie not given takes 0), and
 * igo_distribute() refuses amounts whose sum is not that total (#IGO_ERROR_VALUE, naming both
 * sums) and an amount above its prestatie's income (#IGO_ERROR_VALUE, naming the prestatie).
 * igo_model_clear_prestatie_costs() goes back to pro rata.
 *
 * @param model     The model.
 * @param prestatie The prestatie's code.
 * @param eur       Its part of the IGO costs in EUR, 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or prestatie; #IGO_ERROR_UNKNOWN for a
 *         prestatie the model lacks; #IGO_ERROR_VALUE for a negative or non-finite amount;
 *         #IGO_ERROR_TOO_LARGE above EUR 1e12.
 */
IGO_API igo_error igo_model_set_prestatie_costs(igo_model *model, const char *prestatie,
                                                double eur);

/**
 * @brief Gives a provider a fixed yearly part (the guide's third method of distribution).
 *
 * The fixed parts of a discipline's providers are charged, one provider after the other in
 * their order, to that discipline's money per prestatie, each pro rata to what is left of it
 * (split(F, weights: what is left of A[p][d] over the prestaties)); what is left of each
 * A[p][d] after them all is split over the providers by volume as before. When the provider's
 * volume, summed over the prestaties, stays below min_volume, its part is reduced by
 * reduction: ROUND(amount * (1 - reduction); 2). igo_distribute() refuses a discipline whose providers'
 * fixed parts exceed its money (#IGO_ERROR_VALUE, naming the discipline). Setting it again
 * replaces it; an amount of 0 takes it away.
 *
 * @param model      The model.
 * @param provider   The provider's id.
 * @param eur        The fixed part in EUR, 0..1e12.
 * @param min_volume The volume it needs in full, 0 or more (0: no condition).
 * @param reduction  The fraction it loses below that volume, 0..1 (0.25 for 25 %).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or provider; #IGO_ERROR_UNKNOWN for a
 *         provider the model lacks; #IGO_ERROR_VALUE for a negative or non-finite number or a
 *         reduction above 1; #IGO_ERROR_TOO_LARGE above EUR 1e12.
 */
IGO_API igo_error igo_model_set_fixed_part(igo_model *model, const char *provider, double eur,
                                           double min_volume, double reduction);

/**
 * @brief Sets the pool of quality bonuses, paid from the innovation and quality budget.
 *
 * The pool in cents is ROUND(amount; 2), or ROUND(fraction * the #IGO_COST_INNOVATIE_KWALITEIT
 * cost; 2). It is split over the providers pro rata to the points they earn on the indicators
 * (igo_model_add_indicator()), the largest taking the rounding (the first on a tie). When nobody
 * earns a point the pool is not paid: it stays in the budget, and igo_result_bonuses_paid() is
 * 0. Bonuses come on top of a provider's model income and out of the IGO's costs, so income =
 * costs - bonuses paid + outside activities + sum over the providers of (model + bonus).
 * igo_distribute() refuses a pool above the budget (#IGO_ERROR_VALUE, naming both). Without a
 * pool (the default) no bonus is paid.
 *
 * @param model The model.
 * @param mode  #IGO_COST_AMOUNT for an amount in EUR, #IGO_COST_SHARE for a fraction of the
 *              innovatie_kwaliteit cost.
 * @param value The amount, 0..1e12, or the fraction, 0..1 (0.5 for 50 %).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a mode out of range;
 *         #IGO_ERROR_VALUE for a negative or non-finite value, or a fraction above 1;
 *         #IGO_ERROR_TOO_LARGE for an amount above EUR 1e12.
 */
IGO_API igo_error igo_model_set_bonus_pool(igo_model *model, igo_cost_mode mode, double value);

/**
 * @brief Adds a quality indicator (a Perined or ICHOM measure) on which providers earn points.
 *
 * A provider meets the indicator when its value (igo_model_set_indicator_value()) reaches the
 * target: value >= target, or value <= target when lower is better. It then earns the weight in
 * points; a provider without a value does not meet it. A provider's points are the sum of the
 * weights of the indicators it meets. Indicators keep the order in which they are added.
 *
 * @param model           The model.
 * @param id              The indicator's id: not empty, at most 255 UTF-16 units, not yet used.
 * @param label           Its description, or NULL to use the id.
 * @param target          The target, finite, -1e12..1e12.
 * @param lower_is_better Nonzero when a lower value is better (a rate of complications), 0
 *                        when a higher one is (a rate of satisfied clients).
 * @param weight          The points it is worth, 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_VALUE for an invalid text, a non-finite target or a negative or non-finite
 *         weight; #IGO_ERROR_TOO_LARGE for a number beyond 1e12; #IGO_ERROR_DUPLICATE for an
 *         id that exists already; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_indicator(igo_model *model, const char *id, const char *label,
                                          double target, int lower_is_better, double weight);

/**
 * @brief Sets a provider's value on an indicator (its measured rate, score or count).
 *
 * Setting it again replaces it.
 *
 * @param model     The model.
 * @param indicator The indicator's id.
 * @param provider  The provider's id.
 * @param value     The value, finite, -1e12..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_UNKNOWN for an indicator or provider the model lacks; #IGO_ERROR_VALUE for a
 *         non-finite value; #IGO_ERROR_TOO_LARGE beyond 1e12; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_set_indicator_value(igo_model *model, const char *indicator,
                                                const char *provider, double value);

/**
 * @brief Charges the IGO costs pro rata to income again (the default), forgetting every amount
 *        igo_model_set_prestatie_costs() gave.
 * @param model The model, or NULL (nothing happens).
 */
IGO_API void igo_model_clear_prestatie_costs(igo_model *model);

/**
 * @brief Adds an activity bought outside the IGO, charged to its target prestaties.
 *
 * Its cost, ROUND(count * tariff; 2) in cents, is split over the targets pro rata to their
 * income (the rounding difference to the target with the largest income, the first in
 * catalogue order on a tie). igo_distribute() refuses a cost above EUR 1e12
 * (#IGO_ERROR_TOO_LARGE), and a cost to charge to targets without income
 * (#IGO_ERROR_NO_INCOME).
 *
 * @param model    The model.
 * @param label    The activity's description: not empty, at most 32767 UTF-16 units.
 * @param count    How many units were bought; 0..1e12.
 * @param tariff   The price per unit in EUR (a double); 0..1e12.
 * @param targets  The codes of the prestaties it is charged to, each existing and listed once;
 *                 the array is copied.
 * @param ntargets The number of codes in targets; at least 1.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model, a NULL or empty label, NULL targets,
 *         ntargets 0 or a NULL or empty code; #IGO_ERROR_VALUE for a negative or non-finite
 *         number or an invalid text; #IGO_ERROR_TOO_LARGE for a number above 1e12;
 *         #IGO_ERROR_UNKNOWN for a target that does not exist; #IGO_ERROR_DUPLICATE for a
 *         target listed twice; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_outside(igo_model *model, const char *label, double count,
                                        double tariff, const char *const *targets,
                                        size_t ntargets);

/**
 * @brief Sets one fraction of a direct verdeelsleutel: discipline's share of prestatie's money.
 *
 * A prestatie's direct fractions must sum to 100 % (within 1e-9) unless normalising is on
 * (igo_model_set_normalise_keys()); igo_distribute() checks that (#IGO_ERROR_KEY_SUM).
 * Disciplines without a fraction get 0. A prestatie takes its key either directly or from
 * history lines (igo_model_add_history()), not both (#IGO_ERROR_KEY_CONFLICT).
 *
 * @param model      The model.
 * @param prestatie  The prestatie's code.
 * @param discipline The discipline's id.
 * @param fraction   The share, 0..1 (0.6 for 60 %).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_UNKNOWN for a prestatie or discipline that does not exist;
 *         #IGO_ERROR_VALUE for a fraction outside 0..1 or not finite; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_set_key(igo_model *model, const char *prestatie,
                                    const char *discipline, double fraction);

/**
 * @brief Adds a historical claim line, from which a prestatie's verdeelsleutel is derived.
 *
 * One monodisciplinary claim line: a claim code declared by a discipline, belonging to a
 * prestatie, with its count and tariff. The prestatie's key for a discipline is then that
 * discipline's share of the money (count * tariff) of all the prestatie's lines. Lines whose
 * money sums to 0 give no key. A prestatie takes its key either directly
 * (igo_model_set_key()) or from history, not both: igo_distribute() refuses a prestatie with
 * both (#IGO_ERROR_KEY_CONFLICT).
 *
 * @param model      The model.
 * @param code       The claim code: not empty, at most 255 UTF-16 units; it may repeat.
 * @param discipline The id of the discipline that declared it.
 * @param prestatie  The code of the prestatie it belongs to.
 * @param count      The number claimed; 0..1e12.
 * @param tariff     The tariff per claim in EUR (a double); 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_VALUE for an invalid code or a negative or non-finite number;
 *         #IGO_ERROR_UNKNOWN for a discipline or prestatie that does not exist;
 *         #IGO_ERROR_TOO_LARGE for a number above 1e12; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_add_history(igo_model *model, const char *code,
                                        const char *discipline, const char *prestatie,
                                        double count, double tariff);

/**
 * @brief Scales each prestatie's direct key to 100 % instead of refusing it.
 *
 * With normalising on, a direct key whose fractions sum to more than 0 is divided by its sum;
 * a key whose fractions are all 0 is still refused (#IGO_ERROR_KEY_SUM). Off by default.
 *
 * @param model     The model.
 * @param normalise Nonzero to normalise, 0 to refuse keys that do not sum to 100 %.
 * @return #IGO_OK, or #IGO_ERROR_ARGUMENT for a NULL model.
 */
IGO_API igo_error igo_model_set_normalise_keys(igo_model *model, int normalise);

/**
 * @brief Sets a provider's volume in a prestatie.
 *
 * How many prestaties (or hours) of the prestatie the provider took part in. A discipline's
 * money in a prestatie goes to its providers pro rata to their volume there (the rounding
 * difference to the largest volume, the first added on a tie); providers with volume 0 get
 * nothing. igo_distribute() refuses money for a discipline none of whose providers has volume
 * in the prestatie (#IGO_ERROR_NO_VOLUME).
 *
 * @param model     The model.
 * @param prestatie The prestatie's code.
 * @param provider  The provider's id.
 * @param volume    The volume; 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty id;
 *         #IGO_ERROR_UNKNOWN for a prestatie or provider that does not exist;
 *         #IGO_ERROR_VALUE for a negative or non-finite volume; #IGO_ERROR_TOO_LARGE for a
 *         volume above 1e12; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_set_volume(igo_model *model, const char *prestatie,
                                       const char *provider, double volume);

/**
 * @brief The name of a regiokenmerken field, by index.
 *
 * Regiokenmerken are descriptive counts of the region's women and children (Perined-type),
 * shown in the workbook; they do not enter the distribution. There are twelve fields:
 * "start_eerste_lijn", "start_tweede_lijn", "overdracht_zwangerschap", "overdracht_bevalling",
 * "overdracht_na_bevalling", "partus_spontaan", "partus_kunstverlossing", "partus_sectio",
 * "opnames_neonatologie", "opnamedagen_neonatologie", "opnames_nicu", "opnamedagen_nicu".
 *
 * @param index From 0.
 * @return The field's name, a static string; NULL for an index past the last field.
 */
IGO_API const char *igo_regio_field(size_t index);

/**
 * @brief Sets a regiokenmerken count (see igo_regio_field()).
 *
 * @param model The model.
 * @param field The field's name, one of those igo_regio_field() lists.
 * @param count The count; 0..1e12. All fields start at 0.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty field;
 *         #IGO_ERROR_UNKNOWN for a name that is not a field; #IGO_ERROR_VALUE for a negative or
 *         non-finite count or an invalid text; #IGO_ERROR_TOO_LARGE for a count above 1e12.
 */
IGO_API igo_error igo_model_set_regio(igo_model *model, const char *field, double count);

/**
 * @brief Sets the number of women transferred from the first to the second line for a reason.
 *
 * Shown in the workbook; it does not enter the distribution. A reason not given before is
 * added at the end of the list; a reason given again gets the new count.
 *
 * @param model  The model.
 * @param reason The reason: not empty, at most 32767 UTF-16 units.
 * @param count  The number of women; 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty reason;
 *         #IGO_ERROR_VALUE for an invalid text or a negative or non-finite count;
 *         #IGO_ERROR_TOO_LARGE for a count above 1e12; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_model_set_transfer_reason(igo_model *model, const char *reason,
                                                double count);

/**
 * @brief Adds the default reasons for transfer, each with count 0.
 *
 * The eight reasons of the workbook's list ("pijnbestrijding", "inleiding", "serotiniteit",
 * ..., "overig"), each set through igo_model_set_transfer_reason(): a default reason given
 * before is set back to 0, so call this before setting counts.
 *
 * @param model The model.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL model; #IGO_ERROR_MEMORY (the reasons added
 *         before then stay).
 */
IGO_API igo_error igo_model_add_default_transfer_reasons(igo_model *model);

/**
 * @brief The region's name.
 *
 * @param model A model, or NULL.
 * @return The name, or "" when none was set or model is NULL. Owned by the model; valid until
 *         the next igo_model_set_name() or igo_model_free().
 */
IGO_API const char *igo_model_name(const igo_model *model);

/**
 * @brief The number of prestaties.
 * @param model A model, or NULL.
 * @return The number of prestaties added; 0 for NULL.
 */
IGO_API size_t igo_model_prestatie_count(const igo_model *model);

/**
 * @brief The number of disciplines.
 * @param model A model, or NULL.
 * @return The number of disciplines added; 0 for NULL.
 */
IGO_API size_t igo_model_discipline_count(const igo_model *model);

/**
 * @brief The number of providers.
 * @param model A model, or NULL.
 * @return The number of providers added; 0 for NULL.
 */
IGO_API size_t igo_model_provider_count(const igo_model *model);

/**
 * @brief The number of outside activities.
 * @param model A model, or NULL.
 * @return The number of outside activities added; 0 for NULL.
 */
IGO_API size_t igo_model_outside_count(const igo_model *model);

/**
 * @brief A prestatie's code.
 *
 * Indices follow the order in which things were added, from 0. The strings returned by this
 * and the following getters are owned by the model and valid until igo_model_free().
 *
 * @param model A model, or NULL.
 * @param index The prestatie's index, below igo_model_prestatie_count().
 * @return The code, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_prestatie_code(const igo_model *model, size_t index);

/**
 * @brief A prestatie's label (its code when none was given).
 * @param model A model, or NULL.
 * @param index The prestatie's index, below igo_model_prestatie_count().
 * @return The label, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_prestatie_label(const igo_model *model, size_t index);

/**
 * @brief A prestatie's phase of care ("" when none was given).
 * @param model A model, or NULL.
 * @param index The prestatie's index, below igo_model_prestatie_count().
 * @return The phase, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_prestatie_phase(const igo_model *model, size_t index);

/**
 * @brief A prestatie's unit ("" when none was given).
 * @param model A model, or NULL.
 * @param index The prestatie's index, below igo_model_prestatie_count().
 * @return The unit, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_prestatie_unit(const igo_model *model, size_t index);

/**
 * @brief A discipline's id.
 * @param model A model, or NULL.
 * @param index The discipline's index, below igo_model_discipline_count().
 * @return The id, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_discipline_id(const igo_model *model, size_t index);

/**
 * @brief A discipline's label (its id when none was given).
 * @param model A model, or NULL.
 * @param index The discipline's index, below igo_model_discipline_count().
 * @return The label, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_discipline_label(const igo_model *model, size_t index);

/**
 * @brief A provider's id.
 * @param model A model, or NULL.
 * @param index The provider's index, below igo_model_provider_count().
 * @return The id, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_provider_id(const igo_model *model, size_t index);

/**
 * @brief A provider's name (its id when none was given).
 * @param model A model, or NULL.
 * @param index The provider's index, below igo_model_provider_count().
 * @return The name, or NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_provider_name(const igo_model *model, size_t index);

/**
 * @brief The index of a provider's discipline.
 * @param model A model, or NULL.
 * @param index The provider's index, below igo_model_provider_count().
 * @return The discipline's index, or (size_t)-1 for an index out of range or a NULL model.
 */
IGO_API size_t igo_model_provider_discipline(const igo_model *model, size_t index);

/**
 * @brief How a cost component is given.
 * @param model A model, or NULL.
 * @param cost  The component.
 * @return Its mode; #IGO_COST_AMOUNT for a NULL model or a cost out of range.
 */
IGO_API igo_cost_mode igo_model_cost_mode(const igo_model *model, igo_cost cost);

/**
 * @brief A prestatie's production, as igo_model_set_production() set it.
 *
 * The getters of numbers below read every input back as the model keeps it (to 15 significant
 * digits, igo_canonical()) and say whether it was set at all, so that a caller can rebuild
 * exactly the calls that made the model. Their output pointers may be NULL; on a 0 return
 * they receive 0 (an index: (size_t)-1).
 *
 * @param model     A model, or NULL.
 * @param prestatie The prestatie's index, below igo_model_prestatie_count().
 * @param count     Receives the count; may be NULL.
 * @param tariff    Receives the tariff in EUR; may be NULL.
 * @return 1 when the production was set; 0 when it was not (count and tariff are then 0), for
 *         an index out of range or a NULL model.
 */
IGO_API int igo_model_production(const igo_model *model, size_t prestatie, double *count,
                                 double *tariff);

/**
 * @brief A cost component, as igo_model_set_cost() set it.
 * @param model A model, or NULL.
 * @param cost  The component.
 * @param mode  Receives its mode (as igo_model_cost_mode() gives it); may be NULL.
 * @param value Receives the amount in EUR or the fraction, as the mode says; may be NULL.
 * @return 1 when the component was set; 0 when it was not (an amount of EUR 0), for a cost out
 *         of range or a NULL model.
 */
IGO_API int igo_model_cost(const igo_model *model, igo_cost cost, igo_cost_mode *mode,
                           double *value);

/**
 * @brief A provider's fixed part, as igo_model_set_fixed_part() gave it.
 * @param model      A model, or NULL.
 * @param index      The provider's index, below igo_model_provider_count().
 * @param eur        Receives the amount in EUR (0 when none); may be NULL.
 * @param min_volume Receives the volume it needs in full; may be NULL.
 * @param reduction  Receives the fraction it loses below it; may be NULL.
 * @return 1 when the provider has a fixed part above 0; 0 when not (also for an index out of
 *         range or a NULL model).
 */
IGO_API int igo_model_fixed_part(const igo_model *model, size_t index, double *eur,
                                 double *min_volume, double *reduction);

/**
 * @brief A prestatie's part of the IGO costs, as igo_model_set_prestatie_costs() gave it.
 * @param model A model, or NULL.
 * @param index The prestatie's index, below igo_model_prestatie_count().
 * @param eur   Receives the amount in EUR (0 when not given); may be NULL.
 * @return 1 when the amount was given; 0 when not (also for an index out of range or a NULL
 *         model). The costs are charged per prestatie when any prestatie's amount was given.
 */
IGO_API int igo_model_prestatie_costs(const igo_model *model, size_t index, double *eur);

/**
 * @brief Reads back the pool of quality bonuses (igo_model_set_bonus_pool()).
 * @param model The model.
 * @param mode  Receives its mode (#IGO_COST_AMOUNT when none was set); may be NULL.
 * @param value Receives the amount in EUR or the fraction (0 when none was set); may be NULL.
 * @return 1 when a pool was set, else 0.
 */
IGO_API int igo_model_bonus_pool(const igo_model *model, igo_cost_mode *mode, double *value);

/**
 * @brief The number of quality indicators.
 * @param model The model, or NULL (0).
 * @return The number of indicators added.
 */
IGO_API size_t igo_model_indicator_count(const igo_model *model);

/**
 * @brief Reads back a quality indicator (igo_model_add_indicator()).
 * @param model           The model.
 * @param index           The indicator's index, in the order added.
 * @param label           Receives its label (owned by the model); may be NULL.
 * @param target          Receives its target; may be NULL.
 * @param lower_is_better Receives 1 when lower is better, else 0; may be NULL.
 * @param weight          Receives its weight in points; may be NULL.
 * @return Its id (owned by the model, valid until igo_model_free()), or NULL for an index out of
 *         range (then the outputs are NULL or 0).
 */
IGO_API const char *igo_model_indicator(const igo_model *model, size_t index, const char **label,
                                        double *target, int *lower_is_better, double *weight);

/**
 * @brief Reads back a provider's value on an indicator (igo_model_set_indicator_value()).
 * @param model     The model.
 * @param indicator The indicator's index.
 * @param provider  The provider's index.
 * @param value     Receives the value (0 when none was set); may be NULL.
 * @return 1 when a value was set, else 0 (also for an index out of range).
 */
IGO_API int igo_model_indicator_value(const igo_model *model, size_t indicator, size_t provider,
                                      double *value);

/**
 * @brief An indicator's whole row of provider values, in one pass (see igo_model_key_row()).
 * @param model     A model, or NULL.
 * @param indicator The indicator's index, below igo_model_indicator_count().
 * @param values    Receives igo_model_provider_count() values, 0 where none was set.
 * @param given     Receives igo_model_provider_count() flags, 1 where a value was set.
 * @return The number of values set in the row; 0 for an index out of range or a NULL model
 *         (then nothing is written).
 */
IGO_API size_t igo_model_indicator_row(const igo_model *model, size_t indicator, double *values,
                                       unsigned char *given);

/**
 * @brief An outside activity (igo_model_add_outside()).
 * @param model  A model, or NULL.
 * @param index  The activity's index, below igo_model_outside_count().
 * @param count  Receives its count; may be NULL.
 * @param tariff Receives its tariff in EUR; may be NULL.
 * @return Its label, owned by the model; NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_outside(const igo_model *model, size_t index, double *count,
                                      double *tariff);

/**
 * @brief The number of target prestaties of an outside activity.
 * @param model A model, or NULL.
 * @param index The activity's index, below igo_model_outside_count().
 * @return The number of targets (at least 1); 0 for an index out of range or a NULL model.
 */
IGO_API size_t igo_model_outside_target_count(const igo_model *model, size_t index);

/**
 * @brief A target prestatie of an outside activity, in the order the targets were listed.
 * @param model  A model, or NULL.
 * @param index  The activity's index, below igo_model_outside_count().
 * @param target The target's position, below igo_model_outside_target_count().
 * @return The prestatie's index; (size_t)-1 for an index out of range or a NULL model.
 */
IGO_API size_t igo_model_outside_target(const igo_model *model, size_t index, size_t target);

/**
 * @brief A fraction of the direct verdeelsleutel (igo_model_set_key()).
 *
 * When a fraction was set more than once, the last value counts, as in igo_distribute().
 *
 * @param model      A model, or NULL.
 * @param prestatie  The prestatie's index, below igo_model_prestatie_count().
 * @param discipline The discipline's index, below igo_model_discipline_count().
 * @param fraction   Receives the fraction (0..1); may be NULL.
 * @return 1 when the fraction was set; 0 when it was not, for an index out of range or a NULL
 *         model.
 */
IGO_API int igo_model_key(const igo_model *model, size_t prestatie, size_t discipline,
                          double *fraction);

/**
 * @brief A provider's volume in a prestatie (igo_model_set_volume()); the last value set counts.
 * @param model     A model, or NULL.
 * @param prestatie The prestatie's index, below igo_model_prestatie_count().
 * @param provider  The provider's index, below igo_model_provider_count().
 * @param volume    Receives the volume; may be NULL.
 * @return 1 when the volume was set; 0 when it was not, for an index out of range or a NULL
 *         model.
 */
IGO_API int igo_model_volume(const igo_model *model, size_t prestatie, size_t provider,
                             double *volume);

/**
 * @brief A prestatie's whole row of direct key fractions, in one pass over the model's keys.
 *
 * What igo_model_key() gives cell by cell, for a whole row at once: reading every cell that way
 * scans the keys once per cell, this once per row.
 *
 * @param model     A model, or NULL.
 * @param prestatie The prestatie's index, below igo_model_prestatie_count().
 * @param fractions Receives igo_model_discipline_count() fractions, 0 where none was set.
 * @param given     Receives igo_model_discipline_count() flags, 1 where a fraction was set.
 * @return The number of fractions set in the row; 0 for an index out of range or a NULL model
 *         (then nothing is written).
 */
IGO_API size_t igo_model_key_row(const igo_model *model, size_t prestatie, double *fractions,
                                 unsigned char *given);

/**
 * @brief A prestatie's whole row of provider volumes, in one pass (see igo_model_key_row()).
 * @param model     A model, or NULL.
 * @param prestatie The prestatie's index, below igo_model_prestatie_count().
 * @param volumes   Receives igo_model_provider_count() volumes, 0 where none was set.
 * @param given     Receives igo_model_provider_count() flags, 1 where a volume was set.
 * @return The number of volumes set in the row; 0 for an index out of range or a NULL model
 *         (then nothing is written).
 */
IGO_API size_t igo_model_volume_row(const igo_model *model, size_t prestatie, double *volumes,
                                    unsigned char *given);

/**
 * @brief The number of historical claim lines.
 * @param model A model, or NULL.
 * @return The number of lines added with igo_model_add_history(); 0 for NULL.
 */
IGO_API size_t igo_model_history_count(const igo_model *model);

/**
 * @brief A historical claim line (igo_model_add_history()), in the order they were added.
 * @param model      A model, or NULL.
 * @param index      The line's index, below igo_model_history_count().
 * @param discipline Receives the index of the discipline that declared it; may be NULL.
 * @param prestatie  Receives the index of the prestatie it belongs to; may be NULL.
 * @param count      Receives the number claimed; may be NULL.
 * @param tariff     Receives the tariff in EUR; may be NULL.
 * @return The claim code, owned by the model; NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_history(const igo_model *model, size_t index, size_t *discipline,
                                      size_t *prestatie, double *count, double *tariff);

/**
 * @brief Whether direct keys are normalised (igo_model_set_normalise_keys()).
 * @param model A model, or NULL.
 * @return 1 when normalising is on; 0 when it is off or model is NULL.
 */
IGO_API int igo_model_normalise_keys(const igo_model *model);

/**
 * @brief A regiokenmerken count (igo_model_set_regio()).
 * @param model A model, or NULL.
 * @param field The field's index, as igo_regio_field() numbers them.
 * @param count Receives the count; may be NULL.
 * @return 1 when the count was set; 0 when it was not (it is then 0), for a field out of range
 *         or a NULL model.
 */
IGO_API int igo_model_regio(const igo_model *model, size_t field, double *count);

/**
 * @brief The number of reasons for transfer (not the number of women transferred).
 * @param model A model, or NULL.
 * @return The number of distinct reasons set; 0 for NULL.
 */
IGO_API size_t igo_model_transfer_reason_count(const igo_model *model);

/**
 * @brief A reason for transfer and its number of women, in the order the reasons were added.
 * @param model A model, or NULL.
 * @param index The reason's index, below igo_model_transfer_reason_count().
 * @param count Receives the number of women; may be NULL.
 * @return The reason, owned by the model; NULL for an index out of range or a NULL model.
 */
IGO_API const char *igo_model_transfer_reason(const igo_model *model, size_t index,
                                              double *count);

IGO_END_DECLS

#endif
