// Inequalities: infant mortality from the stored records by ethnic group,
// deprivation, ward, gestation and birthweight — rates with 95% intervals and
// rate ratios against a reference group — and the standardisation: how many
// deaths England's rates would give this population, by ethnic group and by
// deprivation.
#include "inequalities/mortality.h"
#include "inequalities/standardisation.h"
#include "report/breakdowns.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {
namespace {

using inequalities::Dimension;

Section MortalitySection(const workspace::RecordScope& records, Dimension dimension,
                         const indicators::Period& period, const std::string& id) {
  Section section{id, "", {}, "", {}};
  inequalities::MortalityOptions options;
  options.period = period;
  options.disclosure_min_count = records.disclosure_min_count;
  auto table = inequalities::MortalityByGroup(records.frame, dimension, options);
  if (!table.ok()) {
    section.heading = std::string(inequalities::DimensionName(dimension));
    section.paragraphs.push_back("Not available: " + table.status().message());
    return section;
  }
  section.heading = "By " + table->title;
  section.paragraphs.push_back(
      "Infant deaths per 1,000 live births, " + period.Label() +
      ", by the child's year of death (death cohort). Rate ratios compare each group with " +
      table->reference_label +
      "; colour and shape say whether the ratio's 95% interval lies "
      "above 1 (worse), below 1 (better) or includes it (similar).");
  if (table->sii) {
    section.paragraphs.push_back(
        "Slope index of inequality across deprivation (births-weighted): " +
        Number(table->sii->sii, 2) +
        " per 1,000 live births between the most and the least "
        "deprived ends (negative: lower at the least deprived end); relative index " +
        Number(table->sii->rii, 2) + ". Point estimates only.");
  } else if (!table->sii_note.empty()) {
    section.paragraphs.push_back(table->sii_note);
  }
  report::Figure figure = report::MortalityFigure(records, *table, "inequalities-" + id);
  section.svg = std::move(figure.svg);
  section.table = std::move(figure.table);
  return section;
}

Section StandardisationSection(const AppData& data, const indicators::Period& period) {
  const workspace::RecordScope& records = *data.records;
  Section section{"standardisation", "Would England's rates explain the gap?", {}, "", {}};
  section.paragraphs.push_back(
      "Indirect standardisation: England's infant mortality rate for each group, applied to "
      "this population's births, gives the deaths expected (E). Observed over expected (O/E × "
      "100) is the standardised mortality ratio; the share of the excess over England's crude "
      "rate that the population's make-up explains is (E − E₀)/(O − E₀).");
  charts::DataTable table;
  table.title = "Standardised mortality ratios, " + period.Label();
  table.columns = {"Standardised by",  "England reference", "Live births",
                   "Observed deaths",  "Expected deaths",   "SMR",
                   "SMR lower 95% CI", "SMR upper 95% CI",  "Share of the excess explained (%)"};
  std::vector<std::string> extra;
  for (auto by :
       {inequalities::StandardiseBy::kEthnicity, inequalities::StandardiseBy::kDeprivation}) {
    std::string name =
        by == inequalities::StandardiseBy::kEthnicity ? "Ethnic group" : "Deprivation decile";
    auto reference = inequalities::EnglandReference(data.session->store(), by, std::nullopt);
    if (!reference.ok()) {
      section.paragraphs.push_back(name + ": " + reference.status().message());
      continue;
    }
    inequalities::StandardisationOptions options;
    options.period = period;
    auto result = inequalities::Standardise(records.frame, *reference, by, options);
    if (!result.ok()) {
      section.paragraphs.push_back(name + ": " + result.status().message());
      continue;
    }
    extra.push_back(reference->attribution);
    double births = static_cast<double>(result->births);
    double observed = static_cast<double>(result->observed);
    std::optional<double> share;
    if (result->share_explained) share = *result->share_explained * 100;
    table.rows.push_back({name, reference->title + " (" + reference->period.Label() + ")",
                          charts::Cell(Count(births), births),
                          charts::Cell(Count(observed), observed), NumberCell(result->expected, 1),
                          NumberCell(result->ratio95.value, 0),
                          NumberCell(result->ratio95.ci.lower, 0),
                          NumberCell(result->ratio95.ci.upper, 0), NumberCell(share, 1)});
    std::string line = name + ": " + Count(observed) + " deaths observed, " +
                       Number(result->expected, 1) + " expected at England's rates; SMR " +
                       Number(result->ratio95.value, 0) + " (95% interval " +
                       Number(result->ratio95.ci.lower, 0) + " to " +
                       Number(result->ratio95.ci.upper, 0) + ")";
    if (result->ratio95.ci.lower > 100) {
      line += ", significantly above 100";
    } else if (result->ratio95.ci.upper < 100) {
      line += ", significantly below 100";
    } else {
      line += ", not significantly different from 100";
    }
    if (share)
      line += "; the population's make-up explains " + Number(*share, 1) + "% of the excess";
    section.paragraphs.push_back(line + ".");
  }
  table.notes = RecordNotes(records, extra);
  section.table = std::move(table);
  return section;
}

}  // namespace

Result<Page> BuildInequalities(const AppData& data, const Query& query) {
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {"period"}));
  Page page;
  page.slug = "inequalities";
  page.title = "Inequalities: who is most at risk";
  if (!data.records) {
    page.intro.push_back(
        "The store holds no record-level births and deaths: import them "
        "(`cradle import births FILE`) or load the synthetic Leicester "
        "(`cradle load --synthetic`).");
    return page;
  }
  const workspace::RecordScope& records = *data.records;
  indicators::Period period = records.DefaultPeriod();
  if (auto found = query.find("period"); found != query.end()) {
    auto parsed = indicators::Period::Parse(found->second);
    if (!parsed.ok()) return Status::InvalidArgument("period: " + parsed.status().message());
    if (parsed->first_year < records.frame.first_year ||
        parsed->last_year() > records.frame.last_year) {
      return Status::InvalidArgument(
          "period: the records hold births from " + std::to_string(records.frame.first_year) +
          " to " + std::to_string(records.frame.last_year) + ", not " + found->second);
    }
    period = *parsed;
  }
  Choice periods{"period", "Period", {}, period.Label()};
  for (int last = records.frame.last_year; last - 2 >= records.frame.first_year; --last) {
    indicators::Period one{last - 2, 3};
    periods.options.emplace_back(one.Label(), one.Label());
  }
  page.choices = {periods};
  page.intro.push_back("From the record-level births and deaths of " + records.area_label + ", " +
                       period.Label() + ".");
  if (!records.SyntheticNotice().empty()) page.intro.push_back(records.SyntheticNotice());
  const std::pair<Dimension, const char*> dimensions[] = {{Dimension::kEthnicity, "ethnicity"},
                                                          {Dimension::kImdQuintile, "deprivation"},
                                                          {Dimension::kWard, "ward"},
                                                          {Dimension::kGestation, "gestation"},
                                                          {Dimension::kBirthweight, "birthweight"}};
  for (const auto& [dimension, id] : dimensions) {
    page.sections.push_back(MortalitySection(records, dimension, period, id));
  }
  page.sections.push_back(StandardisationSection(data, period));
  page.notes = RecordNotes(records);
  return page;
}

}  // namespace cradle::web
