/**
 * @file igo.h
 * @brief libigo: the instapverdeelmodel for integral birth care, in C. The umbrella header.
 *
 * Include this one header; it includes all the others. Objects are created with a *_new call
 * and freed with one *_free call; every fallible call returns an igo_error and leaves a
 * detailed message on the object (igo_model_errmsg(), igo_scenarios_errmsg()). There is no
 * global mutable state: distinct objects may be used from distinct threads at once, each
 * object from one thread at a time. See the main page for an overview and an example.
 */
#ifndef IGO_IGO_H
#define IGO_IGO_H

/* The library version. This is the one place it is written: the build reads it from here for the
 * shared library's name, the pkg-config file and the Python package. */

/** @brief The major version of the headers; the shared library's soname is libigo.so.MAJOR. */
#define IGO_VERSION_MAJOR 0
/** @brief The minor version of the headers. */
#define IGO_VERSION_MINOR 4
/** @brief The patch version of the headers. */
#define IGO_VERSION_PATCH 0
/**
 * @brief The version of the headers as a string, "MAJOR.MINOR.PATCH".
 *
 * The version a program was compiled against; igo_version() gives that of the library it runs
 * with.
 */
#define IGO_VERSION "0.4.0"

#include "common.h"
#include "error.h"
#include "progress.h"
#include "round.h"
#include "model.h"
#include "distribute.h"
#include "workbook.h"
#include "scenario.h"
#include "xlsx.h"
#include "claims.h"
#include "transition.h"

IGO_BEGIN_DECLS

/**
 * @brief The version of the library the program runs with.
 *
 * This may differ from #IGO_VERSION, the version the program was compiled against, when the
 * shared library was replaced.
 *
 * @return "MAJOR.MINOR.PATCH", a static string.
 */
IGO_API const char *igo_version(void);

IGO_END_DECLS

#endif
