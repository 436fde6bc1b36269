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
/* IGO_API marks the public API: the shared library exports these symbols and no others (it is
 * built with -fvisibility=hidden). */
#if defined(_WIN32) && defined(IGO_SHARED_BUILD)
#define IGO_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define IGO_API __attribute__((visibility("default")))
#else
#define IGO_API
#endif

#endif

/* IGO_API marks the public API: the shared library exports these symbols and no others (it is
 * built with -fvisibility=hidden). */
#if defined(_WIN32) && defined(IGO_SHARED_BUILD)
#define IGO_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define IGO_API __attribute__((visibility("default")))
#else
#define IGO_API
#endif

#endif
