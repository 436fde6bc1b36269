#define _POSIX_C_SOURCE 200809L /* fork, waitpid, kill, nanosleep */
/* Closing a book: libxlsxwriter's workbook_close writes all the XML and deflates it into the zip,
 * which for a large region takes seconds and has no way to stop. When the caller can stop the
 * call (a progress callback is set), the close runs in a child process that the core starts and
 * reaps itself: the calling thread asks the callback every 50 ms, and on a stop kills the child,
 * so that Ctrl-C takes effect at once and the unfinished file is removed by the caller. */
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wb.h"

/* The child's exit status for a close that failed in an unexpected way. */
enum { CHILD_FAILED = 125 };

static void pause_briefly(void)
{
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

/* Waits for the child that closes the book; kills it when the callback asks to stop. */
static lxw_error await(wb *w, pid_t child)
{
    for (;;) {
        int status;
        pid_t got = waitpid(child, &status, WNOHANG);
        if (got == child)
            return WIFEXITED(status) && WEXITSTATUS(status) != CHILD_FAILED
                       ? (lxw_error)WEXITSTATUS(status)
                       : LXW_ERROR_CREATING_XLSX_FILE;
        if (got < 0 && errno == ECHILD) /* reaped by the program (SIGCHLD ignored): the zip */
            return LXW_NO_ERROR;         /* check that follows tells whether it is complete */
        if (got < 0 && errno != EINTR)
            return LXW_ERROR_CREATING_XLSX_FILE;
        if (w->tk.fn(w->tk.data, (double)WB_SHEETS / (WB_SHEETS + 1))) {
            kill(child, SIGKILL);
            while (waitpid(child, &status, 0) < 0 && errno == EINTR)
                ;
            w->cancelled = 1;
            return LXW_NO_ERROR;
        }
        pause_briefly();
    }
}

lxw_error wb_close(wb *w)
{
    if (!w->tk.fn)
        return workbook_close(w->book);
    pid_t child = fork();
    if (child < 0) /* no process to spare: close it here, without a way to stop */
        return workbook_close(w->book);
    if (child == 0) {
        lxw_error e = workbook_close(w->book);
        _exit((int)e < CHILD_FAILED ? (int)e : CHILD_FAILED);
    }
    lxw_workbook_free(w->book); /* this process's copy, unwritten */
    return await(w, child);
}
