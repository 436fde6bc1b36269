/* The fuzzers' input file: libFuzzer hands over bytes, the reader takes a path. The bytes go to
 * an anonymous in-memory file (memfd) per process, named by its /proc/self/fd path, so parallel
 * fuzzers never share a file and nothing touches the disk. */
#ifndef IGO_FUZZ_INPUT_H
#define IGO_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* The path holding data, or NULL when the file cannot be written (the harness then skips). */
static const char *fuzz_input(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("igo-fuzz", MFD_CLOEXEC);
        if (fd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0)
        return NULL;
    for (size_t done = 0; done < size;) {
        ssize_t n = pwrite(fd, data + done, size - done, (off_t)done);
        if (n <= 0)
            return NULL;
        done += (size_t)n;
    }
    return path;
}

#endif
