/**
 * @file claims.h
 * @brief Historical claims into production, keys, history lines, volumes and income: the claims
 *        pipeline, streaming, exact in cents, losing nothing.
 *
 * An igo_claims aggregates one or more claim files (CSV, or a sheet of an xlsx workbook) of
 * monodisciplinary claim lines, one row per line, classified by a table (the `indeling`: code,
 * discipline, phase, complexity rank, IG-prestatie, unit). Rows are streamed: memory grows with
 * the trajecten and providers, never with the rows. Amounts are summed in cents.
 *
 * A claim line is classified, or set aside with its reason (#igo_claim_reason): nothing is lost,
 * `rows read = classified + set aside` and `EUR read = classified + set aside` exactly
 * (igo_claims_totals()). Problems with a file as a whole (no header, a required column missing,
 * not UTF-8, mixed decimal conventions, an unterminated quote, a line beyond the limits) are
 * errors naming the file and line.
 *
 * The rules (a traject-phase is one prestatie, classified by its most complex line; hour codes
 * count hours; a line whose code has no phase counts as classified without a prestatie) are those
 * of the instapverdeelmodel's guide; see the project's specification `declaraties.md`.
 *
 * @code
 * igo_claims *c = igo_claims_new();
 * if (igo_claims_use_default_indeling(c) != IGO_OK ||
 *     igo_claims_read_csv(c, "declaraties.csv") != IGO_OK || igo_claims_finish(c) != IGO_OK)
 *     fprintf(stderr, "%s\n", igo_claims_errmsg(c));
 * else
 *     for (size_t p = 0; p < igo_claims_prestatie_count(c); p++)
 *         printf("%s %g\n", igo_claims_prestatie(c, p), igo_claims_production(c, p));
 * igo_claims_free(c);
 * @endcode
 *
 * Threads: use one igo_claims from one thread at a time; distinct ones may be used at once.
 */
#ifndef IGO_CLAIMS_H
#define IGO_CLAIMS_H

#include "common.h"
#include "error.h"
#include "progress.h"

IGO_BEGIN_DECLS

/** @brief An aggregation of claim files: options, classification table, running totals and, once
 *         finished, the results. Opaque. */
typedef struct igo_claims igo_claims;

/** Limits on claim files, which come from other organisations. */
enum igo_claims_limit {
    /** The most bytes of one record (a line, or several when a quoted field holds breaks). */
    IGO_CLAIMS_MAX_RECORD = 1 << 20,
    /** The most fields of one record. */
    IGO_CLAIMS_MAX_FIELDS = 1024,
    /** How many set-aside lines are kept as examples per reason. */
    IGO_CLAIMS_EXAMPLES = 5,
    /** The most codes a classification table may hold. */
    IGO_CLAIMS_MAX_CODES = 65535
};

/** Why a claim line is set aside. The first that applies is the line's reason, in this order. */
typedef enum igo_claim_reason {
    /** The line has another number of fields than the header (a stray delimiter shifts the
     * columns, so none of its values can be trusted). */
    IGO_CLAIM_FIELD_COUNT,
    /** The traject is empty. */
    IGO_CLAIM_NO_TRAJECT,
    /** The provider (zorgaanbieder) is empty. */
    IGO_CLAIM_NO_PROVIDER,
    /** The code is not in the classification table. */
    IGO_CLAIM_UNKNOWN_CODE,
    /** The amount is not a number (or has more than two decimals). */
    IGO_CLAIM_BAD_AMOUNT,
    /** The units (aantal) are not a positive number. */
    IGO_CLAIM_BAD_UNITS,
    /** The date is given but cannot be read. */
    IGO_CLAIM_BAD_DATE,
    /** The date lies outside the period asked for (igo_claims_set_period()). */
    IGO_CLAIM_OUTSIDE_PERIOD,
    /** The number of reasons (not a reason). */
    IGO_CLAIM_REASONS
} igo_claim_reason;

/** The columns a claim file is read by; each has a default name, matched case-insensitively
 * and ignoring surrounding spaces. */
typedef enum igo_claim_column {
    IGO_CLAIM_TRAJECT,  /**< `traject`: one woman's pregnancy (required) */
    IGO_CLAIM_PROVIDER, /**< `zorgaanbieder`: the provider (required) */
    IGO_CLAIM_CODE,     /**< `prestatiecode`: the claim code (required) */
    IGO_CLAIM_AMOUNT,   /**< `bedrag`: EUR (required) */
    IGO_CLAIM_DATE,     /**< `datum`: the date of care (optional) */
    IGO_CLAIM_UNITS,    /**< `aantal`: units, hours for hour codes (optional, default 1) */
    IGO_CLAIM_COLUMNS   /**< the number of columns (not a column) */
} igo_claim_column;

/** One row of the classification table. */
typedef struct igo_claim_class {
    const char *code;         /**< the claim code (leading zeros are not significant) */
    const char *discipline;   /**< the discipline that claims it */
    const char *phase;        /**< "prenataal", "nataal", "postnataal", or NULL/"" for none */
    int rank;                 /**< the complexity rank inside the phase; higher is more complex */
    const char *ig_prestatie; /**< the IG-prestatie of a traject-phase whose most complex line
                                   this is, or that an hour code's hours count towards;
                                   NULL/"" when phase is none */
    int hourly;               /**< 1: an hour code (`eenheid = uur`), 0: per traject */
} igo_claim_class;

/** The reconciliation: every row read is classified or set aside, and so is every cent. */
typedef struct igo_claims_totals {
    uint64_t rows_read;       /**< claim lines read (blank lines are not claim lines) */
    uint64_t rows_classified; /**< lines used, with or without a prestatie */
    uint64_t rows_set_aside;  /**< lines set aside, per reason in igo_claims_set_aside() */
    uint64_t rows_without_prestatie; /**< of the classified: codes without a phase */
    int64_t cents_read;       /**< the amounts read that are numbers, in cents */
    int64_t cents_classified; /**< of the lines classified */
    int64_t cents_set_aside;  /**< of lines set aside for another reason than their amount */
    int64_t cents_without_prestatie; /**< of the classified lines without a prestatie */
} igo_claims_totals;

/** The options of the synthetic claims generator (igo_claims_generate()). */
typedef struct igo_claims_synthetic {
    uint64_t seed;        /**< the same seed and options give the same file, byte for byte */
    uint64_t births;      /**< the number of trajecten (pregnancies) */
    double error_percent; /**< the share of lines that are bad, 0 to 100, spread over the
                               reasons the rules set aside (not #IGO_CLAIM_FIELD_COUNT) */
    int english;          /**< 0: Dutch CSV (';', decimal comma); 1: English (',', point) */
    int year;             /**< the year of care: dates fall in it (those set aside as outside
                               the period fall in the year before) */
} igo_claims_synthetic;

/** What the generator wrote, to check an aggregation against. */
typedef struct igo_claims_written {
    uint64_t rows;                              /**< claim lines (the header not counted) */
    int64_t cents;                              /**< the sum of the amounts that are numbers */
    uint64_t bad_rows[IGO_CLAIM_REASONS];       /**< lines written to be set aside, per reason */
    int64_t bad_cents[IGO_CLAIM_REASONS];       /**< their amounts, where numbers */
} igo_claims_written;

/**
 * @brief A new, empty aggregation: no classification, default column names, UTF-8, no period.
 * @return The aggregation, owned by the caller (igo_claims_free()), or NULL when out of memory.
 */
IGO_API igo_claims *igo_claims_new(void);

/**
 * @brief Frees an aggregation and everything it holds.
 * @param c An aggregation, or NULL (then nothing happens).
 */
IGO_API void igo_claims_free(igo_claims *c);

/**
 * @brief The detailed message of the aggregation's last failing call.
 * @param c An aggregation, or NULL.
 * @return The message, "" when the last call succeeded; owned by c and valid until its next
 *         call. It names the file and line, or the code, column or option at fault.
 */
IGO_API const char *igo_claims_errmsg(const igo_claims *c);

/**
 * @brief Sets the progress callback of igo_claims_read_csv(), igo_claims_read_xlsx() and
 *        igo_claims_generate().
 * @param c         The aggregation (NULL: nothing happens).
 * @param fn        The callback, or NULL for none (see igo_progress_fn); done is the fraction of
 *                  the file read, or of the trajecten generated.
 * @param user_data Given to the callback.
 */
IGO_API void igo_claims_set_progress(igo_claims *c, igo_progress_fn fn, void *user_data);

/**
 * @brief Names a column of the claim files to come (before the first is read).
 * @param c      The aggregation.
 * @param column The column.
 * @param name   Its name in the files' header (matched case-insensitively, ignoring
 *               surrounding spaces).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL aggregation, an unknown column, a NULL or empty
 *         name, or once a claim file was read; #IGO_ERROR_VALUE for a name that is not valid
 *         text; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_claims_set_column(igo_claims *c, igo_claim_column column,
                                        const char *name);

/**
 * @brief The encoding of the CSV files to come. A UTF-8 byte order mark is skipped, and makes a
 *        file UTF-8 whatever was set.
 * @param c        The aggregation.
 * @param encoding "utf-8" (the default) or "windows-1252" ("cp1252"), case-insensitively.
 * @return #IGO_OK; #IGO_ERROR_VALUE for another encoding; #IGO_ERROR_ARGUMENT for a NULL
 *         aggregation or once a claim file was read.
 */
IGO_API igo_error igo_claims_set_encoding(igo_claims *c, const char *encoding);

/**
 * @brief The decimal sign of the claim files to come, when they do not show it themselves.
 *
 * By default each file's convention is detected from its amounts and units. A file whose only
 * amounts with a separator read differently in each (`1.234`: 1234 in Dutch, 1.234 in English)
 * is refused unless the sign is given here. A file that shows the other convention is refused
 * as mixed.
 *
 * @param c         The aggregation.
 * @param separator ',' (Dutch: `1.234,56`), '.' (English: `1,234.56`), or 0 to detect it.
 * @return #IGO_OK; #IGO_ERROR_VALUE for another character; #IGO_ERROR_ARGUMENT for a NULL
 *         aggregation or once a claim file was read.
 */
IGO_API igo_error igo_claims_set_decimal(igo_claims *c, char separator);

/**
 * @brief Keeps only the lines dated in [from, to): from included, to not. A line without a date
 *        is kept. Set before reading.
 * @param c    The aggregation.
 * @param from The first day, as ISO 8601 ("2024-03-01") or Dutch ("01-03-2024"); NULL for none.
 * @param to   The day after the last; NULL for none.
 * @return #IGO_OK; #IGO_ERROR_VALUE for a date that cannot be read, or to not after from;
 *         #IGO_ERROR_ARGUMENT for a NULL aggregation or once a claim file was read.
 */
IGO_API igo_error igo_claims_set_period(igo_claims *c, const char *from, const char *to);

/**
 * @brief The order of the IG-prestaties, for the results and for ties: a traject-phase whose
 *        most complex lines point at different IG-prestaties gets the one listed first.
 *
 * The default is the nine IG-prestaties of the default catalogue, IG1 to IG9. Every IG-prestatie
 * of the classification must be in the order (checked when the first claim file is read).
 *
 * @param c   The aggregation.
 * @param ids The prestaties' ids, in order.
 * @param n   Their number.
 * @return #IGO_OK; #IGO_ERROR_DUPLICATE for an id given twice; #IGO_ERROR_VALUE for invalid
 *         text; #IGO_ERROR_ARGUMENT for a NULL aggregation, a NULL list with n > 0, or once a
 *         claim file was read; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_claims_set_catalogue(igo_claims *c, const char *const *ids, size_t n);

/**
 * @brief Adds a row to the classification table (before the first claim file).
 * @param c   The aggregation.
 * @param row The row; its texts are copied.
 * @return #IGO_OK; #IGO_ERROR_DUPLICATE for a code already in the table (leading zeros do not
 *         count); #IGO_ERROR_LIMIT beyond #IGO_CLAIMS_MAX_CODES codes; #IGO_ERROR_VALUE for a phase that is not one of the three, a prestatie missing
 *         where a phase or an hour unit is given (or given without either), a rank below 0, or
 *         invalid text (the message names the code); #IGO_ERROR_ARGUMENT for a NULL aggregation
 *         or row, or once a claim file was read; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_claims_add_class(igo_claims *c, const igo_claim_class *row);

/**
 * @brief Reads a classification table from a CSV file: columns `prestatiecode`, `discipline`,
 *        `fase`, `niveau`, `ig_prestatie` and optionally `eenheid` (`traject` or `uur`; empty
 *        is `traject`); others, such as `toelichting`, are ignored. CSV as for claim files.
 * @param c    The aggregation.
 * @param path The table's file.
 * @return #IGO_OK, or the errors of igo_claims_add_class() and of reading (as for
 *         igo_claims_read_csv()), the message naming the file and line.
 */
IGO_API igo_error igo_claims_read_indeling(igo_claims *c, const char *path);

/**
 * @brief Adds libigo's default classification table: every monodisciplinary claim code,
 *        reasoned from the codes' descriptions (igo_claims_default_indeling_csv()).
 * @param c The aggregation.
 * @return #IGO_OK; #IGO_ERROR_DUPLICATE when a code of it is in the table already;
 *         #IGO_ERROR_ARGUMENT for a NULL aggregation or once a claim file was read;
 *         #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_claims_use_default_indeling(igo_claims *c);

/**
 * @brief The default classification table as CSV text (UTF-8), with its `toelichting` column
 *        giving each row's reasoning.
 * @return A static string.
 */
IGO_API const char *igo_claims_default_indeling_csv(void);

/**
 * @brief Reads and aggregates a claim file in CSV.
 *
 * Delimiter `;`, `,` or tab, detected from the header line; decimal comma or point, detected
 * per file from the amounts and units (`1.234,56` and `1234,56` are Dutch, `1,234.56` and
 * `1234.56` English; a value such as `1.234` that reads differently in each is decided by
 * reading the file ahead for one that shows the convention, and when none does, the file is
 * refused unless igo_claims_set_decimal() gave it); RFC 4180 quoting; CRLF, LF or CR line ends; a last line
 * without a line end. Blank lines (only empty or blank fields) are skipped. The file must be a
 * regular file.
 *
 * @param c    The aggregation.
 * @param path The file.
 * @return #IGO_OK;
 *         #IGO_ERROR_IO when the file cannot be opened or read, or is not a regular file;
 *         #IGO_ERROR_VALUE for a file that breaks the conventions (no header, a required column
 *         missing or named twice, invalid UTF-8, a control or NUL byte, a quote left open, text
 *         after a closing quote, mixed decimal conventions, a provider id that is not a valid
 *         id), named with the file and line;
 *         #IGO_ERROR_LIMIT for a record beyond #IGO_CLAIMS_MAX_RECORD bytes or
 *         #IGO_CLAIMS_MAX_FIELDS fields;
 *         #IGO_ERROR_UNKNOWN for an IG-prestatie of the table missing from the catalogue;
 *         #IGO_ERROR_ARGUMENT without a classification table, or after igo_claims_finish();
 *         #IGO_ERROR_CANCELLED when the progress callback stopped it;
 *         #IGO_ERROR_MEMORY.
 *         After a failure the lines of this file read so far stay counted: free the
 *         aggregation rather than finish it.
 */
IGO_API igo_error igo_claims_read_csv(igo_claims *c, const char *path);

/**
 * @brief igo_claims_read_csv() on CSV text in memory.
 * @param c    The aggregation.
 * @param name Stands for the file in messages and examples.
 * @param data The text (need not end in a NUL).
 * @param size Its length in bytes.
 * @return As igo_claims_read_csv() (#IGO_ERROR_IO aside).
 */
IGO_API igo_error igo_claims_read_csv_buffer(igo_claims *c, const char *name, const char *data,
                                             size_t size);

/**
 * @brief Reads and aggregates a sheet of an xlsx workbook, through the streaming sheet reader.
 *
 * The header is the first row naming a required column; rows above it (a title) are skipped.
 * Cells hold what a spreadsheet holds: a number in the date column is a date serial (in the
 * workbook's date system), a number in the traject, provider or code column is that id, amounts
 * and units may be numbers, and text is read as in a CSV file. Lines are named by row number.
 *
 * @param c     The aggregation.
 * @param path  The workbook.
 * @param sheet The sheet's name, or NULL for the first sheet.
 * @return As igo_claims_read_csv(), and the errors of igo_xlsx_open() and
 *         igo_xlsx_sheet_index() (#IGO_ERROR_UNKNOWN for no sheet of that name).
 */
IGO_API igo_error igo_claims_read_xlsx(igo_claims *c, const char *path, const char *sheet);

/**
 * @brief Classifies the trajecten read and computes the results; no file may be read after.
 * @param c The aggregation.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL aggregation, when no file was read, or when
 *         called twice; #IGO_ERROR_MEMORY (the aggregation may then be finished again).
 */
IGO_API igo_error igo_claims_finish(igo_claims *c);

/**
 * @brief The reconciliation.
 * @param c The aggregation, finished.
 * @return Its totals; zeros before igo_claims_finish() or for NULL.
 */
IGO_API igo_claims_totals igo_claims_totals_of(const igo_claims *c);

/**
 * @brief The lines set aside for a reason.
 * @param c      The aggregation, finished.
 * @param reason The reason.
 * @param cents  Receives the sum of their amounts that are numbers (may be NULL).
 * @return The number of lines; 0 before igo_claims_finish() or for an unknown reason.
 */
IGO_API uint64_t igo_claims_set_aside(const igo_claims *c, igo_claim_reason reason,
                                      int64_t *cents);

/**
 * @brief An example line set aside for a reason: the first ones met, at most
 *        #IGO_CLAIMS_EXAMPLES per reason.
 * @param c      The aggregation, finished.
 * @param reason The reason.
 * @param index  Below igo_claims_example_count().
 * @param line   Receives the line number in its file, 1 being the header (may be NULL).
 * @return The file's name as given, or NULL when index is out of range.
 */
IGO_API const char *igo_claims_example(const igo_claims *c, igo_claim_reason reason,
                                       size_t index, uint64_t *line);

/**
 * @brief The number of example lines kept for a reason.
 * @param c      The aggregation, finished.
 * @param reason The reason.
 * @return At most #IGO_CLAIMS_EXAMPLES; 0 before igo_claims_finish().
 */
IGO_API size_t igo_claims_example_count(const igo_claims *c, igo_claim_reason reason);

/**
 * @brief A short English description of a reason.
 * @param reason The reason.
 * @return A static string, e.g. "code not in the classification table"; "unknown reason" for a
 *         value that is not a reason.
 */
IGO_API const char *igo_claim_reason_text(igo_claim_reason reason);

/**
 * @brief A reason's identifier, for bindings and files.
 * @param reason The reason.
 * @return A static string, e.g. "unknown_code"; "unknown" for a value that is not a reason.
 */
IGO_API const char *igo_claim_reason_id(igo_claim_reason reason);

/**
 * @brief The number of IG-prestaties: those of the catalogue order, in its order.
 * @param c The aggregation, finished.
 * @return The count; 0 before igo_claims_finish().
 */
IGO_API size_t igo_claims_prestatie_count(const igo_claims *c);

/**
 * @brief The id of an IG-prestatie.
 * @param c The aggregation, finished.
 * @param p Its index, below igo_claims_prestatie_count().
 * @return The id, owned by c; NULL out of range.
 */
IGO_API const char *igo_claims_prestatie(const igo_claims *c, size_t p);

/**
 * @brief Whether an IG-prestatie counts hours: an hour code of the table points at it.
 * @param c The aggregation, finished.
 * @param p The prestatie's index.
 * @return 1 or 0 (0 out of range).
 */
IGO_API int igo_claims_hourly(const igo_claims *c, size_t p);

/**
 * @brief The production of an IG-prestatie.
 * @param c The aggregation, finished.
 * @param p The prestatie's index.
 * @return Its traject-phases, or its hours for an hourly prestatie; 0 out of range.
 */
IGO_API double igo_claims_production(const igo_claims *c, size_t p);

/**
 * @brief The number of disciplines: those of the classification table, in its order.
 * @param c The aggregation, finished.
 * @return The count; 0 before igo_claims_finish().
 */
IGO_API size_t igo_claims_discipline_count(const igo_claims *c);

/**
 * @brief The id of a discipline.
 * @param c The aggregation, finished.
 * @param d Its index, below igo_claims_discipline_count().
 * @return The id, owned by c; NULL out of range.
 */
IGO_API const char *igo_claims_discipline(const igo_claims *c, size_t d);

/**
 * @brief A discipline's money in an IG-prestatie: of all lines in the traject-phases of the
 *        prestatie (for an hourly prestatie: of its hour lines). The historical key is each
 *        discipline's share of its prestatie's money.
 * @param c The aggregation, finished.
 * @param p The prestatie's index.
 * @param d The discipline's index.
 * @return The money in cents; 0 out of range.
 */
IGO_API int64_t igo_claims_money(const igo_claims *c, size_t p, size_t d);

/**
 * @brief The number of history lines: one per (code, discipline, IG-prestatie) met.
 * @param c The aggregation, finished.
 * @return The count; 0 before igo_claims_finish().
 */
IGO_API size_t igo_claims_history_count(const igo_claims *c);

/**
 * @brief A history line, in the order of prestatie, discipline and code (the table's order).
 * @param c          The aggregation, finished.
 * @param k          The line's index, below igo_claims_history_count().
 * @param prestatie  Receives the prestatie's index (may be NULL).
 * @param discipline Receives the discipline's index (may be NULL).
 * @param count      Receives the number of lines, or the hours of an hour code (may be NULL).
 * @param cents      Receives their money (may be NULL).
 * @return The code, owned by c; NULL when k is out of range.
 */
IGO_API const char *igo_claims_history(const igo_claims *c, size_t k, size_t *prestatie,
                                       size_t *discipline, double *count, int64_t *cents);

/**
 * @brief The number of providers met in classified lines.
 * @param c The aggregation, finished.
 * @return The count; 0 before igo_claims_finish().
 */
IGO_API size_t igo_claims_provider_count(const igo_claims *c);

/**
 * @brief A provider, in the order first met.
 * @param c           The aggregation, finished.
 * @param o           Its index, below igo_claims_provider_count().
 * @param discipline  Receives the index of the discipline of most of its money (then of most of
 *                    its lines, then the first) (may be NULL).
 * @param disciplines Receives how many disciplines it claimed codes of; more than 1 is worth
 *                    reporting to the user (may be NULL).
 * @param income      Receives its classified money in cents: its historical income (may be
 *                    NULL).
 * @return Its id, owned by c; NULL out of range.
 */
IGO_API const char *igo_claims_provider(const igo_claims *c, size_t o, size_t *discipline,
                                        size_t *disciplines, int64_t *income);

/**
 * @brief A provider's volume in an IG-prestatie.
 * @param c The aggregation, finished.
 * @param p The prestatie's index.
 * @param o The provider's index.
 * @return The traject-phases of the prestatie in which the provider has a line, or its hours
 *         for an hourly prestatie; 0 out of range.
 */
IGO_API double igo_claims_volume(const igo_claims *c, size_t p, size_t o);

/**
 * @brief Writes synthetic claims: a CSV of realistic claim lines (first- and second-line
 *        pregnancies, transfers, caesareans, kraamzorg hours, providers of every discipline)
 *        for the default classification, with a share of bad lines.
 *
 * The file is written whole or not at all (a temporary file renamed into place).
 *
 * @param c       Receives the message and reports progress; its classification is not used.
 * @param path    The file to write (replaced when it exists).
 * @param options The seed, size, error share, convention and year.
 * @param written Receives what was written (may be NULL).
 * @return #IGO_OK; #IGO_ERROR_VALUE for options out of range; #IGO_ERROR_ARGUMENT for a NULL
 *         aggregation, path or options; #IGO_ERROR_IO when the file cannot be written;
 *         #IGO_ERROR_CANCELLED when the progress callback stopped it; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_claims_generate(igo_claims *c, const char *path,
                                      const igo_claims_synthetic *options,
                                      igo_claims_written *written);

IGO_END_DECLS

#endif
