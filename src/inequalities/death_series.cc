#include "inequalities/death_series.h"

#include <cstdio>

#include "base/disclosure.h"

namespace cradle::inequalities {

Result<SeriesInterval> ParseSeriesInterval(std::string_view name) {
  if (name == "month") return SeriesInterval::kMonth;
  if (name == "quarter") return SeriesInterval::kQuarter;
  return Status::InvalidArgument("unknown interval '" + std::string(name) +
                                 "': use month or quarter");
}

Result<SpcRules> ParseSpcRules(std::string_view name) {
  if (name == "mdc") return SpcRules::kMakingDataCount;
  if (name == "nhsrplotthedots") return SpcRules::kNhsrPlotTheDots;
  return Status::InvalidArgument("unknown SPC rules '" + std::string(name) +
                                 "': use mdc or nhsrplotthedots");
}

std::string_view SpcRulesName(SpcRules rules) {
  return rules == SpcRules::kMakingDataCount ? "mdc" : "nhsrplotthedots";
}

Result<DeathSpc> DeathsSpc(const RecordFrame& frame, const DeathSpcOptions& options) {
  if (frame.births.empty()) {
    return Status::InvalidArgument("the store holds no births: import or synthesise records first");
  }
  DeathSpc result;
  result.options = options;
  int complete_from = frame.first_year + (options.measure == DeathMeasure::kNeonatal ? 0 : 1);
  result.first_year = options.first_year.value_or(std::min(complete_from, frame.last_year));
  result.last_year = options.last_year.value_or(frame.last_year);
  if (result.first_year > result.last_year) {
    return Status::InvalidArgument("the years run backwards: " + std::to_string(result.first_year) +
                                   " to " + std::to_string(result.last_year));
  }
  if (result.first_year < frame.first_year || result.last_year > frame.last_year) {
    return Status::InvalidArgument(
        "the records hold births of " + std::to_string(frame.first_year) + "-" +
        std::to_string(frame.last_year) + ", not all of " + std::to_string(result.first_year) +
        "-" + std::to_string(result.last_year));
  }
  if (result.first_year < complete_from) {
    result.notes.push_back("deaths in " + std::to_string(frame.first_year) +
                           " of babies born before the records begin are missing, so its "
                           "counts are too low");
  }
  bool monthly = options.interval == SeriesInterval::kMonth;
  int per_year = monthly ? 12 : 4;
  size_t slots = static_cast<size_t>((result.last_year - result.first_year + 1) * per_year);
  std::vector<int64_t> deaths(slots, 0);
  for (const Birth& birth : frame.births) {
    if (!birth.death) continue;
    bool counts = options.measure == DeathMeasure::kInfant ||
                  (options.measure == DeathMeasure::kNeonatal) == birth.death->neonatal();
    if (!counts) continue;
    int year = birth.death->date.year();
    if (year < result.first_year || year > result.last_year) continue;
    int month = birth.death->date.month() - 1;
    int part = monthly ? month : month / 3;
    ++deaths[static_cast<size_t>((year - result.first_year) * per_year + part)];
  }
  std::vector<double> values;
  for (size_t idx = 0; idx < slots; ++idx) {
    int year = result.first_year + static_cast<int>(idx) / per_year;
    int part = static_cast<int>(idx) % per_year + 1;
    char label[16];
    std::snprintf(label, sizeof label, monthly ? "%d-%02d" : "%d Q%d", year, part);
    result.points.push_back(
        {label, deaths[idx], IsSmallCount(deaths[idx], options.disclosure_min_count)});
    values.push_back(static_cast<double>(deaths[idx]));
  }
  stats::SpcOptions spc = options.rules == SpcRules::kMakingDataCount
                              ? stats::MakingDataCountToolOptions()
                              : stats::SpcOptions{};
  spc.improvement = stats::ImprovementDirection::kDecrease;
  CRADLE_ASSIGN_OR_RETURN(result.chart, stats::XmrChart(values, spc));
  return result;
}

}  // namespace cradle::inequalities
