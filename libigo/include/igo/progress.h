/**
 * @file progress.h
 * @brief Progress reports and cancellation of long calls (sweeps, Monte Carlo, workbooks).
 */
#ifndef IGO_PROGRESS_H
#define IGO_PROGRESS_H

#include "common.h"

IGO_BEGIN_DECLS

/**
 * @brief A progress callback: reports how far a long call is, and can stop it.
 *
 * Set on a model with igo_model_set_progress() (for igo_distribute_batch() and
 * igo_workbook_write()) or on a scenario set with igo_scenarios_set_progress() (for
 * igo_scenarios_uncertainty() and igo_scenarios_workbook_write()). During such a call the core
 * calls it now and then, at most about every 50 ms, on the calling thread, with the user_data
 * given to the setter and the fraction of the call's work done. A binding uses it to honour
 * Ctrl-C and to draw a progress bar.
 *
 * Return 0 to go on; anything else stops the call, which then returns #IGO_ERROR_CANCELLED
 * within a few milliseconds, having written no file (a batch keeps the rows it completed).
 *
 * The last step of writing a workbook (libxlsxwriter packing the XML into the zip) cannot stop
 * by itself. With a callback set, the core runs that step in a child process (fork()) which it
 * waits for, calling the callback meanwhile, and kills when the callback asks to stop. POSIX
 * systems only; when no process can be started, the step runs in the calling process and cannot
 * be stopped.
 *
 * The callback must not change or free the object whose call it reports on.
 *
 * @param user_data The pointer given to the setter, passed on unchanged.
 * @param done      The fraction of the call's work done, from 0 to 1.
 * @return 0 to go on, nonzero to stop the call.
 *
 * @code
 * static volatile sig_atomic_t interrupted;
 *
 * static int on_progress(void *user_data, double done)
 * {
 *     (void)user_data;
 *     fprintf(stderr, "\r%3.0f %%", done * 100);
 *     return interrupted;
 * }
 *
 * igo_model_set_progress(model, on_progress, NULL);
 * @endcode
 */
typedef int (*igo_progress_fn)(void *user_data, double done);

IGO_END_DECLS

#endif
