// Form bodies: what a browser posts is read; what it would not send is
// refused with a sentence that names the field.
#include "web/form.h"

#include <gtest/gtest.h>

namespace cradle::web {
namespace {

Request Post(std::string body, std::string type = "application/x-www-form-urlencoded") {
  Request request;
  request.method = "POST";
  request.body = std::move(body);
  if (!type.empty()) request.headers["content-type"] = std::move(type);
  return request;
}

TEST(FormTest, ReadsEscapedFieldsAndPlusAsSpace) {
  auto form =
      ParseForm(Post("username=ann&display_name=Ann+Smith&org=Baby%20Basics%26Co&empty=&bare",
                     "application/x-www-form-urlencoded; charset=UTF-8"));
  ASSERT_TRUE(form.ok()) << form.status().message();
  EXPECT_EQ(FormValue(*form, "username"), "ann");
  EXPECT_EQ(FormValue(*form, "display_name"), "Ann Smith");
  EXPECT_EQ(FormValue(*form, "org"), "Baby Basics&Co");
  EXPECT_EQ(FormValue(*form, "empty"), "");
  EXPECT_EQ(form->count("bare"), 1u);
  EXPECT_EQ(FormValue(*form, "missing"), "");
}

TEST(FormTest, RefusesWhatABrowserFormWouldNotSend) {
  struct Case {
    Request request;
    std::string message;
  } cases[] = {
      {Post("a=1", "application/json"),
       "the form must be sent as application/x-www-form-urlencoded, not 'application/json'"},
      {Post("a=1", ""),
       "the form must be sent as application/x-www-form-urlencoded, not 'no type'"},
      {Post("password=%zz"), "the form field 'password' has a malformed %-escape or a NUL byte"},
      {Post("password=a%00b"), "the form field 'password' has a malformed %-escape or a NUL byte"},
      {Post("name=%ff%fe"), "the form field 'name' is not UTF-8 text"},
      {Post("role=admin&role=practitioner"), "the form field 'role' is sent more than once"},
  };
  for (const Case& one : cases) {
    auto form = ParseForm(one.request);
    ASSERT_FALSE(form.ok()) << one.request.body;
    EXPECT_EQ(form.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(form.status().message(), one.message) << one.request.body;
  }
}

TEST(FormTest, AMalformedValueIsNotRepeatedInTheMessage) {
  auto form = ParseForm(Post("password=secret%zzpass"));
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().message().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace cradle::web
