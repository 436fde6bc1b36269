/* libigo: the instapverdeelmodel for integral birth care, in C.
 *
 * One umbrella header. Objects are created with *_new and freed with one *_free call; every
 * fallible call returns an igo_error and leaves a detailed message on the object. There is no
 * global mutable state: distinct models may be used from distinct threads at once. */
#ifndef IGO_IGO_H
#define IGO_IGO_H

/* The library version. This is the one place it is written: the build reads it from here for the
 * shared library's name, the pkg-config file and the Python package. */
#define IGO_VERSION_MAJOR 0
#define IGO_VERSION_MINOR 2
#define IGO_VERSION_PATCH 0
#define IGO_VERSION "0.2.0"

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
IGO_API const char *igo_version(void);

IGO_END_DECLS

#endif
