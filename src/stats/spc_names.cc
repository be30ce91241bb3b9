// The names and labels of spc.h's enums, as NHSRplotthedots and MDC spell
// them.
#include <string>

#include "stats/spc.h"

namespace cradle::stats {

std::string SpecialCauseLabel(SpecialCauseType type, int shift_length, int trend_length) {
  const std::string trend = std::to_string(trend_length) + " Point Trend (";
  const std::string shift = std::to_string(shift_length) + " Points ";
  switch (type) {
    case SpecialCauseType::kCommonCause:
      return "Common Cause";
    case SpecialCauseType::kAboveUpperLimit:
      return "Above UCL";
    case SpecialCauseType::kBelowLowerLimit:
      return "Below LCL";
    case SpecialCauseType::kTrendIncreasing:
      return trend + "Increasing)";
    case SpecialCauseType::kTrendDecreasing:
      return trend + "Decreasing)";
    case SpecialCauseType::kTwoInThreeAbove:
      return "2 in 3 Above CL";
    case SpecialCauseType::kTwoInThreeBelow:
      return "2 in 3 Below CL";
    case SpecialCauseType::kShiftAbove:
      return shift + "Above CL";
    case SpecialCauseType::kShiftBelow:
      return shift + "Below CL";
  }
  return "Unknown";
}

std::string_view PointTypeName(PointType type) {
  switch (type) {
    case PointType::kCommonCause:
      return "common_cause";
    case PointType::kSpecialCauseImprovement:
      return "special_cause_improvement";
    case PointType::kSpecialCauseConcern:
      return "special_cause_concern";
    case PointType::kSpecialCauseNeutralHigh:
      return "special_cause_neutral_high";
    case PointType::kSpecialCauseNeutralLow:
      return "special_cause_neutral_low";
  }
  return "unknown";
}

std::string_view MdcVariationLabel(PointType type) {
  switch (type) {
    case PointType::kCommonCause:
      return "Common Cause";
    case PointType::kSpecialCauseImprovement:
      return "Special Cause - Improvement";
    case PointType::kSpecialCauseConcern:
      return "Special Cause - Concern";
    case PointType::kSpecialCauseNeutralHigh:
    case PointType::kSpecialCauseNeutralLow:
      return "Special Cause - Neither";
  }
  return "Unknown";
}

std::string_view VariationIconName(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kCommonCause:
      return "common_cause";
    case VariationIcon::kImprovementHigh:
      return "special_cause_improvement_high";
    case VariationIcon::kImprovementLow:
      return "special_cause_improvement_low";
    case VariationIcon::kConcernHigh:
      return "special_cause_concern_high";
    case VariationIcon::kConcernLow:
      return "special_cause_concern_low";
    case VariationIcon::kNeitherHigh:
      return "special_cause_neither_high";
    case VariationIcon::kNeitherLow:
      return "special_cause_neither_low";
  }
  return "unknown";
}

std::string_view AssuranceIconName(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kConsistentPass:
      return "consistent_pass";
    case AssuranceIcon::kConsistentFail:
      return "consistent_fail";
    case AssuranceIcon::kInconsistent:
      return "inconsistent";
  }
  return "unknown";
}

std::string_view ImprovementDirectionName(ImprovementDirection direction) {
  switch (direction) {
    case ImprovementDirection::kIncrease:
      return "increase";
    case ImprovementDirection::kDecrease:
      return "decrease";
    case ImprovementDirection::kNeutral:
      return "neutral";
  }
  return "unknown";
}

Result<ImprovementDirection> ParseImprovementDirection(std::string_view name) {
  for (ImprovementDirection direction :
       {ImprovementDirection::kIncrease, ImprovementDirection::kDecrease,
        ImprovementDirection::kNeutral}) {
    if (ImprovementDirectionName(direction) == name) return direction;
  }
  return Status::InvalidArgument("unknown improvement direction '" + std::string(name) +
                                 "'; expected 'increase', 'decrease' or 'neutral'");
}

}  // namespace cradle::stats
