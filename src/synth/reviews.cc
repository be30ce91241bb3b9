#include "synth/reviews.h"

#include <algorithm>
#include <string>

#include "records/cdop_codes.h"
#include "synth/ethnic_groups.h"
#include "synth/sampling.h"

namespace cradle::synth {
namespace {

// Dates and findings draw from streams of their own, so a change to one
// leaves the other as it was. The generator's other streams: generator.cc,
// deaths.cc.
constexpr uint64_t kReviewDateStream = 5;
constexpr uint64_t kReviewFindingStream = 6;

// Days from death to notification: most within the 48-hour target, some late.
int NotificationDelay(Rng& rng) {
  const double u = rng.Uniform01();
  if (u < 0.55) return 0;
  if (u < 0.85) return 1;
  if (u < 0.93) return 2;
  return static_cast<int>(rng.UniformRange(3, 12));
}

// Days from death to the CDOP panel: mostly 3-10 months, longer when a
// coroner's inquest or another process comes first.
int PanelDelay(Rng& rng) {
  if (rng.Bernoulli(0.15)) return static_cast<int>(rng.UniformRange(300, 560));
  return static_cast<int>(rng.UniformRange(90, 300));
}

bool Smoker(const SynthBirth& birth) {
  return birth.smoking_at_booking == 'Y' || birth.smoking_at_delivery == 'Y';
}

bool Obese(std::string_view bmi) { return bmi == "30-34.9" || bmi == "35-39.9" || bmi == "40+"; }

// A modifiable factor and the chance the panel records it for this death.
struct FactorChance {
  std::string_view code;
  double probability;
};

// The modifiable factors this death's panel may find, with their chances.
// The order of the draws is fixed, so a seed gives the same reviews.
std::vector<FactorChance> ModifiableChances(const SynthBirth& birth, const SynthDeath& death) {
  const int category = death.category_of_death.value_or(0);
  const bool neonatal = death.age_at_death_days <= 27;
  const bool sudi = category == 10;
  const bool pakistani = EthnicGroups()[birth.ethnic_group].code == "asian_pakistani";
  return {
      // Smoking is under-reported at booking: the panel also finds it where
      // the maternity record says the mother did not smoke.
      {"B.SMOKING_PREG", Smoker(birth) ? 0.95 : 0.095},
      {"B.MATERNAL_BMI", Obese(birth.maternal_bmi_band)       ? 0.55
                         : birth.maternal_bmi_band == "<18.5" ? 0.20
                                                              : 0.0},
      {"B.SMOKE_HOUSEHOLD", Smoker(birth) ? 0.45 : (sudi ? 0.15 : 0.050)},
      {"D.AGENCY_COMMS", neonatal ? 0.055 : 0.070},
      {"D.GUIDELINE_NOT_FOLLOWED", category == 8 ? 0.065 : 0.045},
      {"D.MISSED_DETERIORATION", category == 8 || category == 9 ? 0.040 : 0.022},
      {"B.COSLEEP_HAZARD", sudi ? 0.14 : 0.0},
      {"C.SLEEP_ENVIRONMENT", sudi ? 0.10 : 0.0},
      {"D.SAFE_SLEEP_ADVICE", sudi ? 0.06 : 0.0},
      {"B.IVF_OVERSEAS", birth.overseas_ivf == 'Y' ? 0.80 : 0.0},
      {"B.CONSANGUINITY", category == 7 && pakistani ? 0.03 : 0.0},
      {"B.LATE_BOOKING", 0.006},
      {"B.MENTAL_HEALTH", 0.005},
      {"B.HOUSING_POVERTY", 0.005},
      {"B.DOMESTIC_ABUSE", 0.004},
      {"B.ALCOHOL_DRUGS", 0.003},
      {"D.INTERPRETER", 0.004},
      {"D.ACCESS_DELAY", 0.004},
  };
}

// What the panel wrote, in synthetic words, about the first modifiable factor.
std::string LearningPoint(std::string_view code) {
  if (code == "B.SMOKING_PREG") {
    return "Smoking in pregnancy was recorded at booking; the opt-out referral to stop-smoking "
           "support was not followed up.";
  }
  if (code == "B.MATERNAL_BMI") {
    return "Raised BMI at booking: the healthy-weight pathway was not offered.";
  }
  if (code == "B.SMOKE_HOUSEHOLD") {
    return "Household members smoked; smoke-free home advice was not recorded.";
  }
  if (code == "D.AGENCY_COMMS") {
    return "Information known to one agency did not reach the health visitor before the death.";
  }
  if (code == "D.GUIDELINE_NOT_FOLLOWED") {
    return "The unit's guideline was not followed; the review meeting asked for an audit.";
  }
  if (code == "D.MISSED_DETERIORATION") {
    return "Signs of deterioration were not escalated in time.";
  }
  const records::ContributoryFactor* factor = records::FindContributoryFactor(code);
  return std::string(factor ? factor->name : code) + " was judged modifiable.";
}

void AddRecommendation(records::ReviewRecord& review, std::string_view id) {
  if (std::find(review.recommendations.begin(), review.recommendations.end(), id) ==
      review.recommendations.end()) {
    review.recommendations.emplace_back(id);
  }
}

void RecordPanel(const SynthBirth& birth, const SynthDeath& death, Rng& rng,
                 records::ReviewRecord& review) {
  if (birth.gestation_weeks < 37) review.factors.push_back({"A.PRETERM", 2, false});
  if (birth.birthweight_grams < 2500) review.factors.push_back({"A.LBW", 2, false});
  if (review.category_of_death == 7) review.factors.push_back({"A.CONGENITAL", 2, false});
  std::string first_modifiable;
  for (const FactorChance& chance : ModifiableChances(birth, death)) {
    // Every chance costs one draw, found or not, so each factor's draws stay
    // aligned whatever the earlier ones found.
    if (!rng.Bernoulli(chance.probability)) continue;
    review.factors.push_back({std::string(chance.code), 2, true});
    if (first_modifiable.empty()) first_modifiable = chance.code;
  }
  std::sort(review.factors.begin(), review.factors.end(),
            [](const records::ReviewFactor& a, const records::ReviewFactor& b) {
              return a.code < b.code;
            });
  const bool inadequate = rng.Bernoulli(0.04);
  if (!first_modifiable.empty()) {
    review.outcome = records::kModifiableFactors;
    review.learning_points = LearningPoint(first_modifiable);
  } else {
    review.outcome = inadequate ? records::kInadequateInformation : records::kNoModifiableFactors;
  }
  for (const records::ReviewFactor& factor : review.factors) {
    if (!factor.modifiable) continue;
    if (factor.code == "B.SMOKING_PREG" || factor.code == "B.SMOKE_HOUSEHOLD") {
      AddRecommendation(review, kSmokeFreeRecommendation);
    } else if (factor.code == "B.MATERNAL_BMI") {
      AddRecommendation(review, kHealthyWeightRecommendation);
    } else if (factor.code == "B.COSLEEP_HAZARD" || factor.code == "C.SLEEP_ENVIRONMENT" ||
               factor.code == "D.SAFE_SLEEP_ADVICE") {
      AddRecommendation(review, kSaferSleepRecommendation);
      AddRecommendation(review, kBreastfeedingRecommendation);
    }
  }
}

}  // namespace

std::vector<records::ReviewRecord> MakeReviews(const SyntheticData& data) {
  const records::Date extract_day = records::Date::FirstOfYear(data.last_year + 1) - 1;
  std::vector<records::ReviewRecord> reviews;
  reviews.reserve(data.deaths.size());
  size_t next = 0;
  for (int year = data.first_year; year <= data.last_year; ++year) {
    Rng rng(DeriveSeed(data.seed, kReviewDateStream, static_cast<uint64_t>(year)));
    Rng findings(DeriveSeed(data.seed, kReviewFindingStream, static_cast<uint64_t>(year)));
    int number = 0;
    for (; next < data.deaths.size() && data.deaths[next].date_of_death.year() == year; ++next) {
      const SynthDeath& death = data.deaths[next];
      const SynthBirth& birth = data.births[death.birth_index];
      records::ReviewRecord review;
      std::string number_text = std::to_string(++number);
      number_text.insert(0, number_text.size() < 3 ? 3 - number_text.size() : 0, '0');
      review.review_id =
          "SYN" + std::to_string(data.seed) + "-R" + std::to_string(year) + "-" + number_text;
      review.birth_id = death.birth_id;
      review.date_of_death = death.date_of_death;
      review.age_at_death_days = death.age_at_death_days;
      const int open_days = extract_day - death.date_of_death;
      review.notified_on = death.date_of_death + std::min(NotificationDelay(rng), open_days);
      review.overseas_ivf = birth.overseas_ivf;
      const int category = death.category_of_death.value_or(0);
      review.sudden_unexpected =
          category == 10 || category == 1 || category == 3 ||
                  (category == 9 && death.age_at_death_days > 27 && findings.Bernoulli(0.4))
              ? 'Y'
              : 'N';
      const int panel_days = std::min(PanelDelay(rng), open_days);
      // The review meeting: mostly within its three months, some later.
      const int cdrm_days = static_cast<int>(rng.UniformRange(28, 84)) +
                            (rng.Bernoulli(0.25) ? static_cast<int>(rng.UniformRange(10, 90)) : 0);
      if (!death.category_of_death) {
        // Open: the review meeting may have met; the panel has not.
        if (cdrm_days <= open_days && cdrm_days >= 28)
          review.cdrm_on = death.date_of_death + cdrm_days;
        reviews.push_back(std::move(review));
        continue;
      }
      review.category_of_death = death.category_of_death;
      review.cdrm_on =
          death.date_of_death +
          std::min(panel_days, std::max(cdrm_days, review.notified_on - death.date_of_death));
      review.panel_on = death.date_of_death + panel_days;
      RecordPanel(birth, death, findings, review);
      reviews.push_back(std::move(review));
    }
  }
  return reviews;
}

}  // namespace cradle::synth
