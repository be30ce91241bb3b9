#include "web/statements.h"

#include <algorithm>
#include <cmath>

#include "base/disclosure.h"
#include "base/strings.h"
#include "web/page_parts.h"

namespace cradle::web {
namespace {

std::string Unit(const indicators::Indicator& indicator) {
  return indicator.unit.empty() ? "" : " " + indicator.unit;
}

std::string Unavailable(const indicators::Engine& engine, const indicators::IndicatorValue& value) {
  std::string what = value.indicator->name + " for " + AreaName(engine, value.area_code) + ", " +
                     value.period.Label();
  if (value.suppressed) {
    return what + " is not shown: it rests on a count too small to publish.";
  }
  return what + " cannot be given: " + value.unavailable + ".";
}

// "LSOA"/"LSOAs" or "ward"/"wards".
std::string Places(workspace::ScanLevel level, size_t count) {
  std::string one = level == workspace::ScanLevel::kLsoa ? "LSOA" : "ward";
  return count == 1 ? one : one + "s";
}

// "14 LSOAs around Leicester 012A (E01025001)" or "the LSOA Leicester 012A
// (E01025001)".
std::string ClusterPlace(const workspace::NeighbourhoodScan& scan,
                         const hotspots::Cluster& cluster) {
  const auto centre = static_cast<size_t>(cluster.centre);
  std::string name = scan.input.names[centre] + " (" + scan.input.data.ids[centre] + ")";
  if (cluster.members.size() == 1) return "the " + Places(scan.input.level, 1) + " " + name;
  return std::to_string(cluster.members.size()) + " " +
         Places(scan.input.level, cluster.members.size()) + " around " + name;
}

// "45 deaths where 28.1 were expected at Leicester's overall rate
// (observed/expected 1.60; relative risk 1.68)", without the count or the
// ratios when the small-number rule hides the count.
std::string ClusterCounts(const workspace::NeighbourhoodScan& scan,
                          const hotspots::Cluster& cluster, const std::string& area_name,
                          int min_count) {
  std::string expected =
      Number(cluster.expected, 1) + " were expected at " + area_name + "'s overall rate";
  if (IsSmallCount(cluster.observed, min_count)) {
    return "a number of deaths too small to show where " + expected;
  }
  std::string line = WithThousands(cluster.observed) +
                     (cluster.observed == 1 ? " death where " : " deaths where ") + expected +
                     " (observed/expected " + Number(cluster.obs_over_exp(), 2);
  double risk = hotspots::RelativeRisk(cluster.observed, cluster.expected, scan.result.total_cases);
  if (std::isfinite(risk))
    line += "; relative risk " + Number(risk, 2) + ", inside against outside";
  return line + ")";
}

// "p = 0.003: 2 of 999 replications with the deaths spread at random had a
// cluster at least as strong".
std::string ClusterChance(const workspace::NeighbourhoodScan& scan,
                          const hotspots::Cluster& cluster) {
  const int stronger = cluster.rank - 1;
  std::string line = "p = " + Number(cluster.p_value, 3) + ": ";
  line += stronger == 0 ? std::string("none") : WithThousands(stronger);
  line += " of " + WithThousands(scan.result.replications) +
          " replications with the deaths spread at random in proportion to births had a "
          "cluster " +
          (stronger == 0 ? "as strong" : "at least as strong");
  return line;
}

}  // namespace

bool IsSignificant(const hotspots::Cluster& cluster) {
  return cluster.p_value < kClusterSignificance;
}

std::vector<size_t> ShownClusters(const hotspots::ScanResult& result) {
  std::vector<size_t> shown;
  for (size_t idx = 0; idx < result.clusters.size(); ++idx) {
    if (idx == 0 || IsSignificant(result.clusters[idx])) shown.push_back(idx);
  }
  return shown;
}

std::string ClusterMethod(const workspace::NeighbourhoodScan& scan) {
  const std::string place = Places(scan.input.level, 1);
  return "Clusters: Kulldorff's spatial scan statistic as SaTScan computes it (Poisson model, "
         "high rates). Circles centred on each " +
         place + "'s centroid take in the nearest " + Places(scan.input.level, 2) +
         " until they hold up to " + Number(scan.options.max_window_share * 100, 0) +
         "% of the live births; the circle whose death rate inside is most unlike the rate "
         "outside (the largest likelihood ratio) is the most likely cluster, and secondary "
         "clusters share no " +
         place +
         " with a stronger one. Each p-value ranks a cluster's likelihood ratio among the "
         "largest of " +
         WithThousands(scan.options.replications) +
         " replications with the deaths spread at random in proportion to births (seed " +
         std::to_string(scan.options.seed) +
         ", fixed so the answer is the same on every run); those of secondary clusters are "
         "conservative. Deaths are the infant deaths of the babies born in " +
         scan.input.period.Label() + " (birth cohort), by the " + place +
         " of the mother's residence at the birth.";
}

std::vector<std::string> ClusterStatements(const workspace::NeighbourhoodScan& scan,
                                           const std::string& area_name, int disclosure_min_count) {
  const auto& clusters = scan.result.clusters;
  const std::string period = scan.input.period.Label();
  if (clusters.empty()) {
    return {"The scan found no group of " + Places(scan.input.level, 2) + " in " + area_name +
            " where infant deaths of babies born in " + period +
            " were more frequent than the births there would predict."};
  }
  std::vector<std::string> lines;
  const hotspots::Cluster& top = clusters.front();
  const std::string counts = ClusterCounts(scan, top, area_name, disclosure_min_count);
  if (IsSignificant(top)) {
    lines.push_back("The most likely cluster of infant deaths in " + area_name + ", " + period +
                    ", is " + ClusterPlace(scan, top) + ": " + counts +
                    ". It is statistically significant (" + ClusterChance(scan, top) + ").");
  } else {
    lines.push_back("There is no statistically significant cluster of infant deaths in " +
                    area_name + ", " + period + ". The most likely cluster, " +
                    ClusterPlace(scan, top) + ", had " + counts + "; " + ClusterChance(scan, top) +
                    ", so it is within what chance alone could give (p is not below " +
                    Number(kClusterSignificance, 2) + ").");
  }
  std::vector<size_t> shown = ShownClusters(scan.result);
  if (shown.size() > 1) {
    std::string line = std::to_string(shown.size() - 1) + " secondary cluster" +
                       (shown.size() == 2 ? " is" : "s are") + " also statistically significant: ";
    for (size_t idx = 1; idx < shown.size(); ++idx) {
      const hotspots::Cluster& cluster = clusters[shown[idx]];
      line += (idx > 1 ? "; " : "") + std::string("cluster ") + std::to_string(shown[idx] + 1) +
              ", " + ClusterPlace(scan, cluster) + ", " +
              ClusterCounts(scan, cluster, area_name, disclosure_min_count) +
              ", p = " + Number(cluster.p_value, 3);
    }
    lines.push_back(line + ".");
  }
  const size_t others = clusters.size() - shown.size();
  if (others > 0) {
    double low = 1, high = 0;
    for (size_t idx = 1; idx < clusters.size(); ++idx) {
      if (IsSignificant(clusters[idx])) continue;
      low = std::min(low, clusters[idx].p_value);
      high = std::max(high, clusters[idx].p_value);
    }
    const std::string p_values = others == 1 || Number(low, 3) == Number(high, 3)
                                     ? "p = " + Number(high, 3)
                                     : "p = " + Number(low, 3) + " to " + Number(high, 3);
    lines.push_back("The scan's other " + std::to_string(others) + " secondary cluster" +
                    (others == 1 ? " (" : "s (") + p_values + ")" + (others == 1 ? " is" : " are") +
                    " not statistically significant, so not drawn; /api/v1/hotspots lists "
                    "every cluster.");
  }
  lines.push_back(
      "A cluster shows where infant deaths were more frequent than the births there would "
      "predict, not why: the scan takes no account of deprivation, ethnicity or any other "
      "risk.");
  return lines;
}

Against CompareWithBenchmark(const indicators::IndicatorValue& value,
                             std::optional<double> benchmark) {
  if (!value.has_value() || !benchmark) return Against::kUnknown;
  if (value.ci95->ci.lower > *benchmark) return Against::kHigher;
  if (value.ci95->ci.upper < *benchmark) return Against::kLower;
  return Against::kNotDifferent;
}

std::vector<std::string> HeadlineStatements(const indicators::Engine& engine,
                                            const indicators::IndicatorValue& value) {
  const indicators::Indicator& indicator = *value.indicator;
  int d = indicator.decimals;
  if (!value.has_value()) return {Unavailable(engine, value)};
  std::vector<std::string> lines;
  std::string area = AreaName(engine, value.area_code);
  lines.push_back(area + ", " + value.period.Label() + ": " + Number(value.ci95->value, d) +
                  Unit(indicator) + " (95% confidence interval " + Interval(value.ci95, d) +
                  "), from " + Count(*value.count) + " deaths among " + Count(*value.denominator) +
                  " live births.");
  std::string england = value.comparator_value ? Number(*value.comparator_value, d) : "";
  switch (CompareWithBenchmark(value, value.comparator_value)) {
    case Against::kHigher:
    case Against::kLower: {
      bool higher = CompareWithBenchmark(value, value.comparator_value) == Against::kHigher;
      std::string line = "This is significantly " + std::string(higher ? "higher" : "lower") +
                         " than England's " + england + ": the 95% interval lies wholly " +
                         (higher ? "above" : "below") + " it";
      if (value.ci998 && (higher ? value.ci998->ci.lower > *value.comparator_value
                                 : value.ci998->ci.upper < *value.comparator_value)) {
        line += ", and so does the 99.8% interval (" + Interval(value.ci998, d) + ")";
      }
      lines.push_back(line + ".");
      break;
    }
    case Against::kNotDifferent:
      lines.push_back("This is not significantly different from England's " + england +
                      ": the 95% interval includes it.");
      break;
    case Against::kUnknown:
      lines.push_back(
          "England's value for the same period is not in the data, so no "
          "comparison is made.");
      break;
  }
  if (value.rank) {
    lines.push_back("It ranks " + std::to_string(*value.rank) + " of " +
                    std::to_string(value.rank_of) +
                    " English upper-tier authorities (1 = the highest rate).");
  }
  if (!value.value_note.empty()) lines.push_back(value.value_note);
  return lines;
}

std::string NeighbourStatement(const indicators::Engine& engine,
                               const indicators::IndicatorValue& value,
                               const indicators::IndicatorValue& neighbour) {
  std::string name = AreaName(engine, neighbour.area_code);
  if (!neighbour.has_value()) return Unavailable(engine, neighbour);
  int d = value.indicator->decimals;
  std::string line = "Its neighbour " + name + ": " + Number(neighbour.ci95->value, d) + " (" +
                     Interval(neighbour.ci95, d) + ").";
  if (!value.has_value()) return line;
  bool apart = value.ci95->ci.lower > neighbour.ci95->ci.upper ||
               value.ci95->ci.upper < neighbour.ci95->ci.lower;
  std::string area = AreaName(engine, value.area_code);
  if (apart) {
    line += " The two 95% intervals do not overlap: " + area + "'s rate is clearly " +
            (value.ci95->value > neighbour.ci95->value ? "higher" : "lower") + ".";
  } else {
    line +=
        " The two 95% intervals overlap, so these figures do not show a difference between "
        "them.";
  }
  return line;
}

std::string GapStatement(const indicators::Engine& engine,
                         const indicators::IndicatorValue& value) {
  if (!value.has_value() || !value.comparator_value || !value.denominator || !value.count) {
    return "";
  }
  const indicators::Indicator& indicator = *value.indicator;
  double expected = *value.comparator_value * *value.denominator / indicator.multiplier;
  double gap_a_year = (*value.count - expected) / value.period.years;
  std::string area = AreaName(engine, value.area_code);
  std::string line = "At England's rate, " + area + " would have had about " + Number(expected, 0) +
                     " infant deaths in " + value.period.Label() + "; it had " +
                     Count(*value.count) + ": ";
  Against against = CompareWithBenchmark(value, value.comparator_value);
  if (gap_a_year > 0) {
    line += "about " + Number(gap_a_year, 0) + " more babies' deaths a year";
  } else {
    line += "about " + Number(-gap_a_year, 0) + " fewer a year";
  }
  if (against == Against::kNotDifferent) {
    line += ", a difference within what chance alone could give";
  }
  return line + ".";
}

std::string ShareStatement(const indicators::Engine& engine,
                           const indicators::IndicatorValue& value) {
  if (!value.has_value()) return Unavailable(engine, value);
  int d = value.indicator->decimals;
  std::string line = Number(value.ci95->value, d) + "% of infant deaths in " +
                     AreaName(engine, value.area_code) + " (" + Count(*value.count) + " of " +
                     Count(*value.denominator) + ", 95% interval " + Interval(value.ci95, d) +
                     ") were neonatal, in the first 28 days of life";
  if (value.comparator_value) {
    line += "; England " + Number(*value.comparator_value, d) + "%";
    Against against = CompareWithBenchmark(value, value.comparator_value);
    if (against == Against::kNotDifferent) line += ", not significantly different";
    if (against == Against::kHigher) line += ", significantly higher";
    if (against == Against::kLower) line += ", significantly lower";
  }
  return line + ".";
}

}  // namespace cradle::web
