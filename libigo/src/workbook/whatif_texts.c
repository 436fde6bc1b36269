/* The texts of the comparison sheet, in Dutch (the default) and English. */
#include "whatif_wb.h"

static const wb_whatif_text dutch = {
    .title = "Wat als",
    .hint = "Het uitgangspunt naast de uitkomsten nu: wijzig een invoer en zie wat er per "
            "zorgaanbieder, discipline en IG-prestatie verandert.",
    .baseline_hint = "Het uitgangspunt is wat libigo bij het schrijven berekende; plak andere "
                     "bedragen om met iets anders te vergelijken.",
    .thresholds_title = "Drempels voor een materiële verandering",
    .thresholds_hint = "Een verandering is materieel (groot genoeg om te verrekenen) als ze beide "
                       "drempels haalt; een lege drempel telt als gehaald.",
    .threshold = {"Vanaf (EUR)", "Vanaf (% van het uitgangspunt)"},
    .totals_title = "Totalen",
    .totals = {"Inkomsten", "Kosten van de IGO", "Verrichtingen buiten de IGO",
               "Verdeeld over de zorgaanbieders", "Kwaliteitsbonussen uitgekeerd"},
    .level_title = {"Per zorgaanbieder (modelinkomen en kwaliteitsbonus)", "Per discipline",
                    "Per IG-prestatie (te verdelen over de zorgaanbieders)"},
    .before = "Uitgangspunt (EUR)", .now = "Nu (EUR)", .change = "Verschil (EUR)",
    .pct = "Verschil (%)", .material = "Materieel", .yes = "ja", .check = "Controle",
    .only_baseline = " (alleen in het uitgangspunt)",
    .not_number = "geen getal", .negative = "de drempel is negatief"};

static const wb_whatif_text english = {
    .title = "What if",
    .hint = "The starting point beside the results now: change an input and see what changes "
            "per provider, discipline and IG-prestatie.",
    .baseline_hint = "The starting point is what libigo computed when it wrote the workbook; "
                     "paste other amounts to compare with something else.",
    .thresholds_title = "Thresholds of a material change",
    .thresholds_hint = "A change is material (large enough to settle) when it reaches both "
                       "thresholds; an empty threshold counts as reached.",
    .threshold = {"From (EUR)", "From (% of the starting point)"},
    .totals_title = "Totals",
    .totals = {"Income", "Costs of the IGO", "Activities outside the IGO",
               "Distributed to the providers", "Quality bonuses paid"},
    .level_title = {"Per provider (model income and quality bonus)", "Per discipline",
                    "Per IG-prestatie (to distribute to the providers)"},
    .before = "Starting point (EUR)", .now = "Now (EUR)", .change = "Change (EUR)",
    .pct = "Change (%)", .material = "Material", .yes = "yes", .check = "Check",
    .only_baseline = " (only in the starting point)",
    .not_number = "not a number", .negative = "the threshold is negative"};

const wb_whatif_text *igoi_wb_whatif_texts(igo_lang lang)
{
    return lang == IGO_LANG_EN ? &english : &dutch;
}
