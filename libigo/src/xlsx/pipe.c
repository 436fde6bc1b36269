/* A bounded queue of byte blocks from one thread to another. The reader runs its stages on
 * threads joined by pipes (inflating, expat, the caller's handlers), so that a sheet is read on
 * both cores; the few blocks bound the memory in flight whatever the sheet's size. */
#include <signal.h>
#include <stdlib.h>

#include "pipe.h"

int igoi_thread_start(pthread_t *thread, void *(*fn)(void *), void *arg)
{
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(thread, NULL, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

int igoi_pipe_init(igoi_pipe *p, size_t block_size)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < IGOI_PIPE_BLOCKS; i++) {
        p->blocks[i].data = malloc(block_size);
        if (!p->blocks[i].data) {
            igoi_pipe_free(p);
            return -1;
        }
        p->blocks[i].cap = block_size;
    }
    if (pthread_mutex_init(&p->lock, NULL)) {
        igoi_pipe_free(p);
        return -1;
    }
    if (pthread_cond_init(&p->changed, NULL)) {
        pthread_mutex_destroy(&p->lock);
        igoi_pipe_free(p);
        return -1;
    }
    p->ready = 1;
    return 0;
}

void igoi_pipe_free(igoi_pipe *p)
{
    for (size_t i = 0; i < IGOI_PIPE_BLOCKS; i++)
        free(p->blocks[i].data);
    if (p->ready) {
        pthread_cond_destroy(&p->changed);
        pthread_mutex_destroy(&p->lock);
    }
    memset(p, 0, sizeof *p);
}

igoi_block *igoi_pipe_claim(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->full == IGOI_PIPE_BLOCKS && !p->aborted)
        pthread_cond_wait(&p->changed, &p->lock);
    igoi_block *b = p->aborted ? NULL : &p->blocks[(p->head + p->full) % IGOI_PIPE_BLOCKS];
    pthread_mutex_unlock(&p->lock);
    if (b)
        b->len = 0, b->done = 0, b->last = 0;
    return b;
}

void igoi_pipe_push(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    p->full++;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

void igoi_pipe_close(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    p->closed = 1;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

igoi_block *igoi_pipe_next(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    while (!p->full && !p->closed)
        pthread_cond_wait(&p->changed, &p->lock);
    igoi_block *b = p->full ? &p->blocks[p->head] : NULL;
    pthread_mutex_unlock(&p->lock);
    return b;
}

void igoi_pipe_done(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    p->head = (p->head + 1) % IGOI_PIPE_BLOCKS;
    p->full--;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

void igoi_pipe_abort(igoi_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    p->aborted = 1;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}
