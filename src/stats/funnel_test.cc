#include "stats/funnel.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/poisson_interval.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kBisectionTolerance;
using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// funnel_proportion_limits.csv: two PIM tables of 100 populations and 22
// generated points, limits × 100 and clamped to [0, 100].
TEST(FunnelVectors, FunnelProportionLimits) {
  auto rows = ReadVectorFile("funnel_proportion_limits.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 222u) << "METHODS.md §15 lists 222 rows";
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("table_id") + " N=" + row.Text("population"),
                   kClosedFormTolerance);
    auto point = ProportionFunnelLimits(row.Required("average_proportion"),
                                        row.Required("population"), row.Required("multiplier"));
    if (!check.True("limits ok", point.ok())) continue;
    check.Near("lower 2s", point->limits.lower_2s, row.Required("lower_2s_limit"));
    check.Near("upper 2s", point->limits.upper_2s, row.Required("upper_2s_limit"));
    check.Near("lower 3s", point->limits.lower_3s, row.Required("lower_3s_limit"));
    check.Near("upper 3s", point->limits.upper_3s, row.Required("upper_3s_limit"));
    check.Near("baseline", point->baseline, row.Required("baseline"));
  }
}

// funnel_ratio_limits.csv: bisection expected events, their exact χ²
// equivalents, and ISR and count limits for O = 1..100.
TEST(FunnelVectors, FunnelRatioLimits) {
  auto rows = ReadVectorFile("funnel_ratio_limits.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 100u) << "METHODS.md §15 lists 100 rows";
  for (const auto& row : *rows) {
    double observed = row.Required("observed_events");
    RowCheck check(row, "O=" + row.Text("observed_events"), kBisectionTolerance);
    auto isr = RatioFunnelLimits(observed, FunnelRatioType::kIsr);
    auto count = RatioFunnelLimits(observed, FunnelRatioType::kCount);
    if (!check.True("limits ok", isr.ok() && count.ok())) continue;
    check.Near("lower 2s expected events", isr->lower_2s_expected_events,
               row.Required("lower_2s_exp_events"));
    check.Near("upper 2s expected events", isr->upper_2s_expected_events,
               row.Required("upper_2s_exp_events"));
    check.Near("lower 3s expected events", isr->lower_3s_expected_events,
               row.Required("lower_3s_exp_events"));
    check.Near("upper 3s expected events", isr->upper_3s_expected_events,
               row.Required("upper_3s_exp_events"));
    check.Near("lower 2s isr", isr->limits.lower_2s, row.Required("lower_2s_limit_isr"));
    check.Near("upper 2s isr", isr->limits.upper_2s, row.Required("upper_2s_limit_isr"));
    check.Near("lower 3s isr", isr->limits.lower_3s, row.Required("lower_3s_limit_isr"));
    check.Near("upper 3s isr", isr->limits.upper_3s, row.Required("upper_3s_limit_isr"));
    check.Near("lower 2s count", count->limits.lower_2s, row.Required("lower_2s_limit_count"));
    check.Near("upper 2s count", count->limits.upper_2s, row.Required("upper_2s_limit_count"));
    check.Near("lower 3s count", count->limits.lower_3s, row.Required("lower_3s_limit_count"));
    check.Near("upper 3s count", count->limits.upper_3s, row.Required("upper_3s_limit_count"));

    // The exact χ² columns are the exact count limits; the bisection is close
    // to them but not equal (METHODS.md §10: about 1e-4 relative at worst).
    auto exact95 = ExactPoissonInterval(observed, 0.95);
    auto exact998 = ExactPoissonInterval(observed, 0.998);
    if (!check.True("exact limits ok", exact95.ok() && exact998.ok())) continue;
    check.Near("exact lower 2s", exact95->upper, row.Required("exact_chisq_lower_2s_exp_events"),
               kQuantileTolerance);
    check.Near("exact upper 2s", exact95->lower, row.Required("exact_chisq_upper_2s_exp_events"),
               kQuantileTolerance);
    check.Near("exact lower 3s", exact998->upper, row.Required("exact_chisq_lower_3s_exp_events"),
               kQuantileTolerance);
    check.Near("exact upper 3s", exact998->lower, row.Required("exact_chisq_upper_3s_exp_events"),
               kQuantileTolerance);
    check.Near("bisection vs exact, upper 3s", isr->upper_3s_expected_events, exact998->lower,
               1e-4);
  }
}

// funnel_rate_limits.csv: DSR, crude with < 10 events and crude with a zero
// record, per 100,000 over 3 years.
TEST(FunnelVectors, FunnelRateLimits) {
  auto rows = ReadVectorFile("funnel_rate_limits.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 300u) << "METHODS.md §15 lists 300 rows";
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("table_id") + " E=" + row.Text("events"), kBisectionTolerance);
    double multiplier = row.Required("multiplier");
    FunnelRateType type = row.Text("statistic").find("dsr") != std::string::npos
                              ? FunnelRateType::kDsr
                              : FunnelRateType::kCrude;
    check.Equal("statistic", RateFunnelStatistic(type, multiplier), row.Text("statistic"));
    auto point = RateFunnelLimits(row.Required("events"),
                                  row.Required("average_rate_per_multiplier") / multiplier,
                                  multiplier, row.Required("years_of_data"));
    if (!check.True("limits ok", point.ok())) continue;
    check.Near("lower 2s population", point->lower_2s_population_per_year,
               row.Required("lower_2s_population_1_year"));
    check.Near("lower 2s", point->limits.lower_2s, row.Required("lower_2s_limit"));
    check.Near("upper 2s population", point->upper_2s_population_per_year,
               row.Required("upper_2s_population_1_year"));
    check.Near("upper 2s", point->limits.upper_2s, row.Required("upper_2s_limit"));
    check.Near("lower 3s population", point->lower_3s_population_per_year,
               row.Required("lower_3s_population_1_year"));
    check.Near("lower 3s", point->limits.lower_3s, row.Required("lower_3s_limit"));
    check.Near("upper 3s population", point->upper_3s_population_per_year,
               row.Required("upper_3s_population_1_year"));
    check.Near("upper 3s", point->limits.upper_3s, row.Required("upper_3s_limit"));
    check.Near("baseline", point->baseline, row.Required("average_rate_per_multiplier"));
  }
}

TEST(FunnelTest, ProportionLimitsAreClampedAtOneHundredWhateverTheMultiplier) {
  auto point = ProportionFunnelLimits(0.6, 5, 1000);
  ASSERT_TRUE(point.ok());
  EXPECT_EQ(point->limits.upper_2s, 100.0);
  EXPECT_EQ(point->baseline, 600.0);
  auto tiny = ProportionFunnelLimits(0.005, 1, 100);
  EXPECT_EQ(tiny->limits.lower_2s, 0.0);
}

TEST(FunnelTest, Validates) {
  EXPECT_FALSE(ProportionFunnelLimits(1.2, 100, 100).ok());
  EXPECT_FALSE(ProportionFunnelLimits(0.5, 0, 100).ok());
  EXPECT_FALSE(ProportionFunnelLimits(0.5, 100, 0).ok());
  EXPECT_FALSE(RatioFunnelLimits(0, FunnelRatioType::kIsr).ok());
  EXPECT_FALSE(RateFunnelLimits(0, 0.001, 1e5, 3).ok());
  EXPECT_FALSE(RateFunnelLimits(5, 0, 1e5, 3).ok());
  EXPECT_FALSE(RateFunnelLimits(5, 0.001, 1e5, 0).ok());
  EXPECT_EQ(RateFunnelStatistic(FunnelRateType::kCrude, 1000), "rate (crude per 1,000)");
}

}  // namespace
}  // namespace cradle::stats
