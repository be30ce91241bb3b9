// The full profile: every area × every period × every indicator in the
// bundled open data, with both confidence intervals, the comparison with
// England and the rank among upper-tier authorities. Goal: under 100 ms on the
// project's 2-core machine. The bundled data is loaded into a temporary SQLite
// store once, outside the timing; each iteration builds a fresh engine from
// the counts (so ranks are computed, not cached) and computes everything.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "indicators/catalogue.h"
#include "indicators/engine.h"
#include "opendata/bundled.h"
#include "store/store.h"

namespace {

using namespace cradle;

struct Snapshot {
  std::unique_ptr<indicators::Catalogue> catalogue;
  std::vector<store::Area> areas;
  std::vector<store::Dataset> datasets;
  std::vector<store::AggregateCount> counts;
};

const Snapshot& Data() {
  static const Snapshot* snapshot = [] {
    auto* out = new Snapshot();
    auto path = std::filesystem::temp_directory_path() /
                ("cradle_profile_bench_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    auto store = store::OpenSqliteStore(path.string());
    if (!store.ok()) {
      std::cerr << store.status().ToString() << "\n";
      std::exit(1);
    }
    auto loaded = opendata::LoadBundledOpenData(**store, opendata::DefaultDataDir());
    auto catalogue = indicators::Catalogue::Load(indicators::DefaultCataloguePath());
    if (!loaded.ok() || !catalogue.ok()) {
      std::cerr << "cannot load the bundled data or catalogue\n";
      std::exit(1);
    }
    out->catalogue = std::make_unique<indicators::Catalogue>(std::move(*catalogue));
    out->areas = *(*store)->Areas();
    out->datasets = *(*store)->Datasets();
    out->counts = *(*store)->Counts();
    std::filesystem::remove(path);
    return out;
  }();
  return *snapshot;
}

void BM_FullProfile(benchmark::State& state) {
  const Snapshot& data = Data();
  size_t values = 0, with_value = 0;
  for (auto _ : state) {
    indicators::Engine engine(*data.catalogue, data.areas, data.datasets, data.counts);
    values = with_value = 0;
    for (const indicators::Indicator& indicator : data.catalogue->indicators()) {
      for (const indicators::Period& period : engine.Periods(indicator)) {
        for (const store::Area& area : data.areas) {
          indicators::IndicatorValue value = engine.Compute(indicator, area.code, period);
          ++values;
          with_value += value.has_value();
          benchmark::DoNotOptimize(value);
        }
      }
    }
  }
  state.counters["area_period_indicator"] = static_cast<double>(values);
  state.counters["values_computed"] = static_cast<double>(with_value);
}
BENCHMARK(BM_FullProfile)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_LeicesterProfile(benchmark::State& state) {
  const Snapshot& data = Data();
  indicators::Engine engine(*data.catalogue, data.areas, data.datasets, data.counts);
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.Profile("E06000016", {2020, 3}));
  }
}
BENCHMARK(BM_LeicesterProfile)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
