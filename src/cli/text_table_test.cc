#include "cli/text_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cradle::cli {
namespace {

TEST(TextTableTest, PadsColumnsAndAlignsNumbers) {
  TextTable table({{"Area"}, {"Value", TextTable::Align::kRight}});
  table.AddRow({"Leicester", "7.2"});
  table.AddRow({"Slough", "10.25"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "Area       Value\n"
            "----------------\n"
            "Leicester    7.2\n"
            "Slough     10.25\n");
}

TEST(TextTableTest, CountsCharactersNotBytes) {
  EXPECT_EQ(DisplayWidth("5.8 – 8.9"), 9u);
  EXPECT_EQ(DisplayWidth("©"), 1u);
}

}  // namespace
}  // namespace cradle::cli
