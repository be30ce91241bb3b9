#include "records/review_record.h"

#include <algorithm>

namespace cradle::records {

bool ReviewRecord::HasModifiable(std::string_view factor_code) const {
  return std::any_of(factors.begin(), factors.end(), [&](const ReviewFactor& factor) {
    return factor.modifiable && factor.code == factor_code;
  });
}

const std::vector<std::string>& ReviewColumns() {
  static const std::vector<std::string> kColumns = {
      "review_id", "birth_id", "date_of_death",     "age_at_death_days", "notified_on",
      "cdrm_on",   "panel_on", "category_of_death", "sudden_unexpected", "overseas_ivf",
      "outcome",   "factors",  "learning_points",   "recommendations"};
  return kColumns;
}

std::string FormatFactors(const std::vector<ReviewFactor>& factors) {
  std::string out;
  for (const ReviewFactor& factor : factors) {
    if (!out.empty()) out += ';';
    out += factor.code + ':' + std::to_string(factor.relevance) + ':' +
           (factor.modifiable ? 'Y' : 'N');
  }
  return out;
}

std::vector<std::string> ReviewFields(const ReviewRecord& review) {
  auto date = [](const std::optional<Date>& day) { return day ? day->ToString() : ""; };
  std::string recommendations;
  for (const std::string& id : review.recommendations) {
    if (!recommendations.empty()) recommendations += ';';
    recommendations += id;
  }
  return {review.review_id,
          review.birth_id,
          review.date_of_death.ToString(),
          std::to_string(review.age_at_death_days),
          review.notified_on.ToString(),
          date(review.cdrm_on),
          date(review.panel_on),
          review.category_of_death ? std::to_string(*review.category_of_death) : "",
          std::string(1, review.sudden_unexpected),
          std::string(1, review.overseas_ivf),
          review.outcome,
          FormatFactors(review.factors),
          review.learning_points,
          recommendations};
}

}  // namespace cradle::records
