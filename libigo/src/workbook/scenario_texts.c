/* The texts of the scenario workbook, in Dutch and English. */
#include "scenario_wb.h"

static const sc_text dutch = {
    .sheet = {"Toelichting", "Invoer - drivers", "Invoer - studies", "Berekening", "Scenariotabel",
              "Infasering"},
    .sheet_about = {
        "Wat het model doet en hoe de tabbladen samenhangen.",
        "Geboorten, de drivers met hun jaarlijkse volume en de kosten per eenheid per sector.",
        "De studies per driver (beschreven effect en gewicht) en effecten die u zelf opgeeft.",
        "Elke rekenstap als formule: effecten per scenario, potentieel en impact.",
        "De scenariotabel per sector en per driver, de tornado en grafieken.",
        "De infasering: welk deel van het volledige effect elk jaar bereikt wordt."},
    .title = "Kosten en baten van betere samenwerking in de geboortezorg",
    .intro = {"Per driver (iets wat betere samenwerking kan verminderen) en per sector: "
              "potentieel = volume x verschil in kosten per eenheid.",
              "Het effect komt uit studies: gecorrigeerd effect = beschreven effect x gewicht. "
              "Optimistisch is het sterkste, midden het gemiddelde, conservatief geen effect.",
              "Impact = potentieel x |effect|, afgerond op centen; een besparing is negatief.",
              "Naar een regio: landelijke volumes x het aandeel geboorten, of eigen volumes."},
    .legend = "Gele cellen zijn invoer; alle andere cellen zijn berekend en beveiligd (zonder "
              "wachtwoord).",
    .hint = "Vul de gele cellen in.",
    .births = "Geboorten", .national_births = "Geboorten per jaar in Nederland",
    .region_births = "Geboorten per jaar in de regio (0 = landelijk)",
    .share = "Factor op de landelijke volumes",
    .drivers = "Drivers", .driver = "Driver", .label = "Omschrijving",
    .volume = "Landelijk volume per jaar", .per_volume = "Eenheden per volume",
    .own_volume = "Eigen volume regio (leeg = naar rato)", .volume_used = "Gebruikt volume",
    .units = "Eenheden", .deltas = "Kosten per eenheid die vervalt (EUR)",
    .studies = "Studies per driver", .study = "Studie", .effect = "Beschreven effect",
    .weight = "Gewicht", .corrected = "Gecorrigeerd effect",
    .overrides = "Effect zelf opgeven (leeg = uit de studies)",
    .scenario = {"optimistisch", "midden", "conservatief"},
    .effects = "Effect per driver en scenario", .potentials = "Potentieel per driver en sector",
    .impact = "Impact", .total = "Totaal", .sector = "Sector",
    .table = "Impact per sector en scenario (EUR per jaar, volledig effect)",
    .by_driver = "Impact per driver en scenario", .tornado = "Tornado: één driver van "
                                                            "conservatief naar optimistisch",
    .low = "Conservatief", .high = "Optimistisch", .swing = "Bandbreedte",
    .chart_sectors = "Impact per sector", .chart_drivers = "Impact per driver (midden)",
    .phase = "Infasering (middenscenario per sector; totalen per scenario)", .year = "Jaar",
    .fraction = "Deel van het volledige effect", .phase_chart = "Infasering van de impact",
};

static const sc_text english = {
    .sheet = {"Explanation", "Input - drivers", "Input - studies", "Calculation", "Scenarios",
              "Phase-in"},
    .sheet_about = {
        "What the model does and how the sheets fit together.",
        "Births, the drivers with their yearly volume and the cost per unit per sector.",
        "The studies per driver (described effect and weight) and effects you give yourself.",
        "Every calculation step as a formula: effects per scenario, potential and impact.",
        "The scenario table per sector and per driver, the tornado and charts.",
        "The phase-in: the part of the full effect reached in each year."},
    .title = "Costs and benefits of better cooperation in birth care",
    .intro = {"Per driver (something better cooperation can reduce) and per sector: "
              "potential = volume x difference in cost per unit.",
              "The effect comes from studies: corrected effect = described effect x weight. "
              "Optimistic is the strongest, middle the mean, conservative no effect.",
              "Impact = potential x |effect|, rounded to cents; a saving is negative.",
              "To a region: national volumes x its share of births, or its own volumes."},
    .legend = "Yellow cells are inputs; all other cells are calculated and protected (without "
              "password).",
    .hint = "Fill in the yellow cells.",
    .births = "Births", .national_births = "Births per year in the Netherlands",
    .region_births = "Births per year in the region (0 = national)",
    .share = "Factor on the national volumes",
    .drivers = "Drivers", .driver = "Driver", .label = "Description",
    .volume = "National volume per year", .per_volume = "Units per volume",
    .own_volume = "Region's own volume (empty = pro rata)", .volume_used = "Volume used",
    .units = "Units", .deltas = "Cost per unit that no longer happens (EUR)",
    .studies = "Studies per driver", .study = "Study", .effect = "Described effect",
    .weight = "Weight", .corrected = "Corrected effect",
    .overrides = "Effect given directly (empty = from the studies)",
    .scenario = {"optimistic", "middle", "conservative"},
    .effects = "Effect per driver and scenario", .potentials = "Potential per driver and sector",
    .impact = "Impact", .total = "Total", .sector = "Sector",
    .table = "Impact per sector and scenario (EUR per year, full effect)",
    .by_driver = "Impact per driver and scenario",
    .tornado = "Tornado: one driver from conservative to optimistic",
    .low = "Conservative", .high = "Optimistic", .swing = "Range",
    .chart_sectors = "Impact per sector", .chart_drivers = "Impact per driver (middle)",
    .phase = "Phase-in (middle scenario per sector; totals per scenario)", .year = "Year",
    .fraction = "Part of the full effect", .phase_chart = "Phase-in of the impact",
};

const sc_text *igoi_scenario_texts(igo_lang lang)
{
    return lang == IGO_LANG_EN ? &english : &dutch;
}
