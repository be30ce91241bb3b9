// Late booking: pregnancies booked after 10 weeks (NICE QS22) in the report's
// period, overall and by ethnic group and deprivation, each group's risk of
// booking late against all other bookings; and the measure's trend by year.
#include "report/breakdowns.h"
#include "report/sections.h"

namespace cradle::report {

ReportSection BookingSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "booking";
  section.heading = "Late booking for antenatal care";
  section.Say(
      Plain("NICE asks that women book their antenatal care by 10 weeks of pregnancy, so that "
            "screening and support start early."));
  if (!in.records) {
    section.Say(Plain(NoRecordsText(in)));
    return section;
  }
  const std::tuple<inequalities::Dimension, const char*, const char*> dimensions[] = {
      {inequalities::Dimension::kEthnicity, "report-booking-ethnicity", "By ethnic group"},
      {inequalities::Dimension::kImdQuintile, "report-booking-deprivation", "By deprivation"}};
  bool first = true;
  for (const auto& [dimension, id, heading] : dimensions) {
    inequalities::BookingOptions options;
    options.period = in.period;
    options.disclosure_min_count = in.records->disclosure_min_count;
    auto table = inequalities::BookingByGroup(in.records->frame, dimension, options);
    if (!table.ok()) {
      section.Say(Plain("Bookings: " + table.status().message()));
      return section;
    }
    std::vector<Statement> lines = BookingStatements(*table);
    // The overall share (and the trend) before the first breakdown only.
    if (first && !lines.empty()) {
      section.Say(std::move(lines.front()));
      if (auto found = in.measures.find("booked-by-10-weeks"); found != in.measures.end()) {
        section.Say(MeasureTrendStatement(found->second, in.MinCount()));
      }
    }
    section.Begin(std::string(heading) + ", " + in.period.Label());
    for (size_t idx = 1; idx < lines.size(); ++idx) section.Say(std::move(lines[idx]));
    first = false;
    section.Draw(BookingFigure(*in.records, *table, id));
  }
  return section;
}

}  // namespace cradle::report
