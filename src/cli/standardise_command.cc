// cradle standardise [--by ethnicity|imd|both]
// How many of the area's infant deaths England's rates would predict, given
// the ethnic make-up and the deprivation of its births: the standardised
// mortality ratio, and the share of the gap with England the make-up explains.
#include <memory>

#include "base/csv_writer.h"
#include "base/disclosure.h"
#include "base/strings.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/record_analysis.h"
#include "cli/text_table.h"
#include "inequalities/standardisation.h"

namespace cradle::cli {
namespace {

struct StandardiseArgs {
  RecordArgs records;
  std::string by = "both";
  std::string measure = "infant";
  std::string basis = "death-cohort";
  std::string reference_period;
};

std::string Title(inequalities::StandardiseBy by) {
  return by == inequalities::StandardiseBy::kEthnicity ? "Ethnic group (ONS table groups)"
                                                       : "Deprivation decile (IMD)";
}

void PrintText(std::ostream& out, const inequalities::Standardisation& result,
               const RecordContext& context) {
  out << "Standardised by "
      << (result.by == inequalities::StandardiseBy::kEthnicity ? "ethnic group"
                                                               : "deprivation decile")
      << ": England's rates from " << result.reference.title << ", pooled "
      << result.reference.period.Label() << "\n\n";
  TextTable table({{Title(result.by)},
                   {"Live births", TextTable::Align::kRight},
                   {"Deaths", TextTable::Align::kRight},
                   {"England per 1,000", TextTable::Align::kRight},
                   {"Expected", TextTable::Align::kRight}});
  for (const inequalities::StandardisationRow& row : result.rows) {
    bool hidden = IsSmallCount(row.observed, context.disclosure_min_count) ||
                  IsSmallCount(row.births, context.disclosure_min_count);
    table.AddRow({row.group, hidden ? "*" : WithThousands(row.births),
                  hidden ? "*" : WithThousands(row.observed), FormatNumber(row.reference_rate, 2),
                  FormatNumber(row.expected, 1)});
  }
  table.AddRow({"All", WithThousands(result.births), WithThousands(result.observed),
                FormatNumber(result.england_rate, 2), FormatNumber(result.expected, 1)});
  table.Print(out);
  out << "\nObserved " << result.observed << " deaths; expected at England's rate for each group "
      << FormatNumber(result.expected, 1) << ". Standardised mortality ratio "
      << FormatNumber(result.ratio95.value, 0) << " (95% CI "
      << FormatNumber(result.ratio95.ci.lower, 0) << "–" << FormatNumber(result.ratio95.ci.upper, 0)
      << "; 99.8% CI " << FormatNumber(result.ratio998.ci.lower, 0) << "–"
      << FormatNumber(result.ratio998.ci.upper, 0) << "; England = 100): "
      << (result.ratio95.ci.lower > 100   ? "significantly higher than England's rates predict"
          : result.ratio95.ci.upper < 100 ? "significantly lower than England's rates predict"
                                          : "not significantly different from what England's "
                                            "rates predict")
      << ".\n";
  out << "At England's overall rate (" << FormatNumber(result.england_rate, 2)
      << " per 1,000 over the same groups) " << FormatNumber(result.expected_at_england_rate, 1)
      << " deaths would be expected, so the excess over England is "
      << FormatNumber(result.observed - result.expected_at_england_rate, 1) << ".\n";
  if (result.share_explained) {
    double make_up = result.expected - result.expected_at_england_rate;
    out << "The make-up of the births accounts for " << FormatNumber(make_up, 1) << " of them ("
        << FormatNumber(100 * *result.share_explained, 1) << "% of the excess); "
        << FormatNumber(result.observed - result.expected, 1)
        << " remain beyond what it explains.\n";
  } else {
    out << "There is no excess over England's rate to explain.\n";
  }
  out << "Standardised rate " << FormatNumber(result.standardised_rate95.value, 1)
      << " per 1,000 (95% CI " << FormatNumber(result.standardised_rate95.ci.lower, 1) << "–"
      << FormatNumber(result.standardised_rate95.ci.upper, 1) << "), crude rate "
      << FormatNumber(result.crude_rate95.value, 1) << ".\n";
  if (result.births_without_group > 0) {
    out << WithThousands(result.births_without_group)
        << " births whose group has no England rate are left out.\n";
  }
  if (result.by == inequalities::StandardiseBy::kDeprivation) {
    out << "ONS placed England's births by IMD 2019 deciles of 2011 LSOAs; local births are "
           "placed by IMD 2025 deciles of 2021 LSOAs.\n";
  } else {
    out << "England's deaths that ONS could not link to a birth (no ethnic group) are left "
           "out of its rates.\n";
  }
}

void PrintCsvRows(std::ostream& out, const inequalities::Standardisation& result,
                  const RecordContext& context) {
  std::string by(inequalities::StandardiseByName(result.by));
  std::string source = context.SourceLine({result.reference.attribution});
  std::string reference = result.reference.title + ", " + result.reference.period.Label();
  std::string measure(inequalities::DeathMeasureName(result.measure));
  std::string basis(inequalities::BasisName(result.basis));
  for (const inequalities::StandardisationRow& row : result.rows) {
    bool hidden = IsSmallCount(row.observed, context.disclosure_min_count) ||
                  IsSmallCount(row.births, context.disclosure_min_count);
    WriteCsvRow(out, {by,
                      row.group,
                      result.period.Label(),
                      measure,
                      basis,
                      reference,
                      hidden ? "" : std::to_string(row.births),
                      hidden ? "" : std::to_string(row.observed),
                      CsvNumber(row.reference_rate),
                      CsvNumber(row.expected),
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      "",
                      source});
  }
  WriteCsvRow(out, {by,
                    "All",
                    result.period.Label(),
                    measure,
                    basis,
                    reference,
                    std::to_string(result.births),
                    std::to_string(result.observed),
                    CsvNumber(result.england_rate),
                    CsvNumber(result.expected),
                    CsvNumber(result.ratio95.value),
                    CsvNumber(result.ratio95.ci.lower),
                    CsvNumber(result.ratio95.ci.upper),
                    CsvNumber(result.ratio998.ci.lower),
                    CsvNumber(result.ratio998.ci.upper),
                    CsvNumber(result.standardised_rate95.value),
                    CsvNumber(result.expected_at_england_rate),
                    CsvNumber(result.observed - result.expected_at_england_rate),
                    result.share_explained ? CsvNumber(*result.share_explained) : "",
                    source});
}

Status RunStandardise(const StandardiseArgs& args, std::ostream& out) {
  inequalities::StandardisationOptions options;
  CRADLE_ASSIGN_OR_RETURN(options.measure, inequalities::ParseDeathMeasure(args.measure));
  CRADLE_ASSIGN_OR_RETURN(options.basis, inequalities::ParseBasis(args.basis));
  std::optional<indicators::Period> reference_period;
  if (!args.reference_period.empty()) {
    CRADLE_ASSIGN_OR_RETURN(reference_period, indicators::Period::Parse(args.reference_period));
  }
  CRADLE_ASSIGN_OR_RETURN(RecordContext context, OpenRecords(args.records));
  options.period = context.period;
  std::vector<inequalities::StandardiseBy> bys;
  if (args.by != "imd") bys.push_back(inequalities::StandardiseBy::kEthnicity);
  if (args.by != "ethnicity") bys.push_back(inequalities::StandardiseBy::kDeprivation);
  if (context.csv) {
    WriteCsvRow(out, {"Standardised by",
                      "Group",
                      "Period",
                      "Measure",
                      "Basis",
                      "Reference",
                      "Live births",
                      "Observed deaths",
                      "England rate per 1,000",
                      "Expected deaths",
                      "Standardised ratio",
                      "Lower CI 95.0 limit",
                      "Upper CI 95.0 limit",
                      "Lower CI 99.8 limit",
                      "Upper CI 99.8 limit",
                      "Standardised rate per 1,000",
                      "Expected at England's crude rate",
                      "Excess over England",
                      "Share of excess explained by make-up",
                      "Source"});
  } else {
    out << inequalities::DeathMeasureTitle(options.measure)
        << ": indirect standardisation against England, " << context.area_label << ", "
        << options.period.Label() << ", from records"
        << " (" << inequalities::BasisName(options.basis) << ")\n\n";
  }
  std::vector<std::string> attributions;
  for (size_t idx = 0; idx < bys.size(); ++idx) {
    CRADLE_ASSIGN_OR_RETURN(
        auto reference,
        inequalities::EnglandReference(context.session->store(), bys[idx], reference_period));
    CRADLE_ASSIGN_OR_RETURN(auto result,
                            inequalities::Standardise(context.frame, reference, bys[idx], options));
    attributions.push_back(reference.attribution);
    if (context.csv) {
      PrintCsvRows(out, result, context);
    } else {
      if (idx > 0) out << "\n";
      PrintText(out, result, context);
    }
  }
  if (!context.csv) context.PrintFooter(out, attributions);
  return Status::Ok();
}

}  // namespace

Command AddStandardiseCommand(CLI::App& parent) {
  auto args = std::make_shared<StandardiseArgs>();
  CLI::App* app = parent.add_subcommand(
      "standardise",
      "Infant deaths expected at England's rates by ethnic group and by deprivation: the "
      "standardised ratio and how much of the gap the population's make-up explains");
  app->add_option("--by", args->by, "ethnicity, imd or both (default)")
      ->check(CLI::IsMember({"ethnicity", "imd", "both"}));
  app->add_option("--measure", args->measure, "infant (default), neonatal or postneonatal")
      ->check(CLI::IsMember({"infant", "neonatal", "postneonatal"}));
  app->add_option("--basis", args->basis, "death-cohort (default) or birth-cohort")
      ->check(CLI::IsMember({"death-cohort", "birth-cohort"}));
  app->add_option("--reference-period", args->reference_period,
                  "Years of England's rates to pool (default: the latest three in the ONS "
                  "table, 2020-22)");
  AddRecordOptions(*app, args->records,
                   "A year (2024) or pooled years (2022-24); default: the latest three years "
                   "of births");
  return {app, [args](std::ostream& out) { return RunStandardise(*args, out); }};
}

}  // namespace cradle::cli
