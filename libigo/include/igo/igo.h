/* libigo: the instapverdeelmodel for integral birth care, in C.
 *
 * One umbrella header. Objects are created with *_new and freed with one *_free call; every
 * fallible call returns an igo_error and leaves a detailed message on the object. There is no
 * global mutable state: distinct models may be used from distinct threads at once. */
#ifndef IGO_IGO_H
#define IGO_IGO_H

#include "common.h"
#include "error.h"
#include "progress.h"
#include "round.h"
#include "model.h"
#include "distribute.h"
#include "workbook.h"
#include "scenario.h"

IGO_BEGIN_DECLS

/* The library version, "MAJOR.MINOR.PATCH". */
const char *igo_version(void);

IGO_END_DECLS

#endif
