// Adding, disabling and resetting users: each checked, each one transaction
// with its audit entry.
#include "accounts/users.h"

#include "accounts/test_fixture.h"

namespace cradle::accounts {
namespace {

using UsersTest = AccountsTest;

TEST_F(UsersTest, AddsAUserWithAHashedPasswordAndAnAuditEntry) {
  AddAnn();
  auto ann = users_->Find("ann");
  ASSERT_TRUE(ann.ok());
  EXPECT_EQ(ann->display_name, "Ann Smith");
  EXPECT_EQ(ann->role, Role::kPractitioner);
  EXPECT_EQ(ann->organisation, "Baby Basics");
  EXPECT_FALSE(ann->disabled);
  EXPECT_EQ(ann->created_at, 1'790'000'000);
  auto row = store_->Accounts()->FindUser("ann");
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword((*row)->password_hash, kPassword));
  auto entries = log_->Last(10);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].action, "create");
  EXPECT_EQ((*entries)[0].object_id, "ann");
  EXPECT_EQ((*entries)[0].user, "system");
  EXPECT_EQ((*entries)[0].detail, "role practitioner, organisation Baby Basics");
  EXPECT_EQ((*entries)[0].detail.find(kPassword), std::string::npos);
  auto organisations = store_->Accounts()->Organisations();
  ASSERT_TRUE(organisations.ok());
  EXPECT_EQ(*organisations, std::vector<std::string>{"Baby Basics"});
}

TEST_F(UsersTest, RefusesBadFieldsAndStoresNothing) {
  auto add = [&](NewUser user) { return users_->Add(user, kCli).status(); };
  EXPECT_EQ(add({"Ann", "Ann", "practitioner", "Org", kPassword}).message(),
            "a username is 3 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a "
            "letter or digit: 'Ann' is not");
  EXPECT_EQ(add({"ann", "Ann", "nurse", "Org", kPassword}).message(),
            "unknown role 'nurse': expected public, practitioner, analyst, cdop_member or admin");
  EXPECT_EQ(add({"ann", "Ann", "public", "Org", kPassword}).message(),
            "the public role is for visitors, who do not log in: choose practitioner, analyst, "
            "cdop_member or admin");
  EXPECT_EQ(add({"ann", "  ", "admin", "Org", kPassword}).message(),
            "the display name must not be empty");
  EXPECT_EQ(add({"ann", "Ann", "admin", "", kPassword}).message(),
            "the organisation must not be empty");
  EXPECT_EQ(add({"ann", "Ann", "admin", "Org", "short"}).message(),
            "the password must be at least 12 characters long (it has 5)");
  EXPECT_EQ(add({"ann", "Ann", "admin", "Org", "ann-1234567890"}).message(),
            "the password must not contain the username");
  auto users = users_->List();
  ASSERT_TRUE(users.ok());
  EXPECT_TRUE(users->empty());
  EXPECT_TRUE(AuditActions().empty());
}

TEST_F(UsersTest, RefusesATakenUsernameWithoutAnAuditEntry) {
  AddAnn();
  auto again = users_->Add({"ann", "Another Ann", "admin", "Council", kPassword}, kCli);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().message(), "a user named ann already exists");
  // The failed transaction took its audit entry with it.
  EXPECT_EQ(AuditActions(), std::vector<std::string>{"create"});
}

TEST_F(UsersTest, DisablingEndsSessionsAndIsAudited) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  ASSERT_TRUE(users_->Disable("ann", kCli).ok());
  EXPECT_TRUE(users_->Find("ann")->disabled);
  auto session = sessions_->Authenticate(login->session_token);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->Disable("ann", kCli).message(), "user ann is already disabled");
  EXPECT_EQ(users_->Disable("bob", kCli).message(), "no user is named 'bob'");
  EXPECT_EQ(users_->Disable("bob", kCli).code(), StatusCode::kNotFound);
  auto relogin = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_FALSE(relogin.ok());
  EXPECT_EQ(relogin.status().message(), "the username or password is wrong");
  EXPECT_EQ(AuditActions(),
            (std::vector<std::string>{"create", "login", "update", "login_failed"}));
}

TEST_F(UsersTest, ResettingThePasswordEndsSessions) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(users_->ResetPassword("ann", "short", kCli).message(),
            "the password must be at least 12 characters long (it has 5)");
  ASSERT_TRUE(users_->ResetPassword("ann", "another long phrase", kCli).ok());
  EXPECT_FALSE(sessions_->Authenticate(login->session_token).ok());
  EXPECT_FALSE(sessions_->Login("ann", kPassword, "192.0.2.1").ok());
  EXPECT_TRUE(sessions_->Login("ann", "another long phrase", "192.0.2.1").ok());
  auto head = log_->RecordedHead();
  ASSERT_TRUE(head.ok() && head->has_value());
  auto report = log_->Verify(*head);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact());
  EXPECT_EQ(report->head.sequence, (*head)->sequence);
}

}  // namespace
}  // namespace cradle::accounts
