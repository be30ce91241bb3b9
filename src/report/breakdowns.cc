#include "report/breakdowns.h"

#include "charts/bar_chart.h"
#include "report/figures.h"

namespace cradle::report {
namespace {

// Worse when the ratio's 95% interval lies above 1 (more deaths, or more late
// bookings), better below it, similar when it includes 1.
charts::Comparison RatioComparison(const std::optional<stats::Estimate>& ratio, bool reference) {
  if (reference || !ratio) return charts::Comparison::kNotCompared;
  if (ratio->ci.lower > 1) return charts::Comparison::kWorse;
  if (ratio->ci.upper < 1) return charts::Comparison::kBetter;
  return charts::Comparison::kSimilar;
}

charts::Bar BarOf(const std::string& label, const std::optional<stats::Estimate>& value,
                  bool hidden) {
  charts::Bar bar;
  bar.label = label;
  if (value) {
    bar.value = value->value;
    bar.lower = value->ci.lower;
    bar.upper = value->ci.upper;
  } else {
    bar.missing_text = hidden ? "*" : "-";
  }
  return bar;
}

// "1.85 (95% interval 1.20 – 2.80)"
std::string RatioText(const stats::Estimate& ratio) {
  return Number(ratio.value, 2) + " (95% interval " + Number(ratio.ci.lower, 2) + " – " +
         Number(ratio.ci.upper, 2) + ")";
}

// "one other group" / "the other 3 groups"
std::string OtherGroups(size_t count) {
  return count == 1 ? "one other group" : "the other " + std::to_string(count) + " groups";
}

// "deprivation quintile (IMD 2025)" from the grouping's title, to follow "by".
std::string Lowered(std::string title) {
  if (!title.empty() && title[0] >= 'A' && title[0] <= 'Z' &&
      !(title.size() > 1 && title[1] >= 'A' && title[1] <= 'Z')) {
    title[0] = static_cast<char>(title[0] - 'A' + 'a');
  }
  return title;
}

}  // namespace

Figure MortalityFigure(const workspace::RecordScope& records,
                       const inequalities::MortalityTable& table, const std::string& id) {
  const std::string& period = table.options.period.Label();
  std::vector<charts::Bar> bars;
  charts::DataTable data_table;
  data_table.title = "Infant mortality by " + table.title + ", " + period;
  data_table.columns = {table.title,          "Live births",  "Infant deaths", "Rate per 1,000",
                        "Lower 95% CI",       "Upper 95% CI", "Rate ratio",    "Ratio lower 95% CI",
                        "Ratio upper 95% CI", "Note"};
  for (const inequalities::MortalityRow& row : table.rows) {
    bool deaths_hidden = row.hidden(inequalities::DeathMeasure::kInfant);
    charts::Bar bar =
        BarOf(row.group.label + (row.reference ? " (reference)" : ""), row.rate95, deaths_hidden);
    bar.comparison = RatioComparison(row.ratio, row.reference);
    bars.push_back(bar);
    data_table.rows.push_back({
        row.group.label,
        CountCell(static_cast<double>(row.tally.births), row.births_hidden),
        CountCell(static_cast<double>(row.tally.infant), deaths_hidden),
        EstimateCell(row.rate95, EstimatePart::kValue, 1),
        EstimateCell(row.rate95, EstimatePart::kLower, 1),
        EstimateCell(row.rate95, EstimatePart::kUpper, 1),
        row.reference ? charts::Cell("1 (reference)")
                      : EstimateCell(row.ratio, EstimatePart::kValue, 2),
        row.reference ? charts::Cell("") : EstimateCell(row.ratio, EstimatePart::kLower, 2),
        row.reference ? charts::Cell("") : EstimateCell(row.ratio, EstimatePart::kUpper, 2),
        row.note,
    });
  }
  data_table.notes = RecordNotes(records, {});
  charts::BarChartOptions options;
  options.id = id;
  options.title = data_table.title;
  options.description = "Infant mortality rate with 95% intervals by " + table.title;
  options.value_title = "Deaths under 1 year per 1,000 live births";
  options.category_title = table.title;
  if (table.total.rate95) options.benchmark = table.total.rate95->value;
  options.benchmark_label = "All births";
  options.notes = data_table.notes;
  return Figure{charts::BarChart(options, bars).svg, std::move(data_table)};
}

Figure BookingFigure(const workspace::RecordScope& records, const inequalities::BookingTable& table,
                     const std::string& id) {
  std::vector<charts::Bar> bars;
  charts::DataTable data_table;
  data_table.title =
      "Bookings within 10 weeks by " + table.title + ", " + table.options.period.Label();
  data_table.columns = {table.title,
                        "Bookings",
                        "Within 10 weeks",
                        "Percent",
                        "Lower 95% CI",
                        "Upper 95% CI",
                        "Relative risk of booking late",
                        "RR lower 95% CI",
                        "RR upper 95% CI",
                        "Note"};
  for (const inequalities::BookingRow& row : table.rows) {
    charts::Bar bar = BarOf(row.group.label, row.early_percent, row.early_hidden);
    bar.comparison = RatioComparison(row.late_relative_risk, false);
    bars.push_back(bar);
    data_table.rows.push_back(
        {row.group.label, CountCell(static_cast<double>(row.bookings), row.bookings_hidden),
         CountCell(static_cast<double>(row.early), row.early_hidden),
         EstimateCell(row.early_percent, EstimatePart::kValue, 1),
         EstimateCell(row.early_percent, EstimatePart::kLower, 1),
         EstimateCell(row.early_percent, EstimatePart::kUpper, 1),
         EstimateCell(row.late_relative_risk, EstimatePart::kValue, 2),
         EstimateCell(row.late_relative_risk, EstimatePart::kLower, 2),
         EstimateCell(row.late_relative_risk, EstimatePart::kUpper, 2), row.note});
  }
  data_table.notes = RecordNotes(records);
  charts::BarChartOptions options;
  options.id = id;
  options.title = data_table.title;
  options.description = "Percentage of bookings within 10 weeks, by " + table.title;
  options.value_title = "Booked within 10 weeks (%)";
  options.category_title = table.title;
  if (table.total.early_percent) options.benchmark = table.total.early_percent->value;
  options.benchmark_label = "All bookings";
  options.notes = data_table.notes;
  return Figure{charts::BarChart(options, bars).svg, std::move(data_table)};
}

std::vector<Statement> MortalityStatements(const inequalities::MortalityTable& table) {
  const std::string period = table.options.period.Label();
  std::vector<Statement> lines;
  size_t similar = 0;
  for (const inequalities::MortalityRow& row : table.rows) {
    if (row.reference || !row.ratio || !row.rate95 || row.group.unknown) continue;
    Claim claim =
        IntervalClaim(row.group.label + " against " + table.reference_label + ", " + period,
                      row.ratio->ci.lower, row.ratio->ci.upper, 1.0, 2);
    if (claim.verdict == Verdict::kNotDifferent) {
      ++similar;
      continue;
    }
    lines.push_back(Statement{
        "By " + Lowered(table.title) + ", " + period + ": infant mortality for " + row.group.label +
            " was " + Number(row.rate95->value, 1) + " per 1,000 live births (95% interval " +
            Interval(row.rate95, 1) + "), " + std::string(VerdictPhrase(claim.verdict)) +
            " than for the reference group, " + table.reference_label + ": rate ratio " +
            RatioText(*row.ratio) + ".",
        {claim},
        false});
  }
  if (lines.empty()) {
    lines.push_back(Plain("By " + Lowered(table.title) + ", " + period +
                          ", no group's infant mortality differs significantly from that of "
                          "the reference group, " +
                          table.reference_label +
                          ": every rate ratio's 95% interval includes 1, or its count is too "
                          "small to show."));
  } else if (similar > 0) {
    lines.push_back(Plain("For " + OtherGroups(similar) + " by " + Lowered(table.title) +
                          ", the rate ratio's 95% interval includes 1: the figures do not show "
                          "a difference from the reference group."));
  }
  return lines;
}

std::vector<Statement> BookingStatements(const inequalities::BookingTable& table) {
  const std::string period = table.options.period.Label();
  std::vector<Statement> lines;
  if (table.total.early_percent) {
    const stats::Estimate& early = *table.total.early_percent;
    lines.push_back(
        Plain(Number(100 - early.value, 1) + "% of " +
              Count(static_cast<double>(table.total.bookings)) + " pregnancies booked in " +
              period + " were booked after 10 weeks of pregnancy (95% interval " +
              Number(100 - early.ci.upper, 1) + " – " + Number(100 - early.ci.lower, 1) +
              "%, Wilson score); " + Number(early.value, 1) + "% were booked within 10 weeks (" +
              Interval(table.total.early_percent, 1) + "%)."));
    lines.back().key = true;
  }
  size_t similar = 0, significant = 0;
  for (const inequalities::BookingRow& row : table.rows) {
    if (!row.late_relative_risk || !row.early_percent || row.group.unknown) continue;
    Claim claim = IntervalClaim(
        row.group.label + " late booking against " + table.reference_label + ", " + period,
        row.late_relative_risk->ci.lower, row.late_relative_risk->ci.upper, 1.0, 2);
    if (claim.verdict == Verdict::kNotDifferent) {
      ++similar;
      continue;
    }
    ++significant;
    lines.push_back(Statement{"By " + Lowered(table.title) + ", " + row.group.label + ": " +
                                  Number(100 - row.early_percent->value, 1) +
                                  "% booked after 10 weeks; the risk of booking late is " +
                                  std::string(VerdictPhrase(claim.verdict)) + " than for " +
                                  table.reference_label + ": relative risk " +
                                  RatioText(*row.late_relative_risk) + ".",
                              {claim},
                              false});
  }
  if (similar > 0 && significant == 0) {
    lines.push_back(Plain("By " + Lowered(table.title) +
                          ", no group's risk of booking late differs significantly from that of " +
                          table.reference_label +
                          ": every relative risk's 95% interval includes 1."));
  } else if (similar > 0) {
    lines.push_back(Plain("For " + OtherGroups(similar) + " by " + Lowered(table.title) +
                          ", the relative risk's 95% interval includes 1: the figures do not "
                          "show a difference from " +
                          table.reference_label + "."));
  }
  return lines;
}

}  // namespace cradle::report
