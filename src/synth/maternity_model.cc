#include "synth/maternity_model.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cradle::synth {
namespace {

template <typename T>
struct Weighted {
  T value;
  double weight;
};

template <typename T, size_t N>
std::vector<double> WeightsOf(const Weighted<T> (&table)[N]) {
  std::vector<double> weights;
  for (const Weighted<T>& entry : table) weights.push_back(entry.weight);
  return weights;
}

// Mother's age at delivery, per cent of births: approximately England and
// Wales 2022 (ONS Births in England and Wales 2022; rounded, not bundled).
constexpr Weighted<std::string_view> kMotherAge[] = {
    {"<20", 2.6},    {"20-24", 12.0}, {"25-29", 25.5},  {"30-34", 33.0},
    {"35-39", 21.0}, {"40+", 5.6},    {"unknown", 0.3},
};

// Maternal BMI at booking, per cent: an assumption shaped like national
// maternity figures (about a quarter obese, a few per cent not recorded).
constexpr Weighted<std::string_view> kBmi[] = {
    {"<18.5", 3.0},   {"18.5-24.9", 43.0}, {"25-29.9", 27.0}, {"30-34.9", 13.0},
    {"35-39.9", 6.0}, {"40+", 3.0},        {"unknown", 5.0},
};

// Completed weeks of gestation of live births, per cent. Singletons: 6.5%
// before 37 weeks; twins: 56%; triplets: all. With 1.5% of deliveries twins,
// about 8% of babies are preterm (England: 7-8%). Assumptions shaped like ONS
// Birth characteristics tables (not bundled).
constexpr Weighted<int> kGestationSingleton[] = {
    {22, 0.05}, {23, 0.08}, {24, 0.10}, {25, 0.10}, {26, 0.11}, {27, 0.12}, {28, 0.15}, {29, 0.17},
    {30, 0.20}, {31, 0.26}, {32, 0.35}, {33, 0.50}, {34, 0.85}, {35, 1.20}, {36, 2.30}, {37, 6.00},
    {38, 15.0}, {39, 27.0}, {40, 28.0}, {41, 15.5}, {42, 1.90}, {43, 0.06},
};
constexpr Weighted<int> kGestationTwin[] = {
    {22, 0.3}, {23, 0.4},  {24, 0.6},  {25, 0.6},  {26, 0.7},  {27, 0.8},
    {28, 1.0}, {29, 1.2},  {30, 1.6},  {31, 2.0},  {32, 3.0},  {33, 4.0},
    {34, 7.0}, {35, 10.0}, {36, 22.8}, {37, 30.0}, {38, 12.0}, {39, 2.0},
};
constexpr Weighted<int> kGestationTriplet[] = {
    {26, 3}, {28, 5}, {30, 10}, {31, 10}, {32, 17}, {33, 20}, {34, 20}, {35, 10}, {36, 5},
};

// Median birthweight (g) of singletons by completed week, 22-43: an
// approximation of UK birthweight-for-gestation charts (assumption).
constexpr int kMedianBirthweight[] = {
    500,  580,  670,  770,  880,  1000, 1130, 1280, 1450, 1630, 1830,  // 22-32
    2050, 2280, 2520, 2750, 2990, 3200, 3360, 3480, 3590, 3650, 3680,  // 33-43
};
constexpr int kFirstMedianWeek = 22;
constexpr double kBirthweightCv = 0.13;  // SD as a share of the median
// z below the 10th centile of a normal: "small for gestational age".
constexpr double kSmallForGestationZ = -1.2816;

// Booking: within 10 weeks (70 days, NICE QS22) for 78% overall; Black
// mothers 1.7 times as likely as others to book later (the figures quoted for
// University Hospitals of Leicester in the project brief; unverified).
constexpr double kLateBookingShare = 0.22;
constexpr double kBlackLateBookingRatio = 1.7;
// Late bookings by band of days: [first, last] and per cent.
struct DayBand {
  int first;
  int last;
  double weight;
};
constexpr DayBand kLateBookingBands[] = {
    {71, 98, 60}, {99, 140, 25}, {141, 196, 12}, {197, 260, 3}};
constexpr int kFirstOnTimeDay = 35;  // 5+0 weeks
constexpr int kLastOnTimeDay = 70;   // 10+0 weeks

// Maternity provider of Leicester residents: University Hospitals of Leicester
// (RWE) for almost all; a few at neighbouring trusts (assumption).
constexpr Weighted<std::string_view> kProvider[] = {
    {"RWE", 97.0},  // University Hospitals of Leicester NHS Trust
    {"RLT", 1.0},   // George Eliot Hospital NHS Trust
    {"RKB", 1.0},   // University Hospitals Coventry and Warwickshire NHS Trust
    {"RX1", 0.5},   // Nottingham University Hospitals NHS Trust
    {"RTG", 0.5},   // University Hospitals of Derby and Burton NHS Foundation Trust
};

// IVF: about 3% of UK births (HFEA); more likely with the mother's age.
// Probability per delivery by age band; 0.5% of deliveries not recorded.
constexpr Weighted<std::string_view> kIvfByAge[] = {
    {"<20", 0.001},   {"20-24", 0.002}, {"25-29", 0.010},   {"30-34", 0.025},
    {"35-39", 0.050}, {"40+", 0.120},   {"unknown", 0.028},
};
constexpr double kIvfUnknown = 0.005;
constexpr double kOverseasShareOfIvf = 0.10;  // "a small share" (assumption)
// Twins are 1.5% of deliveries (ONS multiple maternities about 15 per 1,000):
// 6% after IVF (HFEA multiple birth rate), 1.375% otherwise.
constexpr double kTwinsAfterIvf = 0.06, kTripletsAfterIvf = 0.001;
constexpr double kTwinsOtherwise = 0.01375, kTripletsOtherwise = 0.0001;

// Smoking at booking, before scaling so the area's expected share is 10%:
// by ethnic group (South Asian and Black women smoke far less than White
// British women) and by IMD decile (more in deprived areas). Assumptions.
constexpr double kSmokingTargetShare = 0.10;
constexpr double kSmokingUnknown = 0.005;
constexpr double kSmokingImdFactor[10] = {1.35, 1.25, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6, 0.55, 0.5};
// Still smoking at delivery: 70% of smokers at booking, giving about 7%.
constexpr double kStillSmokingAtDelivery = 0.70;
constexpr double kStartedSmokingBeforeDelivery = 0.003;

double SmokingBase(size_t ethnic_group) {
  const EthnicGroupInfo& info = EthnicGroups()[ethnic_group];
  if (info.code == "white_british") return 0.20;
  if (info.broad_group == "White") return 0.08;
  if (info.broad_group == "Mixed") return 0.15;
  if (info.broad_group == "Not stated") return 0.10;
  return 0.03;  // Asian, Black, Other
}

// Neonatal deaths: 72.5% in the first week (days 0-6, most on day 0), the rest
// falling off as 1/(age - 3) to day 27.
std::vector<double> NeonatalAgeWeights() {
  std::vector<double> weights = {38, 12, 7, 5, 4, 3.5, 3};
  double tail = 0;
  for (int age = 7; age <= 27; ++age) tail += 1.0 / (age - 3);
  for (int age = 7; age <= 27; ++age) weights.push_back(27.5 * (1.0 / (age - 3)) / tail);
  return weights;
}

// Post-neonatal deaths: weight 1/(1 + (age-28)/60)^2 from day 28 to 364,
// median about 10 weeks.
std::vector<double> PostneonatalAgeWeights() {
  std::vector<double> weights;
  for (int age = 28; age <= 364; ++age) {
    const double scaled = 1.0 + (age - 28) / 60.0;
    weights.push_back(1.0 / (scaled * scaled));
  }
  return weights;
}

// CDOP category of death. Overall mix as one published infant cohort (48%
// chromosomal/genetic/congenital 7, 30% perinatal/neonatal 8, 11% infection 9,
// 7% SUDI 10, 4% trauma 3; DOMAIN.md §1.3), split so that SUDI falls almost
// all after the neonatal period: with 77% of deaths neonatal, these two
// tables give that overall mix.
constexpr Weighted<int> kNeonatalCategory[] = {
    {3, 2.75}, {7, 52.0}, {8, 35.5}, {9, 8.25}, {10, 1.5}};
constexpr Weighted<int> kPostneonatalCategory[] = {
    {3, 8.0}, {7, 35.0}, {8, 12.0}, {9, 20.0}, {10, 25.0}};

}  // namespace

MaternityModel::MaternityModel(const Calibration& calibration)
    : mother_age_(WeightsOf(kMotherAge)),
      bmi_(WeightsOf(kBmi)),
      gestation_singleton_(WeightsOf(kGestationSingleton)),
      gestation_twin_(WeightsOf(kGestationTwin)),
      gestation_triplet_(WeightsOf(kGestationTriplet)),
      on_time_booking_([] {
        // Rising to 10 weeks: most women book at 8-10 weeks.
        std::vector<double> weights;
        for (int day = kFirstOnTimeDay; day <= kLastOnTimeDay; ++day) weights.push_back(day - 30);
        return weights;
      }()),
      late_booking_band_([] {
        std::vector<double> weights;
        for (const DayBand& band : kLateBookingBands) weights.push_back(band.weight);
        return weights;
      }()),
      provider_(WeightsOf(kProvider)),
      neonatal_age_(NeonatalAgeWeights()),
      postneonatal_age_(PostneonatalAgeWeights()),
      neonatal_category_(WeightsOf(kNeonatalCategory)),
      postneonatal_category_(WeightsOf(kPostneonatalCategory)) {
  // Expected smoking before scaling, with ethnic group and LSOA independent.
  double population = 0, weighted_deprivation = 0;
  for (const LsoaWeight& lsoa : calibration.lsoas) {
    population += static_cast<double>(lsoa.population);
    weighted_deprivation +=
        static_cast<double>(lsoa.population) * kSmokingImdFactor[lsoa.imd_decile - 1];
  }
  double ethnic_base = 0, black_share = 0;
  for (size_t group = 0; group < kEthnicGroupCount; ++group) {
    ethnic_base += calibration.ethnic_share[group] * SmokingBase(group);
    if (IsBlack(group)) black_share += calibration.ethnic_share[group];
  }
  smoking_scale_ = kSmokingTargetShare / (ethnic_base * weighted_deprivation / population);
  late_booking_other_ = kLateBookingShare / (1.0 + (kBlackLateBookingRatio - 1.0) * black_share);
}

std::string_view MaternityModel::SampleMotherAgeBand(Rng& rng) const {
  return kMotherAge[mother_age_.Sample(rng)].value;
}

Flag MaternityModel::SampleIvf(std::string_view mother_age_band, Rng& rng) const {
  if (rng.Bernoulli(kIvfUnknown)) return 'U';
  double probability = 0;
  for (const auto& entry : kIvfByAge) {
    if (entry.value == mother_age_band) probability = entry.weight;
  }
  return rng.Bernoulli(probability) ? 'Y' : 'N';
}

Flag MaternityModel::SampleOverseasIvf(Flag ivf, Rng& rng) const {
  if (ivf != 'Y') return ivf;  // 'N' stays 'N', unknown stays unknown
  return rng.Bernoulli(kOverseasShareOfIvf) ? 'Y' : 'N';
}

int MaternityModel::SampleMultiplicity(Flag ivf, Rng& rng) const {
  const bool after_ivf = ivf == 'Y';
  const double u = rng.Uniform01();
  const double triplets = after_ivf ? kTripletsAfterIvf : kTripletsOtherwise;
  const double twins = after_ivf ? kTwinsAfterIvf : kTwinsOtherwise;
  if (u < triplets) return 3;
  if (u < triplets + twins) return 2;
  return 1;
}

int MaternityModel::SampleGestationWeeks(int multiplicity, Rng& rng) const {
  if (multiplicity >= 3) return kGestationTriplet[gestation_triplet_.Sample(rng)].value;
  if (multiplicity == 2) return kGestationTwin[gestation_twin_.Sample(rng)].value;
  return kGestationSingleton[gestation_singleton_.Sample(rng)].value;
}

int MaternityModel::BirthweightGrams(int weeks, size_t ethnic_group, int multiplicity,
                                     double z) const {
  const int index = std::clamp(weeks, kFirstMedianWeek, 43) - kFirstMedianWeek;
  double median = kMedianBirthweight[index];
  // Babies of South Asian mothers are lighter at every gestation (about 170 g
  // at term), Black babies slightly; twins and triplets grow less late on.
  const EthnicGroupInfo& info = EthnicGroups()[ethnic_group];
  if (info.broad_group == "Asian" && info.code != "asian_chinese") median *= 0.95;
  if (info.broad_group == "Black") median *= 0.97;
  if (multiplicity == 2) median *= 0.90;
  if (multiplicity >= 3) median *= 0.82;
  const double grams = median * (1.0 + kBirthweightCv * z);
  return std::clamp(static_cast<int>(std::lround(grams)), 250, 6500);
}

Flag MaternityModel::SampleSmokingAtBooking(size_t ethnic_group, int imd_decile, Rng& rng) const {
  if (rng.Bernoulli(kSmokingUnknown)) return 'U';
  const double probability =
      std::min(0.9, smoking_scale_ * SmokingBase(ethnic_group) * kSmokingImdFactor[imd_decile - 1]);
  return rng.Bernoulli(probability) ? 'Y' : 'N';
}

Flag MaternityModel::SampleSmokingAtDelivery(Flag at_booking, Rng& rng) const {
  if (rng.Bernoulli(kSmokingUnknown)) return 'U';
  const double probability = at_booking == 'Y'   ? kStillSmokingAtDelivery
                             : at_booking == 'N' ? kStartedSmokingBeforeDelivery
                                                 : kSmokingTargetShare * kStillSmokingAtDelivery;
  return rng.Bernoulli(probability) ? 'Y' : 'N';
}

std::string_view MaternityModel::SampleBmiBand(Rng& rng) const {
  return kBmi[bmi_.Sample(rng)].value;
}

double MaternityModel::LateBookingProbability(bool black) const {
  return black ? late_booking_other_ * kBlackLateBookingRatio : late_booking_other_;
}

int MaternityModel::SampleBookingGestationDays(size_t ethnic_group, int gestation_at_birth_days,
                                               Rng& rng) const {
  int days;
  if (rng.Bernoulli(LateBookingProbability(IsBlack(ethnic_group)))) {
    const DayBand& band = kLateBookingBands[late_booking_band_.Sample(rng)];
    days = static_cast<int>(rng.UniformRange(band.first, band.last));
  } else {
    days = kFirstOnTimeDay + static_cast<int>(on_time_booking_.Sample(rng));
  }
  // Booked at least a week before the birth. Live births here are at 22 weeks
  // (154 days) or more, so the cap (147+) never turns a late booking on time.
  return std::min(days, gestation_at_birth_days - 7);
}

std::string_view MaternityModel::SampleProvider(Rng& rng) const {
  return kProvider[provider_.Sample(rng)].value;
}

// Neonatal mortality relative to term babies of normal growth, by gestation:
// shaped like England's neonatal mortality by gestational age (around 400 per
// 1,000 at 22-23 weeks, 100 at 24-27, 20 at 28-31, 3-4 at 32-36, under 1 at
// term); growth restriction (below the 10th centile) multiplies it by 2.5.
double MaternityModel::NeonatalRisk(int weeks, double z) {
  double risk = weeks <= 23   ? 250
                : weeks <= 27 ? 100
                : weeks <= 31 ? 20
                : weeks <= 36 ? 4
                : weeks <= 41 ? 1
                              : 1.5;
  if (z < kSmallForGestationZ) risk *= 2.5;
  return risk;
}

// Post-neonatal deaths depend on gestation much less (sequelae of
// prematurity, infection, SUDI); growth restriction doubles the risk.
double MaternityModel::PostneonatalRisk(int weeks, double z) {
  double risk = weeks <= 23 ? 20 : weeks <= 27 ? 15 : weeks <= 31 ? 6 : weeks <= 36 ? 2 : 1;
  if (z < kSmallForGestationZ) risk *= 2;
  return risk;
}

int MaternityModel::SampleNeonatalAge(Rng& rng) const {
  return static_cast<int>(neonatal_age_.Sample(rng));
}

int MaternityModel::SamplePostneonatalAge(Rng& rng) const {
  return 28 + static_cast<int>(postneonatal_age_.Sample(rng));
}

int MaternityModel::SampleCategory(bool neonatal, Rng& rng) const {
  return neonatal ? kNeonatalCategory[neonatal_category_.Sample(rng)].value
                  : kPostneonatalCategory[postneonatal_category_.Sample(rng)].value;
}

}  // namespace cradle::synth
