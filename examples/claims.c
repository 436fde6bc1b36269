/* Historical claims into production and a verdeelsleutel: a few claim lines as a Dutch CSV
 * export writes them, classified with libigo's default table. Each traject-phase (one woman's
 * prenatal, natal or postnatal care) is one prestatie, that of its most complex line; kraamzorg
 * hours count as hours. Every line is classified or set aside with its reason, and the
 * reconciliation (read = classified + set aside) holds to the cent.
 *
 * Build:  cc claims.c $(pkg-config --cflags --libs libigo) -o claims
 * Run:    ./claims        (a file: igo_claims_read_csv(claims, "declaraties.csv")) */
#include "example.h"

static const char csv[] = "traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n"
                          "T1;vp-noord;1101;598,35;01-03-2024;1\n"
                          "T1;zh-centrum;159999019;865,00;2024-05-01;1\n"
                          "T1;vp-noord;1102;512,60;2024-09-01;\n"
                          "T1;kz-thuis;196201;1.436,40;02-09-2024;24\n"
                          "T2;vp-zuid;1101;598,35;2024-02-01;1\n"
                          "T2;vp-zuid;999999;25,00;2024-02-01;1\n"
                          "T3;vp-zuid;1101;598,35;2023-12-30;1\n";

static void check(igo_claims *claims, igo_error error)
{
    if (error != IGO_OK) {
        fprintf(stderr, "%s: %s\n", igo_error_name(error), igo_claims_errmsg(claims));
        igo_claims_free(claims);
        exit(1);
    }
}

int main(void)
{
    igo_claims *claims = igo_claims_new();
    if (claims == NULL)
        return 1;
    check(claims, igo_claims_use_default_indeling(claims));
    check(claims, igo_claims_set_period(claims, "2024-01-01", "2025-01-01"));
    check(claims, igo_claims_read_csv_buffer(claims, "declaraties.csv", csv, sizeof csv - 1));
    check(claims, igo_claims_finish(claims));

    for (size_t p = 0; p < igo_claims_prestatie_count(claims); p++) {
        if (igo_claims_production(claims, p) == 0)
            continue;
        printf("%s: %g %s\n", igo_claims_prestatie(claims, p), igo_claims_production(claims, p),
               igo_claims_hourly(claims, p) ? "hours" : "traject-phases");
        for (size_t d = 0; d < igo_claims_discipline_count(claims); d++)
            if (igo_claims_money(claims, p, d) != 0)
                print_euros(igo_claims_discipline(claims, d), igo_claims_money(claims, p, d));
    }
    igo_claims_totals t = igo_claims_totals_of(claims);
    printf("lines: %" PRIu64 " read = %" PRIu64 " classified + %" PRIu64 " set aside\n",
           t.rows_read, t.rows_classified, t.rows_set_aside);
    print_euros("read", t.cents_read);
    print_euros("classified", t.cents_classified);
    print_euros("set aside", t.cents_set_aside);
    for (int r = 0; r < IGO_CLAIM_REASONS; r++) {
        uint64_t line;
        if (igo_claims_set_aside(claims, (igo_claim_reason)r, NULL) == 0)
            continue;
        const char *file = igo_claims_example(claims, (igo_claim_reason)r, 0, &line);
        printf("set aside: %s (%s line %" PRIu64 ")\n", igo_claim_reason_text((igo_claim_reason)r),
               file, line);
    }
    igo_claims_free(claims);
    return 0;
}
