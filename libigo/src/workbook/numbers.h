/* Numbers in a written workbook as their shortest text (numbers.c). */
#ifndef IGO_WB_NUMBERS_H
#define IGO_WB_NUMBERS_H

#include "../internal.h"

/* Rewrites the closed book at tmp (through a second temporary file next to path, renamed over
 * tmp) so that every number value of a sheet's cells is the shortest text that reads back as the
 * same double; every other member is copied unchanged, in the same order. tk may stop it. A
 * failure leaves tmp as it was and no other file; the message, naming path, goes to errmsg. */
igo_error igoi_wb_short_numbers(char *errmsg, const char *tmp, const char *path, igo_ticker *tk);

#endif
