// cradle cdop factors [--by all|category|year] [--format table|csv]
// cradle cdop timeliness [--targets FILE]
// What the child death reviews in the store say: the modifiable factors the
// panel recorded, ranked by the completed reviews they appear in, with
// Wilson 95% intervals and the rising ones marked (cdop/factor_ranking.h);
// the two flags beside them. The small-number rule of the other commands
// applies (--small-counts 0 shows every count, as the CDOP sees them).
// Timeliness: each step of the process against the targets in
// data/cdop/timeliness.json (cdop/timeliness.h), and the reviews overdue.
#include <memory>

#include "base/csv_writer.h"
#include "base/strings.h"
#include "cdop/factor_ranking.h"
#include "cdop/timeliness.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/record_analysis.h"
#include "cli/text_table.h"
#include "opendata/bundled.h"

namespace cradle::cli {
namespace {

struct CdopArgs {
  SessionOptions session;
  std::string by = "all";
  std::string format = "table";
  std::string targets;  // empty: the bundled data/cdop/timeliness.json
};

Result<std::vector<records::ReviewRecord>> StoredReviews(Session& session) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<records::ReviewRecord> reviews,
                          session.store().Reviews()->Reviews());
  if (reviews.empty()) {
    return Status::NotFound(
        "the store holds no child death reviews: import the register with `cradle import "
        "reviews FILE` (or load the synthetic Leicester with `cradle load --synthetic`)");
  }
  return reviews;
}

std::string TrendText(const cdop::FactorShare& share) {
  if (share.Rising()) return "Rising";
  return std::string(stats::TrendMarkerName(share.trend));
}

std::string DomainText(char domain) { return domain == 0 ? "Flag" : std::string(1, domain); }

std::vector<const cdop::FactorGroup*> Groups(const cdop::FactorRanking& ranking,
                                             const std::string& by) {
  std::vector<const cdop::FactorGroup*> groups;
  if (by == "all") groups.push_back(&ranking.overall);
  if (by == "category") {
    for (const auto& group : ranking.by_category) groups.push_back(&group);
  }
  if (by == "year") {
    for (const auto& group : ranking.by_year) groups.push_back(&group);
  }
  return groups;
}

void WriteCsv(const cdop::FactorRanking& ranking, const CdopArgs& args, std::ostream& out) {
  WriteCsvRow(out, {"Group type", "Group", "Completed reviews", "Rank", "Code", "Factor",
                    "Domain (2018 form)", "Reviews with factor", "Value", "Lower CI 95.0 limit",
                    "Upper CI 95.0 limit", "Recent trend", "Note"});
  const std::string note = ranking.synthetic ? "Synthetic reviews: not real children" : "";
  auto count = [](int64_t value, bool hidden) { return hidden ? "" : std::to_string(value); };
  for (const cdop::FactorGroup* group : Groups(ranking, args.by)) {
    auto write = [&](const cdop::FactorShare& share, bool ranked) {
      const auto& percent = share.percent;
      WriteCsvRow(
          out,
          {args.by, group->label, count(group->reviews, group->reviews_hidden),
           ranked && share.rank > 0 ? std::to_string(share.rank) : "", share.code, share.name,
           DomainText(share.domain), count(share.reviews_with, share.hidden),
           percent ? CsvNumber(percent->value) : "", percent ? CsvNumber(percent->ci.lower) : "",
           percent ? CsvNumber(percent->ci.upper) : "",
           group == &ranking.overall ? TrendText(share) : "", note});
    };
    for (const cdop::FactorShare& share : group->factors) write(share, true);
    for (const cdop::FactorShare& share : group->flags) write(share, false);
  }
}

void PrintGroup(const cdop::FactorRanking& ranking, const cdop::FactorGroup& group,
                std::ostream& out) {
  const bool overall = &group == &ranking.overall;
  auto shown = [](int64_t value, bool hidden) { return hidden ? "*" : WithThousands(value); };
  out << group.label << ": " << shown(group.reviews, group.reviews_hidden) << " completed reviews";
  if (group.modifiable_percent) {
    out << ", modifiable factors identified in " << WithThousands(group.with_modifiable) << " ("
        << FormatNumber(group.modifiable_percent->value, 1) << "%, 95% CI "
        << FormatInterval(group.modifiable_percent, 1) << ")";
  }
  out << "\n\n";
  std::vector<TextTable::Column> columns = {{"Rank", TextTable::Align::kRight},
                                            {"Modifiable factor"},
                                            {"Domain"},
                                            {"Reviews", TextTable::Align::kRight},
                                            {"%", TextTable::Align::kRight},
                                            {"95% CI", TextTable::Align::kRight}};
  if (overall) columns.push_back({"Recent trend"});
  TextTable table(columns);
  auto add = [&](const cdop::FactorShare& share, bool ranked) {
    std::vector<std::string> cells = {ranked && share.rank > 0 ? std::to_string(share.rank) : "",
                                      share.name,
                                      DomainText(share.domain),
                                      shown(share.reviews_with, share.hidden),
                                      share.percent ? FormatNumber(share.percent->value, 1) : "-",
                                      FormatInterval(share.percent, 1)};
    if (overall) cells.push_back(TrendText(share));
    table.AddRow(std::move(cells));
  };
  for (const cdop::FactorShare& share : group.factors) add(share, true);
  for (const cdop::FactorShare& share : group.flags) add(share, false);
  table.Print(out);
  out << "\n";
}

Status RunFactors(const CdopArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_ASSIGN_OR_RETURN(std::vector<records::ReviewRecord> reviews, StoredReviews(*session));
  cdop::RankingOptions options;
  options.min_count = args.session.engine.disclosure_min_count.value_or(
      session->catalogue().disclosure_min_count());
  const cdop::FactorRanking ranking = cdop::RankFactors(reviews, options);
  if (args.format == "csv") {
    WriteCsv(ranking, args, out);
    return Status::Ok();
  }
  out << "Modifiable factors in child death reviews";
  if (ranking.first_panel) {
    out << ", panels from " << ranking.first_panel->ToString() << " to "
        << ranking.last_panel->ToString();
  }
  out << " (" << cdop::OpenReviewsText(ranking) << " reviews still open)\n";
  if (ranking.synthetic) out << "SYNTHETIC reviews: not real children (docs/synthetic-data.md).\n";
  out << "Share of completed reviews in which the panel recorded the factor as modifiable "
         "(flags: marked Y), Wilson 95% intervals. Recent trend: Fingertips' test over the five "
         "most recent years of panels (April to March).\n\n";
  for (const cdop::FactorGroup* group : Groups(ranking, args.by)) PrintGroup(ranking, *group, out);
  if (ranking.min_count > 1) {
    out << "Counts from 1 to " << ranking.min_count - 1
        << " are hidden (*), with their shares; small categories are pooled.\n";
  }
  out << "Domains (2018 analysis form): A intrinsic to the child, B social environment, "
         "C physical environment, D service provision.\n";
  return Status::Ok();
}

Status RunTimeliness(const CdopArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(
      cdop::TimelinessTargets targets,
      cdop::LoadTimelinessTargets(args.targets.empty()
                                      ? cdop::TimelinessTargetsPath(opendata::DefaultDataDir())
                                      : args.targets));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_ASSIGN_OR_RETURN(std::vector<records::ReviewRecord> reviews, StoredReviews(*session));
  const records::Date today = Today();
  out << "Timeliness of " << WithThousands(static_cast<int64_t>(reviews.size()))
      << " child death reviews on " << today.ToString()
      << ", in days from the death (targets: data/cdop/timeliness.json or --targets)\n\n";
  TextTable table({{"Step"},
                   {"Target (days)", TextTable::Align::kRight},
                   {"On time", TextTable::Align::kRight},
                   {"Late", TextTable::Align::kRight},
                   {"Overdue", TextTable::Align::kRight},
                   {"Not yet due", TextTable::Align::kRight},
                   {"Median days", TextTable::Align::kRight}});
  for (const cdop::StepSummary& step : cdop::SummariseTimeliness(reviews, targets, today)) {
    table.AddRow({step.step, std::to_string(step.target_days), WithThousands(step.on_time),
                  WithThousands(step.late), WithThousands(step.overdue),
                  WithThousands(step.not_yet_due),
                  step.median_days ? FormatNumber(*step.median_days, 1) : "-"});
  }
  table.Print(out);
  out << "\nOn time: done within the target. Late: done after it. Overdue: not done and past "
         "it.\n";
  return Status::Ok();
}

}  // namespace

Command AddCdopCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "cdop", "What the child death overview panel's reviews say (the CDOP register)");
  app->require_subcommand(1);
  auto args = std::make_shared<CdopArgs>();
  CLI::App* factors = app->add_subcommand(
      "factors",
      "Modifiable factors ranked by the completed reviews they appear in, with 95% "
      "intervals and the rising ones marked");
  factors->add_option("--by", args->by, "all, category (of death) or year (of the panel)")
      ->check(CLI::IsMember({"all", "category", "year"}))
      ->capture_default_str();
  factors->add_option("--format", args->format, "table or csv")
      ->check(CLI::IsMember({"table", "csv"}))
      ->capture_default_str();
  AddSessionOptions(*factors, args->session);
  CLI::App* timeliness = app->add_subcommand(
      "timeliness", "Each step of the review process against the CDOP's timeliness targets");
  timeliness->add_option("--targets", args->targets,
                         "Targets file (default: the bundled data/cdop/timeliness.json)");
  AddSessionOptions(*timeliness, args->session);
  return {app, [=](std::ostream& out) {
            if (timeliness->parsed()) return RunTimeliness(*args, out);
            return RunFactors(*args, out);
          }};
}

}  // namespace cradle::cli
