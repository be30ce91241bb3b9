// Google Benchmark figures for stats/: the calls an indicator page makes per
// area and period (a crude rate at 95% and 99.8%, a proportion, a two-level
// comparison, a trend marker), the costliest method, a ratio funnel limit
// found by Poisson bisection, and an XmR chart of a long series. Run from the
// release build:
//   ./build/release/bench/stats_bench
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "stats/benchmark_comparison.h"
#include "stats/funnel.h"
#include "stats/proportion.h"
#include "stats/rate.h"
#include "stats/spc.h"
#include "stats/trend.h"

namespace cradle::stats {
namespace {

// Infant deaths per 1,000 live births: a small area (exact limits below 10
// events, Byar's from 10) and England (Byar's).
void BM_CrudeRate(benchmark::State& state) {
  double events = static_cast<double>(state.range(0));
  double confidence = state.range(1) == 95 ? 0.95 : 0.998;
  double births = events < 100 ? 3000.0 : 580000.0;
  for (auto _ : state) {
    auto rate = CrudeRate(events, births, 1000, confidence);
    benchmark::DoNotOptimize(rate);
  }
}
BENCHMARK(BM_CrudeRate)
    ->ArgNames({"events", "confidence"})
    ->Args({4, 95})
    ->Args({4, 998})
    ->Args({25, 95})
    ->Args({25, 998})
    ->Args({2300, 95})
    ->Args({2300, 998});

// Booked by 10 weeks, as a percentage.
void BM_WilsonProportion(benchmark::State& state) {
  for (auto _ : state) {
    auto proportion = WilsonProportion(3900, 5200, 100, 0.95);
    benchmark::DoNotOptimize(proportion);
  }
}
BENCHMARK(BM_WilsonProportion);

void BM_CompareTwoLevels(benchmark::State& state) {
  ComparedValue local{4.13, Interval{3.17, 5.30}, Interval{2.70, 6.03}};
  double benchmark_value = 3.9;
  for (auto _ : state) {
    benchmark::DoNotOptimize(benchmark_value);
    Significance significance = CompareTwoLevels(local, benchmark_value, Polarity::kLowIsGood);
    benchmark::DoNotOptimize(significance);
  }
}
BENCHMARK(BM_CompareTwoLevels);

void BM_RecentTrend(benchmark::State& state) {
  std::vector<TrendPoint> points;
  for (int year = 0; year < 8; ++year) {
    double deaths = 2400.0 - 40.0 * year;
    double births = 620000.0 - 5000.0 * year;
    double rate = deaths / births * 1000.0;
    points.push_back({deaths, births, rate, Interval{rate * 0.96, rate * 1.04}});
  }
  TrendOptions options;
  options.spc_for_proportions = state.range(0) == 1;
  for (auto _ : state) {
    TrendResult result = RecentTrend(points, options);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_RecentTrend)->ArgName("spc_for_proportions")->Arg(0)->Arg(1);

// One point of a ratio (ISR) funnel: four Poisson bisections, each summing a
// Poisson series per step, so the cost grows with the observed count.
void BM_RatioFunnelLimits(benchmark::State& state) {
  double observed = static_cast<double>(state.range(0));
  for (auto _ : state) {
    auto point = RatioFunnelLimits(observed, FunnelRatioType::kIsr);
    benchmark::DoNotOptimize(point);
  }
}
BENCHMARK(BM_RatioFunnelLimits)->ArgName("observed")->Arg(5)->Arg(100)->Arg(2500);

// An XmR chart (limits, the four rules, icons) of 1,000 weekly infant
// mortality rates: noise around 4 per 1,000 with a step down to 3.4 at week
// 600, so shifts, two-in-three signals and outside points all occur. Arg 0
// uses the defaults (NHSRplotthedots), 1 the MDC tool's settings.
void BM_XmrChart(benchmark::State& state) {
  std::mt19937 generator(1000);
  std::normal_distribution<double> noise(0.0, 0.5);
  std::vector<double> values;
  for (int week = 0; week < 1000; ++week) {
    values.push_back((week < 600 ? 4.0 : 3.4) + noise(generator));
  }
  SpcOptions options = state.range(0) == 1 ? MakingDataCountToolOptions() : SpcOptions();
  options.improvement = ImprovementDirection::kDecrease;
  options.target = 3.9;
  for (auto _ : state) {
    auto chart = XmrChart(values, options);
    benchmark::DoNotOptimize(chart);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(values.size()));
}
BENCHMARK(BM_XmrChart)->ArgName("mdc_tool")->Arg(0)->Arg(1);

}  // namespace
}  // namespace cradle::stats
