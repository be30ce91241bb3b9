// A child death review as the CDOP register holds it and reviews.csv carries
// it (docs/data-formats.md): one row per child's death, identified by a
// pseudonymous review id and linked, where one exists, to the birth record
// (and so its death record). It holds what the panel's analysis form
// records — the category of death, contributory factors by domain each
// scored and marked modifiable or not, the overall judgement, learning
// points and the recommendations it led to — and the process dates whose
// timeliness the register follows. Identifiable case material stays in
// eCDOP / NCMD (DOMAIN.md §1.5); this is the pseudonymised extract.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/date.h"

namespace cradle::records {

struct ReviewFactor {
  std::string code;         // a code of ContributoryFactors() (cdop_codes.h)
  int relevance = 0;        // 0-2, the 2018 analysis form's score
  bool modifiable = false;  // only a factor that may have contributed (2) can be
  bool operator==(const ReviewFactor&) const = default;
};

struct ReviewRecord {
  std::string review_id;
  std::string birth_id;  // "" when the death links to no birth record
  Date date_of_death;
  int age_at_death_days = 0;
  Date notified_on;
  std::optional<Date> cdrm_on;           // child death review meeting
  std::optional<Date> panel_on;          // CDOP review; empty while the review is open
  std::optional<int> category_of_death;  // 1-10, set once the panel has reviewed
  char sudden_unexpected = 'U';          // Y, N or U
  char overseas_ivf = 'U';
  std::string outcome;                // a ReviewOutcomes() code once reviewed, else ""
  std::vector<ReviewFactor> factors;  // by code, each code once
  std::string learning_points;
  std::vector<std::string> recommendations;  // recommendation ids, each once
  bool operator==(const ReviewRecord&) const = default;

  bool Reviewed() const { return panel_on.has_value(); }
  bool HasModifiable(std::string_view factor_code) const;
};

// The columns of reviews.csv, in the documented order.
const std::vector<std::string>& ReviewColumns();

// A review as the row of reviews.csv that parses back to it.
std::vector<std::string> ReviewFields(const ReviewRecord& review);

// The factors column: "CODE:relevance:Y|N" joined by ';', e.g.
// "B.SMOKING_PREG:2:Y;A.PRETERM:2:N".
std::string FormatFactors(const std::vector<ReviewFactor>& factors);

}  // namespace cradle::records
