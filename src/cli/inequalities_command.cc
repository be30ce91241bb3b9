// cradle inequalities --by ethnicity|imd|ward|lsoa|gestation|birthweight|mother-age
// Infant, neonatal or post-neonatal mortality from the stored records by
// group, each with its rate and intervals and its rate ratio against a
// reference group; across deprivation, the slope and relative indices of
// inequality.
#include <fmt/format.h>

#include <memory>

#include "base/csv_writer.h"
#include "base/strings.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/record_analysis.h"
#include "cli/text_table.h"
#include "inequalities/mortality.h"

namespace cradle::cli {
namespace {

struct InequalitiesArgs {
  RecordArgs records;
  std::string by;
  std::string measure = "infant";
  std::string basis = "death-cohort";
  std::string reference;
};

std::string Count(int64_t count, bool hidden) { return hidden ? "*" : WithThousands(count); }

std::string BasisText(inequalities::Basis basis) {
  return basis == inequalities::Basis::kDeathCohort
             ? "deaths in the period over live births in the period (death cohort)"
             : "deaths of the babies born in the period over those births (birth cohort)";
}

void PrintCsv(std::ostream& out, const inequalities::MortalityTable& table,
              const RecordContext& context) {
  using inequalities::DeathMeasure;
  WriteCsvRow(out, {"Breakdown",
                    "Group code",
                    "Group",
                    "Period",
                    "Basis",
                    "Measure",
                    "Live births",
                    "Infant deaths",
                    "Neonatal deaths",
                    "Postneonatal deaths",
                    "Value",
                    "Lower CI 95.0 limit",
                    "Upper CI 95.0 limit",
                    "Lower CI 99.8 limit",
                    "Upper CI 99.8 limit",
                    "Reference group",
                    "Rate ratio",
                    "Rate ratio lower 95.0 limit",
                    "Rate ratio upper 95.0 limit",
                    "SII",
                    "RII",
                    "Note",
                    "Source"});
  std::string source = context.SourceLine();
  auto number = [](const std::optional<double>& value) {
    return value ? CsvNumber(*value) : std::string();
  };
  auto write = [&](const inequalities::MortalityRow& row, bool total) {
    auto count = [&](int64_t value, bool hidden) {
      return hidden ? std::string() : std::to_string(value);
    };
    std::optional<double> sii, rii;
    if (total && table.sii) {
      sii = table.sii->sii;
      rii = table.sii->rii;
    }
    WriteCsvRow(out, {table.title,
                      row.group.code,
                      row.group.label,
                      table.options.period.Label(),
                      std::string(BasisName(table.options.basis)),
                      std::string(DeathMeasureName(table.options.measure)),
                      count(row.tally.births, row.births_hidden),
                      count(row.tally.infant, row.hidden(DeathMeasure::kInfant)),
                      count(row.tally.neonatal, row.hidden(DeathMeasure::kNeonatal)),
                      count(row.tally.postneonatal, row.hidden(DeathMeasure::kPostneonatal)),
                      row.rate95 ? CsvNumber(row.rate95->value) : "",
                      row.rate95 ? CsvNumber(row.rate95->ci.lower) : "",
                      row.rate95 ? CsvNumber(row.rate95->ci.upper) : "",
                      row.rate998 ? CsvNumber(row.rate998->ci.lower) : "",
                      row.rate998 ? CsvNumber(row.rate998->ci.upper) : "",
                      total ? "" : table.reference_label,
                      row.ratio ? CsvNumber(row.ratio->value) : (row.reference ? "1" : ""),
                      row.ratio ? CsvNumber(row.ratio->ci.lower) : "",
                      row.ratio ? CsvNumber(row.ratio->ci.upper) : "",
                      number(sii),
                      number(rii),
                      row.note,
                      source});
  };
  for (const inequalities::MortalityRow& row : table.rows) write(row, false);
  write(table.total, true);
}

void PrintTable(std::ostream& out, const inequalities::MortalityTable& table,
                const RecordContext& context) {
  using inequalities::DeathMeasure;
  const auto& options = table.options;
  out << DeathMeasureTitle(options.measure) << " by " << table.title << ", " << context.area_label
      << ", " << options.period.Label() << ", from records\n"
      << "Rates per 1,000 live births: " << BasisText(options.basis) << ".\n"
      << "Rate ratios against " << table.reference_label
      << " (exact conditional 95% interval).\n\n";
  TextTable text({{table.title},
                  {"Live births", TextTable::Align::kRight},
                  {"Infant", TextTable::Align::kRight},
                  {"Neonatal", TextTable::Align::kRight},
                  {"Post-neonatal", TextTable::Align::kRight},
                  {"Rate", TextTable::Align::kRight},
                  {"95% CI", TextTable::Align::kRight},
                  {"99.8% CI", TextTable::Align::kRight},
                  {"Rate ratio", TextTable::Align::kRight},
                  {"95% CI", TextTable::Align::kRight},
                  {"Note"}});
  auto add = [&](const inequalities::MortalityRow& row) {
    text.AddRow({row.group.label + (row.reference ? " (reference)" : ""),
                 Count(row.tally.births, row.births_hidden),
                 Count(row.tally.infant, row.hidden(DeathMeasure::kInfant)),
                 Count(row.tally.neonatal, row.hidden(DeathMeasure::kNeonatal)),
                 Count(row.tally.postneonatal, row.hidden(DeathMeasure::kPostneonatal)),
                 row.rate95 ? FormatNumber(row.rate95->value, 1) : "-",
                 FormatInterval(row.rate95, 1), FormatInterval(row.rate998, 1),
                 row.ratio ? FormatNumber(row.ratio->value, 2) : (row.reference ? "1" : ""),
                 FormatInterval(row.ratio, 2), row.note});
  };
  for (const inequalities::MortalityRow& row : table.rows) add(row);
  add(table.total);
  text.Print(out);
  if (table.sii) {
    out << "\nSlope index of inequality across deprivation (births-weighted, 1 = most deprived): "
        << FormatNumber(table.sii->sii, 2) << " per 1,000; relative index "
        << FormatNumber(table.sii->rii, 2)
        << ".\nThe rate modelled for the least deprived end is the SII away from the most "
           "deprived end (negative: lower), and the RII times it. Point estimates only.\n";
  } else if (!table.sii_note.empty()) {
    out << "\n" << table.sii_note << "\n";
  }
  bool any_hidden = false;
  for (const auto& row : table.rows)
    any_hidden |=
        row.births_hidden || row.deaths_hidden[0] || row.deaths_hidden[1] || row.deaths_hidden[2];
  if (any_hidden) out << "* not shown: the small-number rule.\n";
  context.PrintFooter(out);
}

Status RunInequalities(const InequalitiesArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(inequalities::Dimension dimension, inequalities::ParseDimension(args.by));
  inequalities::MortalityOptions options;
  CRADLE_ASSIGN_OR_RETURN(options.measure, inequalities::ParseDeathMeasure(args.measure));
  CRADLE_ASSIGN_OR_RETURN(options.basis, inequalities::ParseBasis(args.basis));
  CRADLE_ASSIGN_OR_RETURN(RecordContext context, OpenRecords(args.records));
  options.period = context.period;
  options.reference = args.reference;
  options.disclosure_min_count = context.disclosure_min_count;
  CRADLE_ASSIGN_OR_RETURN(auto table,
                          inequalities::MortalityByGroup(context.frame, dimension, options));
  if (context.csv) {
    PrintCsv(out, table, context);
  } else {
    PrintTable(out, table, context);
  }
  return Status::Ok();
}

}  // namespace

Command AddInequalitiesCommand(CLI::App& parent) {
  auto args = std::make_shared<InequalitiesArgs>();
  CLI::App* app = parent.add_subcommand(
      "inequalities",
      "Infant mortality from the stored records by ethnic group, deprivation, ward, LSOA, "
      "gestation, birthweight or mother's age, with rate ratios");
  std::vector<std::string> names;
  for (std::string_view name : inequalities::DimensionNames()) names.emplace_back(name);
  app->add_option("--by", args->by, "Breakdown: " + fmt::format("{}", fmt::join(names, ", ")))
      ->required()
      ->check(CLI::IsMember(names));
  app->add_option("--measure", args->measure, "infant (default), neonatal or postneonatal")
      ->check(CLI::IsMember({"infant", "neonatal", "postneonatal"}));
  app->add_option("--basis", args->basis,
                  "death-cohort (default: deaths in the period) or birth-cohort (deaths of "
                  "babies born in the period)")
      ->check(CLI::IsMember({"death-cohort", "birth-cohort"}));
  app->add_option(
      "--reference", args->reference,
      "Reference group for rate ratios, by code or name (default: White British; "
      "the least deprived with 5% of births; 37-41 weeks; 3000-3499 g; 30-34; the largest ward or "
      "LSOA)");
  AddRecordOptions(*app, args->records,
                   "A year (2024) or pooled years (2022-24); default: the latest three years "
                   "of births");
  return {app, [args](std::ostream& out) { return RunInequalities(*args, out); }};
}

}  // namespace cradle::cli
