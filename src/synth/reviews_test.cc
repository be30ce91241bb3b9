// The synthetic CDOP register against its deaths and births: one review per
// death, dates in process order, factors only where the baby's record
// supports them, every row valid for the import, and the modifiable factors
// ranked as the Leicester CDOP's top six.
#include "synth/reviews.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "base/csv_reader.h"
#include "records/cdop_codes.h"
#include "records/review_parser.h"
#include "synth/testing.h"
#include "synth/writer.h"

namespace cradle::synth {
namespace {

using records::ReviewRecord;

TEST(SyntheticReviewsTest, OneReviewPerDeathInProcessOrder) {
  const SyntheticData& data = testing::Leicester2015To2024Seed1();
  ASSERT_EQ(data.reviews.size(), data.deaths.size());
  for (size_t idx = 0; idx < data.deaths.size(); ++idx) {
    const SynthDeath& death = data.deaths[idx];
    const ReviewRecord& review = data.reviews[idx];
    SCOPED_TRACE(review.review_id);
    EXPECT_TRUE(records::IsSyntheticId(review.review_id));
    EXPECT_EQ(review.birth_id, death.birth_id);
    EXPECT_EQ(review.date_of_death, death.date_of_death);
    EXPECT_EQ(review.age_at_death_days, death.age_at_death_days);
    EXPECT_EQ(review.category_of_death, death.category_of_death);
    EXPECT_EQ(review.Reviewed(), death.category_of_death.has_value());
    EXPECT_GE(review.notified_on, review.date_of_death);
    if (review.cdrm_on) {
      EXPECT_GE(*review.cdrm_on, review.date_of_death);
    }
    if (review.panel_on) {
      ASSERT_TRUE(review.cdrm_on.has_value());
      EXPECT_GE(*review.panel_on, *review.cdrm_on);
      EXPECT_LE(review.panel_on->year(), data.last_year);
      EXPECT_FALSE(review.outcome.empty());
    } else {
      EXPECT_TRUE(review.factors.empty());
      EXPECT_TRUE(review.outcome.empty());
    }
  }
}

TEST(SyntheticReviewsTest, FactorsFollowTheBabysRecord) {
  const SyntheticData& data = testing::Leicester2015To2024Seed1();
  int smokers = 0, smokers_with_factor = 0;
  for (size_t idx = 0; idx < data.deaths.size(); ++idx) {
    const SynthBirth& birth = data.births[data.deaths[idx].birth_index];
    const ReviewRecord& review = data.reviews[idx];
    if (!review.Reviewed()) continue;
    SCOPED_TRACE(review.review_id);
    auto has = [&](std::string_view code) {
      return std::any_of(review.factors.begin(), review.factors.end(),
                         [&](const records::ReviewFactor& factor) { return factor.code == code; });
    };
    EXPECT_EQ(has("A.PRETERM"), birth.gestation_weeks < 37);
    EXPECT_EQ(has("A.CONGENITAL"), review.category_of_death == 7);
    if (birth.smoking_at_booking == 'Y') smokers_with_factor += has("B.SMOKING_PREG");
    smokers += birth.smoking_at_booking == 'Y';
    if (has("B.MATERNAL_BMI")) {
      EXPECT_NE(birth.maternal_bmi_band, "18.5-24.9");
      EXPECT_NE(birth.maternal_bmi_band, "25-29.9");
    }
    if (has("B.IVF_OVERSEAS")) {
      EXPECT_EQ(birth.overseas_ivf, 'Y');
    }
  }
  // Smoking recorded at booking is almost always a factor where the panel met.
  EXPECT_GT(smokers, 10);
  EXPECT_GE(smokers_with_factor, smokers * 8 / 10);
}

TEST(SyntheticReviewsTest, TheWrittenFileParsesBackToTheSameReviews) {
  const SyntheticData& data = testing::Leicester2015To2024Seed1();
  const std::string dir = testing::ScratchDir("reviews");
  ASSERT_TRUE(WriteSyntheticData(data, dir).ok());
  auto csv = CsvReader::Open(dir + "/" + std::string(kReviewsFile));
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  auto parser = records::ReviewParser::ForHeader((*csv)->header(), "reviews.csv");
  ASSERT_TRUE(parser.ok());
  size_t idx = 0;
  while (true) {
    auto row = (*csv)->Next();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    std::vector<records::FieldError> errors;
    auto review = parser->Parse((*row)->row_number, (*row)->fields,
                                records::Date::FirstOfYear(data.last_year + 1), &errors);
    ASSERT_TRUE(review.has_value()) << records::FormatFieldError("reviews.csv", errors.front());
    ASSERT_LT(idx, data.reviews.size());
    EXPECT_EQ(*review, data.reviews[idx++]);
  }
  EXPECT_EQ(idx, data.reviews.size());
}

TEST(SyntheticReviewsTest, ModifiableFactorsRankAsLeicestersTopSix) {
  const SyntheticData& data = testing::Leicester2015To2024Seed1();
  std::map<std::string, int> reviews_with;
  for (const ReviewRecord& review : data.reviews) {
    for (const records::ReviewFactor& factor : review.factors) {
      if (factor.modifiable) ++reviews_with[factor.code];
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [code, count] : reviews_with) ranked.push_back({-count, code});
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> top;
  for (size_t idx = 0; idx < 6 && idx < ranked.size(); ++idx) {
    top.push_back(ranked[idx].second);
  }
  // The sixth is clear of the seventh, so the six are not a tie's luck.
  ASSERT_GT(ranked.size(), 6u);
  EXPECT_LT(ranked[5].first, ranked[6].first);
  EXPECT_EQ(top, (std::vector<std::string>{"B.SMOKING_PREG", "B.MATERNAL_BMI", "B.SMOKE_HOUSEHOLD",
                                           "D.AGENCY_COMMS", "D.GUIDELINE_NOT_FOLLOWED",
                                           "D.MISSED_DETERIORATION"}));
}

}  // namespace
}  // namespace cradle::synth
