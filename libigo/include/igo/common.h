/* Shared definitions for the libigo public headers. */
#ifndef IGO_COMMON_H
#define IGO_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* C++ callers see C linkage. The CFFI build strips these two markers, so they stay plain words. */
#ifdef __cplusplus
#define IGO_BEGIN_DECLS extern "C" {
#define IGO_END_DECLS }
#else
#define IGO_BEGIN_DECLS
#define IGO_END_DECLS
#endif

#endif
