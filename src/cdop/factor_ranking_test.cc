// The factor ranking on reviews made for each rule, and on the synthetic
// register (seed 1), whose modifiable factors must rank as the Leicester
// CDOP's top six.
#include "cdop/factor_ranking.h"

#include <gtest/gtest.h>

#include "synth/testing.h"

namespace cradle::cdop {
namespace {

using records::Date;
using records::ReviewRecord;

// A completed review with the panel on `panel`, modifiable `factors`.
ReviewRecord Completed(const std::string& id, const std::string& panel, int category,
                       std::vector<std::string> factors, char sudden = 'N') {
  ReviewRecord review;
  review.review_id = id;
  review.date_of_death = *Date::Parse(panel) - 200;
  review.notified_on = review.date_of_death;
  review.panel_on = Date::Parse(panel);
  review.category_of_death = category;
  review.sudden_unexpected = sudden;
  for (std::string& code : factors) review.factors.push_back({std::move(code), 2, true});
  review.outcome = review.factors.empty() ? "no_modifiable_factors" : "modifiable_factors";
  return review;
}

TEST(FactorRankingTest, FinancialYearsRunAprilToMarch) {
  EXPECT_EQ(FinancialYear(*Date::Parse("2024-03-31")), "2023/24");
  EXPECT_EQ(FinancialYear(*Date::Parse("2024-04-01")), "2024/25");
  EXPECT_EQ(FinancialYear(*Date::Parse("1999-06-01")), "1999/00");
}

TEST(FactorRankingTest, RanksByReviewsWithWilsonIntervalsAndSharedRanksForTies) {
  std::vector<ReviewRecord> reviews;
  for (int idx = 0; idx < 10; ++idx) {
    std::vector<std::string> factors;
    if (idx < 3) factors.push_back("B.SMOKING_PREG");
    if (idx >= 3 && idx < 6) factors.push_back("D.AGENCY_COMMS");
    if (idx == 0) factors.push_back("B.MATERNAL_BMI");
    reviews.push_back(Completed("R" + std::to_string(idx), "2023-06-01", 8, factors));
  }
  ReviewRecord open;
  open.review_id = "R-open";
  reviews.push_back(open);
  FactorRanking ranking = RankFactors(reviews, {});
  EXPECT_EQ(ranking.open_reviews, 1);
  EXPECT_FALSE(ranking.synthetic);
  const FactorGroup& all = ranking.overall;
  EXPECT_EQ(all.reviews, 10);
  EXPECT_EQ(all.with_modifiable, 6);
  ASSERT_EQ(all.factors.size(), 3u);
  EXPECT_EQ(all.factors[0].code, "B.SMOKING_PREG");  // ties by code
  EXPECT_EQ(all.factors[0].rank, 1);
  EXPECT_EQ(all.factors[1].code, "D.AGENCY_COMMS");
  EXPECT_EQ(all.factors[1].rank, 1);
  EXPECT_EQ(all.factors[2].rank, 3);
  EXPECT_EQ(all.factors[0].name, "Smoking in pregnancy");
  EXPECT_EQ(all.factors[0].domain, 'B');
  // 3 of 10: Wilson 95% 10.78% to 60.32% (METHODS.md §4).
  ASSERT_TRUE(all.factors[0].percent.has_value());
  EXPECT_NEAR(all.factors[0].percent->value, 30.0, 1e-9);
  EXPECT_NEAR(all.factors[0].percent->ci.lower, 10.779, 1e-3);
  EXPECT_NEAR(all.factors[0].percent->ci.upper, 60.322, 1e-3);
  ASSERT_EQ(ranking.by_year.size(), 1u);
  EXPECT_EQ(ranking.by_year[0].label, "2023/24");
}

TEST(FactorRankingTest, SmallCountsAreHiddenAndSmallCategoriesPooled) {
  std::vector<ReviewRecord> reviews;
  for (int idx = 0; idx < 20; ++idx) {
    const int category = idx < 12 ? 7 : idx < 18 ? 8 : idx < 19 ? 9 : 10;
    std::vector<std::string> factors;
    if (idx < 6) factors.push_back("B.SMOKING_PREG");
    if (idx == 7) factors.push_back("D.INTERPRETER");
    reviews.push_back(Completed("R" + std::to_string(idx), "2022-09-01", category, factors));
  }
  FactorRanking open_to_cdop = RankFactors(reviews, {1, 0.95});
  ASSERT_EQ(open_to_cdop.by_category.size(), 4u);  // every category on its own
  EXPECT_EQ(open_to_cdop.by_category[0].label, "7 Chromosomal, genetic and congenital anomalies");

  FactorRanking published = RankFactors(reviews, {5, 0.95});
  const FactorGroup& all = published.overall;
  ASSERT_EQ(all.factors.size(), 2u);
  EXPECT_FALSE(all.factors[0].hidden);
  EXPECT_TRUE(all.factors[1].hidden);  // one review: D.INTERPRETER
  EXPECT_EQ(all.factors[1].rank, 0);   // unranked: its place would say how small
  EXPECT_FALSE(all.factors[1].percent.has_value());
  // 9 and 10 (1 review each) cannot stand alone, nor can 8 (6) leave a pool
  // of 2: 7 alone, the rest pooled (8 reviews).
  ASSERT_EQ(published.by_category.size(), 2u);
  EXPECT_EQ(published.by_category[0].reviews, 12);
  EXPECT_EQ(published.by_category[1].label, "Other categories");
  EXPECT_EQ(published.by_category[1].reviews, 8);
}

TEST(FactorRankingTest, AFewOpenReviewsAreNotCountedInPublic) {
  std::vector<ReviewRecord> reviews = {Completed("R1", "2022-09-01", 7, {})};
  for (int idx = 0; idx < 3; ++idx) {
    ReviewRecord open = Completed("O" + std::to_string(idx), "2022-09-01", 7, {});
    open.panel_on.reset();
    open.outcome.clear();
    reviews.push_back(open);
  }
  FactorRanking published = RankFactors(reviews, {5, 0.95});
  EXPECT_EQ(published.open_reviews, 3);
  EXPECT_TRUE(published.open_reviews_hidden);
  EXPECT_EQ(OpenReviewsText(published), "fewer than 5");
  FactorRanking open_to_cdop = RankFactors(reviews, {1, 0.95});
  EXPECT_EQ(OpenReviewsText(open_to_cdop), "3");
}

TEST(FactorRankingTest, AFactorWhoseShareRisesOverFiveYearsIsMarked) {
  std::vector<ReviewRecord> reviews;
  const char* panels[] = {"2019-06-01", "2020-06-01", "2021-06-01", "2022-06-01", "2023-06-01"};
  for (int year = 0; year < 5; ++year) {
    for (int idx = 0; idx < 30; ++idx) {
      std::vector<std::string> factors;
      if (idx < 2 + year * 5) factors.push_back("B.IVF_OVERSEAS");  // 2, 7, 12, 17, 22 of 30
      if (idx % 5 == 0) factors.push_back("D.AGENCY_COMMS");        // 6 of 30 each year
      reviews.push_back(Completed("R" + std::to_string(year) + "-" + std::to_string(idx),
                                  panels[year], 8, factors, idx < 3 ? 'Y' : 'N'));
    }
  }
  FactorRanking ranking = RankFactors(reviews, {});
  ASSERT_EQ(ranking.by_year.size(), 5u);
  ASSERT_EQ(ranking.overall.factors.size(), 2u);
  for (const FactorShare& share : ranking.overall.factors) {
    if (share.code == "B.IVF_OVERSEAS") {
      EXPECT_TRUE(share.Rising());
    }
    if (share.code == "D.AGENCY_COMMS") {
      EXPECT_EQ(share.trend, stats::TrendMarker::kNoSignificantChange);
    }
  }
  EXPECT_EQ(ranking.overall.flags[0].trend, stats::TrendMarker::kNoSignificantChange);
}

TEST(FactorRankingTest, TheSyntheticRegisterGivesLeicestersTopSix) {
  const synth::SyntheticData& data = synth::testing::Leicester2015To2024Seed1();
  FactorRanking ranking = RankFactors(data.reviews, {5, 0.95});
  EXPECT_TRUE(ranking.synthetic);
  std::vector<std::string> top;
  for (const FactorShare& share : ranking.overall.factors) {
    if (share.rank >= 1 && share.rank <= 6) top.push_back(share.code);
  }
  EXPECT_EQ(top, (std::vector<std::string>{"B.SMOKING_PREG", "B.MATERNAL_BMI", "B.SMOKE_HOUSEHOLD",
                                           "D.AGENCY_COMMS", "D.GUIDELINE_NOT_FOLLOWED",
                                           "D.MISSED_DETERIORATION"}));
  EXPECT_GT(ranking.open_reviews, 0);
  EXPECT_GE(ranking.by_year.size(), 9u);
}

}  // namespace
}  // namespace cradle::cdop
