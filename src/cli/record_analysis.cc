#include "cli/record_analysis.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/strings.h"
#include "cli/command.h"

namespace cradle::cli {

void AddRecordOptions(CLI::App& app, RecordArgs& args, const std::string& period_help) {
  app.add_option("--period", args.period, period_help);
  app.add_option("--format", args.format, "table (default) or csv")
      ->check(CLI::IsMember({"table", "csv"}));
  AddSessionOptions(app, args.session);
}

Result<RecordContext> OpenRecords(const RecordArgs& args) {
  RecordContext context;
  context.csv = args.format == "csv";
  CRADLE_ASSIGN_OR_RETURN(context.session, Session::Open(args.session));
  CRADLE_ASSIGN_OR_RETURN(context.frame, inequalities::LoadRecordFrame(context.session->store()));
  if (context.frame.births.empty()) {
    return Status::NotFound("the store " + context.session->db_path() +
                            " holds no birth records: import some with `cradle import births "
                            "FILE.csv`, or make a synthetic Leicester with `cradle synth --out "
                            "DIR` and import its files");
  }
  context.area_label = "all areas in the store";
  if (context.frame.local_authorities.size() == 1) {
    const std::string& code = context.frame.local_authorities.front();
    const store::Area* area = context.session->engine().FindArea(code);
    context.area_label = (area ? area->name + " (" + code + ")" : code);
  }
  if (args.period.empty()) {
    int first = std::max(context.frame.first_year, context.frame.last_year - 2);
    context.period = {first, context.frame.last_year - first + 1};
  } else {
    CRADLE_ASSIGN_OR_RETURN(context.period, indicators::Period::Parse(args.period));
  }
  context.disclosure_min_count = args.session.engine.disclosure_min_count.value_or(
      context.session->catalogue().disclosure_min_count());
  return context;
}

std::string RecordContext::SyntheticNotice() const {
  if (frame.synthetic_records == 0) return "";
  return "Synthetic data: not real people (" + WithThousands(frame.synthetic_records) +
         " records made by `cradle synth`, calibrated to published figures for Leicester).";
}

namespace {

std::vector<std::string> Lines(const RecordContext& context,
                               const std::vector<std::string>& extra) {
  std::vector<std::string> lines;
  for (const auto* list : {&context.frame.attributions, &extra}) {
    for (const std::string& line : *list) {
      if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace

std::string RecordContext::SourceLine(const std::vector<std::string>& extra) const {
  std::string line = SyntheticNotice();
  for (const std::string& attribution : Lines(*this, extra)) {
    line += (line.empty() ? "" : " ") + attribution;
  }
  return line;
}

void RecordContext::PrintFooter(std::ostream& out, const std::vector<std::string>& extra) const {
  out << "\n";
  if (!SyntheticNotice().empty()) out << SyntheticNotice() << "\n";
  if (disclosure_min_count > 1) {
    out << "Counts from 1 to " << disclosure_min_count - 1
        << " are not shown, nor what would reveal them (--small-counts 0 shows all).\n";
  }
  for (const std::string& line : Lines(*this, extra)) out << line << "\n";
}

std::string CsvNumber(double value) { return fmt::format("{}", value); }

}  // namespace cradle::cli
