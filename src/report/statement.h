// A sentence that states figures, kept with what it claims about them: the
// interval and the value it is set against, the trend marker, or the p-value.
// The wording follows the claim — "significantly higher" only when the 95%
// interval lies wholly above the value compared, "an increasing trend" only
// when Fingertips' recent-trend test says so — and because the claim travels
// with the words, a test can check every sentence of a report against the
// statistics it describes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stats/trend.h"

namespace cradle::report {

// What the figures support.
enum class Verdict {
  kHigher,        // the interval lies wholly above the value compared
  kLower,         // wholly below it
  kNotDifferent,  // it includes it
  kIncreasing,    // the recent-trend test finds a significant rise
  kDecreasing,
  kNoSignificantChange,
  kTrendNotTested,  // too few points, or a series the test does not take
  kSignificant,     // p below the threshold
  kNotSignificant,
};

struct Claim {
  enum class Kind { kInterval, kTrend, kChance };
  Kind kind = Kind::kInterval;
  std::string subject;  // "Leicester, 2020-22, against England"
  // kInterval: a 95% interval and the value it is set against (England's
  // rate; 1 for a ratio), printed to `decimals` places in the sentence.
  double lower = 0, upper = 0, reference = 0;
  int decimals = 1;
  // kTrend: the marker of stats::RecentTrend.
  stats::TrendMarker marker = stats::TrendMarker::kCannotBeCalculated;
  // kChance: a p-value against its threshold.
  double p_value = 1, alpha = 0.05;
  Verdict verdict = Verdict::kNotDifferent;  // what the sentence says: Judge() of the above
};

// What the figures of `claim` support.
Verdict Judge(const Claim& claim);

// The words every sentence uses for a verdict: "significantly higher",
// "significantly lower", "not significantly different", "an increasing
// trend", "a decreasing trend", "no significant change", "cannot be tested
// for a trend", "statistically significant", "not statistically
// significant".
std::string_view VerdictPhrase(Verdict verdict);

Claim IntervalClaim(std::string subject, double lower, double upper, double reference,
                    int decimals);
Claim TrendClaim(std::string subject, stats::TrendMarker marker);
Claim ChanceClaim(std::string subject, double p_value, double alpha);

struct Statement {
  std::string text;
  std::vector<Claim> claims;  // empty for a sentence that compares nothing
  // Whether the report's summary repeats it.
  bool key = false;
};

// A statement that compares nothing.
Statement Plain(std::string text);
std::vector<std::string> Texts(const std::vector<Statement>& statements);

}  // namespace cradle::report
