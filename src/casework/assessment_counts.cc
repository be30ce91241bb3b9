#include "casework/assessment_counts.h"

#include <array>
#include <map>

#include "base/disclosure.h"
#include "safesleep/rule_set.h"

namespace cradle::casework {

Result<std::vector<TouchpointTally>> TallyAssessments(
    const std::vector<store::AssessmentRow>& assessments, int min_count) {
  if (min_count < 0) {
    return Status::InvalidArgument("min_count must not be negative (it is " +
                                   std::to_string(min_count) + ")");
  }
  std::map<std::string, std::array<int64_t, 3>> by_touchpoint;  // indexed by RiskLevel
  for (const store::AssessmentRow& row : assessments) {
    auto level = safesleep::ParseRiskLevel(row.level);
    if (!level) {
      return Status::InvalidData("assessment " + std::to_string(row.id) + " has level '" +
                                 row.level + "', not universal, increased or high");
    }
    by_touchpoint[row.touchpoint][static_cast<size_t>(*level)] += 1;  // zero-initialised
  }
  std::vector<TouchpointTally> out;
  for (const auto& [touchpoint, counts] : by_touchpoint) {
    int64_t total = counts[0] + counts[1] + counts[2];
    std::vector<bool> hidden = HideFamily(total, {counts[0], counts[1], counts[2]}, min_count);
    auto shown = [&](int64_t count, bool hide) {
      return hide ? std::nullopt : std::optional<int64_t>(count);
    };
    out.push_back({touchpoint, shown(total, hidden[0]), shown(counts[0], hidden[1]),
                   shown(counts[1], hidden[2]), shown(counts[2], hidden[3])});
  }
  return out;
}

Result<std::vector<TouchpointTally>> CountAssessments(store::Store& store, int64_t from, int64_t to,
                                                      int min_count) {
  if (to <= from) return Status::InvalidArgument("the period must end after it starts");
  CRADLE_ASSIGN_OR_RETURN(auto rows, store.Casework()->Assessments("", from, to));
  return TallyAssessments(rows, min_count);
}

}  // namespace cradle::casework
