#define _POSIX_C_SOURCE 200809L /* fork, waitpid, kill, nanosleep */
/* Closing a book: libxlsxwriter's workbook_close writes all the XML and deflates it into the zip,
 * which for a large region takes seconds and has no way to stop. When the caller can stop the
 * call (a progress callback is set), the close runs in a child process that the core starts and
 * reaps itself: the calling thread asks the callback every 50 ms, and on a stop kills the child,
 * so that Ctrl-C takes effect at once and the unfinished file is removed by the caller. The child
 * also keeps libxlsxwriter's own [ERROR] lines off the caller's stderr: it hands the outcome and
 * the system's reason back through a pipe, and the caller's message says it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wb.h"

/* What the child reports: libxlsxwriter's result and errno after it. */
typedef struct outcome {
    int error, os_error;
} outcome;

static void pause_briefly(void)
{
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

static void reap(pid_t child)
{
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
}

/* In the child: closes the book with stderr silenced and reports how it went. */
static void close_in_child(wb *w, int report)
{
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0)
        dup2(null, STDERR_FILENO);
    lxw_error e = workbook_close(w->book);
    outcome got = {(int)e, e ? errno : 0};
    ssize_t n = write(report, &got, sizeof got);
    _exit(n == (ssize_t)sizeof got ? 0 : 1);
}

/* Waits for the child that closes the book; kills it when the callback asks to stop. */
static lxw_error await(wb *w, pid_t child, int report, int *os_error)
{
    for (;;) {
        int status;
        pid_t got = waitpid(child, &status, WNOHANG);
        if (got == child || (got < 0 && errno == ECHILD)) { /* ECHILD: SIGCHLD is ignored */
            outcome result;
            if (read(report, &result, sizeof result) != (ssize_t)sizeof result)
                return LXW_ERROR_CREATING_XLSX_FILE; /* the child died without a word */
            *os_error = result.os_error;
            return (lxw_error)result.error;
        }
        if (got < 0 && errno != EINTR)
            return LXW_ERROR_CREATING_XLSX_FILE;
        if (w->tk.fn(w->tk.data, (double)WB_SHEETS / (WB_SHEETS + 1))) {
            kill(child, SIGKILL);
            reap(child);
            w->cancelled = 1;
            return LXW_NO_ERROR;
        }
        pause_briefly();
    }
}

/* A pipe for the child's report: never inherited by a program another thread starts, and read
 * without waiting (the report is there once the child has ended, or never). */
static int open_report(int report[2])
{
    if (pipe(report) != 0)
        return -1;
    fcntl(report[0], F_SETFD, FD_CLOEXEC);
    fcntl(report[1], F_SETFD, FD_CLOEXEC);
    fcntl(report[0], F_SETFL, O_NONBLOCK);
    return 0;
}

lxw_error igoi_wb_close(wb *w, int *os_error)
{
    int report[2];
    pid_t child = -1;
    if (w->tk.fn && open_report(report) == 0) {
        child = fork();
        if (child == 0)
            close_in_child(w, report[1]);
        close(report[1]);
        if (child < 0)
            close(report[0]);
    }
    if (child < 0) { /* no callback, or no process to spare: close it here */
        lxw_error e = workbook_close(w->book);
        *os_error = e ? errno : 0;
        return e;
    }
    lxw_workbook_free(w->book); /* this process's copy, unwritten */
    lxw_error e = await(w, child, report[0], os_error);
    close(report[0]);
    return e;
}
