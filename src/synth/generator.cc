#include "synth/generator.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "base/strings.h"
#include "records/record_types.h"
#include "synth/deaths.h"
#include "synth/maternity_model.h"
#include "synth/reviews.h"
#include "synth/sampling.h"

namespace cradle::synth {
namespace {

constexpr uint64_t kBirthStream = 1;  // the other streams are in deaths.cc

struct DraftBaby {
  int birthweight_grams = 0;
  DeathPropensity propensity;
};

// One delivery before it has ids: everything drawn for the mother, the
// pregnancy and each baby.
struct DraftDelivery {
  records::Date date_of_birth;
  size_t lsoa = 0;
  size_t ethnic_group = 0;
  std::string_view mother_age_band;
  Flag ivf = 'N';
  Flag overseas_ivf = 'N';
  int multiplicity = 1;
  int gestation_weeks = 0;
  int gestation_days = 0;  // at birth, completed weeks plus 0-6 days
  Flag smoking_at_booking = 'N';
  Flag smoking_at_delivery = 'N';
  std::string_view bmi_band;
  int booking_days = 0;
  std::string_view provider;
  std::array<DraftBaby, 3> babies;
};

// records::kSyntheticIdPrefix marks every id, so outputs can say the data
// are synthetic.
std::string SyntheticId(uint64_t seed, char kind, int year, size_t number) {
  char text[64];
  std::snprintf(text, sizeof text, "%llu-%c%d-%05zu", static_cast<unsigned long long>(seed), kind,
                year, number);
  return std::string(records::kSyntheticIdPrefix) + text;
}

class YearGenerator {
 public:
  YearGenerator(const Calibration& calibration, const MaternityModel& model)
      : calibration_(calibration),
        model_(model),
        lsoa_(LsoaWeights(calibration)),
        ethnic_(std::vector<double>(calibration.ethnic_share.begin(),
                                    calibration.ethnic_share.end())) {}

  // Appends `year`'s births and bookings (and each baby's death propensity).
  void Generate(int year, uint64_t seed, SyntheticData& data,
                std::vector<DeathPropensity>& propensities) const {
    Rng rng(DeriveSeed(seed, kBirthStream, static_cast<uint64_t>(year)));
    const int64_t target = calibration_.Target(year)->live_births;
    std::vector<DraftDelivery> deliveries;
    int64_t babies = 0;
    while (babies < target) {
      deliveries.push_back(Draw(year, static_cast<int>(target - babies), rng));
      babies += deliveries.back().multiplicity;
    }
    // In date order; equal dates keep the order drawn (stable), so the result
    // is fixed by the draws alone.
    std::stable_sort(deliveries.begin(), deliveries.end(),
                     [](const DraftDelivery& a, const DraftDelivery& b) {
                       return a.date_of_birth < b.date_of_birth;
                     });
    size_t birth_number = 0, pregnancy_number = 0;
    for (const DraftDelivery& delivery : deliveries) {
      const LsoaWeight& lsoa = calibration_.lsoas[delivery.lsoa];
      SynthBooking booking;
      booking.pregnancy_id = SyntheticId(seed, 'P', year, ++pregnancy_number);
      booking.lsoa21 = lsoa.code;
      booking.ethnic_group = delivery.ethnic_group;
      booking.gestation_at_booking_days = delivery.booking_days;
      booking.booking_date =
          delivery.date_of_birth - (delivery.gestation_days - delivery.booking_days);
      booking.provider = delivery.provider;
      booking.first_birth_index = data.births.size();
      data.bookings.push_back(std::move(booking));
      for (int baby = 0; baby < delivery.multiplicity; ++baby) {
        SynthBirth birth;
        birth.birth_id = SyntheticId(seed, 'B', year, ++birth_number);
        birth.date_of_birth = delivery.date_of_birth;
        birth.lsoa21 = lsoa.code;
        birth.ethnic_group = delivery.ethnic_group;
        birth.mother_age_band = delivery.mother_age_band;
        birth.gestation_weeks = delivery.gestation_weeks;
        birth.birthweight_grams = delivery.babies[baby].birthweight_grams;
        birth.multiplicity = delivery.multiplicity;
        birth.ivf = delivery.ivf;
        birth.overseas_ivf = delivery.overseas_ivf;
        birth.smoking_at_booking = delivery.smoking_at_booking;
        birth.smoking_at_delivery = delivery.smoking_at_delivery;
        birth.maternal_bmi_band = delivery.bmi_band;
        data.births.push_back(std::move(birth));
        propensities.push_back(delivery.babies[baby].propensity);
      }
    }
  }

 private:
  static std::vector<double> LsoaWeights(const Calibration& calibration) {
    std::vector<double> weights;
    for (const LsoaWeight& lsoa : calibration.lsoas) {
      weights.push_back(static_cast<double>(lsoa.population));
    }
    return weights;
  }

  // One delivery of at most `babies_left` babies. The draws are made in a
  // fixed order; changing the order changes every later record.
  DraftDelivery Draw(int year, int babies_left, Rng& rng) const {
    DraftDelivery d;
    d.date_of_birth =
        records::Date::FirstOfYear(year) +
        static_cast<int>(rng.UniformInt(static_cast<uint64_t>(records::Date::DaysInYear(year))));
    d.lsoa = lsoa_.Sample(rng);
    d.ethnic_group = ethnic_.Sample(rng);
    d.mother_age_band = model_.SampleMotherAgeBand(rng);
    d.ivf = model_.SampleIvf(d.mother_age_band, rng);
    d.overseas_ivf = model_.SampleOverseasIvf(d.ivf, rng);
    d.multiplicity = std::min(model_.SampleMultiplicity(d.ivf, rng), babies_left);
    d.gestation_weeks = model_.SampleGestationWeeks(d.multiplicity, rng);
    d.gestation_days = d.gestation_weeks * 7 + static_cast<int>(rng.UniformInt(7));
    const int imd_decile = calibration_.lsoas[d.lsoa].imd_decile;
    d.smoking_at_booking = model_.SampleSmokingAtBooking(d.ethnic_group, imd_decile, rng);
    d.smoking_at_delivery = model_.SampleSmokingAtDelivery(d.smoking_at_booking, rng);
    d.bmi_band = model_.SampleBmiBand(rng);
    d.booking_days = model_.SampleBookingGestationDays(d.ethnic_group, d.gestation_days, rng);
    d.provider = model_.SampleProvider(rng);
    // The area-level gradients: England's rate for the baby's ethnic group and
    // IMD decile, each relative to England's overall rate.
    const double social_risk = calibration_.ethnic_mortality_ratio[d.ethnic_group] *
                               calibration_.imd_mortality_ratio[imd_decile - 1];
    for (int baby = 0; baby < d.multiplicity; ++baby) {
      DraftBaby& draft = d.babies[baby];
      const double z = rng.StandardNormal();
      draft.birthweight_grams =
          model_.BirthweightGrams(d.gestation_weeks, d.ethnic_group, d.multiplicity, z);
      draft.propensity.neonatal_weight =
          social_risk * MaternityModel::NeonatalRisk(d.gestation_weeks, z);
      draft.propensity.postneonatal_weight =
          social_risk * MaternityModel::PostneonatalRisk(d.gestation_weeks, z);
      draft.propensity.neonatal_age = model_.SampleNeonatalAge(rng);
      draft.propensity.postneonatal_age = model_.SamplePostneonatalAge(rng);
    }
    return d;
  }

  const Calibration& calibration_;
  const MaternityModel& model_;
  Categorical lsoa_;
  Categorical ethnic_;
};

}  // namespace

Result<YearRange> ParseYearRange(std::string_view text) {
  const std::string trimmed(Trim(text));
  auto bad = [&] {
    return Status::InvalidArgument("years must be YYYY-YYYY (e.g. 2015-2024) or YYYY; got '" +
                                   trimmed + "'");
  };
  std::vector<std::string> parts = Split(trimmed, '-');
  if (parts.size() > 2) return bad();
  YearRange range;
  for (size_t idx = 0; idx < parts.size(); ++idx) {
    if (parts[idx].size() != 4) return bad();
    std::optional<int64_t> year = ParseInt64(parts[idx]);
    if (!year || parts[idx].find_first_not_of("0123456789") != std::string::npos) return bad();
    (idx == 0 ? range.first : range.last) = static_cast<int>(*year);
  }
  if (parts.size() == 1) range.last = range.first;
  if (range.first > range.last) {
    return Status::InvalidArgument("years must run forwards; got " + trimmed);
  }
  return range;
}

Result<SyntheticData> GenerateSyntheticData(const Calibration& calibration,
                                            const SynthOptions& options) {
  const YearRange& years = options.years;
  if (years.first > years.last) {
    return Status::InvalidArgument("years must run forwards; got " + std::to_string(years.first) +
                                   "-" + std::to_string(years.last));
  }
  if (!calibration.Target(years.first) || !calibration.Target(years.last)) {
    return Status::InvalidArgument("years " + std::to_string(years.first) + "-" +
                                   std::to_string(years.last) + " are outside the years " +
                                   calibration.area_name + "'s synthetic calibration covers (" +
                                   std::to_string(calibration.first_year()) + "-" +
                                   std::to_string(calibration.last_year()) + ")");
  }
  const MaternityModel model(calibration);
  const YearGenerator generator(calibration, model);
  SyntheticData data;
  data.area_code = calibration.area_code;
  data.first_year = years.first;
  data.last_year = years.last;
  data.seed = options.seed;
  std::vector<DeathPropensity> propensities;
  for (int year = years.first; year <= years.last; ++year) {
    generator.Generate(year, options.seed, data, propensities);
  }
  CRADLE_ASSIGN_OR_RETURN(data.deaths,
                          SelectDeaths(calibration, years.first, years.last, options.seed, model,
                                       data.births, propensities));
  data.reviews = MakeReviews(data);
  return data;
}

}  // namespace cradle::synth
