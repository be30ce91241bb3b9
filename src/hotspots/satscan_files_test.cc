#include "hotspots/satscan_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>

namespace cradle::hotspots {
namespace {

const std::string kData = CRADLE_SCAN_TESTDATA;
const std::string kNy = kData + "/ny_leukemia/";
const std::string kSample = kData + "/satscan_sample_data/";

// Bad inputs are written to a directory of their own, removed afterwards.
class SatscanFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "satscan-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::string dir_;
};

int64_t TotalCount(const std::vector<CaseRecord>& records) {
  int64_t total = 0;
  for (const CaseRecord& record : records) total += record.count;
  return total;
}

TEST_F(SatscanFilesTest, NyLeukemiaLoads) {
  auto data = LoadSatscanPoisson(kNy + "satscan_ny_cases.txt", kNy + "satscan_ny_pop.txt",
                                 kNy + "satscan_ny_coords.txt", Coordinates::kCartesian);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->size(), 281u);
  EXPECT_EQ(data->total_cases(), 552);
  EXPECT_EQ(data->total_population(), 1057673);
  // Byte-wise order, as SaTScan keeps identifiers: "1" < "10" < "100" < "101".
  EXPECT_EQ(data->ids[0], "1");
  EXPECT_EQ(data->ids[1], "10");
  EXPECT_EQ(data->ids[2], "100");
  const int first = data->IndexOf("1");
  ASSERT_EQ(first, 0);
  EXPECT_EQ(data->x[first], 42.1078226065103);
  EXPECT_EQ(data->y[first], -75.9408745654346);
  EXPECT_EQ(data->cases[first], 3);
  EXPECT_EQ(data->population[first], 3540);
  EXPECT_EQ(data->IndexOf("282"), -1);
  const std::vector<double> expected = data->Expected();
  EXPECT_NEAR(std::accumulate(expected.begin(), expected.end(), 0.0), 552, 1e-9);
}

TEST_F(SatscanFilesTest, NyLeukemiaLoadsAsLatLong) {
  auto data = LoadSatscanPoisson(kNy + "satscan_ny_cases.txt", kNy + "satscan_ny_pop.txt",
                                 kNy + "satscan_ny_coords.txt", Coordinates::kLatLong);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->coordinates, Coordinates::kLatLong);
  EXPECT_EQ(data->size(), 281u);
}

TEST_F(SatscanFilesTest, NorthHumbersideBernoulliLoads) {
  auto data = LoadSatscanBernoulli(kSample + "NHumberside.cas", kSample + "NHumberside.ctl",
                                   kSample + "NHumberside.geo", Coordinates::kCartesian);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->model, ScanModel::kBernoulli);
  EXPECT_EQ(data->size(), 191u);
  EXPECT_EQ(data->total_cases(), 62);
  EXPECT_EQ(data->total_population() - static_cast<double>(data->total_cases()), 141);
  // "170" sorts before "18": the order behind SaTScan's tie-break (SCAN.md §1.3).
  EXPECT_LT(data->IndexOf("170"), data->IndexOf("18"));
}

TEST_F(SatscanFilesTest, NewMexicoRecordsRead) {
  auto cases = ReadCaseFile(kSample + "nm.cas", /*has_time=*/true);
  ASSERT_TRUE(cases.ok()) << cases.status().ToString();
  ASSERT_EQ(cases->size(), 1175u);
  EXPECT_EQ(TotalCount(*cases), 1175);
  const CaseRecord& first = cases->front();
  EXPECT_EQ(first.id, "Grant");
  EXPECT_EQ(first.count, 1);
  EXPECT_EQ(first.time, "1977");
  EXPECT_EQ(first.covariates, (std::vector<std::string>{"2", "2"}));
  EXPECT_EQ(first.line, 1);

  auto population = ReadPopulationFile(kSample + "nm.pop");
  ASSERT_TRUE(population.ok()) << population.status().ToString();
  ASSERT_EQ(population->size(), 3456u);
  EXPECT_EQ(population->front().id, "Bernalillo");
  EXPECT_EQ(population->front().time, "73");
  EXPECT_EQ(population->front().population, 15537);
  EXPECT_EQ(population->front().covariates, (std::vector<std::string>{"1", "1"}));

  // nm.geo separates some fields with two tabs.
  auto places = ReadCoordinatesFile(kSample + "nm.geo", Coordinates::kLatLong);
  ASSERT_TRUE(places.ok()) << places.status().ToString();
  ASSERT_EQ(places->size(), 32u);
  EXPECT_EQ((*places)[1].id, "Catron");
  EXPECT_EQ((*places)[1].x, 33.956778);
  EXPECT_EQ((*places)[1].y, -108.440847);
  std::set<std::string> ids;
  for (const CoordinateRecord& place : *places) ids.insert(place.id);
  EXPECT_EQ(ids.size(), 32u);
  for (const CaseRecord& record : *cases) EXPECT_TRUE(ids.count(record.id)) << record.id;
}

TEST_F(SatscanFilesTest, NewMexicoLoadsWithCovariateAdjustment) {
  auto data = LoadSatscanPoisson(kSample + "nm.cas", kSample + "nm.pop", kSample + "nm.geo",
                                 Coordinates::kLatLong);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->size(), 32u);
  EXPECT_EQ(data->total_cases(), 1175);
  // The plain average of the 1973, 1982 and 1991 totals.
  EXPECT_NEAR(data->total_population(), (1104347.0 + 1363854.0 + 1548642.0) / 3, 1e-6);
  const std::vector<double> expected = data->Expected();
  EXPECT_NEAR(std::accumulate(expected.begin(), expected.end(), 0.0), 1175, 1e-9);
}

// Two strata: rates a = 8/400, b = 6/600, so the expected counts are
// L1 = 100*0.02 + 100*0.01 = 3 and L2 = 300*0.02 + 500*0.01 = 11.
TEST_F(SatscanFilesTest, CovariatesStandardiseIndirectly) {
  const std::string pop = Write("s.pop",
                                "L1 2000 100 a\n"
                                "L1 2000 100 b\n"
                                "L2 2000 300 a\n"
                                "L2 2000 500 b\n");
  // A case row may carry the date/time or not.
  const std::string cas = Write("s.cas",
                                "L1 5 2000 a\n"
                                "L2 3 a\n"
                                "L1 2 b\n"
                                "L2 4 2000 b\n");
  const std::string geo = Write("s.geo", "L1 0 0\nL2 1 1\nL3 2 2\n");
  auto data = LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  ASSERT_EQ(data->size(), 3u);
  EXPECT_EQ(data->cases, (std::vector<int64_t>{7, 7, 0}));
  const std::vector<double> expected = data->Expected();
  EXPECT_NEAR(expected[0], 3, 1e-12);
  EXPECT_NEAR(expected[1], 11, 1e-12);
  // A location only in the coordinates file has no cases and no population.
  EXPECT_EQ(expected[2], 0);
  // Populations are rescaled to the total, 1,000.
  EXPECT_NEAR(data->population[0], 3000.0 / 14, 1e-9);
  EXPECT_NEAR(data->total_population(), 1000, 1e-9);
}

TEST_F(SatscanFilesTest, SeveralYearsAreAveraged) {
  const std::string pop = Write("y.pop", "A 1990 100\nA 2000 300\nB 1990 50\n");
  const std::string cas = Write("y.cas", "A 2 1995\nB 1 1995\n");
  const std::string geo = Write("y.geo", "A 0 0\nB 1 1\n");
  auto data = LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->population, (std::vector<double>{200, 25}));
}

TEST_F(SatscanFilesTest, BlankLinesTabsAndCrlfAreAccepted) {
  const std::string cas = Write("b.cas",
                                "\xEF\xBB\xBF"
                                "A\t 2\r\n\r\n  \t\r\nB  1  \r\n");
  auto cases = ReadCaseFile(cas, false);
  ASSERT_TRUE(cases.ok()) << cases.status().ToString();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[0].id, "A");
  EXPECT_EQ((*cases)[0].count, 2);
  EXPECT_TRUE((*cases)[0].covariates.empty());
  EXPECT_EQ((*cases)[1].id, "B");
  EXPECT_EQ((*cases)[1].line, 4);  // blank lines count, as an editor numbers them
}

TEST_F(SatscanFilesTest, ControlFileTakesNoCovariates) {
  const std::string ctl = Write("c.ctl", "A 2 2001/11/3\nB 1 2001/11/4 x\n");
  auto controls = ReadControlFile(ctl, true);
  EXPECT_EQ(controls.status().message(),
            ctl +
                " line 2: found 4 fields; a control row is <location id> <#controls> "
                "<date/time>");
  const std::string plain = Write("p.ctl", "A 2\nB 1\n");
  auto read = ReadControlFile(plain, false);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(TotalCount(*read), 3);
}

// Every error names the file, the line and, for a bad field, the field.
TEST_F(SatscanFilesTest, BadCountIsRefused) {
  const std::string cas = Write("nm.cas", "A 1\nB 1\nC x\n");
  auto cases = ReadCaseFile(cas, false);
  EXPECT_EQ(cases.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(cases.status().message(),
            cas + " line 3, field 2 (number of cases): \"x\" is not a whole number");
  const std::string fraction = Write("f.cas", "A 1.5\n");
  EXPECT_EQ(ReadCaseFile(fraction, false).status().message(),
            fraction + " line 1, field 2 (number of cases): \"1.5\" is not a whole number");
}

TEST_F(SatscanFilesTest, NegativeCountsAndPopulationsAreRefused) {
  const std::string cas = Write("n.cas", "A -3 2000\n");
  EXPECT_EQ(ReadCaseFile(cas, true).status().message(),
            cas + " line 1, field 2 (number of cases): \"-3\" must be zero or more");
  const std::string pop = Write("n.pop", "A 2000 10\nB 2000 -1\n");
  EXPECT_EQ(ReadPopulationFile(pop).status().message(),
            pop + " line 2, field 3 (population): \"-1\" must be zero or more");
  const std::string nan = Write("nan.pop", "A 2000 nan\n");
  EXPECT_EQ(ReadPopulationFile(nan).status().message(),
            nan + " line 1, field 3 (population): \"nan\" is not a number");
}

TEST_F(SatscanFilesTest, MissingFieldsAreRefused) {
  const std::string cas = Write("t.cas", "A 1 2000\nB 1\n");
  EXPECT_EQ(ReadCaseFile(cas, true).status().message(),
            cas +
                " line 2: found 2 fields; a case row is <location id> <#cases> <date/time> "
                "[<covariate>...]");
  const std::string pop = Write("t.pop", "A 2000\n");
  EXPECT_EQ(ReadPopulationFile(pop).status().message(),
            pop +
                " line 1: found 2 fields; a population row is <location id> <year or date> "
                "<population> [<covariate>...]");
  const std::string one = Write("one.cas", "A\n");
  EXPECT_EQ(ReadCaseFile(one, false).status().message(),
            one +
                " line 1: found 1 field; a case row is <location id> <#cases> "
                "[<covariate>...]");
}

TEST_F(SatscanFilesTest, CoordinatesAreTwoNumbersInRange) {
  const std::string three_d = Write("3d.geo", "A 1 2 3\n");
  EXPECT_EQ(ReadCoordinatesFile(three_d, Coordinates::kCartesian).status().message(),
            three_d +
                " line 1: found 4 fields; a coordinates row is <location id> <x> <y> "
                "(only two coordinates are supported)");
  const std::string bad = Write("bad.geo", "A 1 2\nB 1 north\n");
  EXPECT_EQ(ReadCoordinatesFile(bad, Coordinates::kCartesian).status().message(),
            bad + " line 2, field 3 (y): \"north\" is not a number");
  const std::string lat = Write("lat.geo", "A 91 2\n");
  EXPECT_EQ(ReadCoordinatesFile(lat, Coordinates::kLatLong).status().message(),
            lat + " line 1, field 2 (latitude): \"91\" is outside [-90, 90]");
  // The same numbers are fine as Cartesian coordinates.
  EXPECT_TRUE(ReadCoordinatesFile(lat, Coordinates::kCartesian).ok());
}

TEST_F(SatscanFilesTest, LocationMissingFromCoordinatesIsRefused) {
  const std::string geo = Write("m.geo", "1 0 0\n2 1 1\n");
  const std::string pop = Write("m.pop", "1 2000 100\n2 2000 100\n");
  const std::string cas = Write("m.cas", "1 1 2000\n2 1 2000\n3 1 2000\n");
  auto data = LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian);
  EXPECT_EQ(data.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(data.status().message(),
            cas + " line 3: location 3 is not in the coordinates file " + geo);
  const std::string pop3 = Write("m3.pop", "1 2000 100\n\n4 2000 100\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, pop3, geo, Coordinates::kCartesian).status().message(),
            pop3 + " line 3: location 4 is not in the coordinates file " + geo);
}

TEST_F(SatscanFilesTest, RepeatedCoordinatesAreRefused) {
  const std::string geo = Write("r.geo", "1 0 0\n2 1 1\n1 2 2\n");
  const std::string pop = Write("r.pop", "1 2000 100\n");
  const std::string cas = Write("r.cas", "1 1\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian).status().message(),
            geo + " line 3: location 1 is listed twice (first on line 1)");
}

TEST_F(SatscanFilesTest, CaseFieldsMustMatchPopulationCovariates) {
  const std::string geo = Write("v.geo", "1 0 0\n");
  const std::string pop = Write("v.pop", "1 2000 100 a\n");
  const std::string cas = Write("v.cas", "1 1 2000 a extra\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian).status().message(),
            cas + " line 1: found 3 fields after the number of cases; with 1 covariate in " + pop +
                " a case row has 1 (the covariates) or 2 (a date/time, then the " + "covariates)");
  const std::string uneven = Write("u.pop", "1 2000 100 a\n1 2000 100\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, uneven, geo, Coordinates::kCartesian).status().message(),
            uneven +
                " line 2: found 0 covariates, but line 1 has 1; every row needs the same "
                "covariates");
}

TEST_F(SatscanFilesTest, CasesNeedPopulationInTheirCovariates) {
  const std::string geo = Write("w.geo", "1 0 0\n");
  const std::string pop = Write("w.pop", "1 2000 100 a\n1 2000 0 b\n");
  const std::string cas = Write("w.cas", "1 1 a\n1 0 c\n1 2 b\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian).status().message(),
            cas + " line 3: covariates \"b\" have cases but no population in " + pop);
}

TEST_F(SatscanFilesTest, MoreCasesThanPopulationIsRefused) {
  const std::string geo = Write("x.geo", "1 0 0\n2 0 1\n");
  const std::string pop = Write("x.pop", "1 2000 100\n");
  const std::string cas = Write("x.cas", "1 1\n2 3\n");
  EXPECT_EQ(LoadSatscanPoisson(cas, pop, geo, Coordinates::kCartesian).status().message(),
            cas + " and " + pop +
                ": location 2 has 3 cases but a population of 0; cases cannot be more than the "
                "population at risk");
}

TEST_F(SatscanFilesTest, BernoulliTakesNoCovariates) {
  const std::string geo = Write("bn.geo", "1 0 0\n");
  const std::string ctl = Write("bn.ctl", "1 3\n");
  const std::string cas = Write("bn.cas", "1 1 2000 a\n");
  EXPECT_EQ(LoadSatscanBernoulli(cas, ctl, geo, Coordinates::kCartesian).status().message(),
            cas +
                " line 1: found 4 fields; a case row is <location id> <#cases> [<date/time>] "
                "(the Bernoulli model takes no covariates)");
  const std::string dated = Write("bd.cas", "1 1 2000\n");
  auto data = LoadSatscanBernoulli(dated, ctl, geo, Coordinates::kCartesian);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->population, (std::vector<double>{4}));
}

TEST_F(SatscanFilesTest, MissingAndEmptyFilesAreRefused) {
  const std::string missing = dir_ + "/absent.cas";
  auto cases = ReadCaseFile(missing, false);
  EXPECT_EQ(cases.status().code(), StatusCode::kIoError);
  EXPECT_EQ(cases.status().message(), missing + ": cannot open file: No such file or directory");
  const std::string empty = Write("empty.pop", "\r\n \n");
  EXPECT_EQ(ReadPopulationFile(empty).status().message(), empty + ": the file has no rows");
}

}  // namespace
}  // namespace cradle::hotspots
