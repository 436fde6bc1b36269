/**
 * @file common.h
 * @brief Definitions shared by the libigo public headers: C linkage and symbol export.
 *
 * Every other public header includes this one, and with it `<stddef.h>` (for `size_t`) and
 * `<stdint.h>` (for `int64_t` and `uint64_t`). Programs include the umbrella header igo.h.
 */
#ifndef IGO_COMMON_H
#define IGO_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* C++ callers see C linkage. The CFFI build strips these two markers, so they stay plain words. */
#ifdef __cplusplus
#define IGO_BEGIN_DECLS extern "C" {
#define IGO_END_DECLS }
#else
/**
 * @brief Opens the declarations of a public header.
 *
 * Expands to `extern "C" {` when compiled as C++, so that C++ programs call the library with C
 * linkage, and to nothing in C. Every public header wraps its declarations in IGO_BEGIN_DECLS
 * and IGO_END_DECLS. The CFFI build of the Python bindings strips both markers.
 */
#define IGO_BEGIN_DECLS
/**
 * @brief Closes the declarations opened by IGO_BEGIN_DECLS.
 *
 * Expands to `}` when compiled as C++, and to nothing in C.
 */
#define IGO_END_DECLS
#endif

/* IGO_API marks the public API: the shared library exports these symbols and no others (it is
 * built with -fvisibility=hidden). */
#if defined(__GNUC__) || defined(__clang__)
#define IGO_API __attribute__((visibility("default")))
#else
/**
 * @brief Marks a declaration as part of the public API.
 *
 * The shared library is built with `-fvisibility=hidden` and exports the functions declared
 * with IGO_API and no other symbol. With GCC and Clang it expands to
 * `__attribute__((visibility("default")))`, with other compilers to nothing.
 * The CFFI build of the Python bindings strips it.
 */
#define IGO_API
#endif

#endif
