#define _POSIX_C_SOURCE 200809L /* lstat */
/* Writing a file safely: into a temporary file next to the target, renamed into place only when
 * complete (the workbook writers, the claims generator). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

igo_error igoi_check_target(char *errmsg, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0 || S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
        return IGO_OK;
    return igoi_fail(errmsg, IGO_ERROR_IO, "%s: is a %s, not a file; not replacing it", path,
                     S_ISDIR(st.st_mode) ? "directory" : "device, pipe or socket");
}

igo_error igoi_temp_file(char *errmsg, const char *path, char **tmp, int *fd)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0, n = strlen(path) + 48;
    int keep = (int)igoi_utf8_fit(path + dir, 200);
    if (!(*tmp = malloc(n)))
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    *fd = -1;
    for (unsigned i = 0; *fd < 0 && i < 1000; i++) {
        snprintf(*tmp, n, "%.*s.%.*s.%ld.%u.tmp", (int)dir, path, keep, path + dir,
                 (long)getpid(), i);
        *fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (*fd < 0 && errno != EEXIST)
            break;
    }
    if (*fd >= 0)
        return IGO_OK;
    igo_error e = igoi_fail(errmsg, IGO_ERROR_IO, "%s: cannot write in this directory: %s", path,
                            strerror(errno));
    free(*tmp), *tmp = NULL;
    return e;
}
