/* The texts of the quality bonuses' sheet, in Dutch (the default) and English. */
#include "bonus_wb.h"

static const wb_bonus_text dutch = {
    .title = "Kwaliteitsbonussen",
    .hint = "Een pot uit het innovatie- en kwaliteitsbudget, verdeeld naar de punten die de "
            "zorgaanbieders halen op kwaliteitsindicatoren (Perined, ICHOM).",
    .pool_title = "De pot", .pool = "Pot voor bonussen",
    .figures_title = "Uitkomst",
    .figures = {"Innovatie- en kwaliteitsbudget", "Pot", "Punten in totaal", "Uitgekeerd",
                "Blijft in het budget", "Meeste punten (rij)"},
    .indicators_title = "Kwaliteitsindicatoren", .id = "Id", .label = "Omschrijving",
    .target = "Norm", .better = "Beter is", .higher = "hoger", .lower = "lager",
    .weight = "Punten", .lower_flag = "Lager is beter (1 = ja)",
    .values_title = "Waarden per zorgaanbieder en indicator",
    .values_hint = "Een lege cel haalt de norm niet.",
    .points = "Punten", .rounded = "Afgerond", .bonus = "Bonus (EUR)",
    .model = "Modelinkomen (EUR)", .total = "Totaal (EUR)", .help = "Hulp (controles)",
    .above_budget = "de pot is hoger dan het innovatie- en kwaliteitsbudget",
    .no_target = "de norm ontbreekt", .no_weight = "de punten ontbreken",
    .no_better = "kies hoger of lager",
    .without_provider = "waarden op een rij zonder zorgaanbieder",
    .without_indicator = "een waarde in een kolom zonder indicator",
    .not_number = "een waarde is geen getal"};

static const wb_bonus_text english = {
    .title = "Quality bonuses",
    .hint = "A pool from the innovation and quality budget, split by the points the providers "
            "earn on quality indicators (Perined, ICHOM).",
    .pool_title = "The pool", .pool = "Pool for bonuses",
    .figures_title = "Outcome",
    .figures = {"Innovation and quality budget", "Pool", "Points in all", "Paid",
                "Stays in the budget", "Most points (row)"},
    .indicators_title = "Quality indicators", .id = "Id", .label = "Description",
    .target = "Target", .better = "Better is", .higher = "higher", .lower = "lower",
    .weight = "Points", .lower_flag = "Lower is better (1 = yes)",
    .values_title = "Values per provider and indicator",
    .values_hint = "An empty cell does not meet the target.",
    .points = "Points", .rounded = "Rounded", .bonus = "Bonus (EUR)",
    .model = "Model income (EUR)", .total = "Total (EUR)", .help = "Help (checks)",
    .above_budget = "the pool is above the innovation and quality budget",
    .no_target = "the target is missing", .no_weight = "the points are missing",
    .no_better = "choose higher or lower", .without_provider = "values on a row without a provider",
    .without_indicator = "a value in a column without an indicator",
    .not_number = "a value is not a number"};

const wb_bonus_text *igoi_wb_bonus_texts(igo_lang lang)
{
    return lang == IGO_LANG_EN ? &english : &dutch;
}
