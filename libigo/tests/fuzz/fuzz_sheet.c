/* libFuzzer harness of the streaming xlsx reader: opens the bytes as a workbook and reads every
 * sheet, touching every cell (and every byte of its text) so that ASan sees any bad pointer. */
#define _GNU_SOURCE
#include <igo/igo.h>
#include <string.h>

#include "fuzz_input.h"

typedef struct {
    uint64_t sum;
    uint32_t last_row;
    int rows;
} touched;

static int on_row(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    touched *s = data;
    /* the reader promises increasing rows and columns: a broken promise is a bug */
    if (s->rows++ && row <= s->last_row)
        abort();
    s->last_row = row;
    for (size_t i = 0; i < count; i++) {
        const igo_cell *c = &cells[i];
        if (i && c->column <= cells[i - 1].column)
            abort();
        if (c->column >= IGO_XLSX_MAX_COLUMNS || row >= IGO_XLSX_MAX_ROWS)
            abort();
        if (strlen(c->text) != c->length)
            abort();
        for (size_t k = 0; k < c->length; k++)
            s->sum += (unsigned char)c->text[k];
        s->sum += (uint64_t)c->type + (uint64_t)c->formula + (uint64_t)(c->number != 0);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_input(data, size);
    igo_xlsx *book = igo_xlsx_new();
    if (!path || !book)
        abort();
    if (igo_xlsx_open(book, path) == IGO_OK) {
        for (size_t i = 0; i < igo_xlsx_sheet_count(book); i++) {
            touched s = {0, 0, 0};
            size_t index;
            /* every sheet is found again by its own name */
            if (igo_xlsx_sheet_index(book, igo_xlsx_sheet_name(book, i), &index) != IGO_OK)
                abort();
            igo_xlsx_read_sheet(book, i, on_row, &s);
        }
        igo_xlsx_defined_name(book, "Prestaties");
    }
    if (strlen(igo_xlsx_errmsg(book)) >= 1024)
        abort();
    igo_xlsx_free(book);
    return 0;
}
