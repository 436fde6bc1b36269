/* The sheet reader's numbers: every decimal the XML can hold is read to the double strtod gives
 * (correct rounding), through each of the parser's paths: Clinger's fast path, the exact
 * quotient for up to 19 significant digits, and strtod for the rest. */
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "../src/xlsx/reader.h"
#include "tests.h"

/* A deterministic generator (splitmix64), so a failure can be replayed. */
static uint64_t next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Whether the reader gives s as strtod does (in the C locale), bit for bit. */
static int as_strtod(const char *s)
{
    double got, want = strtod(s, NULL);
    if (igoi_parse_number(s, &got))
        return 0;
    return memcmp(&got, &want, sizeof got) == 0 || (got == 0 && want == 0);
}

/* A decimal of `digits` random digits with the point after `point` of them (0: ".ddd"). */
static void random_decimal(uint64_t *state, char *out, int digits, int point)
{
    int n = 0;
    if (next(state) & 1)
        out[n++] = '-';
    for (int i = 0; i < digits; i++) {
        if (i == point)
            out[n++] = '.';
        out[n++] = (char)('0' + next(state) % 10);
    }
    out[n] = '\0';
}

void test_xlsx_numbers_as_strtod(igo_t *t)
{
    static const char *const known[] = {
        "0", "-0", "1", "0.1", "0.30000000000000004", "123.45678901234567",
        "0.8444218515250481", "9007199254740993", "9007199254740992.5",
        "1.7976931348623157e308", "2.2250738585072014e-308", "4.9e-324", "1e-400",
        "12345678901234567890123", "0.000000000000000000001234567890123456789",
        "00000000000000000000000000000000001.5", " 2.5\n", "+7", "1E22", "1e23",
        "0.9999999999999999", "0.99999999999999999", "5e-22", "18446744073709551615e-22",
        /* halfway between two doubles: ties to even, both ways */
        "9007199254740993e-5", "9007199254740995e-5", "0.9007199254740993",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000033306690738754696212708950042724609375",
    };
    CHECK(strcmp(localeconv()->decimal_point, ".") == 0);
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!as_strtod(known[i])) {
            fprintf(stderr, "  '%s' read as something other than strtod's\n", known[i]);
            CHECK(0);
        }
    uint64_t state = 2026;
    int wrong = 0;
    char s[64];
    for (int i = 0; i < 2000000; i++) {
        int digits = 1 + (int)(next(&state) % 21);
        random_decimal(&state, s, digits, (int)(next(&state) % (uint64_t)(digits + 1)));
        if (next(&state) % 4 == 0) /* an exponent too */
            snprintf(s + strlen(s), 16, "e%d", (int)(next(&state) % 61) - 30);
        if (!as_strtod(s) && wrong++ < 5)
            fprintf(stderr, "  '%s' read as something other than strtod's\n", s);
    }
    CHECK_I64(wrong, 0);
    /* not numbers */
    static const char *const refused[] = {"", " ", "-", ".", "e5", "1e", "1.2.3", "0x10",
                                          "inf", "nan", "1,5", "1 2", "--1", "1e+"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        double v;
        CHECK(igoi_parse_number(refused[i], &v) != 0);
    }
}
