#include "base/status.h"

#include <gtest/gtest.h>

#include "base/result.h"

namespace cradle {
namespace {

TEST(StatusTest, OkByDefault) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.ToString(), "OK");
  EXPECT_EQ(ExitCode(status.code()), 0);
}

TEST(StatusTest, EachCodeHasOneExitCodeAndHttpStatus) {
  EXPECT_EQ(ExitCode(StatusCode::kInvalidArgument), 64);
  EXPECT_EQ(HttpStatus(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(ExitCode(StatusCode::kInvalidData), 65);
  EXPECT_EQ(Status::NotFound("no area E06999999").ToString(), "Not found: no area E06999999");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::InvalidArgument("confidence level must be between 90 and 100");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cradle
