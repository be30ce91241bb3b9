// Equalities: every breakdown by a protected characteristic (Equality Act
// 2010, s.4) that the records allow — race, by the ONS infant-mortality
// groups, and age, by the mother's age band — and a plain statement of those
// they do not carry, so a reader knows what was not, and could not be, looked
// at. Deprivation, not a protected characteristic but the other axis of the
// plan's first theme, is in the context section.
#include "report/breakdowns.h"
#include "report/sections.h"

namespace cradle::report {

ReportSection EqualitiesSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "equalities";
  section.heading = "Equalities";
  if (!in.records) {
    section.Say(Plain(NoRecordsText(in)));
    return section;
  }
  const std::tuple<inequalities::Dimension, const char*, const char*, const char*> dimensions[] = {
      {inequalities::Dimension::kEthnicity, "report-equalities-ethnicity", "Race",
       "Infant mortality by the baby's ethnic group, in the groups of the ONS tables."},
      {inequalities::Dimension::kMotherAge, "report-equalities-age", "Age",
       "Infant mortality by the mother's age at the birth."}};
  for (const auto& [dimension, id, heading, what] : dimensions) {
    section.Begin(heading);
    section.Say(Plain(std::string(what) + " " + in.period.Label() + "."));
    inequalities::MortalityOptions options;
    options.period = in.period;
    options.disclosure_min_count = in.records->disclosure_min_count;
    auto table = inequalities::MortalityByGroup(in.records->frame, dimension, options);
    if (!table.ok()) {
      section.Say(Plain("Not available: " + table.status().message()));
      continue;
    }
    for (Statement& line : MortalityStatements(*table)) {
      section.Say(std::move(line));
    }
    section.Draw(MortalityFigure(*in.records, *table, id));
  }
  section.Begin("Other characteristics");
  section.Say(
      Plain("Pregnancy and maternity: every figure in this report concerns mothers and babies; "
            "late booking by ethnic group and by deprivation is in the section on late "
            "booking."));
  section.Say(
      Plain("The records carry no sex of the baby, disability, religion or belief, sexual "
            "orientation, gender reassignment, or marriage and civil partnership, so no "
            "breakdown by those characteristics is possible from them."));
  return section;
}

}  // namespace cradle::report
