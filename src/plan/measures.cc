#include "plan/measures.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "cdop/factor_ranking.h"
#include "records/cdop_codes.h"
#include "records/record_types.h"
#include "stats/proportion.h"
#include "stats/rate.h"

namespace cradle::plan {
namespace {

using stats::Polarity;

constexpr MeasureDefinition kMeasures[] = {
    {"smoking-at-delivery", "Smoking at time of delivery", "%", Polarity::kLowIsGood,
     "Birth records: mothers recorded as smokers at delivery, of those whose status is known "
     "(MSDS CQIM definition, DOMAIN.md §4)"},
    {"obese-at-booking", "Obesity at booking (BMI 30 or more)", "%", Polarity::kLowIsGood,
     "Birth records: mothers with a BMI of 30 or more at booking, of those whose BMI is known"},
    {"booked-by-10-weeks", "Pregnancies booked by 10 weeks", "%", Polarity::kHighIsGood,
     "Booking records: bookings at 70 days of gestation or less (NICE QS22)"},
    {"infant-mortality", "Infant mortality rate", "per 1,000 live births", Polarity::kLowIsGood,
     "Death and birth records: infant deaths in the year per 1,000 live births in the year"},
    {"assessments-completed", "Safer-sleep risk assessments completed", "count",
     Polarity::kHighIsGood, "Cradle's safer-sleep assessments, by year recorded"},
    {"safe-sleep-spaces-delivered", "Safe sleep spaces delivered", "count", Polarity::kHighIsGood,
     "Cradle's referrals to safe-sleep services (directory term Leicester:IM:safe-sleep) marked "
     "completed, by year sent"},
    {"breastfeeding-6-8-weeks", "Breastfeeding at 6 to 8 weeks", "%", Polarity::kHighIsGood,
     "No data in Cradle yet: needs the health-visiting extract (OHID's breastfeeding at 6-8 "
     "weeks)",
     false},
    {"reviews-smoking-factor", "Reviews with smoking in pregnancy as a modifiable factor", "%",
     Polarity::kLowIsGood, "CDOP register: completed reviews, by year of the panel"},
    {"reviews-sleep-factor", "Reviews with an unsafe sleep environment as a modifiable factor", "%",
     Polarity::kLowIsGood, "CDOP register: completed reviews, by year of the panel"},
    {"reviews-agency-comms-factor",
     "Reviews with poor communication between agencies as a modifiable factor", "%",
     Polarity::kLowIsGood, "CDOP register: completed reviews, by year of the panel"},
    {"reviews-overseas-ivf", "Reviews of babies conceived by assisted conception overseas", "%",
     Polarity::kLowIsGood, "CDOP register: completed reviews, by year of the panel"},
    {"reviews-with-modifiable-factors", "Reviews with modifiable factors identified", "%",
     Polarity::kLowIsGood, "CDOP register: completed reviews, by year of the panel"},
};

constexpr std::string_view kSafeSleepTerm = "Leicester:IM:safe-sleep";

// Counts by period, numerator and denominator.
using Tallies = std::map<std::string, std::pair<int64_t, int64_t>>;

std::string Year(int year) { return std::to_string(year); }

std::string YearOfUnixSeconds(int64_t seconds) {
  return Year(records::Date::FromDays(static_cast<int>(seconds / 86400)).year());
}

MeasureSeries Series(const MeasureDefinition& definition, const Tallies& tallies, bool synthetic) {
  MeasureSeries series;
  series.definition = &definition;
  series.synthetic = synthetic;
  const bool count_only = definition.unit == "count";
  const bool per_thousand = definition.unit == "per 1,000 live births";
  std::vector<stats::TrendPoint> trend_points;
  for (const auto& [period, tally] : tallies) {
    MeasurePoint point;
    point.period = period;
    point.count = tally.first;
    point.denominator = count_only ? 0 : tally.second;
    if (!count_only && tally.second > 0) {
      auto estimate = per_thousand ? stats::CrudeRate(tally.first, tally.second, 1000, 0.95)
                                   : stats::WilsonProportion(tally.first, tally.second, 100, 0.95);
      if (estimate.ok()) point.value = *estimate;
    }
    stats::TrendPoint trend_point;
    if (point.value) {
      trend_point.count = static_cast<double>(point.count);
      trend_point.denominator = static_cast<double>(tally.second);
      trend_point.value = point.value->value;
      trend_point.ci95 = point.value->ci;
    }
    trend_points.push_back(trend_point);
    series.points.push_back(std::move(point));
  }
  if (!definition.available) {
    series.needle = "No data in Cradle yet";
    return series;
  }
  if (count_only) {
    // A count has no interval to test a trend against: the latest two full
    // years are compared as they are.
    series.needle = series.points.size() < 2 ? "Not enough data" : "Counts by year";
    return series;
  }
  stats::TrendOptions options;
  options.value_type =
      per_thousand ? stats::TrendValueType::kCrudeRate : stats::TrendValueType::kProportion;
  options.valid_run = stats::TrendValidRun::kSkipInvalid;
  const stats::TrendResult trend = stats::RecentTrend(trend_points, options);
  series.trend = trend.marker;
  switch (trend.marker) {
    case stats::TrendMarker::kCannotBeCalculated:
      series.needle = "Not enough data";
      break;
    case stats::TrendMarker::kNoSignificantChange:
      series.needle = "No significant change";
      break;
    case stats::TrendMarker::kIncreasing:
    case stats::TrendMarker::kDecreasing: {
      const bool up = trend.marker == stats::TrendMarker::kIncreasing;
      const bool good = definition.polarity == Polarity::kHighIsGood ? up : !up;
      series.needle = good ? "Improving" : "Getting worse";
      break;
    }
  }
  return series;
}

}  // namespace

std::span<const MeasureDefinition> MeasureDefinitions() { return kMeasures; }

const MeasureDefinition* FindMeasure(std::string_view id) {
  for (const MeasureDefinition& definition : kMeasures) {
    if (definition.id == id) return &definition;
  }
  return nullptr;
}

Result<std::vector<MeasureSeries>> ComputeMeasures(store::Store& store, int min_count) {
  std::map<std::string, Tallies> tallies;
  bool synthetic_records = false;
  std::map<std::string, int64_t> births_by_year;
  CRADLE_RETURN_IF_ERROR(store.ForEachBirth([&](const records::BirthRecord& birth) {
    synthetic_records = synthetic_records || records::IsSyntheticId(birth.birth_id);
    const std::string year = Year(birth.date_of_birth.year());
    ++births_by_year[year];
    if (birth.smoking_at_delivery == 'Y' || birth.smoking_at_delivery == 'N') {
      auto& tally = tallies["smoking-at-delivery"][year];
      tally.first += birth.smoking_at_delivery == 'Y';
      ++tally.second;
    }
    if (birth.maternal_bmi_band != "unknown") {
      auto& tally = tallies["obese-at-booking"][year];
      const std::string& bmi = birth.maternal_bmi_band;
      tally.first += bmi == "30-34.9" || bmi == "35-39.9" || bmi == "40+";
      ++tally.second;
    }
  }));
  CRADLE_RETURN_IF_ERROR(store.ForEachBooking([&](const records::BookingRecord& booking) {
    auto& tally = tallies["booked-by-10-weeks"][Year(booking.booking_date.year())];
    tally.first += booking.gestation_at_booking_days <= 70;
    ++tally.second;
  }));
  std::map<std::string, int64_t> deaths_by_year;
  CRADLE_RETURN_IF_ERROR(store.ForEachDeath([&](const records::DeathRecord& death) {
    ++deaths_by_year[Year(death.date_of_death.year())];
  }));
  for (const auto& [year, births] : births_by_year) {
    tallies["infant-mortality"][year] = {deaths_by_year[year], births};
  }

  auto casework = store.Casework();
  CRADLE_ASSIGN_OR_RETURN(auto assessments,
                          casework->Assessments("", 0, std::numeric_limits<int64_t>::max()));
  for (const store::AssessmentRow& assessment : assessments) {
    ++tallies["assessments-completed"][YearOfUnixSeconds(assessment.created_at)].first;
  }
  auto directory = store.Directory();
  CRADLE_ASSIGN_OR_RETURN(auto terms, directory->TaxonomyTerms());
  std::string safe_sleep_term;
  for (const auto& term : terms) {
    if (term.code == kSafeSleepTerm) safe_sleep_term = term.id;
  }
  CRADLE_ASSIGN_OR_RETURN(auto services, directory->Services());
  std::set<std::string> safe_sleep_services;
  for (const auto& service : services) {
    for (const auto& attribute : service.attributes) {
      if (!safe_sleep_term.empty() && attribute.taxonomy_term_id == safe_sleep_term) {
        safe_sleep_services.insert(service.id);
      }
    }
  }
  CRADLE_ASSIGN_OR_RETURN(auto referrals, casework->Referrals({}));
  for (const store::ReferralRow& referral : referrals) {
    if (referral.status == "completed" && safe_sleep_services.count(referral.to_service_id)) {
      ++tallies["safe-sleep-spaces-delivered"][YearOfUnixSeconds(referral.created_at)].first;
    }
  }

  CRADLE_ASSIGN_OR_RETURN(auto reviews, store.Reviews()->Reviews());
  bool synthetic_reviews = !reviews.empty();
  for (const records::ReviewRecord& review : reviews) {
    synthetic_reviews = synthetic_reviews && records::IsSyntheticId(review.review_id);
    if (!review.Reviewed()) continue;
    const std::string year = cdop::FinancialYear(*review.panel_on);
    auto count = [&](const char* measure, bool found) {
      auto& tally = tallies[measure][year];
      tally.first += found;
      ++tally.second;
    };
    count("reviews-smoking-factor", review.HasModifiable("B.SMOKING_PREG"));
    count("reviews-sleep-factor", review.HasModifiable("C.SLEEP_ENVIRONMENT"));
    count("reviews-agency-comms-factor", review.HasModifiable("D.AGENCY_COMMS"));
    count("reviews-overseas-ivf", review.overseas_ivf == 'Y');
    count("reviews-with-modifiable-factors", review.outcome == records::kModifiableFactors);
  }

  std::vector<MeasureSeries> out;
  for (const MeasureDefinition& definition : kMeasures) {
    const bool from_reviews = definition.id.starts_with("reviews-");
    const bool from_records = definition.source.starts_with("Birth") ||
                              definition.source.starts_with("Booking") ||
                              definition.source.starts_with("Death");
    out.push_back(Series(definition, tallies[std::string(definition.id)],
                         from_reviews ? synthetic_reviews : from_records && synthetic_records));
    for (MeasurePoint& point : out.back().points) {
      if (point.count > 0 && point.count < min_count) {
        point.hidden = true;
        point.count = 0;
        point.value.reset();
      }
    }
  }
  return out;
}

}  // namespace cradle::plan
