#include "opendata/ons_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cradle::opendata {
namespace {

class OnsTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / "cradle_ons_table_test";
    std::filesystem::create_directories(dir_);
  }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name) << content;
  }
  TableSpec Spec(const std::string& file) {
    TableSpec spec;
    spec.dataset.id = "t";
    spec.file = file;
    spec.year_column = "year";
    spec.area_code_column = "area_code";
    spec.area_name_column = "area_name";
    spec.measures = {{"infant_deaths", "infant"}, {"neonatal_deaths", "neonatal"}};
    spec.dash_is_nil = true;
    spec.derive_parents = true;
    spec.derive_postneonatal = true;
    return spec;
  }
  std::filesystem::path dir_;
};

TEST_F(OnsTableTest, ReadsCountsMarkersAndHierarchy) {
  Write("good.csv",
        "year,area_code,area_name,infant,neonatal\n"
        "2015,\"K04000001, J99000001\",\"ENGLAND, WALES AND ELSEWHERE\",10,8\n"
        "2015,E92000001,ENGLAND,9,7\n"
        "2015,E12000004,EAST MIDLANDS,5,-\n"
        "2015,E10000018,Leicestershire,*,2\n"
        "2015,E07000129,Blaby,-,-\n");
  auto import = ReadOnsTable(Spec("good.csv"), dir_.string());
  ASSERT_TRUE(import.ok()) << import.status().ToString();
  ASSERT_EQ(import->areas.size(), 4u);    // the combined code is skipped
  ASSERT_EQ(import->counts.size(), 12u);  // 4 areas × (2 measures + derived postneonatal)
  const store::AggregateCount& leics_infant = import->counts[6];
  EXPECT_EQ(leics_infant.area_code, "E10000018");
  EXPECT_FALSE(leics_infant.value.has_value());
  EXPECT_EQ(leics_infant.flag, "*");
  EXPECT_FALSE(import->counts[8].value.has_value());  // derived from a suppressed count
  EXPECT_EQ(import->counts[5].value, 5.0);            // East Midlands: 5 - nil
  EXPECT_EQ(import->counts[9].value, 0.0);            // "-" is nil
  for (const store::Area& area : import->areas) {
    if (area.code == "E07000129") {
      EXPECT_EQ(area.parent_code, "E10000018");
    } else if (area.code == "E10000018") {
      EXPECT_EQ(area.parent_code, "E12000004");
    } else if (area.code == "E12000004") {
      EXPECT_EQ(area.name, "East Midlands");
    }
  }
}

TEST_F(OnsTableTest, BadFieldsAreAllReportedWithFileRowAndColumn) {
  Write("bad.csv",
        "year,area_code,area_name,infant,neonatal\n"
        "2015,E92000001,England,9,7\n"
        "20x5,E12000004,East Midlands,5,1\n"
        "2015,E12000004,East Midlands,five,1\n"
        "2015,E12000004,East Midlands,2,-1\n"
        "2015,E12000004,East Midlands,2,3\n");
  auto import = ReadOnsTable(Spec("bad.csv"), dir_.string());
  ASSERT_FALSE(import.ok());
  const std::string path = (dir_ / "bad.csv").string();
  EXPECT_EQ(import.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(import.status().message(),
            "4 problems in " + path + "; nothing was loaded:\n  " + path +
                ": row 3, column 'year': '20x5' is not a year\n  " + path +
                ": row 4, column 'infant': 'five' is not a count (a whole number of zero or more, "
                "or an ONS marker such as [x])\n  " +
                path +
                ": row 5, column 'neonatal': '-1' is not a count (a whole number of zero or more, "
                "or an ONS marker such as [x])\n  " +
                path + ": row 6, column 'neonatal_deaths': neonatal deaths exceed infant deaths");
}

TEST_F(OnsTableTest, EnglandAndWalesMustBeEnglandPlusWales) {
  Write("sum.csv",
        "year,area_code,area_name,infant,neonatal\n"
        "2021,K04000001,ENGLAND AND WALES,2312,1709\n"
        "2021,E92000001,ENGLAND,2209,1633\n"
        "2021,W92000004,WALES,103,70\n");
  TableSpec spec = Spec("sum.csv");
  spec.check_national_sum = true;
  auto import = ReadOnsTable(spec, dir_.string());
  ASSERT_FALSE(import.ok());
  const std::string path = (dir_ / "sum.csv").string();
  EXPECT_EQ(import.status().message(),
            "1 problem in " + path + "; nothing was loaded:\n  " + path +
                ": row 4, column 'neonatal': England and Wales (1709) is not England (1633) plus "
                "Wales (70)");
  spec.check_national_sum = false;
  EXPECT_TRUE(ReadOnsTable(spec, dir_.string()).ok());
}

TEST_F(OnsTableTest, MissingColumnIsNamed) {
  Write("cols.csv", "year,area_code,area_name,infant\n");
  auto import = ReadOnsTable(Spec("cols.csv"), dir_.string());
  ASSERT_FALSE(import.ok());
  EXPECT_NE(import.status().message().find("required column 'neonatal' is missing"),
            std::string::npos);
}

TEST(TidyAreaNameTest, TitleCasesOnlyCapitalisedNames) {
  EXPECT_EQ(TidyAreaName("YORKSHIRE AND THE HUMBER"), "Yorkshire and The Humber");
  EXPECT_EQ(TidyAreaName("ENGLAND"), "England");
  EXPECT_EQ(TidyAreaName("Kingston upon Hull, City of"), "Kingston upon Hull, City of");
}

}  // namespace
}  // namespace cradle::opendata
