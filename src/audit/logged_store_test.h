// For tests only: a fresh SQLite store in a temporary folder named after the
// running test, and the audit log over it on a fake clock, its head file in
// the same folder (or a subfolder). The tests of the layers that audit
// (accounts, casework) derive their fixtures from it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "audit/clock.h"
#include "audit/log.h"
#include "store/store.h"

namespace cradle::audit {

class LoggedStoreTest : public ::testing::Test {
 public:
  static constexpr int64_t kClockStart = 1'790'000'000;  // 2026-09-21T14:13:20Z

 protected:
  // `folder_prefix` names the temporary folder ("cradle_audit_"); the head
  // file goes in its `head_subfolder` (empty: the folder itself).
  explicit LoggedStoreTest(std::string folder_prefix, std::string head_subfolder = "")
      : folder_prefix_(std::move(folder_prefix)), head_subfolder_(std::move(head_subfolder)) {}

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           (folder_prefix_ + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = store::OpenSqliteStore((dir_ / "cradle.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto log = Log::Open(*store_, (dir_ / head_subfolder_).string(), clock_);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(*log);
  }
  // A fixture that keeps more over the log or store resets it first.
  void TearDown() override {
    log_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  FakeClock clock_{kClockStart};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Log> log_;

 private:
  std::string folder_prefix_;
  std::string head_subfolder_;
};

}  // namespace cradle::audit
