// Neighbourhoods: maps of Leicester's wards and LSOAs — deprivation (IMD
// 2025), live births and, for wards, infant mortality with small numbers
// hidden — from the bundled boundaries and the stored records.
#include <algorithm>
#include <map>

#include "charts/choropleth.h"
#include "inequalities/mortality.h"
#include "opendata/attribution.h"
#include "web/cluster_section.h"
#include "web/hotspot_scans.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {
namespace {

// The OS and ONS lines every map carries (SOURCES.md, boundary files).
std::vector<std::string> MapNotes(const workspace::RecordScope& records) {
  std::vector<std::string> notes = RecordNotes(records);
  for (std::string& line : BoundaryAttributions()) notes.push_back(std::move(line));
  return notes;
}

Section MapSection(const std::string& id, const std::string& heading, const std::string& text,
                   const std::string& legend, std::vector<charts::MapArea> areas,
                   const charts::Classification& classes,
                   const std::vector<geo::Boundary>& boundaries,
                   const std::vector<std::string>& notes) {
  Section section{id, heading, {text}, "", {}};
  for (charts::MapArea& area : areas) {
    if (area.value && area.class_index < 0) area.class_index = classes.ClassOf(*area.value);
  }
  charts::ChoroplethOptions options;
  options.id = "neighbourhoods-" + id;
  options.title = heading;
  options.description = text;
  options.legend_title = legend;
  options.notes = notes;
  charts::Chart chart = charts::Choropleth(options, areas, boundaries, classes.labels);
  section.svg = chart.svg;
  section.table = chart.table;
  return section;
}

// The cluster sections, or one saying why the scan could not be run.
std::vector<Section> ClustersOrWhyNot(const AppData& data, const ClusterBaseMap& base,
                                      const std::vector<std::string>& notes) {
  Status why;
  auto choice = ReadHotspotChoice(data, {});
  if (choice.ok()) {
    auto scan = data.hotspots->Get(data, *choice);
    if (scan.ok()) return ClusterSections(data, **scan, base, data.lsoas, notes);
    why = scan.status();
  } else {
    why = choice.status();
  }
  Section section;
  section.id = "clusters";
  section.heading = "Where infant deaths cluster";
  section.paragraphs = {"The scan for clusters could not be run: " + why.message() + "."};
  return {section};
}

}  // namespace

Result<Page> BuildNeighbourhoods(const AppData& data, const Query& query) {
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {}));
  Page page;
  page.slug = "neighbourhoods";
  page.title = "Neighbourhoods: wards and LSOAs";
  if (!data.records) {
    page.intro.push_back("The store holds no record-level births: import them to map them.");
    return page;
  }
  const workspace::RecordScope& records = *data.records;
  indicators::Period period = records.DefaultPeriod();
  std::vector<std::string> notes = MapNotes(records);
  page.intro.push_back("Where in " + records.area_label +
                       " babies are born and die, beside deprivation, " + period.Label() +
                       ". Counts from 1 to " + std::to_string(records.disclosure_min_count - 1) +
                       " and rates resting on them are not shown.");
  if (!records.SyntheticNotice().empty()) page.intro.push_back(records.SyntheticNotice());

  // Infant mortality and births by ward, from the records.
  inequalities::MortalityOptions options;
  options.period = period;
  options.disclosure_min_count = records.disclosure_min_count;
  auto wards =
      inequalities::MortalityByGroup(records.frame, inequalities::Dimension::kWard, options);
  if (wards.ok()) {
    std::vector<charts::MapArea> rates, births;
    std::vector<double> rate_values, birth_values;
    for (const auto& row : wards->rows) {
      charts::MapArea rate{row.group.code, row.group.label, std::nullopt, -1, "*"};
      if (row.rate95 && !row.hidden(inequalities::DeathMeasure::kInfant)) {
        rate.value = row.rate95->value;
        rate.shown = Number(row.rate95->value, 1);
        rate_values.push_back(*rate.value);
      }
      rates.push_back(rate);
      charts::MapArea birth{row.group.code, row.group.label, std::nullopt, -1, "*"};
      if (!row.births_hidden) {
        birth.value = static_cast<double>(row.tally.births);
        birth.shown = Count(*birth.value);
        birth_values.push_back(*birth.value);
      }
      births.push_back(birth);
    }
    page.sections.push_back(MapSection(
        "ward-rates", "Infant mortality by ward, " + period.Label(),
        "Infant deaths per 1,000 live births by ward of the mother's residence, in five classes "
        "of equal numbers of wards. Ward rates rest on few deaths: read them with their "
        "intervals on the Inequalities page.",
        "Deaths per 1,000 live births", rates, charts::QuantileClasses(rate_values, 5, 1),
        data.wards, notes));
    page.sections.push_back(
        MapSection("ward-births", "Live births by ward, " + period.Label(),
                   "Live births to mothers resident in each ward.", "Live births", births,
                   charts::QuantileClasses(birth_values, 5, 0), data.wards, notes));
  }

  // Infant mortality by LSOA over every year of records: even then most LSOAs
  // have too few deaths to show, and the map says so rather than guess.
  inequalities::MortalityOptions all_years = options;
  all_years.period = {records.frame.first_year,
                      records.frame.last_year - records.frame.first_year + 1};
  auto lsoa_rates =
      inequalities::MortalityByGroup(records.frame, inequalities::Dimension::kLsoa, all_years);
  if (lsoa_rates.ok()) {
    std::vector<charts::MapArea> rates;
    std::vector<double> values;
    int hidden = 0;
    for (const auto& row : lsoa_rates->rows) {
      charts::MapArea rate{row.group.code, row.group.label, std::nullopt, -1, "*"};
      if (row.rate95 && !row.hidden(inequalities::DeathMeasure::kInfant)) {
        rate.value = row.rate95->value;
        rate.shown = Number(row.rate95->value, 1);
        values.push_back(*rate.value);
      } else {
        ++hidden;
      }
      rates.push_back(rate);
    }
    page.sections.push_back(MapSection(
        "lsoa-rates", "Infant mortality by LSOA, " + all_years.period.Label(),
        "Infant deaths per 1,000 live births by LSOA over all " +
            std::to_string(all_years.period.years) + " years of records. " +
            std::to_string(hidden) + " of " + std::to_string(rates.size()) +
            " LSOAs have too few deaths (or none to rest a rate on) to show: an LSOA has about " +
            "70 births in three years, so its rate is best read at ward level.",
        "Deaths per 1,000 live births", rates, charts::QuantileClasses(values, 5, 1), data.lsoas,
        notes));
  }
  // Where deaths cluster comes next, once the deprivation it is drawn on is
  // known.
  const size_t clusters_at = page.sections.size();

  // Deprivation and births by LSOA.
  std::map<std::string, int64_t> lsoa_births;
  for (const auto& birth : records.frame.births) {
    if (birth.lsoa >= 0 && period.first_year <= birth.date.year() &&
        birth.date.year() <= period.last_year()) {
      ++lsoa_births[records.frame.lsoas[static_cast<size_t>(birth.lsoa)].code];
    }
  }
  std::vector<charts::MapArea> deprivation, births;
  std::vector<double> birth_values;
  for (const auto& lsoa : records.frame.lsoas) {
    if (lsoa.local_authority != records.area_code && !records.area_code.empty()) continue;
    charts::MapArea decile{lsoa.code, lsoa.name, std::nullopt, -1, "-"};
    if (lsoa.imd_decile > 0) {
      decile.value = lsoa.imd_decile;
      decile.shown = std::to_string(lsoa.imd_decile);
      // Deciles 1-2 are the most deprived fifth: class 0 is drawn darkest last,
      // so reverse: the most deprived get the darkest class.
      decile.class_index = 4 - (lsoa.imd_decile - 1) / 2;
    }
    deprivation.push_back(decile);
    int64_t count = lsoa_births.count(lsoa.code) ? lsoa_births[lsoa.code] : 0;
    charts::MapArea birth{lsoa.code, lsoa.name, std::nullopt, -1, "*"};
    if (count == 0 || count >= records.disclosure_min_count) {
      birth.value = static_cast<double>(count);
      birth.shown = Count(static_cast<double>(count));
      birth_values.push_back(static_cast<double>(count));
    }
    births.push_back(birth);
  }
  charts::Classification fifths;
  fifths.breaks = {2.5, 4.5, 6.5, 8.5};
  fifths.labels = {"Deciles 9-10 (least deprived)", "Deciles 7-8", "Deciles 5-6", "Deciles 3-4",
                   "Deciles 1-2 (most deprived)"};
  std::vector<std::string> imd_notes = notes;
  imd_notes.push_back(std::string(opendata::kMhclgAttribution));
  page.sections.push_back(MapSection(
      "lsoa-deprivation", "Deprivation by LSOA (IMD 2025)",
      "National deciles of the Index of Multiple Deprivation 2025: darker is more deprived.",
      "IMD 2025 decile", deprivation, fifths, data.lsoas, imd_notes));
  // The LSOA scan over every year of records, drawn on deprivation rather
  // than on the LSOA rates: every LSOA has a decile, while most LSOA rates
  // are too small to show. (The sentence says the scan does not adjust for
  // deprivation.)
  // Shorter class labels: the legend shares its column with the clusters'.
  charts::Classification deciles = fifths;
  deciles.labels = {"9-10 (least deprived)", "7-8", "5-6", "3-4", "1-2 (most deprived)"};
  std::vector<Section> clusters = ClustersOrWhyNot(
      data, {deprivation, deciles, "IMD 2025 decile", "deprivation (IMD 2025)"}, imd_notes);
  page.sections.insert(page.sections.begin() + static_cast<std::ptrdiff_t>(clusters_at),
                       clusters.begin(), clusters.end());
  page.sections.push_back(MapSection("lsoa-births", "Live births by LSOA, " + period.Label(),
                                     "Live births to mothers resident in each LSOA.", "Live births",
                                     births, charts::QuantileClasses(birth_values, 5, 0),
                                     data.lsoas, notes));
  page.notes = imd_notes;
  return page;
}

}  // namespace cradle::web
