/* A streaming CSV reader for files from other organisations (csv.c). Not installed. */
#ifndef IGO_CLAIMS_CSV_H
#define IGO_CLAIMS_CSV_H

#include "../internal.h"

/* A field of a record: s[0..n) followed by a NUL (a field holds no NUL: the reader refuses it). */
typedef struct {
    const char *s;
    size_t n;
} igoi_field;

typedef struct igoi_csv igoi_csv;

/* Receives each record that is not blank (a blank one has only empty or space-only fields).
 * Returns IGO_OK to go on; anything else stops the read with that error, whose message the
 * callback wrote to csv->errmsg. */
typedef igo_error (*igoi_record_fn)(igoi_csv *csv, const igoi_field *fields, size_t n);

struct igoi_csv {
    /* set by the caller */
    const char *name;  /* the file, as named in messages */
    char *errmsg;      /* IGO_ERRMSG_SIZE bytes */
    int windows_1252;  /* decode bytes as Windows-1252; otherwise UTF-8 is checked */
    char delimiter;    /* 0: detect from the header line (';', ',' or tab) */
    igoi_record_fn on_record;
    void *user;
    igo_callback progress;
    /* while a record is handed over: the line it starts on (1-based), and the fraction of the
     * input read once the chunk being scanned is done */
    uint64_t line;
    double done;
    /* the reader's own state */
    struct igoi_csv_state *state;
};

/* Whether a header field names the column (case-insensitively, ignoring surrounding blanks). */
int igoi_header_is(const igoi_field *f, const char *name);

/* Reads the regular file at path. */
igo_error igoi_csv_read_path(igoi_csv *csv, const char *path);
/* The same for CSV text in memory. */
igo_error igoi_csv_read_buffer(igoi_csv *csv, const char *data, size_t size);

#endif
