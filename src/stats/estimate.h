// The common shape of a statistic with its confidence interval, and the
// provenance columns PHEindicatormethods attaches to every result (method,
// confidence), so exports can say how each number was made.
#pragma once

#include <string_view>

namespace cradle::stats {

// How an interval was computed; names follow PHEindicatormethods' `method` column.
enum class CiMethod {
  kExact,             // exact Poisson (chi-squared) limits, used below 10 events
  kByar,              // Byar's approximation, used from 10 events
  kWilson,            // Wilson score interval for proportions
  kDobson,            // Dobson et al. (1991) for directly standardised rates
  kStudentT,          // t-interval for means
  kLogNormal,         // log (Katz) method for rate ratios
  kExactConditional,  // Clopper-Pearson on O1/(O1+O2) for rate ratios
};

// "Exact", "Byars", "Wilson", "Dobson", "Student's t-distribution", "Log", "Exact conditional".
std::string_view CiMethodName(CiMethod method);

struct Interval {
  double lower = 0;
  double upper = 0;
};

struct Estimate {
  double value = 0;
  Interval ci;
  CiMethod method = CiMethod::kExact;
  double confidence = 0.95;  // as a proportion: 0.95 or 0.998
};

}  // namespace cradle::stats
