#include "report/statements.h"

#include <algorithm>
#include <cmath>

#include "base/disclosure.h"
#include "base/strings.h"
#include "report/figures.h"

namespace cradle::report {
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

std::optional<Claim> BenchmarkClaim(const indicators::Engine& engine,
                                    const indicators::IndicatorValue& value,
                                    std::optional<double> benchmark) {
  if (!value.has_value() || !benchmark) return std::nullopt;
  return IntervalClaim(AreaName(engine, value.area_code) + ", " + value.period.Label() + ", " +
                           value.indicator->name + ", against England",
                       value.ci95->ci.lower, value.ci95->ci.upper, *benchmark,
                       value.indicator->decimals);
}

std::vector<Statement> HeadlineStatements(const indicators::Engine& engine,
                                          const indicators::IndicatorValue& value) {
  const indicators::Indicator& indicator = *value.indicator;
  int d = indicator.decimals;
  if (!value.has_value()) return {Plain(Unavailable(engine, value))};
  std::vector<Statement> lines;
  std::string area = AreaName(engine, value.area_code);
  lines.push_back(Plain(area + ", " + value.period.Label() + ": " + Number(value.ci95->value, d) +
                        Unit(indicator) + " (95% confidence interval " + Interval(value.ci95, d) +
                        "), from " + Count(*value.count) + " deaths among " +
                        Count(*value.denominator) + " live births."));
  lines.back().key = true;
  std::optional<Claim> claim = BenchmarkClaim(engine, value, value.comparator_value);
  if (!claim) {
    lines.push_back(
        Plain("England's value for the same period is not in the data, so no comparison is "
              "made."));
  } else {
    std::string england = Number(*value.comparator_value, d);
    std::string line;
    if (claim->verdict == Verdict::kNotDifferent) {
      line = "This is " + std::string(VerdictPhrase(claim->verdict)) + " from England's " +
             england + ": the 95% interval (" + Interval(value.ci95, d) + ") includes it.";
    } else {
      bool higher = claim->verdict == Verdict::kHigher;
      line = "This is " + std::string(VerdictPhrase(claim->verdict)) + " than England's " +
             england + ": the 95% interval (" + Interval(value.ci95, d) + ") lies wholly " +
             (higher ? "above" : "below") + " it";
      if (value.ci998 && (higher ? value.ci998->ci.lower > *value.comparator_value
                                 : value.ci998->ci.upper < *value.comparator_value)) {
        line += ", and so does the 99.8% interval (" + Interval(value.ci998, d) + ")";
      }
      line += ".";
    }
    lines.push_back(Statement{line, {*claim}, true});
  }
  if (value.rank) {
    lines.push_back(Plain("It ranks " + std::to_string(*value.rank) + " of " +
                          std::to_string(value.rank_of) +
                          " English upper-tier authorities (1 = the highest rate)."));
    lines.back().key = true;
  }
  if (!value.value_note.empty()) lines.push_back(Plain(value.value_note));
  return lines;
}

Statement NeighbourStatement(const indicators::Engine& engine,
                             const indicators::IndicatorValue& value,
                             const indicators::IndicatorValue& neighbour) {
  std::string name = AreaName(engine, neighbour.area_code);
  if (!neighbour.has_value()) return Plain(Unavailable(engine, neighbour));
  int d = value.indicator->decimals;
  std::string line = "Its neighbour " + name + ": " + Number(neighbour.ci95->value, d) +
                     " (95% interval " + Interval(neighbour.ci95, d) + ").";
  if (!value.has_value()) return Plain(line);
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
  return Plain(line);
}

Statement GapStatement(const indicators::Engine& engine, const indicators::IndicatorValue& value) {
  std::optional<Claim> claim = BenchmarkClaim(engine, value, value.comparator_value);
  if (!claim || !value.denominator || !value.count) return Plain("");
  const indicators::Indicator& indicator = *value.indicator;
  double expected = *value.comparator_value * *value.denominator / indicator.multiplier;
  double gap_a_year = (*value.count - expected) / value.period.years;
  std::string area = AreaName(engine, value.area_code);
  std::string line = "At England's rate, " + area + " would have had about " + Number(expected, 0) +
                     " infant deaths in " + value.period.Label() + "; it had " +
                     Count(*value.count) + ": ";
  if (gap_a_year > 0) {
    line += "about " + Number(gap_a_year, 0) + " more babies' deaths a year";
  } else {
    line += "about " + Number(-gap_a_year, 0) + " fewer a year";
  }
  if (claim->verdict == Verdict::kNotDifferent) {
    line += ", a difference within what chance alone could give (the rate is " +
            std::string(VerdictPhrase(claim->verdict)) + " from England's; 95% interval " +
            Interval(value.ci95, indicator.decimals) + ")";
    return Statement{line + ".", {*claim}, false};
  }
  return Plain(line + ".");
}

Statement ShareStatement(const indicators::Engine& engine,
                         const indicators::IndicatorValue& value) {
  if (!value.has_value()) return Plain(Unavailable(engine, value));
  int d = value.indicator->decimals;
  std::string line = Number(value.ci95->value, d) + "% of infant deaths in " +
                     AreaName(engine, value.area_code) + ", " + value.period.Label() + " (" +
                     Count(*value.count) + " of " + Count(*value.denominator) + ", 95% interval " +
                     Interval(value.ci95, d) + ") were neonatal, in the first 28 days of life";
  std::optional<Claim> claim = BenchmarkClaim(engine, value, value.comparator_value);
  if (!claim) return Plain(line + ".");
  line += "; England " + Number(*value.comparator_value, d) + "%, " +
          std::string(VerdictPhrase(claim->verdict));
  return Statement{line + ".", {*claim}, true};
}

}  // namespace cradle::report
