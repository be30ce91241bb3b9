// cradle areas TEXT: find areas by name or GSS code.
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/text_table.h"
#include "opendata/attribution.h"

namespace cradle::cli {
namespace {

struct AreasArgs {
  SessionOptions session;
  std::string text;
  size_t limit = 20;
};

Status RunAreas(const AreasArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  const indicators::Engine& engine = session->engine();
  std::vector<const store::Area*> found = engine.SearchAreas(args.text, args.limit);
  std::string needle = args.text;
  bool exact = !found.empty();
  if (exact) {
    // SearchAreas falls back to the nearest spellings when nothing contains the text.
    std::string lower = ToLower(Trim(needle));
    exact = ToLower(found.front()->name).find(lower) != std::string::npos ||
            ToLower(found.front()->code).find(lower) != std::string::npos;
  }
  if (!exact) out << "No area name or code contains '" << args.text << "'. Nearest:\n\n";
  TextTable table({{"Code"}, {"Name"}, {"Type"}, {"Part of"}});
  for (const store::Area* area : found) {
    const store::Area* parent = area->parent_code ? engine.FindArea(*area->parent_code) : nullptr;
    table.AddRow({area->code, area->name, area->type,
                  parent ? parent->name + " (" + parent->code + ")" : ""});
  }
  table.Print(out);
  out << "\nArea names and codes from the bundled ONS tables.\n";
  PrintAttributions(out, {std::string(opendata::kOnsAttribution)});
  if (!exact) return Status::NotFound("no area matches '" + args.text + "'");
  return Status::Ok();
}

}  // namespace

Command AddAreasCommand(CLI::App& parent) {
  auto args = std::make_shared<AreasArgs>();
  CLI::App* app =
      parent.add_subcommand("areas", "Find areas by name or GSS code (e.g. 'leic' or 'E06')");
  app->add_option("text", args->text, "Part of a name or code")->required();
  app->add_option("--limit", args->limit, "At most this many areas (default 20)")
      ->check(CLI::Range(1, 1000));
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunAreas(*args, out); }};
}

}  // namespace cradle::cli
