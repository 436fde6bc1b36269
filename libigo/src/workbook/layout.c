/* Where each block of each sheet goes. Input tables get spare rows, so that users can add
 * providers, outside activities, history lines and reasons in Excel itself. */
#include "wb.h"

static size_t at_least(size_t used, size_t spare, size_t minimum)
{
    return used + spare > minimum ? used + spare : minimum;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

void igoi_wb_make_layout(const igo_model *m, wb_layout *at)
{
    at->P = m->prestaties.n, at->D = m->disciplines.n;
    at->L = at_least(m->outside.n, 2, 4);
    at->O = at_least(m->providers.n, 5, 25);
    at->H = at_least(m->history.n, 10, 40);
    at->R = at_least(m->reasons.n, 4, 12);
    int P = (int)at->P, D = (int)at->D, L = (int)at->L, O = (int)at->O;

    /* Each block: a title row, a header row, then its rows; one empty row between blocks. */
    at->care = 5;
    at->cost = at->care + P + 3;
    at->out = at->cost + 3 + 3;

    at->norm = 3;
    at->key = 7;
    at->prov = at->key + P + 3;
    at->hist = at->prov + O + 3;

    for (int i = 0; i < 8; i++)
        at->regio[i] = 5 + i;
    for (int i = 8; i < 12; i++)
        at->regio[i] = 16 + (i - 8);
    at->reason = 24;

    at->c_income = 5;
    at->c_big = at->c_income + P + 1;
    at->c_costs = at->c_big + 4;
    at->c_out = at->c_costs + 3 + 4;
    at->c_out_w = at->c_out + L + 3;
    at->c_out_r = at->c_out_w + L + 3;
    at->c_out_o = at->c_out_r + L + 3;
    at->c_key = at->c_out_o + L + 4;
    at->c_disc_r = at->c_key + P + 3;
    at->c_disc_a = at->c_disc_r + P + 3;
    at->c_volume = at->c_disc_a + P + 4;
    at->c_prov_l = at->c_volume + D + 3;
    at->c_prov_r = at->c_prov_l + O + 3;
    at->c_prov_a = at->c_prov_r + O + 3;
    at->c_totals = at->c_prov_a + O + 4;

    at->r_income = 5;
    at->r_disc = at->r_income + 6 + 3;
    at->r_chart = at->r_disc + D + 4;
    at->r_check = at->r_chart + 4 + D + 1;
    /* The provider table goes below the two charts at the top right (rows 3 to 21). */
    at->r_prov = max_int(at->r_check + 4, 24);

    at->k_lines = 5;
    at->k_admissions = at->k_lines + 8 + 3;
    at->k_reasons = at->k_admissions + 2 + 3;
}
