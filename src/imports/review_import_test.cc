// The CDOP register import on a real store: a good extract lands whole and
// comes back as written; each rule that needs other rows or the store refuses
// the file with its row and column, leaving the register as it was.
#include "imports/review_import.h"

#include <gtest/gtest.h>

#include "imports/importer.h"
#include "imports/testing.h"

namespace cradle::imports {
namespace {

using testing::BirthRow;
using testing::WriteFile;

constexpr const char* kHeader =
    "review_id,birth_id,date_of_death,age_at_death_days,notified_on,cdrm_on,panel_on,"
    "category_of_death,sudden_unexpected,overseas_ivf,outcome,factors,learning_points,"
    "recommendations\n";

const records::Date kToday = *records::Date::Parse("2026-01-01");

class ReviewImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::StoreWithLsoas("reviews");
    ASSERT_NE(store_, nullptr);
    ImportOptions options;
    options.today = kToday;
    auto births = ImportFile(*store_, records::RecordKind::kBirths,
                             WriteFile("review_births.csv", std::string(testing::kBirthsHeader) +
                                                                BirthRow("b1", "2022-05-01") +
                                                                BirthRow("b2", "2022-06-01")),
                             options);
    ASSERT_TRUE(births.ok()) << births.status().message();
    auto deaths = ImportFile(*store_, records::RecordKind::kDeaths,
                             WriteFile("review_deaths.csv", std::string(testing::kDeathsHeader) +
                                                                "b1,2022-05-11,10,8\n"),
                             options);
    ASSERT_TRUE(deaths.ok()) << deaths.status().message();
  }

  Result<ReviewImportReport> Import(const std::string& name, const std::string& rows) {
    return ImportReviews(*store_, WriteFile(name, kHeader + rows), kToday);
  }

  std::unique_ptr<store::Store> store_;
};

constexpr const char* kGood =
    "R1,b1,2022-05-11,10,2022-05-12,2022-08-01,2022-11-10,8,N,N,modifiable_factors,"
    "A.PRETERM:2:N;B.SMOKING_PREG:2:Y,\"Smoking, recorded at booking, was not followed up.\","
    "REC-3\n"
    "R2,,2023-01-05,200,2023-01-06,,,,Y,U,,,,\n";

TEST_F(ReviewImportTest, AGoodExtractLandsWholeAndAgainChangesNothing) {
  auto report = Import("reviews_good.csv", kGood);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->rows_read, 2);
  EXPECT_EQ(report->counts.inserted, 2);
  auto held = store_->Reviews()->Reviews();
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->size(), 2u);
  const records::ReviewRecord& first = (*held)[0];
  EXPECT_EQ(first.review_id, "R1");
  EXPECT_EQ(first.learning_points, "Smoking, recorded at booking, was not followed up.");
  EXPECT_EQ(records::FormatFactors(first.factors), "A.PRETERM:2:N;B.SMOKING_PREG:2:Y");
  EXPECT_EQ(first.recommendations, std::vector<std::string>{"REC-3"});
  EXPECT_FALSE((*held)[1].Reviewed());
  EXPECT_EQ(*store_->Reviews()->ReviewOfBirth("b1"), std::optional<std::string>("R1"));

  auto again = Import("reviews_good.csv", kGood);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counts.unchanged, 2);
  EXPECT_EQ(again->counts.inserted + again->counts.updated, 0);

  // A later extract in which the panel has met replaces the open review.
  auto later = Import("reviews_later.csv",
                      "R2,,2023-01-05,200,2023-01-06,2023-03-01,2023-06-01,10,Y,U,"
                      "modifiable_factors,C.SLEEP_ENVIRONMENT:2:Y;B.COSLEEP_HAZARD:2:Y,,\n");
  ASSERT_TRUE(later.ok()) << later.status().message();
  EXPECT_EQ(later->counts.updated, 1);
  auto r2 = store_->Reviews()->FindReview("R2");
  ASSERT_TRUE(r2.ok() && r2->has_value());
  EXPECT_TRUE((*r2)->Reviewed());
  EXPECT_EQ((*r2)->factors.size(), 2u);
}

TEST_F(ReviewImportTest, RulesAcrossRowsAndTheStoreRefuseTheFileAndNameTheRow) {
  ASSERT_TRUE(Import("reviews_first.csv", kGood).ok());
  auto bad = Import("reviews_bad.csv",
                    "R3,b9,2022-05-11,10,2022-05-12,,,,N,N,,,,\n"
                    "R4,b2,2022-06-05,10,2022-06-06,,,,N,N,,,,\n"
                    "R4,,2022-06-05,4,2022-06-06,,,,N,N,,,,\n"
                    "R5,b1,2022-05-12,11,2022-05-12,,,,N,N,,,,\n"
                    "R6,b2,2022-06-05,4,2022-06-06,,,,N,N,,,,\n");
  ASSERT_FALSE(bad.ok());
  const std::string path = WriteFile("reviews_bad.csv", "");
  EXPECT_EQ(bad.status().message(),
            "6 errors in 5 of 5 rows of " + path + "; nothing was imported:\n  " + path +
                ": row 2, column 'birth_id': 'b9' is not a birth record in the store; import the "
                "births first, or leave birth_id empty for a death with no birth record\n  " +
                path +
                ": row 3, column 'age_at_death_days': is 10 but birth 'b2' was born on 2022-06-01, "
                "4 days before the date of death\n  " +
                path + ": row 4, column 'review_id': 'R4' is also the id of row 3\n  " + path +
                ": row 5, column 'birth_id': 'b1' is already reviewed in the register as 'R1'\n  " +
                path +
                ": row 5, column 'date_of_death': '2022-05-12' disagrees with the death record of "
                "'b1' (2022-05-11)\n  " +
                path +
                ": row 6, column 'birth_id': 'b2' is also reviewed in row 3; a child has "
                "one review");
  auto held = store_->Reviews()->Reviews();
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(held->size(), 2u);  // as it was
}

TEST_F(ReviewImportTest, AWrongHeaderOrAnEmptyFileIsRefused) {
  auto header =
      ImportReviews(*store_, WriteFile("reviews_header.csv", "review_id,birth\nR1,b1\n"), kToday);
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.status().message().find("row 1 (header): not a child death reviews file"),
            std::string::npos);
  auto empty = Import("reviews_empty.csv", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("the file has a header but no rows"), std::string::npos);
}

}  // namespace
}  // namespace cradle::imports
