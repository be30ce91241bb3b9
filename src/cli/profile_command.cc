// cradle profile --area E06000016 --period 2020-22 [--format table|csv]
// Every indicator for one area and period: value, 95% and 99.8% intervals,
// count, denominator, England's value, the comparison and the rank.
#include <memory>

#include "cli/command.h"
#include "cli/format.h"
#include "cli/text_table.h"
#include "indicators/fingertips_export.h"
#include "indicators/period.h"

namespace cradle::cli {
namespace {

struct ProfileArgs {
  SessionOptions session;
  std::string area;
  std::string period;
  std::string format = "table";
};

void PrintTable(std::ostream& out, const indicators::Engine& engine, const store::Area& area,
                const indicators::Period& period,
                const std::vector<indicators::IndicatorValue>& values) {
  const store::Area* parent = area.parent_code ? engine.FindArea(*area.parent_code) : nullptr;
  out << "Infant and perinatal health profile: " << area.name << " (" << area.code << "), "
      << period.Label() << "\n";
  out << area.type << (parent ? " in " + parent->name : "")
      << ". Compared with England (95% confidence interval); ranked among English upper-tier "
         "authorities, 1 = highest value.\n\n";
  TextTable table({{"Indicator"},
                   {"Value", TextTable::Align::kRight},
                   {"95% CI", TextTable::Align::kRight},
                   {"99.8% CI", TextTable::Align::kRight},
                   {"Count", TextTable::Align::kRight},
                   {"Denominator", TextTable::Align::kRight},
                   {"England", TextTable::Align::kRight},
                   {"vs England"},
                   {"Rank", TextTable::Align::kRight},
                   {"Data"},
                   {"Note"}});
  std::vector<std::string> notes;
  std::vector<std::string> datasets;  // in order of first use, keyed a, b, c
  auto data_key = [&](const std::string& id) -> std::string {
    if (id.empty()) return "";
    auto it = std::find(datasets.begin(), datasets.end(), id);
    if (it == datasets.end()) it = datasets.insert(datasets.end(), id);
    return std::string(1, static_cast<char>('a' + (it - datasets.begin())));
  };
  for (const indicators::IndicatorValue& value : values) {
    const indicators::Indicator& ind = *value.indicator;
    std::string note = indicators::ValueNote(value);
    std::string marker;
    if (!note.empty()) {
      auto it = std::find(notes.begin(), notes.end(), note);
      if (it == notes.end()) it = notes.insert(notes.end(), note);
      marker = "[" + std::to_string(it - notes.begin() + 1) + "]";
    }
    std::string label = ind.name + " (" + ind.unit + ")";
    if (!value.has_value()) {
      table.AddRow({label, "-", "", "", "", "", "", "", "", "", marker});
      continue;
    }
    table.AddRow({label, FormatNumber(*value.value(), ind.decimals),
                  FormatInterval(value.ci95, ind.decimals),
                  FormatInterval(value.ci998, ind.decimals), FormatCount(value.count),
                  FormatCount(value.denominator),
                  value.comparator_value ? FormatNumber(*value.comparator_value, ind.decimals) : "",
                  value.comparator_value ? ComparedText(value) : "", RankText(value),
                  data_key(value.dataset_id), marker});
  }
  table.Print(out);
  if (!notes.empty()) {
    out << "\nNotes\n";
    for (size_t idx = 0; idx < notes.size(); ++idx) {
      out << "  [" << idx + 1 << "] " << notes[idx] << "\n";
    }
  }
  out << "\nData\n";
  for (size_t idx = 0; idx < datasets.size(); ++idx) {
    const store::Dataset* dataset = engine.FindDataset(datasets[idx]);
    if (!dataset) continue;
    out << "  " << static_cast<char>('a' + idx) << ". " << dataset->title
        << ". Basis: " << dataset->basis << ".\n";
  }
  out << "  Intervals: Byar's method for rates (exact Poisson below 10 events); Wilson score "
         "for percentages.\n\n";
  PrintAttributions(out, engine.Attributions(values));
}

Status RunProfile(const ProfileArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(indicators::Period period, indicators::Period::Parse(args.period));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  const indicators::Engine& engine = session->engine();
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, engine.ResolveArea(args.area));
  CRADLE_RETURN_IF_ERROR(engine.CheckPeriod(period));
  std::vector<indicators::IndicatorValue> values = engine.Profile(area->code, period);
  if (std::none_of(values.begin(), values.end(),
                   [](const auto& v) { return v.ci95.has_value(); })) {
    return Status::NotFound("no indicator has data for " + area->name + " in " + period.Label() +
                            ": " + values.front().unavailable);
  }
  if (args.format == "csv") {
    indicators::WriteFingertipsCsv(out, engine, values);
  } else {
    PrintTable(out, engine, *area, period, values);
  }
  return Status::Ok();
}

}  // namespace

Command AddProfileCommand(CLI::App& parent) {
  auto args = std::make_shared<ProfileArgs>();
  CLI::App* app = parent.add_subcommand(
      "profile",
      "Every infant-mortality indicator for one area and period, with 95% and 99.8% "
      "intervals, England's value, the comparison and the rank");
  app->add_option("--area", args->area, "GSS code or name, e.g. E06000016 or Leicester")
      ->required();
  app->add_option("--period", args->period, "A year (2022) or pooled years (2020-22)")->required();
  app->add_option("--format", args->format, "table (default) or csv (Fingertips columns)")
      ->check(CLI::IsMember({"table", "csv"}));
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunProfile(*args, out); }};
}

}  // namespace cradle::cli
