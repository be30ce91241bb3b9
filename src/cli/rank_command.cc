// cradle rank --indicator 92196 --period 2020-22 [--format table|csv]
// Every English upper-tier authority for one indicator and period, highest
// value first, with intervals and the comparison with England.
#include <memory>

#include "cli/command.h"
#include "cli/format.h"
#include "cli/text_table.h"
#include "geo/area_type.h"
#include "indicators/fingertips_export.h"
#include "indicators/period.h"

namespace cradle::cli {
namespace {

struct RankArgs {
  SessionOptions session;
  std::string indicator;
  std::string period;
  std::string format = "table";
};

Status RunRank(const RankArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(indicators::Period period, indicators::Period::Parse(args.period));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  const indicators::Engine& engine = session->engine();
  CRADLE_ASSIGN_OR_RETURN(const indicators::Indicator* indicator,
                          engine.catalogue().Find(args.indicator));
  CRADLE_RETURN_IF_ERROR(engine.CheckPeriod(period));
  std::vector<indicators::IndicatorValue> ranked = engine.Rank(*indicator, period);
  if (ranked.empty()) {
    indicators::IndicatorValue england =
        engine.Compute(*indicator, std::string(geo::kEnglandCode), period);
    return Status::NotFound(indicator->name + " cannot be ranked for " + period.Label() + ": " +
                            england.unavailable);
  }
  if (args.format == "csv") {
    indicators::WriteFingertipsCsv(out, engine, ranked);
    return Status::Ok();
  }
  indicators::IndicatorValue england =
      engine.Compute(*indicator, std::string(geo::kEnglandCode), period);
  out << indicator->name << " (" << indicator->unit << "), " << period.Label()
      << ": English upper-tier authorities, highest first\n";
  if (england.has_value()) {
    out << "England " << FormatNumber(*england.value(), indicator->decimals) << " ("
        << FormatInterval(england.ci95, indicator->decimals) << "), " << FormatCount(england.count)
        << " / " << FormatCount(england.denominator) << "\n";
  }
  out << "\n";
  TextTable table({{"Rank", TextTable::Align::kRight},
                   {"Area code"},
                   {"Area"},
                   {"Region"},
                   {"Value", TextTable::Align::kRight},
                   {"95% CI", TextTable::Align::kRight},
                   {"Count", TextTable::Align::kRight},
                   {"Denominator", TextTable::Align::kRight},
                   {"vs England"},
                   {"Note"}});
  int suppressed = 0;
  for (const indicators::IndicatorValue& value : ranked) {
    const store::Area* area = engine.FindArea(value.area_code);
    const store::Area* region =
        area && area->parent_code ? engine.FindArea(*area->parent_code) : nullptr;
    std::string name = area ? area->name : value.area_code;
    std::string region_name = region ? region->name : "";
    if (value.suppressed) {
      ++suppressed;
      table.AddRow({"-", value.area_code, name, region_name, "", "", "", "", "", "suppressed"});
      continue;
    }
    table.AddRow(
        {std::to_string(*value.rank), value.area_code, name, region_name,
         FormatNumber(*value.value(), indicator->decimals),
         FormatInterval(value.ci95, indicator->decimals), FormatCount(value.count),
         FormatCount(value.denominator), ComparedText(value),
         value.value_note.empty()
             ? ""
             : "unreliable (<" + std::to_string(indicator->unreliable_below) + " events)"});
  }
  table.Print(out);
  out << "\n" << ranked.size() - suppressed << " authorities ranked";
  if (suppressed > 0) {
    out << "; " << suppressed << " not shown: a count below " << indicator->disclosure_min_count
        << " could be disclosed (small-number rule)";
  }
  out << ".\n";
  const store::Dataset* dataset = engine.FindDataset(ranked.front().dataset_id);
  if (dataset) out << "Data: " << dataset->title << ". Basis: " << dataset->basis << ".\n";
  PrintAttributions(out, engine.Attributions(ranked));
  return Status::Ok();
}

}  // namespace

Command AddRankCommand(CLI::App& parent) {
  auto args = std::make_shared<RankArgs>();
  CLI::App* app = parent.add_subcommand(
      "rank", "Rank every English upper-tier authority for one indicator and period");
  app->add_option("--indicator", args->indicator,
                  "Indicator id or Fingertips id, e.g. infant-mortality or 92196 "
                  "('cradle indicators' lists them)")
      ->required();
  app->add_option("--period", args->period, "A year (2022) or pooled years (2020-22)")->required();
  app->add_option("--format", args->format, "table (default) or csv (Fingertips columns)")
      ->check(CLI::IsMember({"table", "csv"}));
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunRank(*args, out); }};
}

}  // namespace cradle::cli
