// Sentences that state an indicator's figure or a neighbourhood scan's
// finding, generated from the figures: the value with its interval, and
// wording that follows the statistics (statement.h) — "significantly higher
// than England" only when the 95% interval lies wholly above England's value,
// "not significantly different" when it includes it. The pages and the
// report speak the same way.
#pragma once

#include <string>
#include <vector>

#include "indicators/engine.h"
#include "report/statement.h"
#include "workspace/neighbourhood_scan.h"

namespace cradle::report {

// The claim that a value's 95% interval makes against `benchmark` (England's
// value); none when either is missing.
std::optional<Claim> BenchmarkClaim(const indicators::Engine& engine,
                                    const indicators::IndicatorValue& value,
                                    std::optional<double> benchmark);

// The value with its interval and counts; how it compares with England; its
// rank.
std::vector<Statement> HeadlineStatements(const indicators::Engine& engine,
                                          const indicators::IndicatorValue& value);
// The area beside its neighbour.
Statement NeighbourStatement(const indicators::Engine& engine,
                             const indicators::IndicatorValue& value,
                             const indicators::IndicatorValue& neighbour);
// What the gap with England means in deaths a year (empty text without the
// figures).
Statement GapStatement(const indicators::Engine& engine, const indicators::IndicatorValue& value);
// A percentage indicator (the neonatal share) with its interval and England's.
Statement ShareStatement(const indicators::Engine& engine, const indicators::IndicatorValue& value);

// A cluster from a neighbourhood scan is "statistically significant" when its
// Monte Carlo p-value is below 0.05, and only then.
inline constexpr double kClusterSignificance = 0.05;
bool IsSignificant(const hotspots::Cluster& cluster);

// The clusters a page draws and tabulates: the most likely cluster, whatever
// its p-value (the sentence says when it is not significant), and the
// secondary clusters that are significant. Indices into result.clusters.
std::vector<size_t> ShownClusters(const hotspots::ScanResult& result);

// How the scan was done, in words, for the notes under its figures.
std::string ClusterMethod(const workspace::NeighbourhoodScan& scan);

// What the scan found: the most likely cluster with its deaths against those
// expected at the area's overall rate and its p-value — "a statistically
// significant cluster" only when p < 0.05, otherwise "no statistically
// significant cluster" and "within what chance alone could give" — then the
// significant secondary clusters, how many others were found, and that a
// cluster says where, not why. A count the small-number rule hides is not
// stated, nor its ratios. `area_name` e.g. "Leicester".
std::vector<std::string> ClusterStatements(const workspace::NeighbourhoodScan& scan,
                                           const std::string& area_name, int disclosure_min_count);

}  // namespace cradle::report
