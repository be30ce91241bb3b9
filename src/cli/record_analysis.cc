#include "cli/record_analysis.h"

#include <fmt/format.h>

#include <algorithm>

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
  CRADLE_ASSIGN_OR_RETURN(
      static_cast<workspace::RecordScope&>(context),
      workspace::LoadRecordScope(*context.session,
                                 args.session.engine.disclosure_min_count.value_or(
                                     context.session->catalogue().disclosure_min_count())));
  if (args.period.empty()) {
    context.period = context.DefaultPeriod();
  } else {
    CRADLE_ASSIGN_OR_RETURN(context.period, indicators::Period::Parse(args.period));
  }
  return context;
}

std::string RecordContext::SourceLine(const std::vector<std::string>& extra) const {
  std::string line = SyntheticNotice();
  for (const std::string& attribution : Attributions(extra)) {
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
  for (const std::string& line : Attributions(extra)) out << line << "\n";
}

std::string CsvNumber(double value) { return fmt::format("{}", value); }

}  // namespace cradle::cli
