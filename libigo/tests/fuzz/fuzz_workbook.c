/* libFuzzer harness of the model workbook reader: reads the bytes into a new model and, when
 * the workbook is read, distributes it (the model's setters checked every value), then reads
 * and computes its transition.
 *
 * A mutated byte inside a zip member fails its CRC, and the model reader stops at the first
 * refused sheet: to reach the blocks behind it, the CRCs of stored (uncompressed) members are
 * recomputed before reading, in the local headers and in the central directory. The seeds
 * hold stored copies of the workbooks for this (libigo/tests/fuzz/make_seeds.py). */
#define _GNU_SOURCE
#include <igo/igo.h>
#include <string.h>
#include <zlib.h>

#include "fuzz_input.h"

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Recomputes the CRC of every stored member whose local header and data lie in the buffer. */
static void fix_crcs(uint8_t *z, size_t n)
{
    for (size_t i = 0; i + 30 <= n; i++) {
        if (memcmp(z + i, "PK\3\4", 4) == 0 && z[i + 8] == 0 && z[i + 9] == 0) {
            size_t data = i + 30 + (z[i + 26] | z[i + 27] << 8) + (z[i + 28] | z[i + 29] << 8);
            uint32_t len = get32(z + i + 18);
            if (data <= n && len <= n - data)
                put32(z + i + 14, (uint32_t)crc32(0, z + data, len));
        }
    }
    /* central entries copy their local header's CRC (offset 42 names the local header) */
    for (size_t i = 0; i + 46 <= n; i++) {
        if (memcmp(z + i, "PK\1\2", 4) != 0)
            continue;
        uint32_t local = get32(z + i + 42);
        if (local <= n - 30 && memcmp(z + local, "PK\3\4", 4) == 0 && z[local + 8] == 0)
            memcpy(z + i + 16, z + local + 14, 4);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        abort();
    memcpy(copy, data, size);
    if (size >= 30)
        fix_crcs(copy, size);
    const char *path = fuzz_input(copy, size);
    free(copy);
    igo_model *model = igo_model_new();
    if (!path || !model)
        abort();
    igo_lang lang = IGO_LANG_NL;
    igo_error e = igo_workbook_read(model, path, &lang);
    igo_transition *transition = NULL;
    if (e == IGO_OK) {
        igo_result *result = NULL;
        if (igo_distribute(model, &result) == IGO_OK)
            igo_result_free(result);
        /* and its transition, when it has one, computed */
        e = igo_workbook_read_transition(model, path, &transition);
        igo_transition_result *figures = NULL;
        if (transition && igo_transition_compute(transition, &figures) == IGO_OK)
            igo_transition_result_free(figures);
        igo_transition_free(transition);
    }
    if (e != IGO_OK && !igo_model_errmsg(model)[0])
        abort(); /* every refusal says why */
    igo_model_free(model);
    return 0;
}
