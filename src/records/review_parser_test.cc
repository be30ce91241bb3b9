#include "records/review_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "records/cdop_codes.h"

namespace cradle::records {
namespace {

const Date kToday = *Date::Parse("2026-01-01");

std::vector<std::string> GoodReview() {
  return {"CDR-001",
          "b1",
          "2023-03-10",
          "40",
          "2023-03-11",
          "2023-06-01",
          "2023-09-20",
          "10",
          "Y",
          "N",
          "modifiable_factors",
          "B.SMOKING_PREG:2:Y; C.SLEEP_ENVIRONMENT:2:Y;A.PRETERM:2:N",
          "Safer-sleep advice was not repeated after discharge.",
          "REC-2;REC-3"};
}

ReviewParser Parser() { return *ReviewParser::ForHeader(ReviewColumns(), "reviews.csv"); }

std::vector<std::string> Messages(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& error : errors) out.push_back(FormatFieldError("reviews.csv", error));
  return out;
}

TEST(ReviewParserTest, HeaderMustHaveEveryColumnAndNoOther) {
  std::vector<std::string> header = ReviewColumns();
  std::reverse(header.begin(), header.end());
  EXPECT_TRUE(ReviewParser::ForHeader(header, "reviews.csv").ok());
  header.back() = "review";
  auto bad = ReviewParser::ForHeader(header, "reviews.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "reviews.csv: row 1 (header): not a child death reviews file of "
            "docs/data-formats.md: missing column 'review_id'; unexpected column 'review'");
}

TEST(ReviewParserTest, ParsesACompletedReviewAndWritesItBackTheSame) {
  std::vector<FieldError> errors;
  auto review = Parser().Parse(2, GoodReview(), kToday, &errors);
  ASSERT_TRUE(review.has_value()) << ::testing::PrintToString(Messages(errors));
  EXPECT_EQ(review->category_of_death, 10);
  EXPECT_TRUE(review->Reviewed());
  ASSERT_EQ(review->factors.size(), 3u);  // sorted by code
  EXPECT_EQ(review->factors[0], (ReviewFactor{"A.PRETERM", 2, false}));
  EXPECT_TRUE(review->HasModifiable("B.SMOKING_PREG"));
  EXPECT_FALSE(review->HasModifiable("A.PRETERM"));
  EXPECT_EQ(review->recommendations, (std::vector<std::string>{"REC-2", "REC-3"}));
  // Written back as a row, it parses to the same review.
  std::vector<std::string> row = ReviewFields(*review);
  EXPECT_EQ(row[11], "A.PRETERM:2:N;B.SMOKING_PREG:2:Y;C.SLEEP_ENVIRONMENT:2:Y");
  auto again = Parser().Parse(3, row, kToday, &errors);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *review);
}

TEST(ReviewParserTest, AnOpenReviewHasNoCategoryNorJudgementYet) {
  std::vector<std::string> row = GoodReview();
  row[6] = row[7] = row[10] = row[11] = "";
  std::vector<FieldError> errors;
  auto review = Parser().Parse(2, row, kToday, &errors);
  ASSERT_TRUE(review.has_value()) << ::testing::PrintToString(Messages(errors));
  EXPECT_FALSE(review->Reviewed());
  EXPECT_EQ(ReviewOutcomeLabel(review->outcome), "Not yet reviewed by the panel");

  row[7] = "8";
  row[10] = "no_modifiable_factors";
  errors.clear();
  EXPECT_FALSE(Parser().Parse(4, row, kToday, &errors).has_value());
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{
                "reviews.csv: row 4, column 'category_of_death': is set, but the panel has not "
                "met (panel_on is empty)",
                "reviews.csv: row 4, column 'outcome': is set, but the panel has not met "
                "(panel_on is empty)"}));
}

TEST(ReviewParserTest, NamesEveryBadFactorItem) {
  std::vector<std::string> row = GoodReview();
  row[11] =
      "B.SMOKING:2:Y;B.MATERNAL_BMI:3:Y;D.AGENCY_COMMS:1:Y;C.HOME_SAFETY:2;"
      "B.SMOKING_PREG:2:Y;B.SMOKING_PREG:2:N";
  std::vector<FieldError> errors;
  EXPECT_FALSE(Parser().Parse(5, row, kToday, &errors).has_value());
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{
                "reviews.csv: row 5, column 'factors': item 'B.SMOKING:2:Y': 'B.SMOKING' is not a "
                "factor code of docs/data-formats.md (e.g. B.SMOKING_PREG, D.AGENCY_COMMS)",
                "reviews.csv: row 5, column 'factors': item 'B.MATERNAL_BMI:3:Y': relevance '3' is "
                "not 0, 1 or 2 (0 information not available, 1 none or unlikely to have "
                "contributed, 2 may have contributed)",
                "reviews.csv: row 5, column 'factors': item 'D.AGENCY_COMMS:1:Y' is marked "
                "modifiable but scored below 2; only a factor that may have contributed can be "
                "modifiable",
                "reviews.csv: row 5, column 'factors': item 'C.HOME_SAFETY:2' is not "
                "CODE:relevance:modifiable, e.g. B.SMOKING_PREG:2:Y",
                "reviews.csv: row 5, column 'factors': factor 'B.SMOKING_PREG' is given twice"}));
}

TEST(ReviewParserTest, DatesRunInTheOrderOfTheProcess) {
  std::vector<std::string> row = GoodReview();
  row[4] = "2023-03-09";  // notified before the death
  row[6] = "2023-05-01";  // panel before the review meeting
  std::vector<FieldError> errors;
  EXPECT_FALSE(Parser().Parse(6, row, kToday, &errors).has_value());
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{
                "reviews.csv: row 6, column 'notified_on': '2023-03-09' is before the date of "
                "death (2023-03-10)",
                "reviews.csv: row 6, column 'panel_on': '2023-05-01' is before the child death "
                "review meeting (2023-06-01)"}));
}

TEST(ReviewParserTest, TheJudgementMustAgreeWithTheFactors) {
  std::vector<std::string> row = GoodReview();
  row[10] = "no_modifiable_factors";
  std::vector<FieldError> errors;
  EXPECT_FALSE(Parser().Parse(7, row, kToday, &errors).has_value());
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{"reviews.csv: row 7, column 'outcome': is "
                                      "no_modifiable_factors, but a factor is marked modifiable"}));
  row[10] = "modifiable_factors";
  row[11] = "A.PRETERM:2:N";
  errors.clear();
  EXPECT_FALSE(Parser().Parse(8, row, kToday, &errors).has_value());
  EXPECT_EQ(Messages(errors),
            (std::vector<std::string>{"reviews.csv: row 8, column 'outcome': is "
                                      "modifiable_factors, but no factor is marked modifiable"}));
}

TEST(ReviewParserTest, ReportsEveryOtherBadField) {
  std::vector<std::string> row = GoodReview();
  row[0] = "";
  row[3] = "7000";
  row[7] = "11";
  row[8] = "yes";
  row[10] = "modifiable";
  row[13] = "REC 2";
  std::vector<FieldError> errors;
  EXPECT_FALSE(Parser().Parse(9, row, kToday, &errors).has_value());
  std::vector<std::string> columns;
  for (const FieldError& error : errors) columns.push_back(error.column);
  EXPECT_EQ(columns,
            (std::vector<std::string>{"review_id", "age_at_death_days", "category_of_death",
                                      "sudden_unexpected", "outcome", "recommendations"}));
}

TEST(CdopCodesTest, EveryFactorHasADomainOfBothForms) {
  for (const ContributoryFactor& factor : ContributoryFactors()) {
    ASSERT_NE(FindFactorDomain(factor.domain_2018), nullptr) << factor.code;
    EXPECT_EQ(factor.code[0], factor.domain_2018) << factor.code;
    EXPECT_FALSE(factor.domain_2008.empty()) << factor.code;
    EXPECT_EQ(FindContributoryFactor(factor.code), &factor);
  }
  EXPECT_EQ(FindContributoryFactor("B.SMOKING"), nullptr);
}

}  // namespace
}  // namespace cradle::records
