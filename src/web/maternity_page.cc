// Maternity: antenatal bookings within 10 weeks of pregnancy (the NICE
// standard) from the stored records, overall and by ethnic group, with the
// relative risk of booking late against all other bookings.
#include "charts/bar_chart.h"
#include "inequalities/booking.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {

Result<Page> BuildMaternity(const AppData& data, const Query& query) {
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {}));
  Page page;
  page.slug = "maternity";
  page.title = "Maternity: booking by 10 weeks";
  if (!data.records) {
    page.intro.push_back(
        "The store holds no record-level bookings: import them with "
        "`cradle import bookings FILE`.");
    return page;
  }
  const workspace::RecordScope& records = *data.records;
  indicators::Period period = records.DefaultPeriod();
  page.intro.push_back(
      "NICE asks that women book their antenatal care by 10 weeks of pregnancy, so that "
      "screening and support start early. From the booking records of " +
      records.area_label + ", " + period.Label() + ".");
  if (!records.SyntheticNotice().empty()) page.intro.push_back(records.SyntheticNotice());
  inequalities::BookingOptions options;
  options.period = period;
  options.disclosure_min_count = records.disclosure_min_count;
  auto table =
      inequalities::BookingByGroup(records.frame, inequalities::Dimension::kEthnicity, options);
  if (!table.ok()) {
    page.intro.push_back("Not available: " + table.status().message());
    return page;
  }
  Section overall{"overall", "Booked within 10 weeks", {}, "", {}};
  if (table->total.early_percent) {
    const stats::Estimate& early = *table->total.early_percent;
    overall.paragraphs.push_back(
        Number(early.value, 1) + "% of " + Count(static_cast<double>(table->total.bookings)) +
        " bookings were within 10 weeks (95% interval " + Number(early.ci.lower, 1) + " to " +
        Number(early.ci.upper, 1) + "%, Wilson score).");
  }
  page.sections.push_back(std::move(overall));

  Section by_group{"ethnicity", "By ethnic group", {}, "", {}};
  by_group.paragraphs.push_back(
      "The relative risk compares each group's share of late bookings with " +
      table->reference_label +
      "; colour and shape say whether its 95% interval lies above 1 "
      "(more late bookings: worse), below 1 (better) or includes it (similar).");
  std::vector<charts::Bar> bars;
  charts::DataTable data_table;
  data_table.title = "Bookings within 10 weeks by ethnic group, " + period.Label();
  data_table.columns = {"Ethnic group",
                        "Bookings",
                        "Within 10 weeks",
                        "Percent",
                        "Lower 95% CI",
                        "Upper 95% CI",
                        "Relative risk of booking late",
                        "RR lower 95% CI",
                        "RR upper 95% CI",
                        "Note"};
  for (const inequalities::BookingRow& row : table->rows) {
    charts::Bar bar;
    bar.label = row.group.label;
    if (row.early_percent) {
      bar.value = row.early_percent->value;
      bar.lower = row.early_percent->ci.lower;
      bar.upper = row.early_percent->ci.upper;
    } else {
      bar.missing_text = row.early_hidden ? "*" : "-";
    }
    if (row.late_relative_risk) {
      bar.comparison = row.late_relative_risk->ci.lower > 1   ? charts::Comparison::kWorse
                       : row.late_relative_risk->ci.upper < 1 ? charts::Comparison::kBetter
                                                              : charts::Comparison::kSimilar;
    }
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
  charts::BarChartOptions chart_options;
  chart_options.id = "maternity-ethnicity";
  chart_options.title = data_table.title;
  chart_options.description = "Percentage of bookings within 10 weeks, by ethnic group";
  chart_options.value_title = "Booked within 10 weeks (%)";
  chart_options.category_title = "Ethnic group";
  if (table->total.early_percent) chart_options.benchmark = table->total.early_percent->value;
  chart_options.benchmark_label = "All bookings";
  chart_options.notes = data_table.notes;
  charts::Chart chart = charts::BarChart(chart_options, bars);
  by_group.svg = chart.svg;
  by_group.table = std::move(data_table);
  page.sections.push_back(std::move(by_group));
  page.notes = RecordNotes(records);
  return page;
}

}  // namespace cradle::web
