// The register as CDOP members use it: only they see or change cases, each
// read and change is audited, and an entered review is checked as an
// imported one is.
#include "cdop/register.h"

#include <gtest/gtest.h>

#include "accounts/testing.h"
#include "audit/logged_store_test.h"

namespace cradle::cdop {
namespace {

using accounts::testing::UserWith;

std::vector<std::string> Fields() {
  return {
      "CDR-1",         "",   "2026-01-10", "30", "2026-01-11",         "2026-03-01",
      "2026-06-01",    "10", "Y",          "N",  "modifiable_factors", "C.SLEEP_ENVIRONMENT:2:Y",
      "Cot not used.", ""};
}

class RegisterTest : public audit::LoggedStoreTest {
 protected:
  RegisterTest() : LoggedStoreTest("cradle_register_") {}
};

TEST_F(RegisterTest, OnlyCdopMembersSeeOrChangeCasesAndEveryReadIsAudited) {
  Register reg(*store_, *log_);
  const accounts::User cid = UserWith("cid", accounts::Role::kCdopMember);
  auto saved = reg.Save(cid, "10.0.0.2", Fields(), /*is_new=*/true);
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_TRUE(saved->empty());
  auto found = reg.Find(cid, "10.0.0.2", "CDR-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->learning_points, "Cot not used.");
  auto last = store_->Audit()->Last(2);
  ASSERT_TRUE(last.ok());
  ASSERT_EQ(last->size(), 2u);
  EXPECT_EQ((*last)[0].action, "create");
  EXPECT_EQ((*last)[1].action, "read");
  EXPECT_EQ((*last)[1].object_id, "CDR-1");

  for (accounts::Role role :
       {accounts::Role::kAnalyst, accounts::Role::kAdmin, accounts::Role::kPractitioner}) {
    const accounts::User other = UserWith("other", role);
    EXPECT_EQ(reg.List(other, "x").status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(reg.Find(other, "x", "CDR-1").status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(reg.Save(other, "x", Fields(), false).status().code(), StatusCode::kPermissionDenied);
  }
}

TEST_F(RegisterTest, AnEnteredReviewIsCheckedAsAnImportedOneIs) {
  Register reg(*store_, *log_);
  const accounts::User cid = UserWith("cid", accounts::Role::kCdopMember);
  std::vector<std::string> fields = Fields();
  fields[10] = "no_modifiable_factors";  // disagrees with the modifiable factor
  fields[1] = "SYN1-B2026-00001";        // a birth the store does not hold
  auto refused = reg.Save(cid, "x", fields, true);
  ASSERT_TRUE(refused.ok());
  ASSERT_EQ(refused->size(), 1u);  // the row's own errors first; links only once it parses
  EXPECT_EQ((*refused)[0].column, "outcome");
  fields[10] = "modifiable_factors";
  refused = reg.Save(cid, "x", fields, true);
  ASSERT_TRUE(refused.ok());
  ASSERT_EQ(refused->size(), 1u);
  EXPECT_EQ((*refused)[0].column, "birth_id");
  auto held = store_->Reviews()->Reviews();
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held->empty());

  ASSERT_TRUE(reg.Save(cid, "x", Fields(), true).ok());
  auto again = reg.Save(cid, "x", Fields(), true);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].reason, "'CDR-1' is already in the register");
  std::vector<std::string> unknown = Fields();
  unknown[0] = "CDR-9";
  EXPECT_EQ(reg.Save(cid, "x", unknown, false).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace cradle::cdop
