#include "web/cluster_section.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/disclosure.h"
#include "base/strings.h"
#include "report/statements.h"
#include "web/page_parts.h"

namespace cradle::web {
namespace {

// "LSOA" or "ward".
std::string PlaceName(workspace::ScanLevel level) {
  return level == workspace::ScanLevel::kLsoa ? "LSOA" : "ward";
}

// How a cluster is named in the legend and the table: "Cluster 1 (most
// likely), p = 0.001".
std::string ClusterLabel(const hotspots::ScanResult& result, size_t index) {
  return "Cluster " + std::to_string(index + 1) + (index == 0 ? " (most likely)" : "") +
         ", p = " + Number(result.clusters[index].p_value, 3);
}

std::vector<charts::Cell> ClusterRow(const workspace::NeighbourhoodScan& scan, size_t index,
                                     int min_count) {
  const hotspots::Cluster& cluster = scan.result.clusters[index];
  const auto centre = static_cast<size_t>(cluster.centre);
  // The count and everything that would give it back (O/E with E shown, the
  // relative risk, the likelihood ratio) are hidden together.
  const bool hidden = IsSmallCount(cluster.observed, min_count);
  const double risk =
      hotspots::RelativeRisk(cluster.observed, cluster.expected, scan.result.total_cases);
  auto unless_hidden = [&](double value, int decimals) {
    if (hidden) return charts::Cell("*");
    if (!std::isfinite(value)) return charts::Cell("-");
    return charts::Cell(Number(value, decimals), value);
  };
  return {
      charts::Cell(std::to_string(index + 1) + (index == 0 ? " (most likely)" : ""),
                   static_cast<double>(index + 1)),
      charts::Cell(scan.input.names[centre]),
      charts::Cell(scan.input.data.ids[centre]),
      charts::Cell(std::to_string(cluster.members.size()),
                   static_cast<double>(cluster.members.size())),
      NumberCell(cluster.radius, 2),
      CountCell(cluster.population, false),
      CountCell(static_cast<double>(cluster.observed), hidden),
      NumberCell(cluster.expected, 1),
      unless_hidden(cluster.obs_over_exp(), 2),
      unless_hidden(risk, 2),
      unless_hidden(cluster.llr, 2),
      charts::Cell(Number(cluster.p_value, 3), cluster.p_value),
      charts::Cell(report::IsSignificant(cluster) ? "Yes" : "No"),
  };
}

// One row per area of the shown clusters, nearest the centre first: the
// list behind the outlines, which would make the cluster table's rows tall.
// Births only: an area's deaths are mostly too few to show.
Section AreasSection(const AppData& data, const workspace::NeighbourhoodScan& scan,
                     const std::vector<std::string>& notes) {
  const inequalities::RecordFrame& frame = data.records->frame;
  const bool lsoas = scan.input.level == workspace::ScanLevel::kLsoa;
  const std::string place = PlaceName(scan.input.level);
  std::map<std::string, const inequalities::Lsoa*> lsoa_of;
  for (const inequalities::Lsoa& lsoa : frame.lsoas) lsoa_of[lsoa.code] = &lsoa;
  Section section;
  section.id = "cluster-areas";
  section.heading = "The " + place + "s in each cluster";
  section.paragraphs = {"Each " + place +
                        " of the clusters drawn above, nearest the centre first, " +
                        "with its live births of " + scan.input.period.Label() +
                        ". Deaths are given for whole clusters only."};
  charts::DataTable table;
  table.title = "The " + place + "s in each cluster, " + scan.input.period.Label();
  table.columns = {"Cluster", "Order from the centre", "Code", lsoas ? "LSOA" : "Ward"};
  if (lsoas) table.columns.insert(table.columns.end(), {"Ward", "IMD 2025 decile"});
  table.columns.push_back("Live births");
  table.notes = notes;
  for (size_t index : report::ShownClusters(scan.result)) {
    const hotspots::Cluster& cluster = scan.result.clusters[index];
    for (size_t order = 0; order < cluster.members.size(); ++order) {
      const auto member = static_cast<size_t>(cluster.members[order]);
      const std::string& code = scan.input.data.ids[member];
      std::vector<charts::Cell> row = {
          charts::Cell(std::to_string(index + 1), static_cast<double>(index + 1)),
          charts::Cell(std::to_string(order + 1), static_cast<double>(order + 1)),
          charts::Cell(code), charts::Cell(scan.input.names[member])};
      if (lsoas) {
        const inequalities::Lsoa* lsoa = lsoa_of.count(code) ? lsoa_of[code] : nullptr;
        const bool has_ward = lsoa && lsoa->ward >= 0;
        row.emplace_back(has_ward ? frame.wards[static_cast<size_t>(lsoa->ward)].name : "");
        row.push_back(lsoa && lsoa->imd_decile > 0
                          ? charts::Cell(std::to_string(lsoa->imd_decile), lsoa->imd_decile)
                          : charts::Cell("-"));
      }
      const double births = scan.input.data.population[member];
      row.push_back(CountCell(
          births, IsSmallCount(static_cast<int64_t>(births), data.records->disclosure_min_count)));
      table.rows.push_back(std::move(row));
    }
  }
  section.table = std::move(table);
  section.table_open = false;
  return section;
}

}  // namespace

std::vector<Section> ClusterSections(const AppData& data, const workspace::NeighbourhoodScan& scan,
                                     const ClusterBaseMap& base,
                                     const std::vector<geo::Boundary>& boundaries,
                                     const std::vector<std::string>& notes) {
  const workspace::RecordScope& records = *data.records;
  const std::string area_name = AreaName(data.session->engine(), scan.input.area_code);
  const std::string place = PlaceName(scan.input.level);
  const std::string period = scan.input.period.Label();
  Section section;
  section.id = "clusters";
  section.heading = "Where infant deaths cluster, " + period;
  section.paragraphs = report::ClusterStatements(scan, area_name, records.disclosure_min_count);
  if (scan.input.left_out_births > 0) {
    section.paragraphs.push_back(WithThousands(scan.input.left_out_births) + " live births of " +
                                 period + " with no known " + place + " in " + area_name +
                                 " are left out of the scan, with their deaths.");
  }
  std::vector<std::string> table_notes = {report::ClusterMethod(scan)};
  for (const std::string& note : notes) {
    if (std::find(table_notes.begin(), table_notes.end(), note) == table_notes.end()) {
      table_notes.push_back(note);
    }
  }

  charts::ChoroplethOptions options;
  options.id = "neighbourhoods-clusters";
  options.title = "Clusters of infant deaths among " + area_name + "'s " + place + "s, " + period +
                  ", on " + base.what;
  options.description = "Each " + place + " filled by " + base.what +
                        ", with the most likely cluster of infant deaths outlined in a solid "
                        "line and significant secondary clusters in dashed lines";
  options.legend_title = base.legend_title;
  options.notes = table_notes;
  std::vector<charts::MapArea> areas = base.areas;
  for (charts::MapArea& area : areas) {
    if (area.value && area.class_index < 0) area.class_index = base.classes.ClassOf(*area.value);
  }
  charts::DataTable table;
  table.title = "Clusters of infant deaths, " + place + "s of " + area_name + ", " + period;
  table.columns = {"Cluster",
                   "Centre",
                   "Centre code",
                   "Areas",
                   "Radius (km)",
                   "Live births",
                   "Deaths observed",
                   "Deaths expected",
                   "Observed/expected",
                   "Relative risk",
                   "Log likelihood ratio",
                   "p-value",
                   "Significant (p < 0.05)",
                   "Member codes"};
  table.notes = table_notes;
  for (size_t index : report::ShownClusters(scan.result)) {
    const hotspots::Cluster& cluster = scan.result.clusters[index];
    charts::MapOutline outline{ClusterLabel(scan.result, index), {}};
    for (int member : cluster.members) {
      outline.codes.push_back(scan.input.data.ids[static_cast<size_t>(member)]);
    }
    options.outlines.push_back(std::move(outline));
    table.rows.push_back(ClusterRow(scan, index, records.disclosure_min_count));
  }
  section.svg = charts::Choropleth(options, areas, boundaries, base.classes.labels).svg;
  section.table = std::move(table);
  section.table_open = true;
  return {section, AreasSection(data, scan, table_notes)};
}

}  // namespace cradle::web
