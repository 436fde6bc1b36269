/* Progress reports and cancellation of long calls (sweeps, Monte Carlo, writing workbooks). */
#ifndef IGO_PROGRESS_H
#define IGO_PROGRESS_H

#include "common.h"

IGO_BEGIN_DECLS

/* A progress callback, set on a model (igo_model_set_progress) or a scenario set
 * (igo_scenarios_set_progress). During a long call on that object the core calls it now and then
 * (about every 50 ms) with user_data and done, the fraction of the call's work done (0..1), on the
 * calling thread. Return 0 to go on; anything else stops the call, which then returns
 * IGO_ERROR_CANCELLED within a few milliseconds, having written no file. A binding uses it to
 * honour Ctrl-C and to draw a progress bar.
 *
 * The last step of writing a workbook (libxlsxwriter packing the XML into the zip) cannot stop
 * by itself; with a callback set, the core runs that step in a child process (fork) which it
 * waits for, or kills when the callback asks to stop. POSIX systems only. */
typedef int (*igo_progress_fn)(void *user_data, double done);

IGO_END_DECLS

#endif
