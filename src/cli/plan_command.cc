// cradle plan load [--file FILE] | status | export --xlsx FILE
// The action plan: load a plan file into a store that has none (the bundled
// example by default), print the steering group's view (each theme's outcome,
// its actions by status and RAG, whether its measures' needles move, the
// CDOP recommendations), or write it all to a workbook, one sheet per table.
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/command.h"
#include "cli/format.h"
#include "cli/text_table.h"
#include "opendata/bundled.h"
#include "plan/plan_file.h"
#include "plan/plan_tables.h"
#include "plan/steering_view.h"
#include "web/downloads.h"

namespace cradle::cli {
namespace {

struct PlanArgs {
  SessionOptions session;
  std::string file;
  std::string xlsx;
};

Status RunLoadPlan(const PlanArgs& args, std::ostream& out) {
  const std::string path =
      args.file.empty() ? plan::BundledPlanPath(opendata::DefaultDataDir()) : args.file;
  CRADLE_ASSIGN_OR_RETURN(store::Plan plan, plan::ReadPlanFile(path));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_RETURN_IF_ERROR(session->store().Plan()->LoadPlan(plan));
  out << "Loaded " << path << " into " << session->db_path() << ": " << plan.themes.size()
      << " themes, " << plan.priorities.size() << " priorities, " << plan.actions.size()
      << " actions, " << plan.recommendations.size() << " recommendations.\n";
  return Status::Ok();
}

std::string Counts(const plan::StatusCounts& c) {
  return std::to_string(c.not_started) + " not started, " + std::to_string(c.in_progress) +
         " in progress, " + std::to_string(c.complete) + " complete" +
         (c.closed ? ", " + std::to_string(c.closed) + " closed" : "") + "; RAG R " +
         std::to_string(c.red) + ", A " + std::to_string(c.amber) + ", G " +
         std::to_string(c.green) + ", B " + std::to_string(c.blue) +
         (c.overdue ? "; " + std::to_string(c.overdue) + " overdue" : "");
}

Status RunStatus(const PlanArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_ASSIGN_OR_RETURN(plan::SteeringView view,
                          plan::BuildSteeringView(session->store(), Today(),
                                                  session->catalogue().disclosure_min_count()));
  out << view.title << ", on " << view.today.ToString() << "\n"
      << "All actions: " << Counts(view.counts) << "\n";
  for (const plan::ThemeView& theme : view.themes) {
    out << "\n"
        << theme.theme.name << "\n  Outcome: " << theme.theme.outcome << "\n  "
        << Counts(theme.counts) << "\n\n";
    TextTable actions({{"RAG"}, {"Action"}, {"Status"}, {"Due"}, {"Owner"}});
    for (const store::PlanAction& action : theme.actions) {
      actions.AddRow({action.rag, action.id + " " + action.title, plan::StatusLabel(action.status),
                      (action.due ? action.due->ToString() : "") +
                          (plan::Overdue(action, view.today) ? " (overdue)" : ""),
                      action.owner});
    }
    actions.Print(out);
    if (!theme.measures.empty()) {
      out << "\n";
      TextTable measures({{"Measure"},
                          {"Latest", TextTable::Align::kRight},
                          {"Value", TextTable::Align::kRight},
                          {"Is the needle moving?"}});
      for (const std::string& id : theme.measures) {
        const plan::MeasureSeries& series = view.measures.at(id);
        const plan::MeasurePoint* latest = series.points.empty() ? nullptr : &series.points.back();
        std::string value = "-";
        if (latest) {
          value = latest->value
                      ? plan::ShownValue(latest->value) + " " + std::string(series.definition->unit)
                      : std::to_string(latest->count);
        }
        measures.AddRow({std::string(series.definition->name), latest ? latest->period : "", value,
                         series.needle + (series.synthetic ? " (synthetic)" : "")});
      }
      measures.Print(out);
    }
  }
  out << "\nCDOP recommendations\n\n";
  TextTable recs({{"Recommendation"}, {"Status"}, {"Owner"}, {"Actions"}});
  for (const plan::RecommendationView& rec : view.recommendations) {
    std::string actions;
    for (const std::string& id : rec.action_ids) actions += (actions.empty() ? "" : ", ") + id;
    recs.AddRow({rec.recommendation.title, plan::StatusLabel(rec.recommendation.status),
                 rec.recommendation.owner, actions});
  }
  recs.Print(out);
  out << "\nRAG: R red, A amber, G green, B blue (complete). The bundled plan is example "
         "content: replace it with the steering group's own (docs/plan.md).\n";
  return Status::Ok();
}

Status RunExport(const PlanArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_ASSIGN_OR_RETURN(plan::SteeringView view,
                          plan::BuildSteeringView(session->store(), Today(),
                                                  session->catalogue().disclosure_min_count()));
  auto plans = session->store().Plan();
  CRADLE_ASSIGN_OR_RETURN(store::Plan plan, plans->ReadPlan());
  CRADLE_ASSIGN_OR_RETURN(auto updates, plans->ActionUpdates(""));
  CRADLE_ASSIGN_OR_RETURN(std::string bytes,
                          web::WorkbookXlsx(plan::PlanTables(view, plan, updates)));
  const std::string temp = args.xlsx + ".part";
  {
    std::ofstream file(temp, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file) return Status::IoError("cannot write " + args.xlsx);
  }
  std::error_code error;
  std::filesystem::rename(temp, args.xlsx, error);
  if (error) return Status::IoError("cannot write " + args.xlsx + ": " + error.message());
  out << "Wrote the action plan to " << args.xlsx
      << " (sheets: themes, actions, action updates, recommendations, measures, logic models).\n";
  return Status::Ok();
}

}  // namespace

Command AddPlanCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "plan", "The infant mortality action plan: load it, see where it stands, export it");
  app->require_subcommand(1);
  auto args = std::make_shared<PlanArgs>();
  CLI::App* load = app->add_subcommand("load", "Load a plan file into a store that has none");
  load->add_option("--file", args->file,
                   "Plan file (default: the bundled data/plan/leicester.json)");
  AddSessionOptions(*load, args->session);
  CLI::App* status = app->add_subcommand(
      "status",
      "The steering group's view: each theme's actions by status and RAG, and whether "
      "its measures move");
  AddSessionOptions(*status, args->session);
  CLI::App* xlsx = app->add_subcommand("export", "Write the plan to an Excel workbook");
  xlsx->add_option("--xlsx", args->xlsx, "The workbook to write")->required();
  AddSessionOptions(*xlsx, args->session);
  return {app, [=](std::ostream& out) {
            if (load->parsed()) return RunLoadPlan(*args, out);
            if (xlsx->parsed()) return RunExport(*args, out);
            return RunStatus(*args, out);
          }};
}

}  // namespace cradle::cli
