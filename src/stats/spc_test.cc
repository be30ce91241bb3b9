// Every row of the SPC reference files in tests/data/spc/ (SOURCES.md there
// says where each number comes from), read through cradle::CsvReader and
// checked through vectors::RowCheck, which tallies rows per file.
//
// Tolerances:
//  - spc_limits_cases.csv prints limits to 10 decimal places (exact for the
//    nhspy cases); the smallest |value| is 0.0147, so relative 1e-8 covers
//    the printing (<= 3.4e-9) and nothing more: kLimitsTolerance.
//  - spc_series_points.csv rounds mean/lpl/upl to 6 decimal places, i.e.
//    6-7 significant figures; a relative 1e-6 would reject correct values
//    such as 0.1416238 printed 0.141624, so these are checked to half a unit
//    in the sixth decimal, absolute 5e-7: kSeriesAbsoluteTolerance.
//  - labels (special-cause type, point type, assurance) and rule flags are
//    compared exactly.
#include "stats/spc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "base/strings.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::RowCheck;
using vectors::VectorRow;

constexpr double kLimitsTolerance = 1e-8;
constexpr double kSeriesAbsoluteTolerance = 5e-7 + 1e-12;

// The rows of tests/data/spc/<name>; files without a `source` column get
// `source(fields)` as one, from SOURCES.md, so that a failure names it.
Result<std::vector<VectorRow>> ReadSpcFile(const std::string& name,
                                           const vectors::SourceOf& source) {
  return vectors::ReadVectorFile("spc", name, source);
}

std::string FixedSource(const std::map<std::string, std::string>&) { return ""; }

// "1;2;3" -> {1, 2, 3}; "(empty)" -> {}.
std::vector<double> Numbers(const std::string& text) {
  std::vector<double> numbers;
  if (text == "(empty)" || text.empty()) return numbers;
  for (const std::string& part : Split(text, ';')) {
    std::optional<double> number = ParseDouble(part);
    EXPECT_TRUE(number.has_value()) << "'" << part << "' in '" << text << "' is not a number";
    numbers.push_back(number.value_or(std::nan("")));
  }
  return numbers;
}

std::vector<int> Flags(const std::string& text) {
  std::vector<int> flags;
  for (double number : Numbers(text)) flags.push_back(static_cast<int>(number));
  return flags;
}

std::string Join(const std::vector<int>& flags) {
  std::string text;
  for (int flag : flags) text += (text.empty() ? "" : ";") + std::to_string(flag);
  return text.empty() ? "(empty)" : text;
}

// Largest |actual - expected| seen by NearAbsolute, printed after the series.
double worst_absolute = 0;

bool NearAbsolute(RowCheck& check, const std::string& what, double actual, double expected,
                  double tolerance) {
  if (std::fabs(actual - expected) > worst_absolute) worst_absolute = std::fabs(actual - expected);
  char text[160];
  std::snprintf(text, sizeof text, "%s = %.17g within %g of %.17g", what.c_str(), actual, tolerance,
                expected);
  return check.True(text, std::fabs(actual - expected) <= tolerance);
}

// ---------------------------------------------------------------------------
// spc_limits_cases.csv

// The values of a limits case: a list, or a description in terms of an
// earlier case ("as L01 but value 15 replaced by 10", "as L02", "first 10
// values of L01", "last 10 values of L01").
std::vector<double> CaseValues(const std::string& text,
                               const std::map<std::string, std::vector<double>>& earlier) {
  std::smatch match;
  auto base = [&](const std::string& id) {
    auto it = earlier.find(id);
    EXPECT_NE(it, earlier.end()) << "no earlier case " << id;
    return it == earlier.end() ? std::vector<double>() : it->second;
  };
  if (std::regex_match(text, match, std::regex(R"(as (L\d+) but value (\d+) replaced by (\S+))"))) {
    std::vector<double> values = base(match[1].str());
    size_t position = std::stoul(match[2].str()) - 1;  // the description counts from 1
    if (position < values.size()) values[position] = std::stod(match[3].str());
    return values;
  }
  if (std::regex_match(text, match, std::regex(R"(as (L\d+))"))) return base(match[1].str());
  if (std::regex_match(text, match, std::regex(R"((first|last) (\d+) values of (L\d+))"))) {
    std::vector<double> values = base(match[3].str());
    size_t count = std::min<size_t>(std::stoul(match[2].str()), values.size());
    if (match[1].str() == "first") return {values.begin(), values.begin() + count};
    return {values.end() - count, values.end()};
  }
  return Numbers(text);
}

TEST(SpcReference, LimitsCases) {
  auto rows = ReadSpcFile("spc_limits_cases.csv", FixedSource);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 17u) << "SOURCES.md lists 17 cases";
  std::map<std::string, std::vector<double>> values_by_case;
  for (const VectorRow& row : *rows) {
    const std::string id = row.Text("case_id");
    std::vector<double> values = CaseValues(row.Text("values"), values_by_case);
    values_by_case[id] = values;
    RowCheck check(row, id, kLimitsTolerance);
    // "either": the nhspy cases have no range >= 3.267·AMR, so both settings
    // must give the expected limits.
    const std::string screen = row.Text("screen_outliers");
    std::vector<bool> settings;
    if (screen != "FALSE") settings.push_back(true);
    if (screen != "TRUE") settings.push_back(false);
    for (bool screen_outliers : settings) {
      SpcOptions options;
      options.screen_outliers = screen_outliers;
      if (!row.Text("fix_after_n_points").empty()) {
        options.fix_after_n_points = static_cast<int>(row.Required("fix_after_n_points"));
      }
      Result<SpcChart> chart = XmrChart(values, options);
      if (!chart.ok()) {
        check.Fail("XmrChart failed: " + chart.status().ToString());
        continue;
      }
      check.True("one segment", chart->segments.size() == 1);
      const XmrLimits& limits = chart->segments.front().limits;
      const std::string tag = screen_outliers ? " (screened)" : " (unscreened)";
      check.Near("mean" + tag, limits.mean, row.Required("exp_mean"));
      check.Near("AMR" + tag, limits.average_moving_range, row.Required("exp_avg_moving_range"));
      check.Near("LPL" + tag, limits.lower_process_limit, row.Required("exp_lpl"));
      check.Near("UPL" + tag, limits.upper_process_limit, row.Required("exp_upl"));
      check.Near("near LPL" + tag, limits.lower_near_limit, row.Required("exp_near_lpl"));
      check.Near("near UPL" + tag, limits.upper_near_limit, row.Required("exp_near_upl"));
      for (const SpcPoint& point : chart->points) {
        check.True("every point carries its segment's limits",
                   point.limits.mean == limits.mean &&
                       point.limits.upper_process_limit == limits.upper_process_limit);
      }
      // L16: nhspy asserts that only point 12 (54) is outside the limits.
      if (row.Text("provenance").find("only point 12 (54) outside") != std::string::npos) {
        for (size_t idx = 0; idx < chart->points.size(); ++idx) {
          check.True("point " + std::to_string(idx + 1) + " outside the limits only if it is 12",
                     chart->points[idx].outside_limits == (idx == 11));
        }
      }
    }
  }
  EXPECT_EQ(vectors::Tally("spc/spc_limits_cases.csv").first, 17);
}

// ---------------------------------------------------------------------------
// spc_rule_unit_cases.csv

std::string RuleSource(const std::map<std::string, std::string>& fields) {
  return fields.at("rule_function") == "assurance_type"
             ? "NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R"
             : "NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R";
}

std::string AssuranceText(std::optional<AssuranceIcon> icon) {
  return icon ? std::string(AssuranceIconName(*icon)) : "NA";
}

// U32-U35: "improvement=increase; (lpl,upl) = (1,3),(5,7),(1,5); target 4";
// "same limits" reuses the previous row's; "no target" has neither.
void CheckAssuranceRow(const VectorRow& row, RowCheck& check,
                       std::vector<std::pair<double, double>>& limits) {
  const std::string& input = row.Text("input_1");
  std::smatch match;
  ImprovementDirection direction = ImprovementDirection::kIncrease;
  if (std::regex_search(input, match, std::regex(R"(improvement=(\w+))"))) {
    Result<ImprovementDirection> parsed = ParseImprovementDirection(match[1].str());
    if (!parsed.ok()) return check.Fail(parsed.status().ToString());
    direction = *parsed;
  }
  std::optional<double> target;
  if (std::regex_search(input, match, std::regex(R"(target (\S+))"))) {
    target = std::stod(match[1].str());
  }
  if (input.find("(lpl,upl)") != std::string::npos) {
    limits.clear();
    std::regex pair(R"(\(([-\d.]+),([-\d.]+)\))");
    for (auto it = std::sregex_iterator(input.begin(), input.end(), pair);
         it != std::sregex_iterator(); ++it) {
      limits.emplace_back(std::stod((*it)[1].str()), std::stod((*it)[2].str()));
    }
  }
  std::vector<std::pair<double, double>> used = limits;
  if (input == "no target") used = {{1, 3}};
  std::vector<std::string> expected = Split(row.Text("expected_output"), ';');
  check.True("one expectation per pair of limits", expected.size() == used.size());
  for (size_t idx = 0; idx < used.size() && idx < expected.size(); ++idx) {
    check.Equal("assurance for limits " + std::to_string(idx + 1),
                AssuranceText(Assurance(direction, used[idx].first, used[idx].second, target)),
                expected[idx]);
  }
}

// U36: NHSRplotthedots' rebase test. Rows carry limits (1,3), (5,7), (1,5)
// in three orders, lower is better, target 4; only the last row counts.
void CheckRebasedAssuranceRow(RowCheck& check) {
  const std::vector<std::pair<double, double>> limits = {{1, 3}, {5, 7}, {1, 5}};
  const std::vector<std::vector<int>> orders = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
  const std::vector<std::string> expected = {"inconsistent", "consistent_pass", "consistent_fail"};
  for (size_t order_idx = 0; order_idx < orders.size(); ++order_idx) {
    std::vector<SpcPoint> points;
    for (int row_idx : orders[order_idx]) {
      SpcPoint point;
      point.limits.lower_process_limit = limits[static_cast<size_t>(row_idx)].first;
      point.limits.upper_process_limit = limits[static_cast<size_t>(row_idx)].second;
      points.push_back(point);
    }
    check.Equal("assurance of order " + std::to_string(order_idx + 1),
                AssuranceText(Assurance(points, ImprovementDirection::kDecrease, 4.0)),
                expected[order_idx]);
  }
}

TEST(SpcReference, RuleUnitCases) {
  auto rows = ReadSpcFile("spc_rule_unit_cases.csv", RuleSource);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 36u) << "SOURCES.md lists 36 cases";
  std::vector<std::pair<double, double>> assurance_limits;
  for (const VectorRow& row : *rows) {
    const std::string id = row.Text("case_id");
    const std::string function = row.Text("rule_function");
    RowCheck check(row, id, 0);
    const std::string& input_1 = row.Text("input_1");
    std::vector<int> actual;
    if (function == "seven_point_one_side_mean") {
      actual = SameSideRunEnds(Flags(input_1), 7);
    } else if (function == "part_of_seven_trend") {
      actual = PartOfRun(Flags(input_1), 7);
    } else if (function == "seven_point_trend") {
      std::vector<double> values = Numbers(input_1);
      actual = MonotoneRunEnds(values, 7);
      // The whole-trend function flags exactly the back-filled run ends.
      std::vector<int> whole = TrendPoints(values, 7, TrendTies::kBreak);
      for (int& direction : whole) direction = direction != 0 ? 1 : 0;
      check.Equal("TrendPoints flags", Join(whole), Join(PartOfRun(actual, 7)));
    } else if (function == "two_in_three") {
      actual = TwoInThree(Flags(input_1), Flags(row.Text("input_2")));
    } else if (function == "part_of_two_in_three") {
      std::smatch match;
      if (!std::regex_match(input_1, match, std::regex(R"(two_in_three\((\S+) \| (\S+)\))"))) {
        check.Fail("cannot read input_1");
        continue;
      }
      std::vector<int> windows = TwoInThree(Flags(match[1].str()), Flags(match[2].str()));
      actual = PartOfTwoInThree(windows, Flags(row.Text("input_2")));
    } else if (function == "assurance_type") {
      if (id == "U36") {
        CheckRebasedAssuranceRow(check);
      } else {
        CheckAssuranceRow(row, check, assurance_limits);
      }
      continue;
    } else {
      check.Fail("unknown rule function '" + function + "'");
      continue;
    }
    check.Equal("flags", Join(actual), Join(Flags(row.Text("expected_output"))));
  }
  EXPECT_EQ(vectors::Tally("spc/spc_rule_unit_cases.csv").first, 36);
}

// ---------------------------------------------------------------------------
// spc_series_index.csv + spc_series_points.csv

struct SeriesCase {
  const VectorRow* index = nullptr;
  std::vector<const VectorRow*> points;
};

TEST(SpcReference, Series) {
  auto index_rows = ReadSpcFile("spc_series_index.csv", [](const auto& fields) {
    return "SOURCES.md; " + fields.at("description");
  });
  ASSERT_TRUE(index_rows.ok()) << index_rows.status().ToString();
  ASSERT_EQ(index_rows->size(), 21u) << "SOURCES.md lists 21 series";
  std::map<std::string, SeriesCase> cases;
  for (const VectorRow& row : *index_rows) cases[row.Text("case_id")].index = &row;
  auto point_rows = ReadSpcFile("spc_series_points.csv", [&](const auto& fields) {
    std::string id = fields.at("case_id");
    std::string origin = id <= "S04" ? "NHSRplotthedots fixture"
                                     : "constructed, run through "
                                       "NHSRplotthedots v0.2.2";
    return origin + " (SOURCES.md)";
  });
  ASSERT_TRUE(point_rows.ok()) << point_rows.status().ToString();
  ASSERT_EQ(point_rows->size(), 416u) << "SOURCES.md lists 416 points";
  for (const VectorRow& row : *point_rows) cases[row.Text("case_id")].points.push_back(&row);
  ASSERT_EQ(cases.size(), 21u) << "every point belongs to an indexed series";

  for (auto& [id, series] : cases) {
    ASSERT_NE(series.index, nullptr) << id << " has points but no index row";
    const VectorRow& index = *series.index;
    std::sort(series.points.begin(), series.points.end(),
              [](const VectorRow* a, const VectorRow* b) {
                return a->Required("index") < b->Required("index");
              });
    SpcOptions options;
    Result<ImprovementDirection> direction =
        ParseImprovementDirection(index.Text("improvement_direction"));
    options.improvement = direction.ok() ? *direction : ImprovementDirection::kIncrease;
    options.screen_outliers = index.Bool("screen_outliers").value_or(true);
    if (!index.Text("fix_after_n_points").empty()) {
      options.fix_after_n_points = static_cast<int>(index.Required("fix_after_n_points"));
    }
    if (!index.Text("rebase_at_index").empty()) {
      // The file counts from 1; rebase_at counts from 0.
      options.rebase_at.push_back(static_cast<int>(index.Required("rebase_at_index")) - 1);
    }
    std::vector<double> values;
    for (const VectorRow* row : series.points) values.push_back(row->Required("value"));
    Result<SpcChart> chart = XmrChart(values, options);
    {
      RowCheck check(index, id, kLimitsTolerance);
      check.True("a valid improvement direction", direction.ok());
      check.True("n_points rows",
                 static_cast<double>(series.points.size()) == index.Required("n_points"));
      for (size_t idx = 0; idx < series.points.size(); ++idx) {
        check.True("point indices 1..n",
                   series.points[idx]->Required("index") == static_cast<double>(idx + 1));
      }
      if (!chart.ok()) check.Fail("XmrChart failed: " + chart.status().ToString());
    }
    for (size_t idx = 0; idx < series.points.size(); ++idx) {
      const VectorRow& row = *series.points[idx];
      // RowCheck calls its tolerance relative; here it is the absolute one.
      RowCheck check(row, id + " point " + row.Text("index") + ", limits to absolute 5e-7",
                     kSeriesAbsoluteTolerance);
      if (!chart.ok() || idx >= chart->points.size()) {
        check.Fail("no chart point");
        continue;
      }
      const SpcPoint& point = chart->points[idx];
      check.True("segment = rebase_group", point.segment == row.Required("rebase_group"));
      NearAbsolute(check, "mean", point.limits.mean, row.Required("mean"),
                   kSeriesAbsoluteTolerance);
      NearAbsolute(check, "lpl", point.limits.lower_process_limit, row.Required("lpl"),
                   kSeriesAbsoluteTolerance);
      NearAbsolute(check, "upl", point.limits.upper_process_limit, row.Required("upl"),
                   kSeriesAbsoluteTolerance);
      check.Equal("special_cause_type", SpecialCauseLabel(point.special_cause),
                  row.Text("special_cause_type"));
      check.Equal("point_type", PointTypeName(point.point_type), row.Text("point_type"));
    }
  }
  std::printf(
      "spc_series_points.csv: largest absolute difference in mean/lpl/upl %.2g "
      "(tolerance %.2g)\n",
      worst_absolute, kSeriesAbsoluteTolerance);
  EXPECT_EQ(vectors::Tally("spc/spc_series_index.csv").first, 21);
  EXPECT_EQ(vectors::Tally("spc/spc_series_points.csv").first, 416);
}

}  // namespace
}  // namespace cradle::stats
