// The space-time Poisson scan against SaTScan 10.3.2's New Mexico brain
// cancer run (tests/data/scan/expected/NewMexicoSpaceTimePoisson.txt), and
// its loader and time axis on small cases worked by hand.
#include "hotspots/space_time_scan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "hotspots/person_time.h"
#include "hotspots/space_time_data.h"
#include "hotspots/study_period.h"

namespace cradle::hotspots {
namespace {

std::string SampleFile(const std::string& name) {
  return std::string(CRADLE_SCAN_TESTDATA) + "/satscan_sample_data/" + name;
}

const StudyPeriod kNewMexicoYears{1973, 1991, 1};

// Loaded once: every New Mexico test reads the same files.
const SpaceTimeData& NewMexico() {
  static const SpaceTimeData data = [] {
    Result<SpaceTimeData> loaded =
        LoadSatscanSpaceTime(SampleFile("nm.cas"), SampleFile("nm.pop"), SampleFile("nm.geo"),
                             Coordinates::kLatLong, kNewMexicoYears);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? *loaded : SpaceTimeData{};
  }();
  return data;
}

std::set<std::string> MemberIds(const Cluster& cluster, const SpaceTimeData& data) {
  std::set<std::string> ids;
  for (int member : cluster.members) ids.insert(data.ids[member]);
  return ids;
}

std::vector<double> SatscanSimulatedLlrs() {
  std::ifstream in(std::string(CRADLE_SCAN_TESTDATA) +
                   "/expected/NewMexicoSpaceTimePoisson.llr.txt");
  std::vector<double> values;
  for (double value = 0; in >> value;) values.push_back(value);
  return values;
}

SpaceTimeOptions NewMexicoOptions(int replications) {
  SpaceTimeOptions options;  // SaTScan's defaults: 50% space, 50% time, high rates
  options.replications = replications;
  return options;
}

// One cluster of the report, as printed.
struct ReportedCluster {
  std::set<std::string> ids;
  std::string start, end;
  int64_t observed;
  double expected;  // 2 decimals
  double llr;       // 6 decimals
  double radius_km;
  double population;
  double p_value;
};

const std::vector<ReportedCluster> kReport = {
    {{"Torrance", "Bernalillo", "Valencia", "SantaFe", "Guadelupe", "Socorro", "Sandoval",
      "SanMiguel", "LosAlamos"},
     "1985/1/1",
     "1989/12/31",
     236,
     176.22,
     10.979758,
     125.60,
     674892,
     0.014},
    {{"Chaves"}, "1988/1/1", "1989/12/31", 16, 6.03, 5.684828, 0, 52756, 0.692},
    {{"Curry", "Roosevelt"}, "1982/1/1", "1983/12/31", 13, 5.37, 3.884186, 41.28, 59349, 0.996},
};

void ExpectReported(const ScanResult& result, const SpaceTimeData& data, size_t idx) {
  SCOPED_TRACE("cluster " + std::to_string(idx + 1));
  const ReportedCluster& expected = kReport[idx];
  const Cluster& cluster = result.clusters[idx];
  EXPECT_EQ(MemberIds(cluster, data), expected.ids);
  ASSERT_TRUE(cluster.time_start && cluster.time_end);
  EXPECT_EQ(result.interval_start_labels[*cluster.time_start], expected.start);
  EXPECT_EQ(result.interval_end_labels[*cluster.time_end], expected.end);
  EXPECT_EQ(cluster.observed, expected.observed);
  EXPECT_NEAR(cluster.expected, expected.expected, 0.005);
  EXPECT_NEAR(cluster.llr, expected.llr, 5e-7);
  EXPECT_NEAR(cluster.radius, expected.radius_km, 0.005);
  EXPECT_NEAR(cluster.population, expected.population, 0.5);
  EXPECT_TRUE(cluster.high);
}

TEST(SpaceTimeData, NewMexicoSummaryMatchesTheReport) {
  const SpaceTimeData& data = NewMexico();
  ASSERT_EQ(data.size(), 32u);
  ASSERT_EQ(data.intervals(), 19u);
  EXPECT_EQ(data.interval_start_labels.front(), "1973/1/1");
  EXPECT_EQ(data.interval_end_labels.back(), "1991/12/31");
  EXPECT_EQ(data.total_cases(), 1175);
  double expected = 0;
  for (double value : data.expected) expected += value;
  EXPECT_NEAR(expected, 1175, 1e-9);
  // "Population, averaged over time: 1344288".
  EXPECT_NEAR(data.total_population(), 1344288, 0.5);
  EXPECT_EQ(data.ids.front(), "Bernalillo");  // byte-wise: "LosAlamos" < "Luna" < "McKinley"
  EXPECT_LT(data.IndexOf("SanJuan"), data.IndexOf("SanMiguel"));
}

TEST(SpaceTimeScan, NewMexicoClustersMatchTheReport) {
  const SpaceTimeData& data = NewMexico();
  ScanResult result = SpaceTimeScan(data, NewMexicoOptions(0));
  // Without replications every cluster is kept: the report's three, then
  // DonaAna 1985-86 (LLR 3.005661), which every SaTScan replication beat.
  ASSERT_GE(result.clusters.size(), 4u);
  for (size_t idx = 0; idx < kReport.size(); ++idx) ExpectReported(result, data, idx);
  EXPECT_NEAR(RelativeRisk(result.clusters[0].observed, result.clusters[0].expected, 1175), 1.42,
              0.005);
  EXPECT_EQ(data.ids[result.clusters[0].centre], "Torrance");
  EXPECT_EQ(MemberIds(result.clusters[3], data), std::set<std::string>{"DonaAna"});
  EXPECT_EQ(result.clusters[0].rank, 0);
  EXPECT_EQ(result.clusters[0].p_value, 1);
}

// SaTScan's own 999 simulated maxima give its printed p-values: ranks 14,
// 692 and 996, all at least 10, so the default combination prints the plain
// Monte Carlo p-value. DonaAna (rank 1000) is not reported.
TEST(SpaceTimeScan, SatscanSimulationsGiveTheReportedPValues) {
  const SpaceTimeData& data = NewMexico();
  ScanResult result = SpaceTimeScan(data, NewMexicoOptions(0));
  const std::vector<double> simulated = SatscanSimulatedLlrs();
  ASSERT_EQ(simulated.size(), 999u);
  AssignPValues(simulated, /*gumbel=*/false, result);
  ASSERT_EQ(result.clusters.size(), kReport.size());
  for (size_t idx = 0; idx < kReport.size(); ++idx) {
    EXPECT_GE(result.clusters[idx].rank, 10);
    EXPECT_DOUBLE_EQ(result.clusters[idx].p_value, kReport[idx].p_value) << idx;
  }
  EXPECT_EQ(result.replications, 999);
}

// The number of 999 binomial draws at p in the central 99.9%: [lo, hi].
std::pair<int, int> BinomialRange(int n, double p) {
  std::vector<double> pmf(n + 1);
  pmf[0] = std::pow(1 - p, n);
  for (int k = 1; k <= n; ++k) pmf[k] = pmf[k - 1] * (n - k + 1) / k * p / (1 - p);
  int lo = 0;
  for (double below = pmf[0]; below <= 0.0005; below += pmf[++lo]) {
  }
  int hi = n;
  for (double above = pmf[n]; above <= 0.0005; above += pmf[--hi]) {
  }
  return {lo, hi};
}

struct MeanAndSe {
  double mean = 0;
  double se = 0;
};
MeanAndSe MeanOf(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  double sum = 0, squares = 0;
  for (double value : values) sum += value;
  const double mean = sum / n;
  for (double value : values) squares += (value - mean) * (value - mean);
  return {mean, std::sqrt(squares / (n - 1) / n)};
}

TEST(SpaceTimeScan, NewMexicoPValueAgreesWithSatscanWithinMonteCarloError) {
  const SpaceTimeData& data = NewMexico();
  SpaceTimeOptions options = NewMexicoOptions(999);
  options.threads = 2;
  int calls = 0;
  int last_done = 0;
  options.progress = [&](int done, int total) {
    ++calls;
    EXPECT_GT(done, last_done);
    EXPECT_EQ(total, 999);
    last_done = done;
  };
  const ScanResult result = SpaceTimeScan(data, options);
  EXPECT_EQ(calls, 999);
  ASSERT_FALSE(result.clusters.empty());
  ExpectReported(result, data, 0);
  // SaTScan: rank 14, so 13 of its 999 maxima reached the LLR.
  const auto [lo, hi] = BinomialRange(999, 13.0 / 999.0);
  const int exceed = result.clusters[0].rank - 1;
  EXPECT_GE(exceed, lo);
  EXPECT_LE(exceed, hi);
  ASSERT_EQ(result.simulated_llrs.size(), 999u);
  // The replications' maxima follow SaTScan's distribution: their means
  // agree within four standard errors.
  const MeanAndSe ours = MeanOf(result.simulated_llrs);
  const MeanAndSe satscan = MeanOf(SatscanSimulatedLlrs());
  EXPECT_LT(std::abs(ours.mean - satscan.mean), 4 * std::hypot(ours.se, satscan.se))
      << ours.mean << " against SaTScan's " << satscan.mean;
}

TEST(SpaceTimeScan, OneAndTwoThreadsGiveIdenticalResults) {
  const SpaceTimeData& data = NewMexico();
  SpaceTimeOptions options = NewMexicoOptions(99);
  options.seed = 20261127;
  options.gumbel = true;
  options.threads = 1;
  const ScanResult one = SpaceTimeScan(data, options);
  options.threads = 2;
  const ScanResult two = SpaceTimeScan(data, options);
  EXPECT_EQ(one.simulated_llrs, two.simulated_llrs);
  ASSERT_EQ(one.clusters.size(), two.clusters.size());
  for (size_t idx = 0; idx < one.clusters.size(); ++idx) {
    EXPECT_EQ(one.clusters[idx].rank, two.clusters[idx].rank);
    EXPECT_EQ(one.clusters[idx].gumbel_p_value, two.clusters[idx].gumbel_p_value);
  }
  options.seed += 1;
  EXPECT_NE(SpaceTimeScan(data, options).simulated_llrs, one.simulated_llrs);
}

// Two locations 3 km apart, four years; the second has an excess in its last
// two years. A hand-sized check of cylinders, the low side and the hierarchy.
SpaceTimeData TwoPlaces() {
  std::vector<TimeInterval> intervals = *MakeIntervals({2001, 2004, 1});
  std::vector<SpaceTimeLocation> locations = {
      {"b", 0, 3, {1, 1, 6, 6}, {1, 1, 1, 1}, 100},
      {"a", 0, 0, {2, 2, 2, 2}, {1, 1, 1, 1}, 100},
  };
  Result<SpaceTimeData> data =
      MakeSpaceTimeData(std::move(locations), intervals, Coordinates::kCartesian, "test");
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return *data;
}

TEST(SpaceTimeScan, FindsTheHighCylinderAndItsLowMirror) {
  const SpaceTimeData data = TwoPlaces();
  ASSERT_EQ(data.ids[0], "a");
  EXPECT_DOUBLE_EQ(data.expected[0], 22.0 / 8.0);  // C / cells, all equal at risk
  SpaceTimeOptions options;
  options.replications = 0;
  ScanResult result = SpaceTimeScan(data, options);
  ASSERT_EQ(result.clusters.size(), 1u);  // both circles hold a single location
  const Cluster& high = result.clusters[0];
  EXPECT_EQ(high.members, std::vector<int>{1});
  EXPECT_EQ(*high.time_start, 2);
  EXPECT_EQ(*high.time_end, 3);
  EXPECT_EQ(high.observed, 12);
  EXPECT_NEAR(high.llr, PoissonLlr(12, 5.5, 22), 1e-12);

  options.direction = RateDirection::kLow;
  result = SpaceTimeScan(data, options);
  ASSERT_FALSE(result.clusters.empty());
  EXPECT_FALSE(result.clusters[0].high);
  EXPECT_EQ(result.clusters[0].members, std::vector<int>{1});
  EXPECT_EQ(result.clusters[0].observed, 2);  // b's first two years
  EXPECT_NEAR(result.clusters[0].llr, PoissonLlr(2, 5.5, 22), 1e-12);
}

TEST(SpaceTimeScan, ChecksItsOptions) {
  SpaceTimeOptions options;
  EXPECT_TRUE(CheckSpaceTimeOptions(options, 19).ok());
  options.max_spatial_share = 0.6;
  EXPECT_EQ(CheckSpaceTimeOptions(options, 19).message(),
            "the maximum spatial window must be above 0% and at most 50%");
  options = {};
  options.min_temporal_intervals = 10;
  EXPECT_EQ(CheckSpaceTimeOptions(options, 19).message(),
            "the minimum temporal window must be at least 1 interval and at most the maximum (9 "
            "intervals)");
  options = {};
  options.threads = -1;
  EXPECT_EQ(CheckSpaceTimeOptions(options, 19).message(),
            "the number of threads must be 0 (every core) or more");
}

TEST(SpaceTimePersonTime, InterpolatesBetweenCensusesAndHoldsFlatOutside) {
  const std::vector<CensusCount> census = {{0, 100}, {10, 200}};
  EXPECT_DOUBLE_EQ(PersonDays(census, 0, 10), 1500);  // the trapezoid
  EXPECT_DOUBLE_EQ(PersonDays(census, -5, 0), 500);   // flat before
  EXPECT_DOUBLE_EQ(PersonDays(census, 10, 14), 800);  // flat after
  EXPECT_DOUBLE_EQ(PersonDays(census, 5, 15), 875 + 1000);
  EXPECT_DOUBLE_EQ(PersonDays(std::vector<CensusCount>{{3, 7}}, 0, 10), 70);
  EXPECT_EQ(CensusDay(*ParseSatscanDate("73")), DayNumber(1973, 7, 1));
  EXPECT_EQ(CensusDay(*ParseSatscanDate("1990/4/2")), DayNumber(1990, 4, 2));
}

TEST(SpaceTimePeriod, ReadsSatscanDatesAndCutsIntervals) {
  EXPECT_EQ(ParseSatscanDate("1977")->year, 1977);
  EXPECT_EQ(ParseSatscanDate("05")->year, 2005);
  EXPECT_EQ(*ParseSatscanDate("2001-11-22")->day, 22u);
  EXPECT_FALSE(ParseSatscanDate("1977/2/30"));
  EXPECT_FALSE(ParseSatscanDate("-1977"));
  EXPECT_FALSE(ParseSatscanDate("197"));
  EXPECT_EQ(DayNumber(1970, 1, 1), 0);

  Result<std::vector<TimeInterval>> intervals = MakeIntervals({1973, 1990, 2});
  ASSERT_TRUE(intervals.ok());
  ASSERT_EQ(intervals->size(), 9u);
  EXPECT_EQ((*intervals)[1].start_label, "1975/1/1");
  EXPECT_EQ((*intervals)[1].end_label, "1976/12/31");
  EXPECT_EQ((*intervals)[1].end_day - (*intervals)[1].start_day, 731);  // 1976 is a leap year
  EXPECT_EQ(MakeIntervals({1973, 1991, 2}).status().message(),
            "the study period 1973/1/1 to 1991/12/31 (19 years) is not a whole number of "
            "2-year intervals");
}

// Writes `text` to a file in the test's temporary folder; returns its path.
std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "space_time_" + name;
  std::ofstream(path) << text;
  return path;
}

Status LoadSmall(const std::string& cases, const std::string& population) {
  const std::string geo = WriteFile("small.geo", "a 0 0\nb 0 3\n");
  return LoadSatscanSpaceTime(WriteFile("small.cas", cases), WriteFile("small.pop", population),
                              geo, Coordinates::kCartesian, {2001, 2004, 1})
      .status();
}

TEST(SpaceTimeData, LoaderStandardisesByCovariates) {
  const std::string geo = WriteFile("cov.geo", "a 0 0\nb 0 3\n");
  // Stratum 1 has all the cases and lives only in a: b expects nothing.
  const std::string pop = WriteFile("cov.pop", "a 2001 10 1\na 2001 10 2\nb 2001 30 2\n");
  const std::string cas = WriteFile("cov.cas", "a 3 2002 1\na 1 2004 1\n");
  Result<SpaceTimeData> data =
      LoadSatscanSpaceTime(cas, pop, geo, Coordinates::kCartesian, {2001, 2004, 1});
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_DOUBLE_EQ(data->window_measure[0], 4);
  EXPECT_DOUBLE_EQ(data->window_measure[1], 0);
  EXPECT_EQ(data->cases[data->Cell(0, 1)], 3);
  EXPECT_DOUBLE_EQ(data->population[0], 20);
  EXPECT_DOUBLE_EQ(data->population[1], 30);
  // 2004 is a leap year: a's expected count follows the days.
  EXPECT_NEAR(data->expected[data->Cell(0, 3)], 4.0 * 366 / 1461, 1e-12);
}

TEST(SpaceTimeData, LoaderErrorsNameFileLineAndField) {
  const std::string pop = "a 2001 10\nb 2001 10\n";
  const std::string dir = ::testing::TempDir() + "space_time_";
  EXPECT_EQ(LoadSmall("a 1 2000\n", pop).message(),
            dir +
                "small.cas line 1, field 3 (date/time): \"2000\" is outside the study period "
                "2001/1/1 to 2004/12/31");
  EXPECT_EQ(LoadSmall("a 1 20x1\n", pop).message(),
            dir +
                "small.cas line 1, field 3 (date/time): \"20x1\" is not a date (YYYY, YY, "
                "YYYY/M or YYYY/M/D)");
  EXPECT_EQ(LoadSmall("\nc 1 2001\n", pop).message(),
            dir + "small.cas line 2, field 1 (location id): \"c\" is not in " + dir + "small.geo");
  EXPECT_EQ(LoadSmall("a 1 2001 7\n", pop).message(),
            dir + "small.cas line 1: found 1 covariates, but " + dir +
                "small.pop has 0; every row needs the same covariates");
  EXPECT_EQ(LoadSmall("a 1 2001\n", "a 2001 10\nb 1/1 10\n").message(),
            dir +
                "small.pop line 2, field 2 (population date): \"1/1\" is not a date (YYYY, "
                "YY, YYYY/M or YYYY/M/D)");
  EXPECT_EQ(LoadSmall("a 1 2001\n", "a 2001 10\nb 2001 0\n").code(), StatusCode::kOk);
  EXPECT_EQ(LoadSmall("b 1 2001\n", "a 2001 10\nb 2001 0\n").message(),
            dir + "small.cas and " + dir +
                "small.pop: location b has 1 cases in 2001/1/1 to 2001/12/31 but no population "
                "at risk then");
}

}  // namespace
}  // namespace cradle::hotspots
