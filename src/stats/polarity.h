// An indicator's polarity: whether a high value is good, bad, or neither.
// Fingertips sets it per indicator (fingertips-open PholioObjects PolarityIds:
// -1 not applicable, 0 RAG low is good, 1 RAG high is good, 99 blue-orange-blue).
// Benchmark comparisons (benchmark_comparison.h) and trend wording (trend.h)
// both read it.
#pragma once

#include <string_view>

#include "base/result.h"

namespace cradle::stats {

enum class Polarity {
  kLowIsGood,       // RAG: red when higher, green when lower (e.g. infant mortality)
  kHighIsGood,      // RAG: green when higher (e.g. booking by 10 weeks)
  kBlueOrangeBlue,  // BOB: higher/lower, no judgement
  kNotApplicable,   // not compared
};

// "RAG - Low is good", "RAG - High is good", "BOB", "Not applicable".
std::string_view PolarityName(Polarity polarity);

// The inverse of PolarityName (exact names). Returns InvalidArgument naming
// the text and the accepted names otherwise.
Result<Polarity> ParsePolarity(std::string_view name);

}  // namespace cradle::stats
