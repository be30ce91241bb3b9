// cradle hotspots --cas F --pop F --geo F | --areas F.csv [--space-time ...]
// Kulldorff's scan statistic as SaTScan defines it (src/hotspots): where cases
// cluster, with Monte Carlo p-values, as a table, CSV, JSON or GeoJSON. The
// replications show a progress bar when stderr is a terminal.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/text_table.h"
#include "hotspots/area_csv.h"
#include "hotspots/cluster_writers.h"
#include "hotspots/satscan_files.h"
#include "hotspots/space_time_data.h"
#include "hotspots/space_time_scan.h"
#include "hotspots/spatial_scan.h"

namespace cradle::cli {
namespace {

using hotspots::CheckSpaceTimeOptions;
using hotspots::Cluster;
using hotspots::ClustersGeoJson;
using hotspots::ClustersJson;
using hotspots::Coordinates;
using hotspots::LoadSatscanBernoulli;
using hotspots::LoadSatscanPoisson;
using hotspots::LoadSatscanSpaceTime;
using hotspots::RateDirection;
using hotspots::ReadAreasCsv;
using hotspots::RelativeRisk;
using hotspots::ScanModel;
using hotspots::ScanOptions;
using hotspots::ScanResult;
using hotspots::SpaceTimeData;
using hotspots::SpaceTimeOptions;
using hotspots::SpaceTimeScan;
using hotspots::SpatialData;
using hotspots::SpatialScan;
using hotspots::StudyPeriod;
using hotspots::WriteClustersCsv;

struct HotspotsArgs {
  std::string cas, pop, ctl, geo, areas;
  std::string coordinates = "cartesian";
  std::string model = "poisson";
  std::string direction = "high";
  double max_window = 50;
  int replications = 999;
  uint64_t seed = 12345678;
  int threads = 0;
  bool gumbel = false;
  std::string format = "text";
  std::string out;
  bool space_time = false;
  int start = 0, end = 0;
  double max_time = 50;
};

// A percentage above 0 and at most `most`.
CLI::Validator Percentage(double most) {
  std::string rule = fmt::format("must be a percentage above 0 and at most {}", most);
  return CLI::Validator(
      [most, rule](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !(value > 0 && value <= most)) {
          return rule + ", not " + text;
        }
        return "";
      },
      fmt::format("PCT in (0, {}]", most));
}

// A whole number, 0 or more.
CLI::Validator Count() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        int value = 0;
        if (!CLI::detail::lexical_cast(text, value) || value < 0) {
          return "must be a whole number, 0 or more, not " + text;
        }
        return "";
      },
      "0 or more");
}

// Redraws one line on stderr at most ten times a second.
class ProgressBar {
 public:
  void Update(int done, int total) {
    auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    int percent = total > 0 ? static_cast<int>(100LL * done / total) : 100;
    int filled = percent / 4;
    std::cerr << "\rreplications [" << std::string(filled, '#') << std::string(25 - filled, ' ')
              << "] " << percent << "%  " << WithThousands(done) << " of " << WithThousands(total)
              << std::flush;
    drawn_ = true;
  }
  ~ProgressBar() {
    if (drawn_) std::cerr << "\n";
  }

 private:
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

// The locations of a space-time study as the cluster writers take them.
SpatialData LocationsOf(const SpaceTimeData& data) {
  SpatialData view{.coordinates = data.coordinates,
                   .model = ScanModel::kPoisson,
                   .ids = data.ids,
                   .x = data.x,
                   .y = data.y,
                   .cases = std::vector<int64_t>(data.size(), 0),
                   .population = data.population};
  for (size_t i = 0; i < data.size(); ++i) {
    for (size_t k = 0; k < data.intervals(); ++k) view.cases[i] += data.cases[data.Cell(i, k)];
  }
  return view;
}

Status CheckInputs(const HotspotsArgs& args) {
  if (!args.areas.empty()) return Status::Ok();
  if (args.cas.empty() || args.geo.empty()) {
    return Status::InvalidArgument("give --cas and --geo (SaTScan files) or --areas (a CSV)");
  }
  if (args.space_time && args.model != "poisson") {
    return Status::InvalidArgument("--space-time takes --model poisson only");
  }
  if (args.model == "bernoulli") {
    if (args.ctl.empty()) return Status::InvalidArgument("--model bernoulli needs --ctl");
    if (!args.pop.empty())
      return Status::InvalidArgument("--model bernoulli takes --ctl, not --pop");
    return Status::Ok();
  }
  if (args.pop.empty()) return Status::InvalidArgument("--model poisson needs --pop");
  if (!args.ctl.empty()) return Status::InvalidArgument("--ctl needs --model bernoulli");
  return Status::Ok();
}

std::string Fixed(double value, int decimals) {
  if (std::isinf(value)) return "inf";
  return fmt::format("{:.{}f}", value, decimals);
}

void PrintTable(std::ostream& out, const HotspotsArgs& args, const SpatialData& data,
                const ScanResult& result) {
  std::vector<TextTable::Column> columns = {
      {"Cluster", TextTable::Align::kRight},   {"Centre"},
      {"Locations", TextTable::Align::kRight}, {"Observed", TextTable::Align::kRight},
      {"Expected", TextTable::Align::kRight},  {"O/E", TextTable::Align::kRight},
      {"RR", TextTable::Align::kRight},        {"LLR", TextTable::Align::kRight},
      {"p", TextTable::Align::kRight}};
  if (args.gumbel) columns.push_back({"Gumbel p", TextTable::Align::kRight});
  if (args.direction == "both") columns.push_back({"Rate"});
  if (args.space_time) columns.push_back({"Time"});
  TextTable table(std::move(columns));
  // Monte Carlo p-values are multiples of 1/(R+1): 3 decimals for 999.
  const int p_decimals =
      std::max(1, static_cast<int>(std::ceil(std::log10(result.replications + 1))));
  for (size_t number = 0; number < result.clusters.size(); ++number) {
    const Cluster& cluster = result.clusters[number];
    std::vector<std::string> row = {
        std::to_string(number + 1),
        data.ids[cluster.centre],
        WithThousands(static_cast<int64_t>(cluster.members.size())),
        WithThousands(cluster.observed),
        Fixed(cluster.expected, 2),
        Fixed(cluster.obs_over_exp(), 2),
        Fixed(RelativeRisk(cluster.observed, cluster.expected, result.total_cases), 2),
        Fixed(cluster.llr, 6),
        result.replications > 0 ? Fixed(cluster.p_value, p_decimals) : "n/a"};
    if (args.gumbel) {
      row.push_back(!cluster.gumbel_p_value       ? ""
                    : *cluster.gumbel_p_value > 0 ? fmt::format("{:.3g}", *cluster.gumbel_p_value)
                                                  : "< 1e-17");
    }
    if (args.direction == "both") row.push_back(cluster.high ? "high" : "low");
    if (args.space_time && cluster.time_start && cluster.time_end) {
      row.push_back(result.interval_start_labels[*cluster.time_start] + " – " +
                    result.interval_end_labels[*cluster.time_end]);
    } else if (args.space_time) {
      row.push_back("");
    }
    table.AddRow(std::move(row));
  }
  if (result.clusters.empty()) {
    out << "No clusters: no window's likelihood ratio is above 0.\n";
  } else {
    table.Print(out);
  }
  out << "\n"
      << (args.model == "bernoulli" ? "Bernoulli" : "Poisson")
      << (args.space_time ? " space-time" : "") << " scan, "
      << (args.direction == "both" ? "high and low" : args.direction) << " rates, circles up to "
      << args.max_window << "% of the population at risk"
      << (args.space_time ? fmt::format(", years {}–{}, time windows up to {}% of the period",
                                        args.start, args.end, args.max_time)
                          : "")
      << ": " << WithThousands(static_cast<int64_t>(data.size())) << " locations, "
      << WithThousands(result.total_cases) << " cases, " << WithThousands(result.replications)
      << " replications, seed " << args.seed << ".\n";
}

Status RunHotspots(const HotspotsArgs& args, std::ostream& stdout_stream) {
  CRADLE_RETURN_IF_ERROR(CheckInputs(args));
  std::ofstream file;
  if (!args.out.empty()) {
    file.open(args.out, std::ios::binary);
    if (!file) return Status::IoError("cannot write " + args.out);
  }
  std::ostream& out = args.out.empty() ? stdout_stream : file;
  const Coordinates coordinates =
      args.coordinates == "latlong" ? Coordinates::kLatLong : Coordinates::kCartesian;
  const ScanModel model = args.model == "bernoulli" ? ScanModel::kBernoulli : ScanModel::kPoisson;
  const RateDirection direction = args.direction == "low"    ? RateDirection::kLow
                                  : args.direction == "both" ? RateDirection::kBoth
                                                             : RateDirection::kHigh;
  std::unique_ptr<ProgressBar> bar;
  std::function<void(int, int)> progress;
  if (::isatty(STDERR_FILENO) && args.replications > 0) {
    bar = std::make_unique<ProgressBar>();
    progress = [&bar](int done, int total) { bar->Update(done, total); };
  }

  SpatialData data;
  ScanResult result;
  if (args.space_time) {
    CRADLE_ASSIGN_OR_RETURN(SpaceTimeData study,
                            LoadSatscanSpaceTime(args.cas, args.pop, args.geo, coordinates,
                                                 StudyPeriod{args.start, args.end, 1}));
    SpaceTimeOptions options;
    options.max_spatial_share = args.max_window / 100;
    options.max_temporal_share = args.max_time / 100;
    options.direction = direction;
    options.replications = args.replications;
    options.seed = args.seed;
    options.threads = args.threads;
    options.gumbel = args.gumbel;
    options.progress = progress;
    CRADLE_RETURN_IF_ERROR(CheckSpaceTimeOptions(options, study.intervals()));
    result = SpaceTimeScan(study, options);
    data = LocationsOf(study);
  } else {
    Result<SpatialData> loaded =
        !args.areas.empty() ? ReadAreasCsv(args.areas, coordinates, model)
        : model == ScanModel::kBernoulli
            ? LoadSatscanBernoulli(args.cas, args.ctl, args.geo, coordinates)
            : LoadSatscanPoisson(args.cas, args.pop, args.geo, coordinates);
    if (!loaded.ok()) return loaded.status();
    data = std::move(*loaded);
    ScanOptions options;
    options.direction = direction;
    options.max_window_share = args.max_window / 100;
    options.replications = args.replications;
    options.seed = args.seed;
    options.threads = args.threads;
    options.gumbel = args.gumbel;
    options.progress = progress;
    CRADLE_ASSIGN_OR_RETURN(result, SpatialScan(data, options));
  }
  bar.reset();

  if (args.format == "csv") {
    WriteClustersCsv(out, data, result);
  } else if (args.format == "json") {
    out << ClustersJson(data, result).dump(2) << "\n";
  } else if (args.format == "geojson") {
    out << ClustersGeoJson(data, result).dump(2) << "\n";
  } else {
    PrintTable(out, args, data, result);
  }
  out.flush();
  if (!out) return Status::IoError("cannot write " + (args.out.empty() ? "stdout" : args.out));
  return Status::Ok();
}

}  // namespace

Command AddHotspotsCommand(CLI::App& parent) {
  auto args = std::make_shared<HotspotsArgs>();
  CLI::App* app = parent.add_subcommand(
      "hotspots",
      "Where cases cluster: Kulldorff's spatial (or space-time) scan statistic as SaTScan "
      "computes it, with Monte Carlo p-values");
  CLI::Option* areas =
      app->add_option("--areas", args->areas,
                      "A CSV with id,x,y,births,deaths (cases = deaths, population = births)")
          ->type_name("FILE");
  for (auto [flag, target, what] :
       {std::tuple{"--cas", &args->cas, "SaTScan case file: <id> <cases> [<date>] [<covariates>]"},
        std::tuple{"--pop", &args->pop, "SaTScan population file: <id> <year> <population> ..."},
        std::tuple{"--ctl", &args->ctl, "SaTScan control file (Bernoulli): <id> <controls>"},
        std::tuple{"--geo", &args->geo,
                   "SaTScan coordinates file: <id> <x> <y> or <lat> <long>"}}) {
    app->add_option(flag, *target, what)->type_name("FILE")->excludes(areas);
  }
  app->add_option("--coordinates", args->coordinates,
                  "cartesian (default) or latlong (degrees; distances on SaTScan's sphere)")
      ->check(CLI::IsMember({"cartesian", "latlong"}));
  app->add_option("--model", args->model,
                  "poisson (default: cases against population) or bernoulli (cases against "
                  "controls; with --areas controls = births - deaths)")
      ->check(CLI::IsMember({"poisson", "bernoulli"}));
  app->add_option("--direction", args->direction, "high (default), low or both rates")
      ->check(CLI::IsMember({"high", "low", "both"}));
  app->add_option("--max-window", args->max_window,
                  "Largest circle, as a percentage of the population at risk (default 50)")
      ->check(Percentage(50));
  app->add_option("--replications", args->replications,
                  "Monte Carlo replications (default 999; 0: no p-values)")
      ->check(Count());
  app->add_option("--seed", args->seed, "Random seed (default 12345678)");
  app->add_option("--threads", args->threads, "Threads (default 0: every core)")->check(Count());
  app->add_flag("--gumbel", args->gumbel, "Also give Gumbel p-values");
  app->add_option("--format", args->format, "text (default), csv, json or geojson")
      ->check(CLI::IsMember({"text", "csv", "json", "geojson"}));
  app->add_option("--out", args->out, "Write to FILE instead of stdout")->type_name("FILE");
  CLI::Option* space_time = app->add_flag(
      "--space-time", args->space_time,
      "Retrospective space-time Poisson scan of SaTScan files whose cases carry dates");
  CLI::Option* start =
      app->add_option("--start", args->start, "First year of the study (with --space-time)")
          ->type_name("YYYY")
          ->needs(space_time);
  CLI::Option* end =
      app->add_option("--end", args->end, "Last year of the study (with --space-time)")
          ->type_name("YYYY")
          ->needs(space_time);
  app->add_option("--max-time", args->max_time,
                  "Longest time window, as a percentage of the study period (default 50)")
      ->check(Percentage(90))
      ->needs(space_time);
  space_time->needs(start)->needs(end)->excludes(areas);
  return {app, [args](std::ostream& out) { return RunHotspots(*args, out); }};
}

}  // namespace cradle::cli
