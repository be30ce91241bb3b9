#include "web/statements.h"

#include "web/page_parts.h"

namespace cradle::web {
namespace {

std::string Unit(const indicators::Indicator& indicator) {
  return indicator.unit.empty() ? "" : " " + indicator.unit;
}

std::string Unavailable(const indicators::Engine& engine, const indicators::IndicatorValue& value) {
  std::string what = value.indicator->name + " for " + AreaName(engine, value.area_code) + ", " +
                     value.period.Label();
  if (value.suppressed) {
    return what + " is not shown: it rests on a count too small to publish.";
  }
  return what + " cannot be given: " + value.unavailable + ".";
}

}  // namespace

Against CompareWithBenchmark(const indicators::IndicatorValue& value,
                             std::optional<double> benchmark) {
  if (!value.has_value() || !benchmark) return Against::kUnknown;
  if (value.ci95->ci.lower > *benchmark) return Against::kHigher;
  if (value.ci95->ci.upper < *benchmark) return Against::kLower;
  return Against::kNotDifferent;
}

std::vector<std::string> HeadlineStatements(const indicators::Engine& engine,
                                            const indicators::IndicatorValue& value) {
  const indicators::Indicator& indicator = *value.indicator;
  int d = indicator.decimals;
  if (!value.has_value()) return {Unavailable(engine, value)};
  std::vector<std::string> lines;
  std::string area = AreaName(engine, value.area_code);
  lines.push_back(area + ", " + value.period.Label() + ": " + Number(value.ci95->value, d) +
                  Unit(indicator) + " (95% confidence interval " + Interval(value.ci95, d) +
                  "), from " + Count(*value.count) + " deaths among " + Count(*value.denominator) +
                  " live births.");
  std::string england = value.comparator_value ? Number(*value.comparator_value, d) : "";
  switch (CompareWithBenchmark(value, value.comparator_value)) {
    case Against::kHigher:
    case Against::kLower: {
      bool higher = CompareWithBenchmark(value, value.comparator_value) == Against::kHigher;
      std::string line = "This is significantly " + std::string(higher ? "higher" : "lower") +
                         " than England's " + england + ": the 95% interval lies wholly " +
                         (higher ? "above" : "below") + " it";
      if (value.ci998 && (higher ? value.ci998->ci.lower > *value.comparator_value
                                 : value.ci998->ci.upper < *value.comparator_value)) {
        line += ", and so does the 99.8% interval (" + Interval(value.ci998, d) + ")";
      }
      lines.push_back(line + ".");
      break;
    }
    case Against::kNotDifferent:
      lines.push_back("This is not significantly different from England's " + england +
                      ": the 95% interval includes it.");
      break;
    case Against::kUnknown:
      lines.push_back(
          "England's value for the same period is not in the data, so no "
          "comparison is made.");
      break;
  }
  if (value.rank) {
    lines.push_back("It ranks " + std::to_string(*value.rank) + " of " +
                    std::to_string(value.rank_of) +
                    " English upper-tier authorities (1 = the highest rate).");
  }
  if (!value.value_note.empty()) lines.push_back(value.value_note);
  return lines;
}

std::string NeighbourStatement(const indicators::Engine& engine,
                               const indicators::IndicatorValue& value,
                               const indicators::IndicatorValue& neighbour) {
  std::string name = AreaName(engine, neighbour.area_code);
  if (!neighbour.has_value()) return Unavailable(engine, neighbour);
  int d = value.indicator->decimals;
  std::string line = "Its neighbour " + name + ": " + Number(neighbour.ci95->value, d) + " (" +
                     Interval(neighbour.ci95, d) + ").";
  if (!value.has_value()) return line;
  bool apart = value.ci95->ci.lower > neighbour.ci95->ci.upper ||
               value.ci95->ci.upper < neighbour.ci95->ci.lower;
  std::string area = AreaName(engine, value.area_code);
  if (apart) {
    line += " The two 95% intervals do not overlap: " + area + "'s rate is clearly " +
            (value.ci95->value > neighbour.ci95->value ? "higher" : "lower") + ".";
  } else {
    line +=
        " The two 95% intervals overlap, so these figures do not show a difference between "
        "them.";
  }
  return line;
}

std::string GapStatement(const indicators::Engine& engine,
                         const indicators::IndicatorValue& value) {
  if (!value.has_value() || !value.comparator_value || !value.denominator || !value.count) {
    return "";
  }
  const indicators::Indicator& indicator = *value.indicator;
  double expected = *value.comparator_value * *value.denominator / indicator.multiplier;
  double gap_a_year = (*value.count - expected) / value.period.years;
  std::string area = AreaName(engine, value.area_code);
  std::string line = "At England's rate, " + area + " would have had about " + Number(expected, 0) +
                     " infant deaths in " + value.period.Label() + "; it had " +
                     Count(*value.count) + ": ";
  Against against = CompareWithBenchmark(value, value.comparator_value);
  if (gap_a_year > 0) {
    line += "about " + Number(gap_a_year, 0) + " more babies' deaths a year";
  } else {
    line += "about " + Number(-gap_a_year, 0) + " fewer a year";
  }
  if (against == Against::kNotDifferent) {
    line += ", a difference within what chance alone could give";
  }
  return line + ".";
}

std::string ShareStatement(const indicators::Engine& engine,
                           const indicators::IndicatorValue& value) {
  if (!value.has_value()) return Unavailable(engine, value);
  int d = value.indicator->decimals;
  std::string line = Number(value.ci95->value, d) + "% of infant deaths in " +
                     AreaName(engine, value.area_code) + " (" + Count(*value.count) + " of " +
                     Count(*value.denominator) + ", 95% interval " + Interval(value.ci95, d) +
                     ") were neonatal, in the first 28 days of life";
  if (value.comparator_value) {
    line += "; England " + Number(*value.comparator_value, d) + "%";
    Against against = CompareWithBenchmark(value, value.comparator_value);
    if (against == Against::kNotDifferent) line += ", not significantly different";
    if (against == Against::kHigher) line += ", significantly higher";
    if (against == Against::kLower) line += ", significantly lower";
  }
  return line + ".";
}

}  // namespace cradle::web
