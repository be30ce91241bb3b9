#include "indicators/fingertips_export.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/csv_reader.h"
#include "indicators/testing.h"

namespace cradle::indicators {
namespace {

TEST(FingertipsExportTest, LeicesterRowHasFingertipsColumns) {
  const auto& bundled = testing::Bundled();
  ASSERT_TRUE(bundled.status.ok()) << bundled.status.ToString();
  const Engine& engine = *bundled.engine;
  IndicatorValue value =
      engine.Compute(**engine.catalogue().Find("infant-mortality"), "E06000016", {2020, 3});
  std::vector<std::string> row = FingertipsRow(engine, value);
  ASSERT_EQ(row.size(), FingertipsColumns().size());
  EXPECT_EQ(row[0], "92196");
  EXPECT_EQ(row[1], "Infant mortality rate");
  EXPECT_EQ(row[2], "E06000016");
  EXPECT_EQ(row[3], "Leicester");
  EXPECT_EQ(row[4], "Counties & UAs");
  EXPECT_EQ(row[5], "2020-22");
  EXPECT_NEAR(std::stod(row[6]), 7.2274, 1e-4);
  EXPECT_LT(std::stod(row[9]), std::stod(row[7]));  // 99.8% lower below 95% lower
  EXPECT_EQ(row[11], "94");
  EXPECT_EQ(row[12], "13006");
  EXPECT_EQ(row[13], "");
  EXPECT_EQ(row[14], "Worse");
  EXPECT_EQ(row[15],
            "Source: Office for National Statistics licensed under the Open Government Licence "
            "v3.0.");

  std::ostringstream csv;
  WriteFingertipsCsv(csv, engine, {value});
  EXPECT_EQ(csv.str().substr(0, 52), "Indicator ID,Indicator Name,Area Code,Area Name,Area");
}

}  // namespace
}  // namespace cradle::indicators
