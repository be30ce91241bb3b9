#include "stats/spc.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace cradle::stats {
namespace {

std::string Positions(int begin, int end) {
  return "positions " + std::to_string(begin) + "-" + std::to_string(end - 1);
}

std::string SegmentName(int index, int begin, int end) {
  return "segment " + std::to_string(index) + " (" + Positions(begin, end) + ")";
}

int ImprovementSign(ImprovementDirection direction) {
  switch (direction) {
    case ImprovementDirection::kIncrease:
      return 1;
    case ImprovementDirection::kDecrease:
      return -1;
    case ImprovementDirection::kNeutral:
      return 0;
  }
  return 0;
}

Status ValidateOptions(std::span<const double> values, const SpcOptions& options) {
  const int count = static_cast<int>(values.size());
  if (count < 2) {
    return Status::InvalidArgument("an XmR chart needs at least 2 values; the series has " +
                                   std::to_string(count));
  }
  for (int idx = 0; idx < count; ++idx) {
    if (std::isinf(values[static_cast<size_t>(idx)])) {
      return Status::InvalidArgument("the value at position " + std::to_string(idx) +
                                     " is infinite; XmR values must be finite, or NaN for missing");
    }
  }
  if (options.shift_length < 2) {
    return Status::InvalidArgument("shift_length must be at least 2; got " +
                                   std::to_string(options.shift_length));
  }
  if (options.trend_length < 2) {
    return Status::InvalidArgument("trend_length must be at least 2; got " +
                                   std::to_string(options.trend_length));
  }
  if (options.fix_after_n_points && *options.fix_after_n_points < 2) {
    return Status::InvalidArgument(
        "fix_after_n_points must be at least 2, so that there is a moving range; got " +
        std::to_string(*options.fix_after_n_points));
  }
  if (options.short_segment_threshold < 0) {
    return Status::InvalidArgument("short_segment_threshold must not be negative; got " +
                                   std::to_string(options.short_segment_threshold));
  }
  if (options.target && !std::isfinite(*options.target)) {
    return Status::InvalidArgument("the target must be a finite number");
  }
  int previous = 0;
  for (int position : options.rebase_at) {
    if (position < 1 || position >= count) {
      return Status::InvalidArgument(
          "rebase position " + std::to_string(position) +
          " is out of range: a new segment can start at positions 1 to " +
          std::to_string(count - 1) + " of a " + std::to_string(count) + "-point series");
    }
    if (position <= previous) {
      return Status::InvalidArgument("rebase positions must be strictly ascending; " +
                                     std::to_string(position) + " follows " +
                                     std::to_string(previous));
    }
    previous = position;
  }
  return Status::Ok();
}

// Limits of one segment, with the short-segment policy applied.
Result<SpcSegment> SegmentLimits(std::span<const double> values, int index, int begin, int end,
                                 const SpcOptions& options, std::vector<std::string>& warnings) {
  SpcSegment segment;
  segment.begin = begin;
  segment.end = end;
  std::span<const double> points =
      values.subspan(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
  for (double value : points) segment.values += std::isnan(value) ? 0 : 1;
  segment.short_segment = segment.values < options.short_segment_threshold;
  if (segment.short_segment) {
    std::string text = SegmentName(index, begin, end) + " has " + std::to_string(segment.values) +
                       " values, fewer than " + std::to_string(options.short_segment_threshold);
    if (options.short_segments == ShortSegmentPolicy::kRefuse) {
      return Status::InvalidArgument(text + "; its XmR limits would not be reliable");
    }
    warnings.push_back(text + ": its limits are not reliable");
  }
  size_t baseline_size = points.size();
  if (options.fix_after_n_points) {
    baseline_size = std::min(baseline_size, static_cast<size_t>(*options.fix_after_n_points));
  }
  Result<XmrLimits> limits = ComputeXmrLimits(points.first(baseline_size), options.screen_outliers);
  if (!limits.ok()) {
    return Status::InvalidArgument(SegmentName(index, begin, end) + ": " +
                                   limits.status().message());
  }
  segment.limits = *limits;
  return segment;
}

struct Signal {
  SpecialCauseType type;
  int direction;  // +1 high/increasing, -1 low/decreasing
};

// The rules a point fired, in NHSRplotthedots' order of precedence (a fixed
// array: this runs once per point).
struct Signals {
  std::array<Signal, 4> fired;
  size_t count = 0;
  void Add(Signal signal) { fired[count++] = signal; }
  const Signal* begin() const { return fired.data(); }
  const Signal* end() const { return fired.data() + count; }
};

Signals FiredRules(const SpcPoint& point) {
  Signals signals;
  if (point.outside_limits) {
    signals.Add(point.side == 1 ? Signal{SpecialCauseType::kAboveUpperLimit, 1}
                                : Signal{SpecialCauseType::kBelowLowerLimit, -1});
  }
  if (point.trend != 0) {
    signals.Add(point.trend > 0 ? Signal{SpecialCauseType::kTrendIncreasing, 1}
                                : Signal{SpecialCauseType::kTrendDecreasing, -1});
  }
  if (point.two_in_three) {
    signals.Add(point.side > 0 ? Signal{SpecialCauseType::kTwoInThreeAbove, 1}
                               : Signal{SpecialCauseType::kTwoInThreeBelow, -1});
  }
  if (point.shift) {
    signals.Add(point.side > 0 ? Signal{SpecialCauseType::kShiftAbove, 1}
                               : Signal{SpecialCauseType::kShiftBelow, -1});
  }
  return signals;
}

// Classifies `point` from its rule flags; returns the winning direction
// (+1 high, -1 low, 0 common cause).
int Classify(SpcPoint& point, const SpcOptions& options) {
  const Signals signals = FiredRules(point);
  if (signals.count == 0) return 0;
  const int improvement = ImprovementSign(options.improvement);
  const Signal* chosen = signals.begin();
  if (options.conflict == SignalConflict::kImprovementWins && improvement != 0) {
    for (const Signal& signal : signals) {
      if (signal.direction == improvement) {
        chosen = &signal;
        break;
      }
    }
  }
  point.special_cause = chosen->type;
  if (improvement == 0) {
    point.point_type = chosen->direction > 0 ? PointType::kSpecialCauseNeutralHigh
                                             : PointType::kSpecialCauseNeutralLow;
  } else {
    point.point_type = chosen->direction == improvement ? PointType::kSpecialCauseImprovement
                                                        : PointType::kSpecialCauseConcern;
  }
  return chosen->direction;
}

VariationIcon IconFor(PointType type, int direction) {
  const bool high = direction > 0;
  switch (type) {
    case PointType::kCommonCause:
      return VariationIcon::kCommonCause;
    case PointType::kSpecialCauseImprovement:
      return high ? VariationIcon::kImprovementHigh : VariationIcon::kImprovementLow;
    case PointType::kSpecialCauseConcern:
      return high ? VariationIcon::kConcernHigh : VariationIcon::kConcernLow;
    case PointType::kSpecialCauseNeutralHigh:
      return VariationIcon::kNeitherHigh;
    case PointType::kSpecialCauseNeutralLow:
      return VariationIcon::kNeitherLow;
  }
  return VariationIcon::kCommonCause;
}

// Flags and classifies the points of one segment.
void ApplyRules(std::span<const double> values, const SpcSegment& segment,
                const SpcOptions& options, std::vector<SpcPoint>& points,
                std::vector<int>& directions) {
  const size_t begin = static_cast<size_t>(segment.begin);
  const size_t size = static_cast<size_t>(segment.end - segment.begin);
  const XmrLimits& limits = segment.limits;
  std::vector<int> side(size, 0);
  std::vector<int> beyond(size, 0);
  for (size_t offset = 0; offset < size; ++offset) {
    SpcPoint& point = points[begin + offset];
    double value = point.value;
    if (std::isnan(value)) continue;
    point.side = value > limits.mean ? 1 : (value < limits.mean ? -1 : 0);
    point.outside_limits = value > limits.upper_process_limit || value < limits.lower_process_limit;
    bool past_near = value > limits.upper_near_limit || value < limits.lower_near_limit;
    point.beyond_near_limit =
        past_near &&
        (options.two_in_three == TwoInThreeZone::kBeyondNearLimits || !point.outside_limits);
    side[offset] = point.side;
    beyond[offset] = point.beyond_near_limit ? 1 : 0;
  }
  std::vector<int> shift =
      PartOfRun(SameSideRunEnds(side, options.shift_length), options.shift_length);
  std::vector<int> trend =
      TrendPoints(values.subspan(begin, size), options.trend_length, options.trend_ties);
  std::vector<int> two_in_three = PartOfTwoInThree(TwoInThree(beyond, side), beyond);
  for (size_t offset = 0; offset < size; ++offset) {
    SpcPoint& point = points[begin + offset];
    point.shift = shift[offset] == 1;
    point.trend = trend[offset];
    point.two_in_three = two_in_three[offset] == 1;
    directions[begin + offset] = Classify(point, options);
  }
}

}  // namespace

Result<SpcChart> XmrChart(std::span<const double> values, const SpcOptions& options) {
  CRADLE_RETURN_IF_ERROR(ValidateOptions(values, options));
  const int count = static_cast<int>(values.size());
  std::vector<int> bounds = {0};
  bounds.insert(bounds.end(), options.rebase_at.begin(), options.rebase_at.end());
  bounds.push_back(count);

  SpcChart chart;
  chart.points.resize(values.size());
  std::vector<int> directions(values.size(), 0);
  for (size_t index = 0; index + 1 < bounds.size(); ++index) {
    const int segment_index = static_cast<int>(index);
    CRADLE_ASSIGN_OR_RETURN(SpcSegment segment,
                            SegmentLimits(values, segment_index, bounds[index], bounds[index + 1],
                                          options, chart.warnings));
    for (int position = segment.begin; position < segment.end; ++position) {
      SpcPoint& point = chart.points[static_cast<size_t>(position)];
      point.value = values[static_cast<size_t>(position)];
      point.segment = segment_index;
      point.limits = segment.limits;
    }
    ApplyRules(values, segment, options, chart.points, directions);
    chart.segments.push_back(segment);
  }

  for (size_t position = values.size(); position-- > 0;) {
    if (std::isnan(values[position])) continue;
    chart.variation = IconFor(chart.points[position].point_type, directions[position]);
    break;
  }
  chart.assurance = Assurance(chart.points, options.improvement, options.target);
  return chart;
}

std::optional<AssuranceIcon> Assurance(ImprovementDirection improvement, double lower_process_limit,
                                       double upper_process_limit, std::optional<double> target) {
  if (!target || improvement == ImprovementDirection::kNeutral) return std::nullopt;
  const bool higher_is_better = improvement == ImprovementDirection::kIncrease;
  if (*target > upper_process_limit) {
    return higher_is_better ? AssuranceIcon::kConsistentFail : AssuranceIcon::kConsistentPass;
  }
  if (*target < lower_process_limit) {
    return higher_is_better ? AssuranceIcon::kConsistentPass : AssuranceIcon::kConsistentFail;
  }
  return AssuranceIcon::kInconsistent;
}

std::optional<AssuranceIcon> Assurance(std::span<const SpcPoint> points,
                                       ImprovementDirection improvement,
                                       std::optional<double> target) {
  if (points.empty()) return std::nullopt;
  const XmrLimits& last = points.back().limits;
  return Assurance(improvement, last.lower_process_limit, last.upper_process_limit, target);
}

SpcOptions MakingDataCountToolOptions() {
  SpcOptions options;
  options.screen_outliers = false;
  options.two_in_three = TwoInThreeZone::kBeyondNearLimits;
  options.conflict = SignalConflict::kImprovementWins;
  options.trend_ties = TrendTies::kNeitherAddNorBreak;
  options.short_segments = ShortSegmentPolicy::kRefuse;
  return options;
}

ImprovementDirection ImprovementDirectionFor(Polarity polarity) {
  switch (polarity) {
    case Polarity::kLowIsGood:
      return ImprovementDirection::kDecrease;
    case Polarity::kHighIsGood:
      return ImprovementDirection::kIncrease;
    case Polarity::kBlueOrangeBlue:
    case Polarity::kNotApplicable:
      return ImprovementDirection::kNeutral;
  }
  return ImprovementDirection::kNeutral;
}

}  // namespace cradle::stats
