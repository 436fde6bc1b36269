/**
 * @file xlsx.h
 * @brief Reading xlsx workbooks: a streaming sheet reader, safe on untrusted files.
 *
 * An igo_xlsx opens one workbook (an Office Open XML spreadsheet: a zip of XML parts) and streams
 * the rows of any of its sheets as typed cells. The zip is read with minizip and the XML with
 * expat, part by part and never held whole: memory grows with the shared-string table and one
 * row, not with the sheet. Every file is treated as untrusted: the reader refuses, with a message
 * naming the part (and line, or cell) that is wrong,
 *
 * - a file that is not a zip, or a truncated or corrupt one (bad central directory, bad CRC);
 * - an encrypted workbook (an OLE compound file), an old .xls, an .xlsb or an .ods, each named;
 * - a part that inflates beyond #IGO_XLSX_MAX_PART bytes, or beyond #IGO_XLSX_MAX_RATIO times its
 *   compressed size (a zip bomb), checked while inflating;
 * - XML with a document type declaration (no entity is ever expanded or fetched), nesting deeper
 *   than #IGO_XLSX_MAX_DEPTH, malformed XML, an encoding other than UTF-8 or UTF-16;
 * - cell references beyond XFD1048576, rows out of order, a cell given twice, a shared-string
 *   index out of range, more than #IGO_XLSX_MAX_STRINGS shared strings.
 *
 * Threads: while a part is read, it inflates on a helper thread of the reader's own (with every
 * signal blocked, so that Ctrl-C reaches the caller's thread), which ends before the call
 * returns; callbacks (rows, progress) run on the calling thread. Use one igo_xlsx from one thread
 * at a time; distinct readers may be used from distinct threads at once. Link with -pthread
 * (pkg-config says so).
 *
 * @code
 * igo_xlsx *book = igo_xlsx_new();
 * size_t sheet;
 * if (igo_xlsx_open(book, "claims.xlsx") != IGO_OK ||
 *     igo_xlsx_sheet_index(book, "Declaraties", &sheet) != IGO_OK ||
 *     igo_xlsx_read_sheet(book, sheet, on_row, &state) != IGO_OK)
 *     fprintf(stderr, "%s\n", igo_xlsx_errmsg(book));
 * igo_xlsx_free(book);
 * @endcode
 */
#ifndef IGO_XLSX_H
#define IGO_XLSX_H

#include "common.h"
#include "error.h"
#include "progress.h"

IGO_BEGIN_DECLS

/** Limits of the reader on untrusted files. */
enum igo_xlsx_limit {
    /** The most bytes one part of the zip may inflate to (1 GiB). */
    IGO_XLSX_MAX_PART = 1 << 30,
    /** The most a part larger than 1 MiB may inflate relative to its compressed size. */
    IGO_XLSX_MAX_RATIO = 1000,
    /** The deepest nesting of XML elements in a part. */
    IGO_XLSX_MAX_DEPTH = 64,
    /** The most shared strings a workbook may hold. */
    IGO_XLSX_MAX_STRINGS = 1 << 24,
    /** The most rows of a sheet (Excel's limit, as a 1-based row number). */
    IGO_XLSX_MAX_ROWS = 1048576,
    /** The most columns of a sheet (Excel's limit: XFD). */
    IGO_XLSX_MAX_COLUMNS = 16384,
    /** igo_xlsx_read_table(): a table of up to this many cells (rows times columns, empty ones
     * included) is always allowed ... */
    IGO_XLSX_TABLE_FREE_CELLS = 1 << 24,
    /** ... and a larger one only while it holds at most this many cells per cell the sheet gives
     * (so that a few cells far apart cannot make a huge table). */
    IGO_XLSX_TABLE_SPARSITY = 64
};

/** A workbook opened for reading. */
typedef struct igo_xlsx igo_xlsx;

/** What a cell holds. */
typedef enum igo_cell_type {
    /** No value: a formula without a cached value (formula is 1), or an empty inline string
     * element. Cells that carry only a style are not reported at all. */
    IGO_CELL_EMPTY = 0,
    /** A number (dates and times too: Excel serial numbers, see igo_xlsx_date1904()). */
    IGO_CELL_NUMBER = 1,
    /** A text: a shared string, an inline string, rich text runs joined, or a formula's text. */
    IGO_CELL_STRING = 2,
    /** TRUE or FALSE: number is 1 or 0. */
    IGO_CELL_BOOLEAN = 3,
    /** An error value: text is its name ("#N/A", "#DIV/0!", ...). */
    IGO_CELL_ERROR = 4
} igo_cell_type;

/** One cell of a row, as igo_xlsx_read_sheet() reports it. */
typedef struct igo_cell {
    uint32_t column;    /**< 0-based column (0 is A) */
    igo_cell_type type; /**< what the cell holds */
    int formula;        /**< 1 when the cell holds a formula: the value is its cached result */
    double number;      /**< #IGO_CELL_NUMBER: the value; #IGO_CELL_BOOLEAN: 1 or 0; else 0 */
    const char *text;   /**< #IGO_CELL_STRING and #IGO_CELL_ERROR: UTF-8, NUL-terminated, valid
                             during the callback only; "" otherwise */
    size_t length;      /**< the bytes of text, without the NUL */
} igo_cell;

/**
 * @brief Receives one row of a sheet.
 *
 * @param user_data What was given to igo_xlsx_read_sheet().
 * @param row       The 0-based row number. Rows come in increasing order; rows without any
 *                  reported cell are skipped.
 * @param cells     The row's cells in increasing column order, valid during the call only.
 * @param count     The number of cells (at least 1).
 * @return 0 to go on; anything else stops the reading, which then returns #IGO_ERROR_CANCELLED.
 */
typedef int (*igo_row_fn)(void *user_data, uint32_t row, const igo_cell *cells, size_t count);

/**
 * @brief A new reader with no workbook open.
 * @return The reader, owned by the caller (igo_xlsx_free()), or NULL when out of memory.
 */
IGO_API igo_xlsx *igo_xlsx_new(void);

/**
 * @brief Closes the workbook and frees the reader.
 * @param book A reader, or NULL (then nothing happens).
 */
IGO_API void igo_xlsx_free(igo_xlsx *book);

/**
 * @brief The detailed message of the reader's last failing call.
 * @param book A reader, or NULL.
 * @return The message, "" when the last call succeeded; owned by the reader and valid until its
 *         next call. It names the file, and the part, sheet, line or cell where that applies.
 */
IGO_API const char *igo_xlsx_errmsg(const igo_xlsx *book);

/**
 * @brief Sets the progress callback for igo_xlsx_read_sheet().
 * @param book      The reader.
 * @param progress  The callback, or NULL for none (see igo_progress_fn); done is the fraction of
 *                  the sheet's XML read.
 * @param user_data Given to the callback.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL reader.
 */
IGO_API igo_error igo_xlsx_set_progress(igo_xlsx *book, igo_progress_fn progress, void *user_data);

/**
 * @brief Opens a workbook: reads its list of sheets, defined names, date system and shared
 * strings.
 *
 * Any workbook open before is closed first. Only a regular file is read.
 *
 * @param book The reader.
 * @param path The file.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL reader or path;
 *         #IGO_ERROR_IO when the file cannot be read, is not a regular file, or is no xlsx (an
 *         encrypted workbook, an .xls, .xlsb or .ods, not a zip, a corrupt zip, a missing part);
 *         #IGO_ERROR_VALUE for malformed XML or content against the format (named with the part
 *         and line);
 *         #IGO_ERROR_LIMIT for a part or string table beyond the limits (#igo_xlsx_limit);
 *         #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_xlsx_open(igo_xlsx *book, const char *path);

/**
 * @brief The number of sheets of the open workbook (worksheets only, not chart sheets).
 * @param book The reader, or NULL.
 * @return The count; 0 when none is open.
 */
IGO_API size_t igo_xlsx_sheet_count(const igo_xlsx *book);

/**
 * @brief A sheet's name.
 * @param book  The reader.
 * @param index The sheet's 0-based index, in the workbook's order.
 * @return The name (UTF-8, owned by the reader, valid until it is closed), or NULL for an index
 *         out of range.
 */
IGO_API const char *igo_xlsx_sheet_name(const igo_xlsx *book, size_t index);

/**
 * @brief Finds a sheet by name (exactly, as Excel compares: case-insensitively in ASCII).
 * @param book  The reader.
 * @param name  The sheet's name.
 * @param index Receives the sheet's 0-based index.
 * @return #IGO_OK; #IGO_ERROR_UNKNOWN when no sheet has that name (the message lists them);
 *         #IGO_ERROR_ARGUMENT for a NULL pointer.
 */
IGO_API igo_error igo_xlsx_sheet_index(igo_xlsx *book, const char *name, size_t *index);

/**
 * @brief Whether the workbook counts dates from 1904 (the old Mac date system).
 * @param book The reader.
 * @return 1 for the 1904 date system, 0 for the 1900 one (or no workbook open).
 */
IGO_API int igo_xlsx_date1904(const igo_xlsx *book);

/**
 * @brief A workbook-wide defined name's formula.
 * @param book The reader.
 * @param name The defined name (case-insensitive in ASCII, as Excel compares them).
 * @return Its formula as stored, without a leading '=' (for example
 *         "'Invoertabblad - verdeling'!$B$10:$D$18"), owned by the reader; NULL when the
 *         workbook defines no such name (names local to one sheet are not returned).
 */
IGO_API const char *igo_xlsx_defined_name(const igo_xlsx *book, const char *name);

/**
 * @brief Streams the rows of a sheet to a callback.
 *
 * Rows come in order, each with its cells sorted by column. Memory stays bounded by one row.
 *
 * @param book      The reader, with a workbook open.
 * @param index     The sheet's 0-based index.
 * @param on_row    Called once per row that has at least one reported cell.
 * @param user_data Given to on_row.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL pointer, no workbook open, or an index out of range;
 *         #IGO_ERROR_CANCELLED when on_row or the progress callback asked to stop;
 *         #IGO_ERROR_IO, #IGO_ERROR_VALUE, #IGO_ERROR_LIMIT as for igo_xlsx_open() (the message
 *         names the sheet and cell);
 *         #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_xlsx_read_sheet(igo_xlsx *book, size_t index, igo_row_fn on_row,
                                      void *user_data);

/**
 * @brief A sheet read whole into columns (igo_xlsx_read_table()).
 *
 * The table is the rectangle from A1 to the last row and the last column that hold a value
 * (a cell of type #IGO_CELL_EMPTY does not count); each of its columns is three arrays of one
 * entry per row: the cell's type (an #igo_cell_type), its number, and for texts the id of the
 * text in the table's string pool. Every distinct text is kept once, however often it occurs.
 */
typedef struct igo_xlsx_table igo_xlsx_table;

/**
 * @brief Reads a sheet whole into a table of columns, for callers that want all of it (a data
 * frame) rather than rows one by one.
 *
 * Memory is that of the table: 9 bytes per cell (13 in a column with texts) and each distinct
 * text once. A sheet whose cells lie so far apart that the table would be more than
 * #IGO_XLSX_TABLE_SPARSITY times larger than the cells given (and beyond
 * #IGO_XLSX_TABLE_FREE_CELLS cells) is refused.
 *
 * @param book  The reader, with a workbook open.
 * @param index The sheet's 0-based index.
 * @param out   Receives the table, owned by the caller (igo_xlsx_table_free()); NULL on failure.
 * @return #IGO_OK; the errors of igo_xlsx_read_sheet(), and #IGO_ERROR_LIMIT for a table too
 *         sparse (the message names the cell).
 */
IGO_API igo_error igo_xlsx_read_table(igo_xlsx *book, size_t index, igo_xlsx_table **out);

/**
 * @brief Frees a table.
 * @param table A table, or NULL (then nothing happens).
 */
IGO_API void igo_xlsx_table_free(igo_xlsx_table *table);

/**
 * @brief The number of rows of a table: the last row holding a value, plus one.
 * @param table The table, or NULL (0).
 * @return The rows; 0 for a sheet without values.
 */
IGO_API size_t igo_xlsx_table_rows(const igo_xlsx_table *table);

/**
 * @brief The number of columns of a table: the last column holding a value, plus one.
 * @param table The table, or NULL (0).
 * @return The columns; 0 for a sheet without values.
 */
IGO_API size_t igo_xlsx_table_columns(const igo_xlsx_table *table);

/**
 * @brief The types of a column's cells.
 * @param table  The table.
 * @param column The 0-based column.
 * @return igo_xlsx_table_rows() entries, each an #igo_cell_type (#IGO_CELL_EMPTY where the sheet
 *         has no value), owned by the table; NULL for a column out of range.
 */
IGO_API const uint8_t *igo_xlsx_table_types(const igo_xlsx_table *table, size_t column);

/**
 * @brief The numbers of a column's cells.
 * @param table  The table.
 * @param column The 0-based column.
 * @return igo_xlsx_table_rows() entries: a number cell's value, 1 or 0 for a boolean, NaN for
 *         any other cell (so a column of numbers is ready to use as it is); owned by the table;
 *         NULL for a column out of range.
 */
IGO_API const double *igo_xlsx_table_numbers(const igo_xlsx_table *table, size_t column);

/**
 * @brief The text ids of a column's cells.
 * @param table  The table.
 * @param column The 0-based column.
 * @return igo_xlsx_table_rows() entries: for a text or error cell the id of its text (see
 *         igo_xlsx_table_string()), 0 for any other cell; owned by the table. NULL for a column
 *         out of range or without any text or error cell.
 */
IGO_API const uint32_t *igo_xlsx_table_string_ids(const igo_xlsx_table *table, size_t column);

/**
 * @brief How many cells of a column have a type.
 * @param table  The table.
 * @param column The 0-based column.
 * @param type   The type.
 * @return The count; 0 for a column or type out of range.
 */
IGO_API size_t igo_xlsx_table_count(const igo_xlsx_table *table, size_t column,
                                    igo_cell_type type);

/**
 * @brief The number of distinct texts of a table (texts of cells and names of errors).
 * @param table The table, or NULL (0).
 * @return The count; ids run from 0 to the count less one.
 */
IGO_API size_t igo_xlsx_table_string_count(const igo_xlsx_table *table);

/**
 * @brief A text of a table's string pool.
 * @param table  The table.
 * @param id     The text's id.
 * @param length Receives its length in bytes (without the NUL); may be NULL.
 * @return The text (UTF-8, NUL-terminated, owned by the table), or NULL for an id out of range.
 */
IGO_API const char *igo_xlsx_table_string(const igo_xlsx_table *table, size_t id,
                                          size_t *length);

/**
 * @brief A cell reference as a spreadsheet writes it ("A1", "XFD1048576").
 * @param row    The 0-based row.
 * @param column The 0-based column.
 * @param out    Receives the reference; at least 12 bytes.
 * @return out.
 */
IGO_API char *igo_xlsx_cell_name(uint32_t row, uint32_t column, char out[12]);

IGO_END_DECLS

#endif
