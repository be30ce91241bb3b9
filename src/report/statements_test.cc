// The wording of a neighbourhood scan's finding follows its statistics.
#include "report/statements.h"

#include <gtest/gtest.h>

namespace cradle::report {
namespace {

// Four LSOAs; the first cluster holds the first two, each other one LSOA.
// Clusters have the given p-values and observed counts.
workspace::NeighbourhoodScan Scan(std::vector<std::pair<double, int64_t>> clusters) {
  workspace::NeighbourhoodScan scan;
  scan.input.period = {2015, 10};
  scan.input.data.ids = {"E01000001", "E01000002", "E01000003", "E01000004"};
  scan.input.names = {"Leicester 001A", "Leicester 001B", "Leicester 002A", "Leicester 002B"};
  scan.options = workspace::NeighbourhoodScanOptions();
  scan.result.replications = 999;
  scan.result.total_cases = 100;
  for (size_t idx = 0; idx < clusters.size(); ++idx) {
    hotspots::Cluster cluster;
    cluster.centre = idx == 0 ? 0 : static_cast<int>(idx + 1);
    cluster.members = idx == 0 ? std::vector<int>{0, 1} : std::vector<int>{cluster.centre};
    cluster.p_value = clusters[idx].first;
    cluster.rank = static_cast<int>(clusters[idx].first * 1000 + 0.5);
    cluster.observed = clusters[idx].second;
    cluster.expected = 20;
    scan.result.clusters.push_back(cluster);
  }
  return scan;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST(ClusterStatementsTest, ASignificantClusterIsCalledSo) {
  std::string text = Joined(ClusterStatements(Scan({{0.001, 35}, {0.6, 9}}), "Leicester", 5));
  EXPECT_NE(text.find("The most likely cluster of infant deaths in Leicester, 2015-24, is 2 LSOAs "
                      "around Leicester 001A (E01000001): 35 deaths where 20.0 were expected at "
                      "Leicester's overall rate (observed/expected 1.75; relative risk 2.15, "
                      "inside against outside). It is statistically significant (p = 0.001: none "
                      "of 999 replications"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("other 1 secondary cluster (p = 0.600) is not statistically significant"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("not why"), std::string::npos);
}

TEST(ClusterStatementsTest, ANonSignificantClusterIsNoCluster) {
  std::string text = Joined(ClusterStatements(Scan({{0.05, 30}}), "Leicester", 5));
  EXPECT_NE(text.find("There is no statistically significant cluster of infant deaths in "
                      "Leicester, 2015-24. The most likely cluster, 2 LSOAs around"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("p = 0.050: 49 of 999 replications"), std::string::npos) << text;
  EXPECT_NE(text.find("within what chance alone could give"), std::string::npos);
  EXPECT_EQ(text.find("is statistically significant"), std::string::npos);
}

TEST(ClusterStatementsTest, ASmallCountIsNotStatedNorItsRatios) {
  std::string text = Joined(ClusterStatements(Scan({{0.02, 4}}), "Leicester", 5));
  EXPECT_NE(text.find("a number of deaths too small to show where 20.0 were expected"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("observed/expected"), std::string::npos);
  EXPECT_EQ(text.find("relative risk"), std::string::npos);
}

TEST(ClusterStatementsTest, SignificantSecondaryClustersAreNamedAndShown) {
  workspace::NeighbourhoodScan scan = Scan({{0.001, 35}, {0.03, 12}, {0.4, 6}});
  std::string text = Joined(ClusterStatements(scan, "Leicester", 5));
  EXPECT_NE(text.find("1 secondary cluster is also statistically significant: cluster 2, the LSOA "
                      "Leicester 002A (E01000003), 12 deaths"),
            std::string::npos)
      << text;
  EXPECT_EQ(ShownClusters(scan.result), (std::vector<size_t>{0, 1}));
  EXPECT_TRUE(ShownClusters({}).empty());
}

}  // namespace
}  // namespace cradle::report
