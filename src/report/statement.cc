#include "report/statement.h"

namespace cradle::report {

Verdict Judge(const Claim& claim) {
  switch (claim.kind) {
    case Claim::Kind::kInterval:
      if (claim.lower > claim.reference) return Verdict::kHigher;
      if (claim.upper < claim.reference) return Verdict::kLower;
      return Verdict::kNotDifferent;
    case Claim::Kind::kTrend:
      switch (claim.marker) {
        case stats::TrendMarker::kIncreasing:
          return Verdict::kIncreasing;
        case stats::TrendMarker::kDecreasing:
          return Verdict::kDecreasing;
        case stats::TrendMarker::kNoSignificantChange:
          return Verdict::kNoSignificantChange;
        case stats::TrendMarker::kCannotBeCalculated:
          return Verdict::kTrendNotTested;
      }
      return Verdict::kTrendNotTested;
    case Claim::Kind::kChance:
      return claim.p_value < claim.alpha ? Verdict::kSignificant : Verdict::kNotSignificant;
  }
  return Verdict::kNotDifferent;
}

std::string_view VerdictPhrase(Verdict verdict) {
  switch (verdict) {
    case Verdict::kHigher:
      return "significantly higher";
    case Verdict::kLower:
      return "significantly lower";
    case Verdict::kNotDifferent:
      return "not significantly different";
    case Verdict::kIncreasing:
      return "an increasing trend";
    case Verdict::kDecreasing:
      return "a decreasing trend";
    case Verdict::kNoSignificantChange:
      return "no significant change";
    case Verdict::kTrendNotTested:
      return "cannot be tested for a trend";
    case Verdict::kSignificant:
      return "statistically significant";
    case Verdict::kNotSignificant:
      return "not statistically significant";
  }
  return "";
}

Claim IntervalClaim(std::string subject, double lower, double upper, double reference,
                    int decimals) {
  Claim claim;
  claim.kind = Claim::Kind::kInterval;
  claim.subject = std::move(subject);
  claim.lower = lower;
  claim.upper = upper;
  claim.reference = reference;
  claim.decimals = decimals;
  claim.verdict = Judge(claim);
  return claim;
}

Claim TrendClaim(std::string subject, stats::TrendMarker marker) {
  Claim claim;
  claim.kind = Claim::Kind::kTrend;
  claim.subject = std::move(subject);
  claim.marker = marker;
  claim.verdict = Judge(claim);
  return claim;
}

Claim ChanceClaim(std::string subject, double p_value, double alpha) {
  Claim claim;
  claim.kind = Claim::Kind::kChance;
  claim.subject = std::move(subject);
  claim.p_value = p_value;
  claim.alpha = alpha;
  claim.verdict = Judge(claim);
  return claim;
}

Statement Plain(std::string text) { return Statement{std::move(text), {}, false}; }

std::vector<std::string> Texts(const std::vector<Statement>& statements) {
  std::vector<std::string> texts;
  texts.reserve(statements.size());
  for (const Statement& statement : statements) texts.push_back(statement.text);
  return texts;
}

}  // namespace cradle::report
