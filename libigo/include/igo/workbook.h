/* The filled-in model as an Excel workbook: the seven sheets of the instapverdeelmodel, every
 * result a live formula on the input cells (with the core's figure as its cached value), so
 * that Excel or LibreOffice recalculating it shows the same cents as libigo. */
#ifndef IGO_WORKBOOK_H
#define IGO_WORKBOOK_H

#include "common.h"
#include "error.h"
#include "model.h"

IGO_BEGIN_DECLS

typedef enum igo_lang {
    IGO_LANG_NL = 0, /* Dutch sheet names and labels (the default) */
    IGO_LANG_EN = 1  /* English */
} igo_lang;

typedef struct igo_workbook_options {
    igo_lang lang;
} igo_workbook_options;

/* Writes the model (which must distribute: the workbook caches the core's figures) as an .xlsx
 * file. The file is written under a temporary name in the same directory, checked, and renamed
 * over path only when complete: a failure leaves no file behind and path untouched. options may
 * be NULL for the defaults. */
IGO_API igo_error igo_workbook_write(igo_model *model, const char *path,
                                     const igo_workbook_options *options);

IGO_END_DECLS

#endif
