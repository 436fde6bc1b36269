#ifndef IGO_QUANTILE_H
#define IGO_QUANTILE_H

#include <math.h>
#include <stddef.h>

/* The np percentiles p (0..100) of x[0..n) (n > 0): out[k] for p[k]. Reorders x; scratch holds
 * np values. */
void igoi_percentiles(double *x, size_t n, const double *p, size_t np, double *scratch,
                     double *out);

#endif
