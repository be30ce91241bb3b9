#include "hotspots/area_csv.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace cradle::hotspots {
namespace {

const std::string kSynthetic = std::string(CRADLE_SCAN_TESTDATA) + "/synthetic/";

class AreaCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "area-csv-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& text) {
    std::string path = dir_ + "/synthetic.csv";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::string Error(const std::string& text, ScanModel model = ScanModel::kPoisson) {
    const std::string path = Write(text);
    auto data = ReadAreasCsv(path, Coordinates::kCartesian, model);
    EXPECT_EQ(data.status().code(), StatusCode::kInvalidData);
    // The path is the temporary directory's; the tests compare what follows.
    const std::string message = data.status().message();
    return StartsWithPath(message, path) ? message.substr(path.size()) : message;
  }

  static bool StartsWithPath(const std::string& message, const std::string& path) {
    return message.compare(0, path.size(), path) == 0;
  }

  std::string dir_;
};

TEST_F(AreaCsvTest, Synthetic5000Loads) {
  auto data =
      ReadAreasCsv(kSynthetic + "synthetic_5000.csv", Coordinates::kCartesian, ScanModel::kPoisson);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->size(), 5000u);
  EXPECT_EQ(data->total_population(), 552695);
  EXPECT_EQ(data->total_cases(), 2195);
  const int first = data->IndexOf("A00001");
  ASSERT_EQ(first, 0);
  EXPECT_EQ(data->x[first], 61943);
  EXPECT_EQ(data->y[first], 15175);
  EXPECT_EQ(data->population[first], 95);
  EXPECT_EQ(data->cases[first], 0);
}

TEST_F(AreaCsvTest, BernoulliControlsAreBirthsLessDeaths) {
  auto data = ReadAreasCsv(kSynthetic + "synthetic_5000.csv", Coordinates::kCartesian,
                           ScanModel::kBernoulli);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  // Cases plus controls make the births again.
  EXPECT_EQ(data->total_population(), 552695);
  EXPECT_EQ(data->total_cases(), 2195);
}

TEST_F(AreaCsvTest, ColumnsAreFoundByName) {
  const std::string path = Write(
      "deaths,note,births,y,id,x\n"
      "2,first,10,5,b,4\n"
      "1,,20,7,a,6\n");
  auto data = ReadAreasCsv(path, Coordinates::kCartesian, ScanModel::kPoisson);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(data->x, (std::vector<double>{6, 4}));
  EXPECT_EQ(data->y, (std::vector<double>{7, 5}));
  EXPECT_EQ(data->cases, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(data->population, (std::vector<double>{20, 10}));
}

TEST_F(AreaCsvTest, LatLongReadsXAsLongitude) {
  const std::string path = Write("id,x,y,births,deaths\nL,-1.5,52.6,10,1\n");
  auto data = ReadAreasCsv(path, Coordinates::kLatLong, ScanModel::kPoisson);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->x[0], 52.6);  // latitude
  EXPECT_EQ(data->y[0], -1.5);  // longitude
  const std::string bad = Write("id,x,y,births,deaths\nL,-1.5,92,10,1\n");
  EXPECT_EQ(ReadAreasCsv(bad, Coordinates::kLatLong, ScanModel::kPoisson).status().message(),
            bad + " row 2, column y: \"92\" is outside [-90, 90]");
}

TEST_F(AreaCsvTest, BadFieldsNameRowAndColumn) {
  const std::string header = "id,x,y,births,deaths\n";
  const std::string good = "a,1,1,10,1\nb,2,2,10,1\nc,3,3,10,1\n";
  EXPECT_EQ(Error(header + good + "d,4,4,-3,0\n"),
            " row 5, column births: \"-3\" must be zero or more");
  EXPECT_EQ(Error(header + good + "d,4,4,ten,0\n"),
            " row 5, column births: \"ten\" is not a whole number");
  EXPECT_EQ(Error(header + "a,1,1,10,1.5\n"),
            " row 2, column deaths: \"1.5\" is not a whole number");
  EXPECT_EQ(Error(header + "a,1,,10,1\n"), " row 2, column y: \"\" is not a number");
  EXPECT_EQ(Error(header + "a,1,1,3,4\n", ScanModel::kBernoulli),
            " row 2, column deaths: \"4\" is more than births (3)");
  EXPECT_EQ(Error(header + "a,1,1,10,1\nb,2,2,10,1\na,3,3,10,1\n"),
            " row 4, column id: \"a\" appears twice (first at row 2)");
  EXPECT_EQ(Error(header + "a,1,1,10,0\n"), ": there are no cases");
}

TEST_F(AreaCsvTest, MissingColumnIsRefused) {
  EXPECT_EQ(Error("id,x,y,population,deaths\na,1,1,10,1\n"),
            ": required column 'births' is missing from the header");
}

TEST_F(AreaCsvTest, MissingFileIsRefused) {
  const std::string path = dir_ + "/absent.csv";
  auto data = ReadAreasCsv(path, Coordinates::kCartesian, ScanModel::kPoisson);
  EXPECT_EQ(data.status().code(), StatusCode::kIoError);
  EXPECT_EQ(data.status().message(), path + ": cannot open file: No such file or directory");
}

}  // namespace
}  // namespace cradle::hotspots
