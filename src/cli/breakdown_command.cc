// cradle breakdown --indicator 92196 --period 2022 --by ethnicity
// One indicator for England by ethnic group or deprivation decile, each group
// with its intervals and the comparison with England's all-groups value from
// the same ONS table.
#include <memory>

#include "cli/command.h"
#include "cli/format.h"
#include "cli/text_table.h"
#include "geo/area_type.h"
#include "indicators/fingertips_export.h"
#include "indicators/period.h"

namespace cradle::cli {
namespace {

struct BreakdownArgs {
  SessionOptions session;
  std::string indicator;
  std::string period;
  std::string by;
  std::string area = std::string(geo::kEnglandCode);
  std::string format = "table";
};

// "ethnicity" and "deprivation" name the breakdowns the bundled tables hold.
std::string CategoryType(const std::string& by) {
  return by == "ethnicity" ? "Ethnic group" : "Deprivation decile (IMD)";
}

Status RunBreakdown(const BreakdownArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(indicators::Period period, indicators::Period::Parse(args.period));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  const indicators::Engine& engine = session->engine();
  CRADLE_ASSIGN_OR_RETURN(const indicators::Indicator* indicator,
                          engine.catalogue().Find(args.indicator));
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, engine.ResolveArea(args.area));
  std::string type = CategoryType(args.by);
  std::vector<indicators::IndicatorValue> values;
  for (const indicators::Breakdown& breakdown : engine.Breakdowns(*indicator, period)) {
    if (breakdown.type != type) continue;
    indicators::IndicatorValue value = engine.Compute(*indicator, area->code, period, breakdown);
    if (value.ci95 || !value.unavailable.empty()) values.push_back(std::move(value));
  }
  if (values.empty()) {
    return Status::NotFound(indicator->name + " has no breakdown by " + args.by + " for " +
                            area->name + " in " + period.Label() +
                            " in the bundled data (ethnicity: England and Wales 2020-2022; "
                            "deprivation: England 2010-2022)");
  }
  if (args.format == "csv") {
    indicators::WriteFingertipsCsv(out, engine, values);
    return Status::Ok();
  }
  out << indicator->name << " (" << indicator->unit << ") by " << type << ", " << area->name << ", "
      << period.Label() << "\n";
  if (values.front().comparator_value) {
    out << area->name << ", all groups in the same table: "
        << FormatNumber(*values.front().comparator_value, indicator->decimals) << "\n";
  }
  out << "\n";
  TextTable table({{type},
                   {"Value", TextTable::Align::kRight},
                   {"95% CI", TextTable::Align::kRight},
                   {"99.8% CI", TextTable::Align::kRight},
                   {"Count", TextTable::Align::kRight},
                   {"Denominator", TextTable::Align::kRight},
                   {"vs all groups"},
                   {"Note"}});
  auto label = [&](const indicators::Breakdown& breakdown) {
    if (args.by != "deprivation") return breakdown.category;
    if (breakdown.category == "1") return std::string("1 (most deprived)");
    if (breakdown.category == "10") return std::string("10 (least deprived)");
    return breakdown.category;
  };
  for (const indicators::IndicatorValue& value : values) {
    if (!value.has_value()) {
      table.AddRow({label(value.breakdown), "-", "", "", "", "", "", indicators::ValueNote(value)});
      continue;
    }
    table.AddRow({label(value.breakdown), FormatNumber(*value.value(), indicator->decimals),
                  FormatInterval(value.ci95, indicator->decimals),
                  FormatInterval(value.ci998, indicator->decimals), FormatCount(value.count),
                  FormatCount(value.denominator), ComparedText(value),
                  indicators::ValueNote(value)});
  }
  table.Print(out);
  const store::Dataset* dataset = engine.FindDataset(values.front().dataset_id);
  if (dataset) out << "\nData: " << dataset->title << ". Basis: " << dataset->basis << ".\n";
  PrintAttributions(out, engine.Attributions(values));
  return Status::Ok();
}

}  // namespace

Command AddBreakdownCommand(CLI::App& parent) {
  auto args = std::make_shared<BreakdownArgs>();
  CLI::App* app = parent.add_subcommand(
      "breakdown", "One indicator by ethnic group or deprivation decile, compared with all groups");
  app->add_option("--indicator", args->indicator, "Indicator id or Fingertips id, e.g. 92196")
      ->required();
  app->add_option("--period", args->period, "A year (2022) or pooled years (2020-22)")->required();
  app->add_option("--by", args->by, "ethnicity or deprivation")
      ->required()
      ->check(CLI::IsMember({"ethnicity", "deprivation"}));
  app->add_option("--area", args->area, "England (default) or Wales for ethnicity");
  app->add_option("--format", args->format, "table (default) or csv (Fingertips columns)")
      ->check(CLI::IsMember({"table", "csv"}));
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunBreakdown(*args, out); }};
}

}  // namespace cradle::cli
