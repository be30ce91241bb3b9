// cradle spc [--interval month|quarter]
// Infant deaths by month or quarter as an XmR chart with the Making Data Count
// rules: each point's count, the centre line and limits, and any special
// cause; the variation icon of the latest point.
#include <memory>

#include "base/csv_writer.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/record_analysis.h"
#include "cli/text_table.h"
#include "inequalities/death_series.h"

namespace cradle::cli {
namespace {

struct SpcArgs {
  RecordArgs records;
  std::string interval = "month";
  std::string measure = "infant";
  std::string rules = "mdc";
  std::optional<int> from;
  std::optional<int> to;
};

Status RunSpc(const SpcArgs& args, std::ostream& out) {
  inequalities::DeathSpcOptions options;
  CRADLE_ASSIGN_OR_RETURN(options.interval, inequalities::ParseSeriesInterval(args.interval));
  CRADLE_ASSIGN_OR_RETURN(options.measure, inequalities::ParseDeathMeasure(args.measure));
  CRADLE_ASSIGN_OR_RETURN(options.rules, inequalities::ParseSpcRules(args.rules));
  options.first_year = args.from;
  options.last_year = args.to;
  CRADLE_ASSIGN_OR_RETURN(RecordContext context, OpenRecords(args.records));
  options.disclosure_min_count = context.disclosure_min_count;
  CRADLE_ASSIGN_OR_RETURN(auto spc, inequalities::DeathsSpc(context.frame, options));
  const stats::SpcChart& chart = spc.chart;
  auto value = [&](const inequalities::SeriesPoint& point) {
    return point.hidden ? std::string() : std::to_string(point.deaths);
  };
  if (context.csv) {
    WriteCsvRow(out, {"Period", "Measure", "Deaths", "Mean", "Lower process limit",
                      "Upper process limit", "Lower near limit", "Upper near limit",
                      "Special cause", "Point type", "Rules", "Source"});
    std::string source = context.SourceLine();
    for (size_t idx = 0; idx < spc.points.size(); ++idx) {
      const stats::SpcPoint& point = chart.points[idx];
      WriteCsvRow(
          out,
          {spc.points[idx].label, std::string(inequalities::DeathMeasureName(options.measure)),
           value(spc.points[idx]), CsvNumber(point.limits.mean),
           CsvNumber(point.limits.lower_process_limit), CsvNumber(point.limits.upper_process_limit),
           CsvNumber(point.limits.lower_near_limit), CsvNumber(point.limits.upper_near_limit),
           stats::SpecialCauseLabel(point.special_cause),
           std::string(stats::PointTypeName(point.point_type)),
           std::string(inequalities::SpcRulesName(options.rules)), source});
    }
    return Status::Ok();
  }
  out << inequalities::DeathMeasureTitle(options.measure) << ": deaths by "
      << (options.interval == inequalities::SeriesInterval::kMonth ? "month" : "quarter")
      << " of death, " << context.area_label << ", " << spc.first_year << "-" << spc.last_year
      << ", XmR chart, from records\n"
      << "Rules: "
      << (options.rules == inequalities::SpcRules::kMakingDataCount
              ? "NHS England Making Data Count tool"
              : "NHSRplotthedots")
      << "; fewer deaths is improvement.\n\n";
  TextTable text({{"Period"},
                  {"Deaths", TextTable::Align::kRight},
                  {"Mean", TextTable::Align::kRight},
                  {"Process limits", TextTable::Align::kRight},
                  {"Special cause"},
                  {"Variation"}});
  for (size_t idx = 0; idx < spc.points.size(); ++idx) {
    const stats::SpcPoint& point = chart.points[idx];
    text.AddRow({spc.points[idx].label, spc.points[idx].hidden ? "*" : value(spc.points[idx]),
                 FormatNumber(point.limits.mean, 2),
                 FormatNumber(point.limits.lower_process_limit, 2) + " – " +
                     FormatNumber(point.limits.upper_process_limit, 2),
                 point.special_cause == stats::SpecialCauseType::kCommonCause
                     ? ""
                     : stats::SpecialCauseLabel(point.special_cause),
                 std::string(stats::MdcVariationLabel(point.point_type))});
  }
  text.Print(out);
  out << "\nLatest point: " << stats::VariationIconName(chart.variation) << ".\n";
  for (const std::string& warning : chart.warnings) out << "Warning: " << warning << "\n";
  for (const std::string& note : spc.notes) out << "Note: " << note << ".\n";
  context.PrintFooter(out);
  return Status::Ok();
}

}  // namespace

Command AddSpcCommand(CLI::App& parent) {
  auto args = std::make_shared<SpcArgs>();
  CLI::App* app = parent.add_subcommand(
      "spc",
      "Infant deaths by month or quarter from the stored records as an SPC (XmR) chart with "
      "the Making Data Count rules");
  app->add_option("--interval", args->interval, "month (default) or quarter")
      ->check(CLI::IsMember({"month", "quarter"}));
  app->add_option("--measure", args->measure, "infant (default), neonatal or postneonatal")
      ->check(CLI::IsMember({"infant", "neonatal", "postneonatal"}));
  app->add_option("--rules", args->rules,
                  "mdc (default: NHS England's Making Data Count tool) or nhsrplotthedots")
      ->check(CLI::IsMember({"mdc", "nhsrplotthedots"}));
  app->add_option("--from", args->from,
                  "First year (default: the second year of births, the first whose deaths are "
                  "all in the records)");
  app->add_option("--to", args->to, "Last year (default: the last year of births)");
  app->add_option("--format", args->records.format, "table (default) or csv")
      ->check(CLI::IsMember({"table", "csv"}));
  AddSessionOptions(*app, args->records.session);
  return {app, [args](std::ostream& out) { return RunSpc(*args, out); }};
}

}  // namespace cradle::cli
