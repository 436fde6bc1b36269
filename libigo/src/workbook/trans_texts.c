/* The texts of the transition's sheets, in Dutch (the default) and English. */
#include "trans_wb.h"

static const wb_trans_text dutch = {
    .title = "Overgangsregeling",
    .hint = "Van historisch inkomen naar het model over de jaren. Een lege grens is geen grens.",
    .limits_title = "Grenzen per jaar", .limit = "Grens", .percent = "Percentage",
    .down = "Maximale daling t.o.v. vorig jaar", .up = "Maximale stijging t.o.v. vorig jaar",
    .years_title = "Jaren", .year = "Jaar", .share = "Aandeel historie",
    .providers_title = "Historisch inkomen en garanties per zorgaanbieder",
    .history = "Historisch inkomen (EUR)", .guarantee = "Minimumgarantie (EUR)",
    .paid_title = "Inkomen per zorgaanbieder en jaar",
    .paid_hint = "Het uitbetaalde inkomen; de eerste kolom is het historische inkomen.",
    .chart_title = "Inkomen per zorgaanbieder over de jaren",
    .detail_title = "Per jaar: historie, model, doel en uitbetaald",
    .scaled = "Historie naar de pot", .model = "Model", .target = "Doel", .paid = "Uitbetaald",
    .change = "Verandering (EUR)", .change_pct = "Verandering (%)", .bound = "Grens bereikt",
    .bounds = {"geen", "max. daling", "max. stijging", "garantie"},
    .calc_title = "Berekening overgang",
    .calc_hint = "Elke stap als formule, per jaar. Toestand: 0 vrij, 1 op de ondergrens, 2 op de "
                 "bovengrens, 3 geen zorgaanbieder.",
    .weight = "Mengsel", .base = "Basis", .floor_decrease = "Ondergrens uit max. daling",
    .floor = "Ondergrens", .cap = "Bovengrens", .state = "Toestand",
    .round = "Ronde %d", .tentative = "voorlopig", .split = "Centen %d", .part = "deel",
    .rest = "Rest", .sum_targets = "Som doel vrij", .free = "Aantal vrij",
    .below = "Tekort onder ondergrens", .above = "Overschot boven bovengrens",
    .sum_weights = "Som gewichten", .largest = "Grootste (rij)", .sum_rounded = "Som afgerond",
    .pot = "Pot", .previous_pot = "Pot vorig jaar", .rounds = "Rondes",
    .history_sum = "Som historie", .mix_sum = "Som mengsel", .changed = "Iemand vastgezet",
    .no_year = "een aandeel zonder jaar", .not_year = "het jaar is geen jaartal",
    .year_order = "de jaren volgen elkaar niet op", .year_gap = "een jaar na een lege rij",
    .no_share = "het aandeel historie ontbreekt",
    .no_history_sum = "er is nog aansluiting op de historie, maar het historische inkomen "
                      "telt op tot 0",
    .floors_short = "de ondergrenzen en garanties zijn samen hoger dan de pot",
    .caps_short = "de bovengrenzen zijn samen lager dan de pot",
    .guarantee_cap = "een garantie ligt boven de bovengrens van ",
    .more_rounds = "de berekening vraagt meer rondes dan het blad heeft",
    .not_paid = "de grenzen betalen de pot niet precies uit",
    .no_history = "het historische inkomen ontbreekt (vul 0 in voor geen)",
    .without_provider = "bedragen op een rij zonder zorgaanbieder"};

static const wb_trans_text english = {
    .title = "Transition",
    .hint = "From historical income to the model over the years. An empty limit is no limit.",
    .limits_title = "Limits per year", .limit = "Limit", .percent = "Percentage",
    .down = "Maximum decrease on the year before", .up = "Maximum increase on the year before",
    .years_title = "Years", .year = "Year", .share = "Share matched to history",
    .providers_title = "Historical income and guarantees per provider",
    .history = "Historical income (EUR)", .guarantee = "Minimum guarantee (EUR)",
    .paid_title = "Income per provider and year",
    .paid_hint = "The income paid; the first column is the historical income.",
    .chart_title = "Income per provider over the years",
    .detail_title = "Per year: history, model, target and paid",
    .scaled = "History scaled to the pot", .model = "Model", .target = "Target",
    .paid = "Paid", .change = "Change (EUR)", .change_pct = "Change (%)",
    .bound = "Bound held", .bounds = {"none", "max. decrease", "max. increase", "guarantee"},
    .calc_title = "Transition calculation",
    .calc_hint = "Every step as a formula, per year. State: 0 free, 1 at the floor, 2 at the cap, "
                 "3 no provider.",
    .weight = "Mix", .base = "Base", .floor_decrease = "Floor from max. decrease",
    .floor = "Floor", .cap = "Cap", .state = "State",
    .round = "Round %d", .tentative = "tentative", .split = "Cents %d", .part = "part",
    .rest = "Rest", .sum_targets = "Free targets' sum", .free = "Free providers",
    .below = "Shortfall below floors", .above = "Excess above caps",
    .sum_weights = "Sum of weights", .largest = "Largest (row)", .sum_rounded = "Sum rounded",
    .pot = "Pot", .previous_pot = "Pot of the year before", .rounds = "Rounds",
    .history_sum = "History sum", .mix_sum = "Mix sum", .changed = "Anyone fixed",
    .no_year = "a share without a year", .not_year = "the year is not a year",
    .year_order = "the years do not follow each other", .year_gap = "a year after an empty row",
    .no_share = "the share matched to history is missing",
    .no_history_sum = "income is still matched to history, but the historical incomes sum to "
                      "0",
    .floors_short = "the floors and guarantees together exceed the pot",
    .caps_short = "the caps together fall short of the pot",
    .guarantee_cap = "a guarantee lies above the cap of ",
    .more_rounds = "the calculation needs more rounds than the sheet has",
    .not_paid = "the bounds do not pay out the pot exactly",
    .no_history = "the historical income is missing (give 0 for none)",
    .without_provider = "amounts on a row without a provider"};

const wb_trans_text *igoi_wb_trans_texts(igo_lang lang)
{
    return lang == IGO_LANG_EN ? &english : &dutch;
}
