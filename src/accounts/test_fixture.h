// For the accounts tests only: a fresh store with its audit log
// (audit/logged_store_test.h) and Users and Sessions over them at
// libsodium's minimum password cost.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "accounts/sessions.h"
#include "accounts/users.h"
#include "audit/logged_store_test.h"

namespace cradle::accounts {

class AccountsTest : public audit::LoggedStoreTest {
 protected:
  AccountsTest() : LoggedStoreTest("cradle_accounts_") {}

  void SetUp() override {
    LoggedStoreTest::SetUp();
    options_.password_cost = PasswordCost::Minimum();
    users_ = std::make_unique<Users>(*store_, *log_, options_);
    sessions_ = std::make_unique<Sessions>(*store_, *log_, options_);
  }
  void TearDown() override {
    sessions_.reset();
    users_.reset();
    LoggedStoreTest::TearDown();
  }

  // Adds practitioner "ann" of "Baby Basics" with password kPassword.
  void AddAnn() {
    auto user = users_->Add({"ann", "Ann Smith", "practitioner", "Baby Basics", kPassword}, kCli);
    ASSERT_TRUE(user.ok()) << user.status().ToString();
  }

  // The actions of every audit entry, oldest first.
  std::vector<std::string> AuditActions() {
    std::vector<std::string> actions;
    auto rows = log_->Last(1000);
    EXPECT_TRUE(rows.ok());
    if (rows.ok()) {
      for (const auto& row : *rows) actions.push_back(row.action);
    }
    return actions;
  }

  static constexpr const char* kPassword = "a long passphrase";
  const audit::Actor kCli = audit::Actor::System("cli");
  AccountOptions options_;
  std::unique_ptr<Users> users_;
  std::unique_ptr<Sessions> sessions_;
};

}  // namespace cradle::accounts
