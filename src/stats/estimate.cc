#include "stats/estimate.h"

namespace cradle::stats {

std::string_view CiMethodName(CiMethod method) {
  switch (method) {
    case CiMethod::kExact:
      return "Exact";
    case CiMethod::kByar:
      return "Byars";
    case CiMethod::kWilson:
      return "Wilson";
    case CiMethod::kDobson:
      return "Dobson";
    case CiMethod::kStudentT:
      return "Student's t-distribution";
    case CiMethod::kLogNormal:
      return "Log";
    case CiMethod::kExactConditional:
      return "Exact conditional";
  }
  return "Unknown";
}

}  // namespace cradle::stats
