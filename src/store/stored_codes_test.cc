#include "store/internal/stored_codes.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "records/codes.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace cradle::store::internal {
namespace {

void ExpectEveryCodeStored(CodeList list, std::span<const std::string_view> codes) {
  SCOPED_TRACE(std::string(StoredListName(list)));
  // Nothing stored that the code list lost, nothing in the list without a number.
  EXPECT_EQ(StoredCodes(list).size(), codes.size());
  for (std::string_view code : codes) {
    std::optional<int> number = StoredNumber(list, code);
    ASSERT_TRUE(number.has_value()) << code << " has no stored number: append it";
    EXPECT_EQ(CodeOfNumber(list, *number), code);
  }
  EXPECT_EQ(CodeOfNumber(list, 0), "");
  EXPECT_EQ(CodeOfNumber(list, static_cast<int64_t>(codes.size()) + 1), "");
}

TEST(StoredCodesTest, EveryCodeOfEveryListHasANumber) {
  std::vector<std::string_view> ethnic;
  for (const records::EthnicGroup& group : records::EthnicGroups()) ethnic.push_back(group.code);
  ExpectEveryCodeStored(CodeList::kEthnicGroup, ethnic);
  ExpectEveryCodeStored(CodeList::kMotherAgeBand, records::MotherAgeBands());
  ExpectEveryCodeStored(CodeList::kBmiBand, records::BmiBands());
  ExpectEveryCodeStored(CodeList::kFlag, records::Flags());
}

TEST(StoredCodesTest, LsoasAreTheirSixDigits) {
  EXPECT_EQ(StoredLsoa("E01013600"), 13600);
  EXPECT_EQ(LsoaOfNumber(13600), "E01013600");
  EXPECT_EQ(StoredLsoa("E01000001"), 1);
  EXPECT_EQ(LsoaOfNumber(1), "E01000001");
  EXPECT_EQ(StoredLsoa("E05010458"), std::nullopt);
  EXPECT_EQ(StoredLsoa("E0101360"), std::nullopt);
  EXPECT_EQ(StoredLsoa("E01O13600"), std::nullopt);
}

// The stored_code table the migrations wrote is exactly these lists, so the
// views and any SQL reading the numbers agree with the code.
TEST(StoredCodesTest, TheStoredCodeTableMatchesTheLists) {
  auto path = std::filesystem::temp_directory_path() / "cradle_store_stored_codes.db";
  std::filesystem::remove(path);
  ASSERT_TRUE(OpenSqliteStore(path.string()).ok());
  auto db = Database::Open(path.string());
  ASSERT_TRUE(db.ok());
  auto stmt = (*db)->Prepare("SELECT list, number, code FROM stored_code ORDER BY list, number");
  ASSERT_TRUE(stmt.ok());
  std::vector<std::string> stored, expected;
  while (*stmt->Step()) {
    stored.push_back(stmt->ColumnText(0) + " " + std::to_string(stmt->ColumnInt64(1)) + " " +
                     stmt->ColumnText(2));
  }
  for (CodeList list :
       {CodeList::kBmiBand, CodeList::kEthnicGroup, CodeList::kFlag, CodeList::kMotherAgeBand}) {
    std::span<const std::string_view> codes = StoredCodes(list);
    for (size_t idx = 0; idx < codes.size(); ++idx) {
      expected.push_back(std::string(StoredListName(list)) + " " + std::to_string(idx + 1) + " " +
                         std::string(codes[idx]));
    }
  }
  EXPECT_EQ(stored, expected);
}

}  // namespace
}  // namespace cradle::store::internal
