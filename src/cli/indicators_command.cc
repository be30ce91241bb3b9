// cradle indicators: the catalogue, with the periods each indicator has data for.
#include <memory>

#include "cli/command.h"
#include "cli/text_table.h"
#include "opendata/attribution.h"

namespace cradle::cli {
namespace {

struct IndicatorsArgs {
  SessionOptions session;
};

Status RunIndicators(const IndicatorsArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  const indicators::Engine& engine = session->engine();
  TextTable table({{"Id"}, {"Fingertips"}, {"Name"}, {"Unit"}, {"Polarity"}, {"Periods"}});
  for (const indicators::Indicator& indicator : engine.catalogue().indicators()) {
    std::string periods;
    for (const indicators::Period& period : engine.Periods(indicator)) {
      if (!periods.empty()) periods += ' ';
      periods += period.Label();
    }
    table.AddRow({indicator.id, indicator.fingertips_id, indicator.name, indicator.unit,
                  std::string(stats::PolarityName(indicator.polarity)), periods});
  }
  table.Print(out);
  out << "\nDefinitions and methods: docs/indicators.md. Catalogue: "
      << indicators::DefaultCataloguePath() << "\n";
  PrintAttributions(out, {std::string(opendata::kOnsAttribution)});
  return Status::Ok();
}

}  // namespace

Command AddIndicatorsCommand(CLI::App& parent) {
  auto args = std::make_shared<IndicatorsArgs>();
  CLI::App* app = parent.add_subcommand(
      "indicators", "List the indicator catalogue and the periods each can be computed for");
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunIndicators(*args, out); }};
}

}  // namespace cradle::cli
