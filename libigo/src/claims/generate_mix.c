/* The synthetic claims' content: every code of the default classification with a plausible tariff
 * (about the NZa maximum tariffs and hospital DBC prices of 2024; hour codes per hour), and the
 * care paths of a pregnancy that claim them, with shares close to the Dutch figures (Perined and
 * the guide behind the model): about 12 % of births start in the second line; of the first-line
 * starters about 30 % are transferred before and about 20 % of the rest during the birth; about
 * 13 % of births are at home and 17 % by caesarean; nearly every birth gets kraamzorg hours. Rarer
 * codes (shared care, birth centres, lactation consults, miscarriages, twins) appear at their own
 * small rates, so that a file of some thousands of births holds every code of the table. */
#include "generate.h"

enum code {
    /* verloskunde */
    VK_VOLLEDIG, VK_VOLLEDIG_A, VK_PRE, VK_NAT, VK_POST, VK_PRE_A, VK_NAT_A, VK_POST_A,
    VK_P1, VK_P3, VK_P2, VK_P1_A, VK_P3_A, VK_P2_A,
    VK_E1, VK_E2, VK_E3, VK_E1_A, VK_E2_A, VK_E3_A,
    VK_T1, VK_T2, VK_T3, VK_T1_A, VK_T2_A, VK_T3_A,
    VK_VERSIE, VK_TERMIJNECHO, VK_ECHO_GROEI, VK_ECHO_BLOED, VK_ECHO_VERSIE, VK_ECHO_LIGGING,
    VK_ECHO_PLACENTA, VK_COUNSELING, VK_SEO, VK_SEO2, VK_NT_IND, VK_NT, VK_NT2,
    VK_GC_TOESLAG, VK_GC_DOOR, VK_GC_INDICATIE, VK_LACTATIE, VK_OPEN_PROJECT, VK_GC_LACHGAS,
    VK_IGZ_TOESLAG, VK_GC_PP_DOOR, VK_WENS_KORT, VK_WENS_LANG, VK_IUD, VK_GC_LACHGAS_DOOR,
    VK_ECHO_VITALITEIT, VK_CTG,
    /* kraamzorg */
    KZ_VERBLIJF_GC, KZ_UUR, KZ_INSCHRIJVING, KZ_INTAKE, KZ_PARTUS, KZ_INTAKE_TEL, KZ_UUR_PARTUS,
    KZ_GC, KZ_GC_DOOR, KZ_UUR_A, KZ_INSCHRIJVING_A, KZ_INTAKE_A, KZ_PARTUS_A, KZ_INTAKE_TEL_A,
    KZ_UUR_PARTUS_A, KZ_LACTATIE_TEL, KZ_LACTATIE_HUIS, KZ_HUISHOUDEN, KZ_DIGITAAL,
    KZ_GC_LACHGAS, KZ_NIET_BIOLOGISCH, KZ_SOS, KZ_SOS_A, KZ_SOS_CONTROLE, KZ_SOS_CONTROLE_A,
    /* ziekenhuis */
    ZH_NT, ZH_SEO, ZH_NT2, ZH_SEO2, ZH_COUNSELING, ZH_ECHO, ZH_VERBLIJF_MOEDER,
    ZH_VERBLIJF_KIND, ZH_POLI_ASSIST, ZH_POLI, ZH_POLI_MI_ASSIST, ZH_POLI_MI, ZH_POLI_V_ASSIST,
    ZH_POLI_V, ZH_MG_EUG, ZH_MG_DIAG, ZH_MG_KLIN_KORT, ZH_MG_CURETTAGE, ZH_MG_DAG,
    ZH_MG_KLIN_MIDDEL, ZH_MG_LICHT, ZH_FLUXUS, ZH_SECTIO, ZH_NAZORG_KORT, ZH_PLACENTA,
    ZH_NAZORG_MIDDEL, ZH_NAZORG_FLUXUS, ZH_STUIT, ZH_NAZORG_PLACENTA, ZH_KUNST, ZH_PARTUS,
    ZH_NAZORG_AMBULANT, ZH_CERCLAGE, ZH_ZW_DIAG, ZH_ZW_KLIN_KORT, ZH_ZW_DAG, ZH_ZW_KLIN_LANG,
    ZH_ZW_KLIN_MIDDEL, ZH_ZW_ROUTINE, ZH_ZW_LICHT, ZH_ADVIES, ZH_SHUNT, ZH_PUNCTIE,
    CODE_COUNT
};

#define VK(code, cents) {code, cents, sizeof code - 1, IGOI_VERLOSKUNDE, 0}
#define KZ(code, cents) {code, cents, sizeof code - 1, IGOI_KRAAMZORG, 0}
#define KZ_HOUR(code, cents) {code, cents, sizeof code - 1, IGOI_KRAAMZORG, 1}
#define ZH(code, cents) {code, cents, sizeof code - 1, IGOI_ZIEKENHUIS, 0}

/* In the order of enum code. Achterstandswijk variants are some 10 % dearer. */
const igoi_gen_code igoi_gen_codes[] = {
    VK("1001", 159800), VK("1011", 175400), VK("1101", 87900), VK("1102", 43100),
    VK("1103", 28800), VK("1111", 96500), VK("1112", 47300), VK("1113", 31600),
    VK("1201", 25400), VK("1203", 33500), VK("1204", 29000), VK("1211", 27900),
    VK("1213", 36800), VK("1214", 31800),
    VK("1301", 14200), VK("1302", 16100), VK("1303", 18800), VK("1311", 15600),
    VK("1312", 17700), VK("1313", 20600),
    VK("1351", 11200), VK("1352", 12700), VK("1353", 14800), VK("1361", 12300),
    VK("1362", 13900), VK("1363", 16200),
    VK("1401", 19500), VK("1602", 5200), VK("1603", 6700), VK("1604", 6700), VK("1605", 6700),
    VK("1606", 6700), VK("1607", 6700), VK("1610", 8600), VK("1612", 16300), VK("1622", 16300),
    VK("1625", 14200), VK("1626", 14200), VK("1627", 14200),
    VK("1703", 13400), VK("1705", 6200), VK("1706", 29300), VK("1708", 8400), VK("1713", 5000),
    VK("1714", 24800), VK("1715", 12000), VK("1716", 7900), VK("1717", 2800), VK("1718", 5600),
    VK("1719", 7300), VK("1720", 8600), VK("1721", 6700), VK("9019", 7800),
    KZ("196217", 35200), KZ_HOUR("196201", 6130), KZ("196202", 2650), KZ("196203", 9450),
    KZ("196204", 19800), KZ("196205", 3900), KZ("196206", 6130), KZ("196207", 14100),
    KZ("196209", 6500), KZ_HOUR("196210", 6440), KZ("196211", 2780), KZ("196212", 9920),
    KZ("196213", 20800), KZ("196214", 4100), KZ("196215", 6440), KZ("196219", 3500),
    KZ("196220", 8500), KZ("196226", 15400), KZ("196227", 2500), KZ("196228", 12300),
    KZ("196230", 18000), KZ_HOUR("196233", 6130), KZ_HOUR("196234", 6440),
    KZ_HOUR("196235", 6130), KZ_HOUR("196236", 6440),
    ZH("37510", 17400), ZH("37512", 18200), ZH("37514", 17400), ZH("37516", 18200),
    ZH("37521", 8900), ZH("39485", 6100), ZH("190032", 29600), ZH("190033", 22100),
    ZH("190043", 48300), ZH("190044", 38600), ZH("190045", 52700), ZH("190046", 42300),
    ZH("190047", 48300), ZH("190048", 38600),
    ZH("150101002", 381000), ZH("150101003", 99800), ZH("150101004", 182000),
    ZH("150101006", 148000), ZH("150101007", 79500), ZH("150101009", 331000),
    ZH("150101011", 34500),
    ZH("159899004", 486000), ZH("159899007", 432000), ZH("159899008", 131000),
    ZH("159899010", 289000), ZH("159899012", 321000), ZH("159899013", 402000),
    ZH("159899014", 312000), ZH("159899016", 231000), ZH("159899017", 281000),
    ZH("159899019", 221000), ZH("159899020", 25300),
    ZH("159999010", 261000), ZH("159999016", 142000), ZH("159999017", 189000),
    ZH("159999019", 114000), ZH("159999020", 981000), ZH("159999021", 392000),
    ZH("159999023", 89700), ZH("159999027", 41800), ZH("159999030", 26900),
    ZH("159999032", 1120000), ZH("159999033", 131000),
};

_Static_assert(sizeof igoi_gen_codes / sizeof igoi_gen_codes[0] == CODE_COUNT,
               "one tariff per code");

/* The variant of a code for a woman living in an achterstandswijk, which has its own codes. */
static int deprived_variant(int code)
{
    switch (code) {
    case VK_VOLLEDIG: return VK_VOLLEDIG_A;
    case VK_PRE: return VK_PRE_A;
    case VK_NAT: return VK_NAT_A;
    case VK_POST: return VK_POST_A;
    case VK_P1: return VK_P1_A;
    case VK_P2: return VK_P2_A;
    case VK_P3: return VK_P3_A;
    case VK_E1: return VK_E1_A;
    case VK_E2: return VK_E2_A;
    case VK_E3: return VK_E3_A;
    case VK_T1: return VK_T1_A;
    case VK_T2: return VK_T2_A;
    case VK_T3: return VK_T3_A;
    case KZ_UUR: return KZ_UUR_A;
    case KZ_INSCHRIJVING: return KZ_INSCHRIJVING_A;
    case KZ_INTAKE: return KZ_INTAKE_A;
    case KZ_PARTUS: return KZ_PARTUS_A;
    case KZ_INTAKE_TEL: return KZ_INTAKE_TEL_A;
    case KZ_UUR_PARTUS: return KZ_UUR_PARTUS_A;
    case KZ_SOS: return KZ_SOS_A;
    case KZ_SOS_CONTROLE: return KZ_SOS_CONTROLE_A;
    default: return code;
    }
}

/* A choice among codes with weights in permille (summing to 1000). */
typedef struct {
    uint16_t code, weight;
} weighted;

/* The hospital's DBC for a pregnancy in the second line. */
static const weighted second_line_pregnancy[] = {
    {ZH_ZW_ROUTINE, 350}, {ZH_ZW_DAG, 220},       {ZH_ZW_LICHT, 120},
    {ZH_ZW_DIAG, 80},     {ZH_ZW_KLIN_KORT, 80},  {ZH_ZW_KLIN_MIDDEL, 50},
    {ZH_PUNCTIE, 30},     {ZH_CERCLAGE, 20},      {ZH_ZW_KLIN_LANG, 20},
    {ZH_ADVIES, 26},      {ZH_SHUNT, 4},
};

/* The hospital's DBC for a miscarriage. */
static const weighted miscarriage_care[] = {
    {ZH_MG_LICHT, 350},       {ZH_MG_DAG, 200},        {ZH_MG_CURETTAGE, 180},
    {ZH_MG_DIAG, 120},        {ZH_MG_KLIN_KORT, 80},   {ZH_MG_KLIN_MIDDEL, 40},
    {ZH_MG_EUG, 30},
};

/* A vaginal birth in the second line (a caesarean is drawn before). */
static const weighted second_line_birth[] = {
    {ZH_PARTUS, 470}, {ZH_KUNST, 300}, {ZH_POLI_MI_ASSIST, 50}, {ZH_POLI_MI, 50},
    {ZH_PLACENTA, 60}, {ZH_FLUXUS, 40}, {ZH_STUIT, 30},
};

/* The midwife's specific diagnostic echos. */
static const weighted diagnostic_echo[] = {
    {VK_ECHO_GROEI, 350}, {VK_ECHO_BLOED, 150}, {VK_ECHO_LIGGING, 250},
    {VK_ECHO_PLACENTA, 150}, {VK_ECHO_VITALITEIT, 100},
};

/* Readmission or aftercare in the hospital after a birth. */
static const weighted aftercare[] = {
    {ZH_NAZORG_AMBULANT, 550}, {ZH_NAZORG_KORT, 250}, {ZH_NAZORG_MIDDEL, 100},
    {ZH_NAZORG_PLACENTA, 70}, {ZH_NAZORG_FLUXUS, 30},
};

#define PICK(p, table) pick((p)->r, table, sizeof table / sizeof table[0])

static int pick(igoi_rng *r, const weighted *w, size_t n)
{
    uint32_t x = igoi_rng_below(r, 1000);
    for (size_t i = 0; i + 1 < n; i++) {
        if (x < w[i].weight)
            return w[i].code;
        x -= w[i].weight;
    }
    return w[n - 1].code;
}

/* How a pregnancy runs. */
enum course { FIRST_LINE, PRENATAL_TRANSFER, NATAL_TRANSFER, SECOND_LINE };

/* A care path being drawn. */
typedef struct path {
    igoi_rng *r;
    igoi_gen_line *out;
    size_t n;
    int ndays, birth; /* the day of the birth (or of the miscarriage) */
    int deprived;     /* lives in an achterstandswijk */
    int midwife;      /* the practice caring now (the second after a move) */
    int course;
    int complete; /* one practice did all the first-line care and claims it in one line (1001) */
    int twins;
    int hospital_birth; /* born in the second line */
} path;

static int chance(path *p, uint32_t permille)
{
    return igoi_rng_chance(p->r, permille);
}

static int below(path *p, uint32_t n)
{
    return (int)igoi_rng_below(p->r, n);
}

/* A day about `days` before the birth; early in the year when that lies in the year before (an
 * extract of one year holds the care given in that year). */
static int before(path *p, int days)
{
    return days <= p->birth ? p->birth - days : below(p, (uint32_t)p->birth + 1);
}

/* A day about `days` after the birth, or late in the year. */
static int after(path *p, int days)
{
    int last = p->ndays - 1;
    if (p->birth + days <= last)
        return p->birth + days;
    return p->birth + below(p, (uint32_t)(last - p->birth + 1));
}

static void add_hours(path *p, int code, int role, int day, int halves)
{
    if (p->n == IGOI_GEN_MAX_LINES)
        return;
    if (p->deprived)
        code = deprived_variant(code);
    p->out[p->n++] = (igoi_gen_line){(uint16_t)code, (uint8_t)role, (uint16_t)day,
                                     (uint16_t)halves};
}

static void add(path *p, int code, int role, int day)
{
    add_hours(p, code, role, day, 0);
}

/* ---- before the birth ---- */

/* The midwife's prenatal care: in periods up to a transfer, shared with a second practice after
 * a move, or whole. */
static void midwife_prenatal(path *p)
{
    static const int period[3] = {VK_P1, VK_P2, VK_P3}, first[3] = {VK_E1, VK_E2, VK_E3},
                     second[3] = {VK_T1, VK_T2, VK_T3}, ends[3] = {182, 77, 5};
    if (p->course == PRENATAL_TRANSFER) {
        int last = chance(p, 650) ? (chance(p, 300) ? 2 : 1) : 0;
        for (int k = 0; k <= last; k++)
            add(p, period[k], p->midwife, before(p, ends[k] + 20));
    } else if (p->course == FIRST_LINE && !p->complete && chance(p, 60)) {
        /* A move: each practice claims its periods, and both the period of the move. */
        int moved = below(p, 3);
        for (int k = 0; k < 3; k++) {
            if (k == moved) {
                add(p, first[k], IGOI_ROLE_PRACTICE, before(p, ends[k] + 30));
                add(p, second[k], IGOI_ROLE_PRACTICE2, before(p, ends[k]));
            } else {
                add(p, period[k], k < moved ? IGOI_ROLE_PRACTICE : IGOI_ROLE_PRACTICE2,
                    before(p, ends[k]));
            }
        }
        p->midwife = IGOI_ROLE_PRACTICE2;
    } else if (!p->complete) {
        add(p, VK_PRE, p->midwife, before(p, 3));
    }
}

/* Screening and echos in the first line. */
static void first_line_echos(path *p)
{
    int m = IGOI_ROLE_PRACTICE; /* before a move, if there is one */
    if (chance(p, 750))
        add(p, VK_TERMIJNECHO, m, before(p, 240 + below(p, 30)));
    if (chance(p, 450))
        add(p, VK_COUNSELING, m, before(p, 230));
    if (chance(p, 90))
        add(p, VK_NT, m, before(p, 200));
    else if (chance(p, 15))
        add(p, VK_NT_IND, m, before(p, 200));
    if (chance(p, 880))
        add(p, VK_SEO, p->midwife, before(p, 140));
    if (chance(p, 150))
        add(p, PICK(p, diagnostic_echo), p->midwife, before(p, below(p, 100)));
    if (chance(p, 80))
        add(p, VK_CTG, p->midwife, before(p, below(p, 40)));
    if (chance(p, 12)) { /* breech: an echo and an attempt to turn the baby */
        add(p, VK_ECHO_VERSIE, p->midwife, before(p, 25));
        add(p, VK_VERSIE, p->midwife, before(p, 24));
    }
}

/* The hospital's care of a pregnancy in the second line; from_start: without first-line care. */
static void second_line_prenatal(path *p, int from_start)
{
    add(p, PICK(p, second_line_pregnancy), IGOI_ROLE_HOSPITAL, before(p, from_start ? 150 : 50));
    if (p->twins && chance(p, 300)) { /* the echos at an echo practice of midwives */
        add(p, VK_SEO, IGOI_ROLE_PRACTICE, before(p, 140));
        add(p, VK_SEO2, IGOI_ROLE_PRACTICE, before(p, 140));
        if (chance(p, 200)) {
            add(p, VK_NT_IND, IGOI_ROLE_PRACTICE, before(p, 200));
            add(p, VK_NT2, IGOI_ROLE_PRACTICE, before(p, 200));
        }
    } else if (from_start) {
        if (chance(p, 850)) {
            add(p, ZH_SEO, IGOI_ROLE_HOSPITAL, before(p, 140));
            if (p->twins)
                add(p, ZH_SEO2, IGOI_ROLE_HOSPITAL, before(p, 140));
        }
        if (chance(p, 120)) {
            add(p, ZH_NT, IGOI_ROLE_HOSPITAL, before(p, 200));
            if (p->twins)
                add(p, ZH_NT2, IGOI_ROLE_HOSPITAL, before(p, 200));
        }
        if (chance(p, 400))
            add(p, ZH_COUNSELING, IGOI_ROLE_HOSPITAL, before(p, 220));
    }
    if (chance(p, 250))
        add(p, ZH_ECHO, IGOI_ROLE_HOSPITAL, before(p, below(p, 60)));
}

/* The kraamzorg organisation registers the woman and visits (or calls) her before the birth. */
static void kraamzorg_intake(path *p)
{
    if (chance(p, 960))
        add(p, KZ_INSCHRIJVING, IGOI_ROLE_KRAAMZORG, before(p, 150 + below(p, 60)));
    int how = below(p, 1000);
    if (how < 950)
        add(p, how < 700 ? KZ_INTAKE : KZ_INTAKE_TEL, IGOI_ROLE_KRAAMZORG,
            before(p, 30 + below(p, 40)));
    if (chance(p, 80))
        add(p, KZ_DIGITAAL, IGOI_ROLE_KRAAMZORG, before(p, 60));
}

static void prenatal(path *p)
{
    if (p->course == SECOND_LINE) {
        second_line_prenatal(p, 1);
    } else {
        midwife_prenatal(p);
        first_line_echos(p);
        if (p->course == PRENATAL_TRANSFER)
            second_line_prenatal(p, 0);
        else if (chance(p, 70)) /* advice from the gynaecologist, care stays in the first line */
            add(p, ZH_ADVIES, IGOI_ROLE_HOSPITAL, before(p, 30 + below(p, 60)));
        else if (chance(p, 20))
            add(p, ZH_ZW_LICHT, IGOI_ROLE_HOSPITAL, before(p, 30 + below(p, 60)));
    }
    kraamzorg_intake(p);
}

/* ---- the birth ---- */

static void hospital_birth(path *p, uint32_t caesarean)
{
    p->hospital_birth = 1;
    int code = chance(p, caesarean) ? ZH_SECTIO : p->twins ? ZH_STUIT : PICK(p, second_line_birth);
    add(p, code, IGOI_ROLE_HOSPITAL, p->birth);
    if (code == ZH_POLI_MI_ASSIST)
        add(p, KZ_PARTUS, IGOI_ROLE_KRAAMZORG, p->birth);
}

/* A birth with the midwife: at home (about 13 % of all births), in a birth centre, or in the
 * hospital's outpatient room without a medical indication. */
static void first_line_birth(path *p)
{
    if (!p->complete)
        add(p, VK_NAT, p->midwife, p->birth);
    int place = below(p, 1000);
    if (place < 264) {
        if (chance(p, 900))
            add(p, KZ_PARTUS, IGOI_ROLE_KRAAMZORG, p->birth);
        if (chance(p, 250))
            add(p, KZ_UUR_PARTUS, IGOI_ROLE_KRAAMZORG, p->birth);
        if (chance(p, 40)) /* to the hospital after the birth at home */
            add(p, PICK(p, aftercare), IGOI_ROLE_HOSPITAL, after(p, 1));
    } else if (place < 364) {
        int gas = chance(p, 200);
        add(p, chance(p, 150) ? VK_GC_INDICATIE : gas ? VK_GC_LACHGAS : VK_GC_TOESLAG,
            p->midwife, p->birth);
        add(p, KZ_GC, IGOI_ROLE_KRAAMZORG, p->birth);
        if (gas)
            add(p, KZ_GC_LACHGAS, IGOI_ROLE_KRAAMZORG, p->birth);
        if (chance(p, 400))
            add(p, KZ_VERBLIJF_GC, IGOI_ROLE_KRAAMZORG, after(p, 1));
        if (chance(p, 800))
            add(p, KZ_PARTUS, IGOI_ROLE_KRAAMZORG, p->birth);
    } else {
        int obliged = chance(p, 50), assist = chance(p, 550);
        int code = obliged ? (assist ? ZH_POLI_V_ASSIST : ZH_POLI_V)
                           : (assist ? ZH_POLI_ASSIST : ZH_POLI);
        add(p, code, IGOI_ROLE_HOSPITAL, p->birth);
        if (assist)
            add(p, KZ_PARTUS, IGOI_ROLE_KRAAMZORG, p->birth);
        if (chance(p, 200)) {
            add(p, ZH_VERBLIJF_MOEDER, IGOI_ROLE_HOSPITAL, after(p, 1));
            add(p, ZH_VERBLIJF_KIND, IGOI_ROLE_HOSPITAL, after(p, 1));
        }
    }
}

/* A birth begun in the first line (at home or in a birth centre) and transferred. */
static void transferred_birth(path *p)
{
    int centre = chance(p, 150), gas = centre && chance(p, 200);
    if (centre) {
        add(p, gas ? VK_GC_LACHGAS_DOOR : VK_GC_DOOR, p->midwife, p->birth);
        add(p, KZ_GC_DOOR, IGOI_ROLE_KRAAMZORG, p->birth);
    } else if (chance(p, 500)) {
        add(p, VK_NAT, p->midwife, p->birth);
    }
    if (chance(p, 150)) { /* after the child is born: the placenta, or bleeding */
        if (centre)
            add(p, VK_GC_PP_DOOR, p->midwife, p->birth);
        add(p, chance(p, 600) ? ZH_PLACENTA : ZH_FLUXUS, IGOI_ROLE_HOSPITAL, p->birth);
        p->hospital_birth = 1;
    } else {
        hospital_birth(p, 200);
    }
}

static void natal(path *p)
{
    switch (p->course) {
    case FIRST_LINE: first_line_birth(p); break;
    case NATAL_TRANSFER: transferred_birth(p); break;
    case PRENATAL_TRANSFER: hospital_birth(p, 350); break;
    default: hospital_birth(p, 450); break;
    }
}

/* ---- after the birth ---- */

/* Kraamzorg hours: 24 to 49 (sometimes and a half), in one line or two invoices, or shared with a
 * second organisation that takes over part of the days. */
static void kraamzorg_hours(path *p)
{
    if (chance(p, 975)) {
        int halves = 2 * (24 + below(p, 26)) + chance(p, 150);
        if (chance(p, 50)) {
            int part = halves / 3;
            add_hours(p, KZ_UUR, IGOI_ROLE_KRAAMZORG, after(p, 3), halves - part);
            add_hours(p, KZ_UUR, IGOI_ROLE_KRAAMZORG2, after(p, 7), part);
        } else if (chance(p, 250)) {
            int part = halves / 2 - below(p, 8);
            add_hours(p, KZ_UUR, IGOI_ROLE_KRAAMZORG, after(p, 4), part);
            add_hours(p, KZ_UUR, IGOI_ROLE_KRAAMZORG, after(p, 8), halves - part);
        } else {
            add_hours(p, KZ_UUR, IGOI_ROLE_KRAAMZORG, after(p, 8), halves);
        }
    }
    if (chance(p, 5)) /* the SOS trial */
        add_hours(p, chance(p, 500) ? KZ_SOS : KZ_SOS_CONTROLE, IGOI_ROLE_KRAAMZORG, after(p, 10),
                  2 * (4 + below(p, 12)));
}

static void postnatal(path *p)
{
    if (p->complete)
        add(p, VK_VOLLEDIG, p->midwife, after(p, 10));
    else if (p->course == FIRST_LINE || (p->course != SECOND_LINE && chance(p, 750)) ||
             chance(p, 300))
        add(p, VK_POST, p->midwife, after(p, 10));
    if (chance(p, 30))
        add(p, VK_LACTATIE, p->midwife, after(p, 5));
    if (chance(p, 30))
        add(p, VK_IUD, p->midwife, after(p, 42));
    if (chance(p, 10))
        add(p, VK_IGZ_TOESLAG, p->midwife, after(p, 10));
    if (chance(p, 5))
        add(p, VK_OPEN_PROJECT, p->midwife, after(p, 10));
    if (p->hospital_birth && chance(p, 200))
        add(p, PICK(p, aftercare), IGOI_ROLE_HOSPITAL, after(p, 2));
    kraamzorg_hours(p);
    if (chance(p, 50))
        add(p, KZ_LACTATIE_TEL, IGOI_ROLE_KRAAMZORG, after(p, 6));
    if (chance(p, 40))
        add(p, KZ_LACTATIE_HUIS, IGOI_ROLE_KRAAMZORG, after(p, 9));
    if (chance(p, 20))
        add(p, KZ_HUISHOUDEN, IGOI_ROLE_KRAAMZORG, after(p, 12));
    if (chance(p, 3))
        add(p, KZ_NIET_BIOLOGISCH, IGOI_ROLE_KRAAMZORG, after(p, 3));
}

/* A pregnancy that ends in a miscarriage: no birth, no kraamzorg but perhaps its registration. */
static void miscarriage(path *p)
{
    if (chance(p, 700))
        add(p, VK_P1, IGOI_ROLE_PRACTICE, before(p, 20));
    if (chance(p, 600))
        add(p, VK_TERMIJNECHO, IGOI_ROLE_PRACTICE, before(p, 15));
    if (chance(p, 150))
        add(p, ZH_ECHO, IGOI_ROLE_HOSPITAL, before(p, 2));
    add(p, PICK(p, miscarriage_care), IGOI_ROLE_HOSPITAL, p->birth);
    if (chance(p, 300))
        add(p, KZ_INSCHRIJVING, IGOI_ROLE_KRAAMZORG, before(p, 10));
}

size_t igoi_gen_path(igoi_rng *r, int ndays, igoi_gen_line *out)
{
    path p = {.r = r, .out = out, .ndays = ndays, .midwife = IGOI_ROLE_PRACTICE};
    p.birth = below(&p, (uint32_t)ndays);
    p.deprived = chance(&p, 120);
    if (chance(&p, 30)) /* a consultation about the wish for a child */
        add(&p, chance(&p, 600) ? VK_WENS_KORT : VK_WENS_LANG, IGOI_ROLE_PRACTICE, before(&p, 300));
    if (chance(&p, 20)) {
        miscarriage(&p);
        return p.n;
    }
    p.twins = chance(&p, 15);
    /* 12 % in the second line from the start (twins always); of the others 30 % transferred
     * before the birth and 20 % of the rest during it. */
    p.course = p.twins || chance(&p, 107) ? SECOND_LINE
               : chance(&p, 300)          ? PRENATAL_TRANSFER
               : chance(&p, 200)          ? NATAL_TRANSFER
                                          : FIRST_LINE;
    p.complete = p.course == FIRST_LINE && chance(&p, 600);
    prenatal(&p);
    natal(&p);
    postnatal(&p);
    return p.n;
}
