/* Percentiles of a large array without sorting it: quickselect (Hoare partition, median-of-three
 * pivot), each later percentile searched only right of the one before. Linear interpolation
 * between order statistics, as numpy's percentile does by default. */
#include <stdlib.h>

#include "quantile.h"

static void swap(double *a, double *b)
{
    double t = *a;
    *a = *b, *b = t;
}

/* Rearranges x[lo..hi] so that x[k] holds the value of rank k, smaller ones before it and larger
 * ones after it. */
static void select_rank(double *x, long lo, long hi, long k)
{
    while (hi > lo) {
        long mid = lo + (hi - lo) / 2;
        if (x[mid] < x[lo])
            swap(&x[mid], &x[lo]);
        if (x[hi] < x[lo])
            swap(&x[hi], &x[lo]);
        if (x[hi] < x[mid])
            swap(&x[hi], &x[mid]);
        double pivot = x[mid];
        long i = lo, j = hi;
        while (i <= j) { /* x[lo] <= pivot <= x[hi] keep both scans in range */
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j)
                swap(&x[i++], &x[j--]);
        }
        /* Now x[lo..j] <= pivot, x[i..hi] >= pivot, and anything between equals the pivot. */
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

static int ascending(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void igoi_percentiles(double *x, size_t n, const double *p, size_t np, double *sorted,
                     double *out)
{
    /* Handle the percentiles in ascending order so that each search starts where the last
     * ended. */
    for (size_t k = 0; k < np; k++)
        sorted[k] = p[k];
    qsort(sorted, np, sizeof *sorted, ascending);
    size_t from = 0;
    for (size_t k = 0; k < np; k++) {
        double h = (double)(n - 1) * sorted[k] / 100.0;
        size_t rank = (size_t)h;
        if (rank >= from)
            select_rank(x, (long)from, (long)n - 1, (long)rank);
        double value = x[rank];
        if (rank + 1 < n && h > (double)rank) {
            double next = x[rank + 1]; /* the smallest value above rank */
            for (size_t i = rank + 2; i < n; i++)
                next = x[i] < next ? x[i] : next;
            value += (h - (double)rank) * (next - value);
        }
        from = rank + 1 < n ? rank + 1 : n - 1;
        for (size_t q = 0; q < np; q++)
            if (p[q] == sorted[k])
                out[q] = value;
    }
}
