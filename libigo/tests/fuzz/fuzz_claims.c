/* libFuzzer harness of the claims pipeline's CSV reader: the bytes as a claim file, read with
 * the default table (as UTF-8, or as Windows-1252 when the first byte is odd), then finished.
 * The reconciliation must hold exactly whatever the bytes: every row and every cent read is
 * classified or set aside. */
#include <igo/igo.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    igo_claims *c = igo_claims_new();
    if (!c || igo_claims_use_default_indeling(c) != IGO_OK)
        abort();
    if (size && (data[0] & 1))
        igo_claims_set_encoding(c, "windows-1252");
    igo_claims_set_period(c, "2024-01-01", "2025-01-01");
    if (igo_claims_read_csv_buffer(c, "fuzz.csv", (const char *)data, size) == IGO_OK &&
        igo_claims_finish(c) == IGO_OK) {
        igo_claims_totals t = igo_claims_totals_of(c);
        uint64_t reasons = 0;
        int64_t cents = 0;
        for (int r = 0; r < IGO_CLAIM_REASONS; r++) {
            int64_t x;
            reasons += igo_claims_set_aside(c, (igo_claim_reason)r, &x);
            cents += x;
        }
        if (t.rows_read != t.rows_classified + t.rows_set_aside || reasons != t.rows_set_aside ||
            t.cents_read != t.cents_classified + t.cents_set_aside || cents != t.cents_set_aside)
            abort();
        /* the money of the prestaties and of the lines without one is the money classified */
        int64_t money = t.cents_without_prestatie;
        for (size_t p = 0; p < igo_claims_prestatie_count(c); p++)
            for (size_t d = 0; d < igo_claims_discipline_count(c); d++)
                money += igo_claims_money(c, p, d);
        int64_t income = 0;
        for (size_t o = 0; o < igo_claims_provider_count(c); o++) {
            int64_t x;
            igo_claims_provider(c, o, NULL, NULL, &x);
            income += x;
        }
        if (money != t.cents_classified || income != t.cents_classified)
            abort();
    } else if (!*igo_claims_errmsg(c)) {
        abort(); /* a failure without a message */
    }
    igo_claims_free(c);
    return 0;
}
