// Maternity: antenatal bookings within 10 weeks of pregnancy (the NICE
// standard) from the stored records, overall and by ethnic group, with the
// relative risk of booking late against all other bookings.
#include "inequalities/booking.h"
#include "report/breakdowns.h"
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
  report::Figure figure = report::BookingFigure(records, *table, "maternity-ethnicity");
  by_group.svg = std::move(figure.svg);
  by_group.table = std::move(figure.table);
  page.sections.push_back(std::move(by_group));
  page.notes = RecordNotes(records);
  return page;
}

}  // namespace cradle::web
