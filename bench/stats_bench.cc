// Google Benchmark figures for stats/: the calls an indicator page makes per
// area and period (a crude rate at 95% and 99.8%, a proportion, a two-level
// comparison, a trend marker) and the costliest method, a ratio funnel limit
// found by Poisson bisection. Run from the release build:
//   ./build/release/bench/stats_bench
#include <benchmark/benchmark.h>

#include <vector>

#include "stats/benchmark_comparison.h"
#include "stats/funnel.h"
#include "stats/proportion.h"
#include "stats/rate.h"
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

}  // namespace
}  // namespace cradle::stats
