// Data: every table the pages show, as CSV and xlsx; the indicator
// definitions; the methods, the sources and the licence attributions; the
// API.
#include "stats/polarity.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {

Result<Page> BuildData(const AppData& data, const Query& query) {
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {}));
  const indicators::Engine& engine = data.session->engine();
  Page page;
  page.slug = "data";
  page.title = "Data, definitions and sources";
  page.intro.push_back(
      "Every table behind the charts downloads as CSV (for scripts; full-precision numbers, the "
      "sources in a last column) or as an Excel workbook. The same figures come as JSON from "
      "the API described at /api/v1/openapi.json.");

  Section tables{"tables", "Tables", {}, "", {}};
  charts::DataTable list;
  list.title = "Tables for the default area and period";
  list.columns = {"Page", "Table", "CSV", "Excel"};
  for (const PageSpec& spec : Pages()) {
    if (spec.slug == "data") continue;
    auto built = spec.build(data, {});
    if (!built.ok()) continue;
    std::string page_id = spec.slug.empty() ? "overview" : std::string(spec.slug);
    for (const Section& section : built->sections) {
      if (!section.table) continue;
      std::string base = "/data/" + page_id + "-" + section.id;
      list.rows.push_back(
          {std::string(spec.title), section.table->title, base + ".csv", base + ".xlsx"});
    }
  }
  tables.paragraphs.push_back(
      "Each page's tables also download from the links under its charts, for the area and "
      "period chosen there.");
  tables.table = std::move(list);
  page.sections.push_back(std::move(tables));

  Section definitions{"definitions", "Indicator definitions", {}, "", {}};
  charts::DataTable defs;
  defs.title = "Indicator definitions";
  defs.columns = {"Indicator", "Fingertips ID", "Definition",
                  "Unit",      "Polarity",      "Confidence intervals"};
  for (const indicators::Indicator& indicator : engine.catalogue().indicators()) {
    defs.rows.push_back({indicator.name, indicator.fingertips_id, indicator.definition,
                         indicator.unit, std::string(stats::PolarityName(indicator.polarity)),
                         std::string(indicator.CiMethodLabel())});
  }
  definitions.table = std::move(defs);
  page.sections.push_back(std::move(definitions));

  Section methods{"methods", "Methods", {}, "", {}};
  methods.paragraphs = {
      "Rates: Byar's method for the 95% and 99.8% intervals, exact Poisson below 10 events; "
      "percentages: Wilson score; comparison with England: the 95% interval against England's "
      "value, as Fingertips does (PHEindicatormethods).",
      "Small numbers: counts from 1 to 4 for local areas are not shown, nor anything that "
      "would reveal them; the ONS marks rates from fewer than 20 events as unreliable.",
      "Record-level analyses: rates by group with exact conditional rate ratios, indirect "
      "standardisation against England's rates, SPC (XmR) charts with the NHS Making Data "
      "Count rules. docs/methods.md in the repository gives every formula and decision."};
  page.sections.push_back(std::move(methods));

  Section sources{"sources", "Sources and licences", {}, "", {}};
  charts::DataTable source_table;
  source_table.title = "Datasets in the store";
  source_table.columns = {"Dataset", "Title", "Basis", "Publisher", "Licence", "Attribution"};
  CRADLE_ASSIGN_OR_RETURN(std::vector<store::Dataset> datasets, data.session->store().Datasets());
  for (const store::Dataset& dataset : datasets) {
    source_table.rows.push_back({dataset.id, dataset.title, dataset.basis, dataset.publisher,
                                 dataset.licence, dataset.attribution});
  }
  sources.paragraphs = {
      "Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
      "Contains public sector information licensed under the Open Government Licence v3.0.",
      "Contains OS data © Crown copyright and database right 2024."};
  if (data.records && !data.records->SyntheticNotice().empty()) {
    sources.paragraphs.push_back(data.records->SyntheticNotice());
  }
  sources.table = std::move(source_table);
  page.sections.push_back(std::move(sources));
  page.notes = sources.paragraphs;
  return page;
}

}  // namespace cradle::web
