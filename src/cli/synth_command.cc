// cradle synth: write SYNTHETIC births, infant deaths and antenatal bookings
// for an area (docs/data-formats.md), calibrated to published figures
// (docs/synthetic-data.md), and say what was written. Not real people.
#include <charconv>
#include <limits>
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/text_table.h"
#include "opendata/attribution.h"
#include "opendata/bundled.h"
#include "synth/calibration.h"
#include "synth/generator.h"
#include "synth/summary.h"
#include "synth/writer.h"

namespace cradle::cli {
namespace {

struct SynthArgs {
  std::string area = std::string(synth::kLeicesterCode);
  std::string years = "2015-2024";
  std::string seed = "1";
  std::string out_dir;
};

std::string Percent(double share) { return FormatNumber(100.0 * share, 1) + "%"; }

std::string Share(int64_t part, int64_t whole) {
  return whole == 0 ? "" : Percent(static_cast<double>(part) / static_cast<double>(whole));
}

std::string Rate(int64_t deaths, int64_t births) {
  return births == 0 ? "" : FormatNumber(1000.0 * deaths / births, 1);
}

// A whole number from 0 to 2^64-1 (CLI11 would wrap "-1" round and saturate
// overflowing numbers, so the seed is parsed here).
Result<uint64_t> ParseSeed(const std::string& text) {
  uint64_t seed = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, seed);
  if (text.empty() || error != std::errc() || ptr != end) {
    return Status::InvalidArgument("the seed must be a whole number from 0 to " +
                                   std::to_string(std::numeric_limits<uint64_t>::max()) +
                                   "; got '" + text + "'");
  }
  return seed;
}

Status RunSynth(const SynthArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(synth::YearRange years, synth::ParseYearRange(args.years));
  CRADLE_ASSIGN_OR_RETURN(uint64_t seed, ParseSeed(args.seed));
  CRADLE_ASSIGN_OR_RETURN(synth::Calibration calibration,
                          synth::LoadCalibration(args.area, opendata::DefaultDataDir()));
  CRADLE_ASSIGN_OR_RETURN(synth::SyntheticData data,
                          synth::GenerateSyntheticData(calibration, {years, seed}));
  CRADLE_RETURN_IF_ERROR(synth::WriteSyntheticData(data, args.out_dir));
  const synth::SynthSummary summary = synth::Summarise(data, calibration);

  out << "Synthetic data: not real people.\n";
  const std::string span = years.first == years.last
                               ? std::to_string(years.first)
                               : std::to_string(years.first) + "-" + std::to_string(years.last);
  out << calibration.area_name << " (" << calibration.area_code << "), " << span << ", seed "
      << seed << ": wrote " << synth::kBirthsFile << " ("
      << WithThousands(static_cast<int64_t>(data.births.size())) << "), " << synth::kDeathsFile
      << " (" << WithThousands(static_cast<int64_t>(data.deaths.size())) << ") and "
      << synth::kBookingsFile << " (" << WithThousands(static_cast<int64_t>(data.bookings.size()))
      << ") to " << args.out_dir << "\n\n";

  using Align = TextTable::Align;
  TextTable table({{"Year"},
                   {"Live births", Align::kRight},
                   {"Infant deaths", Align::kRight},
                   {"Neonatal", Align::kRight},
                   {"IMR per 1,000", Align::kRight},
                   {"Booked within 10 weeks", Align::kRight}});
  auto add_row = [&](const std::string& label, const synth::YearSummary& year) {
    table.AddRow({label, WithThousands(year.live_births), WithThousands(year.infant_deaths),
                  WithThousands(year.neonatal_deaths), Rate(year.infant_deaths, year.live_births),
                  Share(year.booked_within_10_weeks, year.bookings)});
  };
  for (const synth::YearSummary& year : summary.years) add_row(std::to_string(year.year), year);
  add_row("All", summary.total);
  table.Print(out);

  out << "\nNeonatal deaths (0-27 days): " << Percent(summary.NeonatalShare())
      << " of infant deaths. Booked within 10 weeks (70 days): "
      << Percent(summary.BookedWithin10WeeksShare()) << "; Black mothers book later "
      << FormatNumber(summary.black_late_booking_ratio, 2) << " times as often as others.\n";
  out << "Deaths are counted by year of death, births and bookings by year of birth.\n";
  out << "Calibrated to published figures for " << calibration.area_name
      << "; the source of every number: docs/synthetic-data.md.\n";
  PrintAttributions(out, {std::string(opendata::kOnsAttribution)});
  return Status::Ok();
}

}  // namespace

Command AddSynthCommand(CLI::App& parent) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* app = parent.add_subcommand(
      "synth",
      "Write synthetic births, deaths and bookings CSV files (not real people), calibrated to "
      "published figures");
  app->add_option("--area", args->area, "Area to imitate (only Leicester, E06000016, is bundled)")
      ->capture_default_str();
  app->add_option("--years", args->years, "Years of birth, YYYY-YYYY or YYYY")
      ->capture_default_str();
  app->add_option("--seed", args->seed, "Random seed: the same seed gives the same files")
      ->capture_default_str();
  app->add_option("--out", args->out_dir,
                  "Directory to write births.csv, deaths.csv and bookings.csv into (created if "
                  "missing; files there are replaced)")
      ->required();
  return {app, [args](std::ostream& out) { return RunSynth(*args, out); }};
}

}  // namespace cradle::cli
