// The synthetic CDOP register: one child death review per synthetic infant
// death (docs/synthetic-data.md), linked to the baby's birth record, with
// process dates that run as local practice does (DOMAIN.md §1.1), the death's
// category, and contributory factors drawn from the baby's own record — a
// smoking factor only where the mother smoked, unhealthy weight only where her
// BMI was out of range, the intrinsic factors from gestation, weight and the
// category. Factor probabilities are set so that the modifiable factors rank
// as the Leicester CDOP reported its top six (smoking in pregnancy, unhealthy
// weight in pregnancy, household smoke, poor communication between agencies,
// guidelines not followed, missed signs of deterioration). A review is open
// (no panel date, factors or judgement) exactly when its death has no
// category yet. SYNTHETIC: no row describes a real child.
#pragma once

#include <vector>

#include "records/review_record.h"
#include "synth/records.h"

namespace cradle::synth {

// The four CDOP recommendations of the Leicester report (the plan's seed
// ids), which the synthetic reviews cite.
inline constexpr std::string_view kBreastfeedingRecommendation = "REC-BREASTFEEDING";
inline constexpr std::string_view kSaferSleepRecommendation = "REC-SAFER-SLEEP";
inline constexpr std::string_view kSmokeFreeRecommendation = "REC-SMOKE-FREE";
inline constexpr std::string_view kHealthyWeightRecommendation = "REC-HEALTHY-WEIGHT";

// The reviews of `data.deaths`, in the same order; depends only on `data`
// (its seed included).
std::vector<records::ReviewRecord> MakeReviews(const SyntheticData& data);

}  // namespace cradle::synth
