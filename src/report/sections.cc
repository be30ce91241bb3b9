// What the sections share: the sentence of a measure's trend, the text for
// an area without records, the summary and the data notes.
#include "report/sections.h"

#include "opendata/attribution.h"
#include "report/figures.h"

namespace cradle::report {

Statement MeasureTrendStatement(const plan::MeasureSeries& series, int min_count) {
  const plan::MeasureDefinition& definition = *series.definition;
  std::string name(definition.name);
  if (!definition.available) {
    return Plain(name + ": " + std::string(definition.source) + ".");
  }
  std::string span;
  if (!series.points.empty()) {
    span = ", " + series.points.front().period + " to " + series.points.back().period;
  }
  std::string latest;
  for (auto it = series.points.rbegin(); it != series.points.rend(); ++it) {
    if (it->hidden) {
      latest = " The latest, " + it->period + ", rests on fewer than " + std::to_string(min_count) +
               " and is not shown.";
      break;
    }
    if (!it->value) continue;
    const std::string unit(definition.unit);
    latest = " The latest, " + it->period + ", is " + Number(it->value->value, 1) +
             (unit == "%" ? unit : " " + unit) + " (95% interval " + Interval(it->value, 1) + ").";
    break;
  }
  Claim claim = TrendClaim(name + " by year" + span, series.trend);
  std::string finding;
  switch (claim.verdict) {
    case Verdict::kIncreasing:
    case Verdict::kDecreasing:
      finding = "Fingertips' recent-trend test over the five latest years finds " +
                std::string(VerdictPhrase(claim.verdict)) + " (" + series.needle + ")";
      break;
    case Verdict::kNoSignificantChange:
      finding = "Fingertips' recent-trend test over the five latest years finds " +
                std::string(VerdictPhrase(claim.verdict));
      break;
    default:
      finding = "the series " + std::string(VerdictPhrase(claim.verdict)) +
                " (Fingertips' test needs five years with intervals)";
      break;
  }
  return Statement{name + " by year" + span + ": " + finding + "." + latest, {claim}, false};
}

std::string NoRecordsText(const SectionInputs& in) {
  return "Cradle holds no birth, death and booking records for " + in.area.name +
         ", so the figures that need them are not given.";
}

ReportSection SummarySection(const std::vector<ReportSection>& sections) {
  ReportSection summary;
  summary.id = "summary";
  summary.heading = "Summary";
  for (const ReportSection& section : sections) {
    for (const Statement* statement : section.Statements()) {
      if (statement->key) summary.Say(*statement);
    }
  }
  return summary;
}

ReportSection DataNotesSection(const SectionInputs& in,
                               const std::vector<std::string>& attributions) {
  ReportSection section;
  section.id = "notes";
  section.heading = "Data notes";
  std::vector<Statement>& lines = section.Current().statements;
  lines.push_back(Plain(
      "Official figures come from the Office for National Statistics tables bundled with Cradle: "
      "infant deaths registered by area (2010-2017), the infant mortality death cohort by area "
      "(2020-2022), births by area (2022-2023), and England by ethnic group and by deprivation "
      "decile."));
  lines.push_back(Plain(
      "Two ONS bases: up to 2015-17 the area tables count deaths registered in each year; from "
      "2020-22, deaths occurring in each year (the death cohort). The two are not one series. "
      "The ONS tables by ethnicity and deprivation follow babies born in a year (the birth "
      "cohort); Cradle's own rates from the records count deaths in the period over births in "
      "the period unless they say otherwise."));
  lines.push_back(Plain(
      "Methods: rates per 1,000 live births with 95% intervals (exact Poisson below 10 deaths, "
      "Byar's method from 10) and 99.8% intervals; proportions with Wilson score intervals; rate "
      "ratios with exact conditional intervals; the relative risk of booking late with Katz's "
      "log interval. \"Significantly higher\" or \"lower\" means the 95% interval lies wholly "
      "above or below the value compared; otherwise the figures are called not significantly "
      "different. Trends use Fingertips' recent-trend test over the five latest years (chi-"
      "squared at 99.8%), and only an \"increasing\" or \"decreasing trend\" it finds is called "
      "one."));
  if (in.records && !in.records->SyntheticNotice().empty()) {
    lines.push_back(Plain(in.records->SyntheticNotice()));
  }
  if (in.records && !in.records->SmallNumberRule().empty()) {
    lines.push_back(Plain(in.records->SmallNumberRule()));
  }
  if (in.plan) {
    lines.push_back(Plain(
        "The action plan, its owners, dates and RAG ratings are those held in Cradle's store (as "
        "bundled, an example plan: docs/plan.md); progress is as recorded by the plan's "
        "officers."));
  }
  for (const std::string& line : attributions) lines.push_back(Plain(line));
  return section;
}

}  // namespace cradle::report
