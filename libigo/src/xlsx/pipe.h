/* A bounded queue of byte blocks from one producer thread to one consumer thread (pipe.c). */
#ifndef IGO_XLSX_PIPE_H
#define IGO_XLSX_PIPE_H

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define IGOI_PIPE_BLOCKS 4

/* A block: data[0..len) in use, cap allocated. The producer may grow data while it holds the
 * block (between claim and push). */
typedef struct igoi_block {
    char *data;
    size_t len, cap;
    double done; /* how much of the whole the producer has made (for progress) */
    int last;    /* the producer's final block */
} igoi_block;

typedef struct igoi_pipe {
    igoi_block blocks[IGOI_PIPE_BLOCKS];
    size_t head, full; /* the oldest full block, and how many are full */
    int closed;        /* the producer sends no more */
    int aborted;       /* the consumer takes no more */
    int ready;         /* lock and condition initialised */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} igoi_pipe;

/* Starts a thread running fn(arg) with every signal blocked in it, so that signals (Ctrl-C)
 * reach the caller's thread. 0 on success. */
int igoi_thread_start(pthread_t *thread, void *(*fn)(void *), void *arg);

/* Allocates the blocks, block_size bytes each. -1 when out of memory (p is then empty). */
int igoi_pipe_init(igoi_pipe *p, size_t block_size);
/* Frees the blocks; neither thread may use p any more. */
void igoi_pipe_free(igoi_pipe *p);

/* Producer: an empty block to fill (len 0), waiting for one; NULL once the consumer aborted. */
igoi_block *igoi_pipe_claim(igoi_pipe *p);
/* Producer: hands the claimed block to the consumer. */
void igoi_pipe_push(igoi_pipe *p);
/* Producer: no more blocks (after the last push, or instead of it after a failure). */
void igoi_pipe_close(igoi_pipe *p);

/* Consumer: the oldest full block, waiting for one; NULL when the producer closed and every
 * block was taken. */
igoi_block *igoi_pipe_next(igoi_pipe *p);
/* Consumer: the block from igoi_pipe_next is used up. */
void igoi_pipe_done(igoi_pipe *p);
/* Consumer: takes no more; a waiting or later claim returns NULL. */
void igoi_pipe_abort(igoi_pipe *p);

#endif
