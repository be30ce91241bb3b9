// For the accounts tests only: a fresh SQLite store in a temporary folder, a
// fake clock, the audit log (its head file in the same folder) and Users and
// Sessions over them at libsodium's minimum password cost.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "accounts/sessions.h"
#include "accounts/users.h"
#include "audit/log.h"
#include "store/store.h"

namespace cradle::accounts {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cradle_accounts_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = store::OpenSqliteStore((dir_ / "cradle.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto log = audit::Log::Open(*store_, dir_.string(), clock_);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(*log);
    options_.password_cost = PasswordCost::Minimum();
    users_ = std::make_unique<Users>(*store_, *log_, options_);
    sessions_ = std::make_unique<Sessions>(*store_, *log_, options_);
  }
  void TearDown() override {
    sessions_.reset();
    users_.reset();
    log_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
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
  std::filesystem::path dir_;
  audit::FakeClock clock_{1'790'000'000};
  AccountOptions options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<audit::Log> log_;
  std::unique_ptr<Users> users_;
  std::unique_ptr<Sessions> sessions_;
};

}  // namespace cradle::accounts
