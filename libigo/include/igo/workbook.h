/**
 * @file workbook.h
 * @brief The filled-in model as an Excel workbook (.xlsx).
 *
 * The workbook has the seven sheets of the instapverdeelmodel: an explanation, the
 * regiokenmerken, the distribution results, three input sheets (region, care delivered,
 * distribution) and the calculation; an eighth with the classification of claim codes; a
 * ninth, Kwaliteitsbonussen, with the quality bonuses (the pool, the indicators, each
 * provider's values, points and bonus; empty for a model without them); a tenth, Wat als, that
 * compares a starting point with the figures the workbook computes now (see
 * igo_workbook_options.baseline); and, written with a transition
 * (igo_workbook_options.transition), two more: Overgang and Berekening overgang. Every result
 * is a live formula on the input cells, with
 * the core's figure as its cached value, so that Excel or LibreOffice recalculating it shows the
 * same cents as libigo. Input tables get spare rows, so that users can add providers, outside
 * activities, history lines and reasons in the spreadsheet itself.
 */
#ifndef IGO_WORKBOOK_H
#define IGO_WORKBOOK_H

#include "common.h"
#include "error.h"
#include "model.h"
#include "transition.h"

IGO_BEGIN_DECLS

/** @brief The language of a workbook's sheet names, labels and explanations. */
typedef enum igo_lang {
    IGO_LANG_NL = 0, /**< Dutch (the default; also used for any value that is not a language). */
    IGO_LANG_EN = 1  /**< English. */
} igo_lang;

/** @brief Options for writing a workbook; a NULL pointer to it means the defaults. */
typedef struct igo_workbook_options {
    /** The language of the sheets; #IGO_LANG_NL by default. */
    igo_lang lang;
    /** A transition to add as two sheets, Overgang (its inputs, each provider's income per
     *  year with a chart) and Berekening overgang (every round as formulas); NULL for none.
     *  Its providers must be the model's, in the model's order, and every year's model income
     *  the model's own distribution: a workbook holds one region for all years. The
     *  transition must compute (igo_transition_compute()). */
    const igo_transition *transition;
    /** The Wat als sheet's starting point: a model whose distribution the sheet sets beside the
     *  workbook's figures, per provider (model income plus quality bonus), discipline and
     *  prestatie (the money distributable to the providers), matched by id (an id in only one
     *  of the two counts as 0 in the other), and in total. NULL: the written model's own
     *  figures, so that every edit in the spreadsheet shows what it changes. The call
     *  distributes it and writes its error message: no other thread may use it meanwhile. */
    igo_model *baseline;
    /** The Wat als sheet's threshold of a material change in EUR (an input of the sheet): a
     *  change is material when it is not 0, at least this (rounded to cents) and at least
     *  threshold_share. 0 for none; a negative or non-finite value is refused. */
    double threshold;
    /** The other threshold: a fraction of the starting point's size (0.05 for 5 %), reached
     *  too when the starting point is 0. 0 for none; a negative or non-finite value is
     *  refused. */
    double threshold_share;
} igo_workbook_options;

/**
 * @brief Writes the model, distributed, as an .xlsx workbook.
 *
 * The model must distribute (the workbook caches the core's figures): the call runs
 * igo_distribute() first and fails as it does. The file is written under a temporary name in
 * the same directory (".<name>.<pid>.<n>.tmp", created new with mode 0666 less the umask),
 * read back as a zip to check every part, flushed to the disk and only then renamed over path:
 * a failure leaves no file behind and path untouched. An existing regular file or symbolic link
 * at path is replaced (the link itself, not its target); a directory, device, pipe or socket
 * is refused.
 *
 * Limits: at most 16376 prestaties and 16376 disciplines, and 16373 quality indicators (a
 * sheet's columns); at most 262144
 * providers, outside activities, history lines and reasons for transfer each; and at most
 * about 4,000,000 cells in all, as libigo holds every cell in memory until the file is written
 * (a few hundred bytes each).
 *
 * The model's progress callback (igo_model_set_progress()) is called while the sheets are
 * filled and can stop the call; with a callback set, the last step runs in a child process
 * (see igo_progress_fn). The model is only read, but its error message is written: use one
 * model from one thread at a time.
 *
 * @param model   The model.
 * @param path    The file to write, UTF-8 as the file system takes it; not NULL or empty. The
 *                directory must exist and be writable.
 * @param options The options, or NULL for the defaults (Dutch).
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL model or a NULL or empty path;
 *         any code igo_distribute() returns, when the model does not distribute;
 *         #IGO_ERROR_LIMIT for a model beyond the limits above, or a baseline with more than
 *         131072 providers, disciplines and prestaties the model lacks;
 *         #IGO_ERROR_ARGUMENT for a transition of other providers or other model incomes, and
 *         for a threshold that is negative or not finite;
 *         any code igo_transition_compute() returns for a transition that does not compute, and
 *         igo_distribute() for a baseline that does not distribute (the message begins
 *         "baseline: ");
 *         #IGO_ERROR_IO when path is a directory or special file, the temporary file cannot be
 *         created, or writing, checking, flushing or renaming fails (the message names the file
 *         and the system's reason, e.g. "No space left on device");
 *         #IGO_ERROR_CANCELLED when the progress callback asked to stop;
 *         #IGO_ERROR_MEMORY.
 *
 * @code
 * igo_workbook_options options = {.lang = IGO_LANG_EN};
 * if (igo_workbook_write(model, "region.xlsx", &options) != IGO_OK)
 *     fprintf(stderr, "%s\n", igo_model_errmsg(model));
 * @endcode
 */
IGO_API igo_error igo_workbook_write(igo_model *model, const char *path,
                                     const igo_workbook_options *options);

/**
 * @brief Reads a model workbook back into a model: the inputs as a user left them.
 *
 * The workbook is one igo_workbook_write() wrote, after any edits and re-saves in Excel,
 * LibreOffice, Gnumeric or openpyxl. Its blocks are found by the defined names the writer emits
 * (Prestaties, Aantallen, Tarieven, IGO_kosten, Buiten_IGO, Disciplines, Verdeelsleutel,
 * Sleutelbron, Normaliseren, Zorgaanbieders, Volumes, Historie, Regiokenmerken, Opnames,
 * Redenen_overdracht, Regio, Disciplinenamen; and Kosten_per_prestatie, Vaste_delen and the
 * quality bonuses' Bonus_pot, Bonus_indicatoren and Bonus_waarden, which a workbook of an older libigo lacks:
 * without the bonuses' three the model has no bonuses, with only some of them the workbook is
 * refused), so rows inserted or moved are read right (an indicator row inserted needs its
 * column in the values grid too). Every
 * value goes through the model's setters and is checked as they check it; spare rows left
 * empty are skipped. A formula in an input cell counts by its cached value. Text where a number
 * belongs is accepted only when it means one number to Dutch and English readers alike ("12,5",
 * not "1.720"). The file is read as untrusted (see igo_xlsx_open()).
 *
 * @param model A new model (no prestaties, disciplines or providers yet). On failure it holds
 *              part of the workbook: free it.
 * @param path  The workbook (.xlsx).
 * @param lang  Receives the workbook's language, or NULL.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL model or path, or a model that is not empty;
 *         #IGO_ERROR_IO, #IGO_ERROR_LIMIT for a file the reader refuses (igo_xlsx_open());
 *         #IGO_ERROR_VALUE for a missing defined name or sheet, a block of the wrong shape, or
 *         a cell that holds what does not belong there;
 *         any code of the model's setters (#IGO_ERROR_DUPLICATE, #IGO_ERROR_UNKNOWN, ...);
 *         #IGO_ERROR_MEMORY.
 *         igo_model_errmsg() names the file, sheet and cell ("regio.xlsx: 'Invoertabblad -
 *         geleverde zorg'!E9: 'veel' is not a number").
 */
IGO_API igo_error igo_workbook_read(igo_model *model, const char *path, igo_lang *lang);

/**
 * @brief Reads the transition of a model workbook: the inputs of its Overgang sheet.
 *
 * The sheet's blocks are found by their defined names (Overgang_grenzen, Overgang_jaren,
 * Overgang_aanbieders). Each provider row is matched to the model's provider by its id (the
 * cached value of the row's id formula, or the provider input row beside it when the formula
 * has none); rows without a provider and without figures are skipped, and empty year rows end
 * the schedule. Every year's model income is the model's own distribution. The file is read
 * as untrusted, as igo_workbook_read() reads it.
 *
 * @param model The model read from the same workbook (igo_workbook_read()); it is
 *              distributed for the model incomes, and takes the error message.
 * @param path  The workbook (.xlsx).
 * @param out   Receives the transition (free it with igo_transition_free()), or NULL when the
 *              workbook has no Overgang sheet or no year on it.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL argument;
 *         any code igo_distribute() returns for a model that does not distribute;
 *         #IGO_ERROR_IO, #IGO_ERROR_LIMIT for a file the reader refuses;
 *         #IGO_ERROR_VALUE for a block of the wrong shape, or a cell that holds what does not
 *         belong there; #IGO_ERROR_UNKNOWN for a provider the model does not have;
 *         any code of the transition's setters; #IGO_ERROR_MEMORY. igo_model_errmsg() names
 *         the file, sheet and cell.
 */
IGO_API igo_error igo_workbook_read_transition(igo_model *model, const char *path,
                                               igo_transition **out);

IGO_END_DECLS

#endif
