#define _POSIX_C_SOURCE 200809L /* clock_gettime */
/* Progress reports and cancellation for long calls: the work counter is cheap, the clock is read
 * only every 65536 units of work, and the callback is called at most every 50 ms, so that a
 * binding can check for Ctrl-C (and draw a progress bar) without slowing the loops down. */
#include <time.h>

#include "internal.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

igo_error igoi_callback_set(igo_callback *cb, igo_progress_fn fn, void *data)
{
    if (!cb)
        return IGO_ERROR_ARGUMENT;
    cb->fn = fn;
    cb->data = data;
    return IGO_OK;
}

igo_ticker igoi_ticker_start(igo_callback cb)
{
    igo_ticker t = {cb.fn, cb.data, 0, cb.fn ? now() : 0};
    return t;
}

int igoi_tick(igo_ticker *t, uint64_t units, double done)
{
    if (!t->fn)
        return 0;
    t->units += units;
    if (t->units < 65536)
        return 0;
    t->units = 0;
    double at = now();
    if (at - t->last < 0.05)
        return 0;
    t->last = at;
    return t->fn(t->data, done < 0 ? 0 : done > 1 ? 1 : done) != 0;
}
