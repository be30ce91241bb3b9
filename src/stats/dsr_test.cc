#include "stats/dsr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// The age bands of each area in dsr_dobson_inputs.csv, in file order.
std::map<std::string, std::vector<DsrBand>> ReadDsrInputs() {
  std::map<std::string, std::vector<DsrBand>> areas;
  auto rows = ReadVectorFile("dsr_dobson_inputs.csv");
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return areas;
  EXPECT_EQ(rows->size(), 75u) << "METHODS.md §15 lists 75 input rows";
  for (const auto& row : *rows) {
    areas[row.Text("area")].push_back(
        DsrBand{row.Number("count"), row.Required("pop"), row.Required("stdpop")});
  }
  return areas;
}

// dsr_dobson.csv: four areas (one suppressed, one on ESP1976) per 100,000 and
// per 10,000 at 95% and 99.8%.
TEST(DobsonDsrVectors, DsrDobson) {
  std::map<std::string, std::vector<DsrBand>> areas = ReadDsrInputs();
  ASSERT_EQ(areas.size(), 4u);
  auto rows = ReadVectorFile("dsr_dobson.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 16u) << "METHODS.md §15 lists 16 rows";
  int suppressed = 0;
  for (const auto& row : *rows) {
    std::string id =
        row.Text("area") + " per " + row.Text("multiplier") + " at " + row.Text("confidence");
    RowCheck check(row, id, kClosedFormTolerance);
    auto area = areas.find(row.Text("area"));
    if (area == areas.end()) {
      check.Fail("area not in dsr_dobson_inputs.csv");
      continue;
    }
    auto dsr = DobsonDsr(area->second, row.Required("multiplier"), row.Required("confidence"));
    if (!check.True("no error", dsr.ok())) {
      check.Fail(dsr.status().ToString());
      continue;
    }
    check.Near("total count", dsr->total_count, row.Required("total_count"));
    check.Near("total population", dsr->total_population, row.Required("total_pop"));
    check.Equal("statistic", dsr->statistic, row.Text("statistic"));
    if (row.IsNa("value")) {
      ++suppressed;
      check.True("no estimate below 10 events", !dsr->estimate.has_value());
      continue;
    }
    if (!check.True("an estimate", dsr->estimate.has_value())) continue;
    check.Equal("method", CiMethodName(dsr->estimate->method), "Dobson");
    check.Near("value", dsr->estimate->value, row.Required("value"));
    check.Near("lower", dsr->estimate->ci.lower, row.Required("lower"));
    check.Near("upper", dsr->estimate->ci.upper, row.Required("upper"));
  }
  EXPECT_EQ(suppressed, 4);
}

TEST(DobsonDsrTest, Esp2013MatchesTheVectorInputs) {
  std::map<std::string, std::vector<DsrBand>> areas = ReadDsrInputs();
  const std::vector<DsrBand>& big = areas["testdata_big"];
  ASSERT_EQ(big.size(), kEsp2013.size());
  for (size_t idx = 0; idx < big.size(); ++idx) {
    EXPECT_EQ(big[idx].standard_population, kEsp2013[idx]) << "band " << idx;
  }
}

TEST(DobsonDsrTest, MissingCountIsZero) {
  std::vector<DsrBand> with_missing = {{std::nullopt, 100, 5000}, {12, 200, 5500}};
  std::vector<DsrBand> with_zero = {{0.0, 100, 5000}, {12, 200, 5500}};
  auto a = DobsonDsr(with_missing, 100000, 0.95);
  auto b = DobsonDsr(with_zero, 100000, 0.95);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a->estimate && b->estimate);
  EXPECT_EQ(a->estimate->value, b->estimate->value);
  EXPECT_EQ(a->estimate->ci.lower, b->estimate->ci.lower);
  EXPECT_EQ(a->estimate->ci.upper, b->estimate->ci.upper);
}

TEST(DobsonDsrTest, ValidatesWithPackageMessages) {
  auto message = [](std::vector<DsrBand> bands, double multiplier = 100000,
                    double confidence = 0.95) {
    return DobsonDsr(bands, multiplier, confidence).status().message();
  };
  EXPECT_EQ(message({{1.0, std::nan(""), 5000}}), "field n cannot have missing values");
  EXPECT_EQ(message({{1.0, 100, std::nan("")}}), "field stdpop cannot have missing values");
  EXPECT_EQ(message({{-1.0, 100, 5000}}), "numerators must all be greater than or equal to zero");
  EXPECT_EQ(message({{1.0, 0, 5000}}), "denominators must all be greater than zero");
  EXPECT_EQ(message({{1.0, 100, -1}}), "stdpop must all be greater than or equal to zero");
  EXPECT_EQ(message({{1.0, 100, 5000}}, 0), "multiplier must be greater than 0");
  EXPECT_EQ(message({{1.0, 100, 5000}}, 100000, 0.5),
            "confidence level must be between 90 and 100 or between 0.9 and 1");
  EXPECT_FALSE(DobsonDsr({}, 100000, 0.95).ok());
  EXPECT_FALSE(DobsonDsr(std::vector<DsrBand>{{20.0, 100, 0}}, 100000, 0.95).ok());
}

// Non-independent events: no reference vectors exist, so the tests check the
// properties that define the method against the independent form.
TEST(DobsonDsrNonIndependentTest, FrequencyOneIsTheIndependentForm) {
  std::vector<DsrBand> independent = ReadDsrInputs()["testdata_big"];
  std::vector<DsrNonIndependentBand> bands;
  for (const DsrBand& band : independent) {
    bands.push_back({{{1.0, band.events}}, band.population, band.standard_population});
  }
  auto a = DobsonDsr(independent, 100000, 0.95);
  auto b = DobsonDsrNonIndependent(bands, 100000, 0.95);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(b->non_independent_events);
  EXPECT_DOUBLE_EQ(a->estimate->value, b->estimate->value);
  EXPECT_DOUBLE_EQ(a->estimate->ci.lower, b->estimate->ci.lower);
  EXPECT_DOUBLE_EQ(a->estimate->ci.upper, b->estimate->ci.upper);
}

TEST(DobsonDsrNonIndependentTest, RepeatEventsWidenTheIntervalBySqrtTwo) {
  // Everyone has the event twice: events double (x = 2c), and the variance is
  // 4·var(c) = 2·var(2c), so each half-width is √2 times that of an
  // independent DSR with the doubled counts.
  std::vector<DsrBand> people = ReadDsrInputs()["testdata_small"];
  std::vector<DsrBand> doubled;
  std::vector<DsrNonIndependentBand> repeated;
  for (const DsrBand& band : people) {
    doubled.push_back({2.0 * *band.events, band.population, band.standard_population});
    repeated.push_back({{{2.0, band.events}}, band.population, band.standard_population});
  }
  auto independent = DobsonDsr(doubled, 100000, 0.95);
  auto adjusted = DobsonDsrNonIndependent(repeated, 100000, 0.95);
  ASSERT_TRUE(independent.ok() && adjusted.ok());
  ASSERT_TRUE(independent->estimate && adjusted->estimate);
  EXPECT_EQ(adjusted->total_count, independent->total_count);
  EXPECT_NEAR(adjusted->estimate->value, independent->estimate->value, 1e-9);
  double value = independent->estimate->value;
  EXPECT_NEAR(adjusted->estimate->ci.lower - value,
              std::sqrt(2.0) * (independent->estimate->ci.lower - value), 1e-9);
  EXPECT_NEAR(adjusted->estimate->ci.upper - value,
              std::sqrt(2.0) * (independent->estimate->ci.upper - value), 1e-9);
}

TEST(DobsonDsrNonIndependentTest, SuppressesOnTotalEventsAndValidatesFrequency) {
  // 4 people with 2 events each = 8 events < 10: suppressed.
  std::vector<DsrNonIndependentBand> few = {{{{2.0, 4.0}}, 1000, 5000}};
  auto result = DobsonDsrNonIndependent(few, 100000, 0.95);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->estimate.has_value());
  EXPECT_EQ(result->total_count, 8);
  EXPECT_EQ(result->statistic, kDsrSuppressedStatistic);
  std::vector<DsrNonIndependentBand> bad = {{{{std::nan(""), 4.0}}, 1000, 5000}};
  EXPECT_EQ(DobsonDsrNonIndependent(bad, 100000, 0.95).status().message(),
            "eventfreq field must not have any missing values");
}

}  // namespace
}  // namespace cradle::stats
