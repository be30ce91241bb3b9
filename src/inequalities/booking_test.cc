#include "inequalities/booking.h"

#include <gtest/gtest.h>

#include "inequalities/testing.h"
#include "stats/confidence.h"
#include "stats/proportion.h"
#include "stats/rate_ratio.h"

namespace cradle::inequalities {
namespace {

using testing::MakeBooking;

// 2022: 100 White British bookings, 80 by 70 days (the 70th day counts as
// within 10 weeks); 50 Black African, 30 early; 3 Indian, all early. One
// booking dated 2021 is outside the period.
RecordFrame Bookings() {
  RecordFrame frame = testing::FourLsoas();
  auto add = [&](int n, int days, const std::string& ethnic) {
    for (int idx = 0; idx < n; ++idx) {
      frame.bookings.push_back(MakeBooking("2022-05-01", days, ethnic));
    }
  };
  add(79, 60, "white_british");
  add(1, 70, "white_british");
  add(20, 71, "white_british");
  add(30, 56, "black_african");
  add(20, 100, "black_african");
  add(3, 63, "asian_indian");
  frame.bookings.push_back(MakeBooking("2021-12-31", 120, "black_african"));
  return frame;
}

const BookingRow& RowOf(const BookingTable& table, const std::string& code) {
  for (const BookingRow& row : table.rows) {
    if (row.group.code == code) return row;
  }
  static BookingRow none;
  ADD_FAILURE() << "no row " << code;
  return none;
}

TEST(BookingTest, WithinTenWeeksAgainstAllOthers) {
  BookingOptions options;
  options.period = {2022, 1};
  auto table = BookingByGroup(Bookings(), Dimension::kEthnicityBroad, options);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->total.bookings, 153);
  EXPECT_EQ(table->total.early, 113);
  auto overall = stats::WilsonProportion(113, 153, 100, stats::kConfidence95);
  EXPECT_DOUBLE_EQ(table->total.early_percent->value, overall->value);
  EXPECT_DOUBLE_EQ(table->total.early_percent->ci.lower, overall->ci.lower);
  EXPECT_EQ(table->reference_label, "all other bookings");

  const BookingRow& black = RowOf(*table, "Black");
  EXPECT_EQ(black.bookings, 50);
  EXPECT_EQ(black.late, 20);
  EXPECT_DOUBLE_EQ(black.early_percent->value, 60.0);
  // Late: 20/50 against the other 103 bookings' 20/103.
  auto rr = stats::RiskRatioLog(20, 50, 20, 103, stats::kConfidence95);
  ASSERT_TRUE(black.late_relative_risk.has_value());
  EXPECT_DOUBLE_EQ(black.late_relative_risk->value, rr->value);
  EXPECT_DOUBLE_EQ(black.late_relative_risk->ci.upper, rr->ci.upper);
  // 3 Asian bookings: hidden, and no relative risk.
  const BookingRow& asian = RowOf(*table, "Asian");
  EXPECT_TRUE(asian.bookings_hidden);
  EXPECT_FALSE(asian.early_percent.has_value());
  EXPECT_EQ(asian.note, "fewer than 5: not shown");
}

TEST(BookingTest, AgainstANamedGroup) {
  BookingOptions options;
  options.period = {2021, 2};
  options.reference = "White";
  auto table = BookingByGroup(Bookings(), Dimension::kEthnicityBroad, options);
  ASSERT_TRUE(table.ok());
  const BookingRow& black = RowOf(*table, "Black");
  EXPECT_EQ(black.bookings, 51);
  auto rr = stats::RiskRatioLog(21, 51, 20, 100, stats::kConfidence95);
  EXPECT_DOUBLE_EQ(black.late_relative_risk->value, rr->value);
  EXPECT_TRUE(RowOf(*table, "White").reference);
  EXPECT_FALSE(RowOf(*table, "White").late_relative_risk.has_value());
}

TEST(BookingTest, RefusesWhatBookingsDoNotHold) {
  BookingOptions options;
  options.period = {2022, 1};
  EXPECT_EQ(BookingByGroup(Bookings(), Dimension::kGestation, options).status().message(),
            "bookings cannot be broken down by gestation: a booking record has ethnic group and "
            "LSOA only");
  options.period = {2019, 1};
  EXPECT_EQ(BookingByGroup(Bookings(), Dimension::kEthnicity, options).status().message(),
            "the store holds no antenatal bookings dated in 2019");
}

}  // namespace
}  // namespace cradle::inequalities
