// The admin's directory pages (directory_admin_routes.h) through
// WebApp::Handle over a real store holding the bundled seed
// (records_test_fixture.h): who may see and change them, that a change is
// stored whole or not at all, audited, and published by /oruk at once, and
// that a refused form names the field and keeps what was typed.
#include "web/directory_admin_routes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "directory/model.h"
#include "web/records_test_fixture.h"

namespace cradle::web {
namespace {

using nlohmann::json;
using testing::HeaderOf;
using testing::HtmlEscaped;
using testing::Occurrences;
using testing::UrlEncode;

constexpr const char* kToday = "2026-09-21";  // the fixture's clock

class DirectoryAdminTest : public testing::RoutesTest {
 protected:
  std::vector<store::Service> Services() {
    auto store = OpenStore();
    auto services = store->Directory()->Services();
    EXPECT_TRUE(services.ok());
    return services.ok() ? *services : std::vector<store::Service>{};
  }
  std::optional<store::Service> Service(const std::string& id) {
    auto store = OpenStore();
    auto found = store->Directory()->FindService(id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::nullopt;
  }
  std::vector<store::Organization> Organizations() {
    auto store = OpenStore();
    auto found = store->Directory()->Organizations();
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::vector<store::Organization>{};
  }
  std::string TermId(const std::string& code) {
    auto store = OpenStore();
    auto terms = store->Directory()->TaxonomyTerms();
    for (const auto& term : *terms) {
      if (term.code == code) return term.id;
    }
    ADD_FAILURE() << "no term " << code;
    return "";
  }
  // The edit form's fields for `service`, as a browser sends them unchanged.
  std::map<std::string, std::string> FormOf(const store::Service& service) {
    std::map<std::string, std::string> form = {
        {"organization_id", service.organization_id},
        {"name", service.name},
        {"description", service.description},
        {"status", service.status},
        {"url", service.url},
        {"email", service.email},
        {"minimum_age", service.minimum_age ? std::to_string(*service.minimum_age) : ""},
        {"maximum_age", service.maximum_age ? std::to_string(*service.maximum_age) : ""},
        {"languages", ""}};
    std::string languages;
    for (const auto& language : service.languages) {
      languages += (languages.empty() ? "" : ", ") + language.name +
                   (language.code.empty() ? "" : " (" + language.code + ")");
    }
    form["languages"] = languages;
    for (const auto& attribute : service.attributes)
      form["term_" + attribute.taxonomy_term_id] = "yes";
    return form;
  }
  static std::string Body(const std::map<std::string, std::string>& form) {
    std::string body;
    for (const auto& [name, value] : form) {
      body += (body.empty() ? "" : "&") + name + "=" + UrlEncode(value);
    }
    return body;
  }
  json Oruk(const std::string& id) {
    Response response = Get("/oruk/services/" + id);
    EXPECT_EQ(response.status, 200) << *response.body;
    return json::parse(*response.body);
  }
  std::vector<store::AuditRow> AuditOf(const std::string& action) {
    std::vector<store::AuditRow> rows;
    for (auto& row : Audit()) {
      if (row.action == action) rows.push_back(row);
    }
    return rows;
  }
};

TEST_F(DirectoryAdminTest, TheListShowsEveryServiceAndFlagsThoseNotAssuredFor12Months) {
  std::string session = LogIn("ada");
  Response response = Get("/admin/directory", session);
  ASSERT_EQ(response.status, 200) << *response.body;
  EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-store");
  auto services = Services();
  ASSERT_GT(services.size(), 3u);
  for (const auto& service : services) {
    EXPECT_NE(response.body->find("href=\"/admin/directory/services/" + service.id + "\""),
              std::string::npos)
        << service.name;
  }
  // The seed is never assured: every listing is flagged.
  EXPECT_EQ(Occurrences(*response.body, "not assured for 12 months</strong>"), services.size());
  EXPECT_NE(response.body->find("Add a service"), std::string::npos);
  EXPECT_NE(response.body->find("name=\"term_" + TermId("Leicester:IM:safe-sleep") + "\""),
            std::string::npos);
  // The user pages are still the accounts layer's.
  Response users = Get("/admin/users", session);
  EXPECT_EQ(users.status, 200);
  EXPECT_NE(users.body->find("Add a user"), std::string::npos);
}

TEST_F(DirectoryAdminTest, OnlyAdminsMaySeeOrChangeTheDirectoryPages) {
  store::Service service = Services().front();
  size_t count = Services().size();
  for (const std::string& target :
       std::vector<std::string>{"/admin/directory", "/admin/directory/services/" + service.id}) {
    Response response = Get(target);
    EXPECT_EQ(response.status, 303) << target;
    EXPECT_EQ(HeaderOf(response, "Location").rfind("/login?next=", 0), 0u);
  }
  auto form = FormOf(service);
  form["name"] = "Taken over";
  for (const std::string user : {"ana", "ann", "cid"}) {
    std::string session = LogIn(user);
    for (const std::string& target :
         std::vector<std::string>{"/admin/directory", "/admin/directory/services/" + service.id}) {
      Response response = Get(target, session);
      EXPECT_EQ(response.status, 403) << user << " " << target;
      EXPECT_EQ(response.body->find(service.name), std::string::npos) << user;
    }
    EXPECT_EQ(Post("/admin/directory/services/" + service.id, session, Body(form)).status, 403);
    EXPECT_EQ(Post("/admin/directory/services", session, Body(form)).status, 403);
    EXPECT_EQ(Post("/admin/directory/services/" + service.id + "/assure", session, "").status, 403);
  }
  // Nor the public, with or without a form.
  EXPECT_EQ(Post("/admin/directory/services/" + service.id, "", Body(form), false).status, 403);
  EXPECT_EQ(Service(service.id)->name, service.name);
  EXPECT_EQ(Services().size(), count);
  EXPECT_TRUE(AuditOf("directory.service.update").empty());
  EXPECT_TRUE(AuditOf("directory.service.create").empty());
}

TEST_F(DirectoryAdminTest, AnEditIsStoredWholeAuditedAndPublishedAtOnce) {
  std::string session = LogIn("ada");
  store::Service before = Services().front();
  ASSERT_EQ(before.status, "active");
  auto form = FormOf(before);
  form["name"] = "Renamed service";
  form["status"] = "temporarily closed";
  form["minimum_age"] = "0";
  form["maximum_age"] = "5";
  form["languages"] = "English (en), Urdu (ur), Gujarati";
  std::string housing = TermId("Leicester:IM:housing");
  std::string pregnant = TermId("Leicester:IM:pregnant");
  form["term_" + housing] = "yes";
  form.erase("term_" + pregnant);
  bool had_pregnant = false;
  for (const auto& attribute : before.attributes) {
    had_pregnant |= attribute.taxonomy_term_id == pregnant;
  }
  ASSERT_TRUE(had_pregnant);  // so unticking it is a change

  Response response = Post("/admin/directory/services/" + before.id, session, Body(form));
  ASSERT_EQ(response.status, 303) << *response.body;
  EXPECT_EQ(HeaderOf(response, "Location"),
            "/admin/directory/services/" + before.id + "?done=updated");

  auto after = Service(before.id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->name, "Renamed service");
  EXPECT_EQ(after->status, "temporarily closed");
  EXPECT_EQ(after->minimum_age, 0);
  EXPECT_EQ(after->maximum_age, 5);
  ASSERT_EQ(after->languages.size(), 3u);
  EXPECT_EQ(after->languages[1].name, "Urdu");
  EXPECT_EQ(after->languages[1].code, "ur");
  EXPECT_TRUE(directory::IsUuid(after->languages[1].id));
  EXPECT_EQ(after->languages[0].id, before.languages[0].id);  // English kept its id
  bool has_housing = false, has_pregnant = false;
  for (const auto& attribute : after->attributes) {
    if (attribute.taxonomy_term_id == housing) {
      has_housing = true;
      EXPECT_EQ(attribute.link_type, "service_type");
      EXPECT_TRUE(directory::IsUuid(attribute.id));
    }
    has_pregnant |= attribute.taxonomy_term_id == pregnant;
  }
  EXPECT_TRUE(has_housing);
  EXPECT_FALSE(has_pregnant);
  // What the form does not edit is kept.
  EXPECT_EQ(after->schedules.size(), before.schedules.size());
  EXPECT_EQ(after->service_at_locations.size(), before.service_at_locations.size());
  EXPECT_EQ(after->contacts.size(), before.contacts.size());
  EXPECT_NE(after->last_modified, before.last_modified);

  json oruk = Oruk(before.id);
  EXPECT_EQ(oruk["name"], "Renamed service");
  EXPECT_EQ(oruk["status"], "temporarily closed");
  EXPECT_EQ(oruk["maximum_age"], 5);

  auto entries = AuditOf("directory.service.update");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].user, "ada");
  EXPECT_EQ(entries[0].role, "admin");
  EXPECT_EQ(entries[0].object_type, "service");
  EXPECT_EQ(entries[0].object_id, before.id);
  EXPECT_EQ(entries[0].source, testing::kTestAddress);
  EXPECT_NE(entries[0].detail.find("name"), std::string::npos) << entries[0].detail;
  EXPECT_NE(entries[0].detail.find("status active -> temporarily closed"), std::string::npos);
  EXPECT_NE(entries[0].detail.find("languages"), std::string::npos);
  EXPECT_NE(entries[0].detail.find("taxonomy terms"), std::string::npos);
  EXPECT_EQ(entries[0].detail.find("description"), std::string::npos);  // not changed

  // The page says so; the same form again changes nothing and writes nothing.
  Response page = Get(HeaderOf(response, "Location"), session);
  EXPECT_NE(page.body->find("Saved your changes."), std::string::npos);
  EXPECT_NE(page.body->find("value=\"Renamed service\""), std::string::npos);
  Response again = Post("/admin/directory/services/" + before.id, session, Body(form));
  EXPECT_EQ(HeaderOf(again, "Location"),
            "/admin/directory/services/" + before.id + "?done=unchanged");
  EXPECT_EQ(AuditOf("directory.service.update").size(), 1u);
}

TEST_F(DirectoryAdminTest, ARefusedEditNamesTheFieldKeepsTheInputAndStoresNothing) {
  std::string session = LogIn("ada");
  store::Service before = Services().front();
  struct Case {
    std::string field, value, message;
  };
  std::vector<Case> cases = {
      {"name", "   ", "name: is missing"},
      {"url", "not a web address", "url: 'not a web address' is not an http(s) address"},
      {"email", "nobody-at-example.org", "email: 'nobody-at-example.org' is not an email"},
      {"minimum_age", "6", "maximum_age: 1 is below minimum_age 6"},
      {"minimum_age", "two", "minimum_age: 'two' is not a whole number"},
      {"maximum_age", "200", "maximum_age: 200 is not an age"},
      {"status", "open", "status: 'open' is not one of active, inactive, defunct"},
      {"organization_id", "00000000-0000-4000-8000-000000000000", "organization_id: choose"},
      {"languages", "Urdu (URDU)", "languages: 'URDU' is not an ISO 639 code"},
      {"term_00000000-0000-4000-8000-000000000000", "yes", "taxonomy terms: '00000000"},
  };
  ASSERT_EQ(before.maximum_age, 1);  // the seed's first service: 0 to 1
  for (const Case& one : cases) {
    SCOPED_TRACE(one.field + "=" + one.value);
    auto form = FormOf(before);
    form[one.field] = one.value;
    form["description"] = "A description typed but not yet saved";
    Response response = Post("/admin/directory/services/" + before.id, session, Body(form));
    EXPECT_EQ(response.status, 400);
    std::string html = *response.body;
    EXPECT_NE(html.find(HtmlEscaped(one.message)), std::string::npos) << html;
    EXPECT_NE(html.find("A description typed but not yet saved"), std::string::npos);
    EXPECT_NE(html.find("Nothing was saved"), std::string::npos);
    auto stored = Service(before.id);
    EXPECT_EQ(stored->description, before.description);
    EXPECT_EQ(stored->last_modified, before.last_modified);
  }
  EXPECT_TRUE(AuditOf("directory.service.update").empty());
  EXPECT_EQ(Get("/admin/directory/services/00000000-0000-4000-8000-000000000000", session).status,
            404);
  EXPECT_EQ(Get("/admin/directory/services/not-an-id", session).status, 404);
}

TEST_F(DirectoryAdminTest, AServiceIsAddedUnderAnOrganisationWithANewId) {
  std::string session = LogIn("ada");
  size_t count = Services().size();
  store::Organization organization = Organizations().front();
  std::string safe_sleep = TermId("Leicester:IM:safe-sleep");
  std::string parent = TermId("Leicester:IM:parent-of-baby");
  std::map<std::string, std::string> form = {{"organization_id", organization.id},
                                             {"name", "Cot bank"},
                                             {"description", "Cots for families who need one."},
                                             {"status", "active"},
                                             {"url", "https://example.org/cot-bank"},
                                             {"email", "cots@example.org"},
                                             {"minimum_age", "0"},
                                             {"maximum_age", "1"},
                                             {"languages", "English (en)"},
                                             {"term_" + safe_sleep, "yes"},
                                             {"term_" + parent, "yes"}};
  Response response = Post("/admin/directory/services", session, Body(form));
  ASSERT_EQ(response.status, 303) << *response.body;
  std::smatch match;
  std::string location = HeaderOf(response, "Location");
  ASSERT_TRUE(std::regex_match(
      location, match,
      std::regex(
          "/admin/directory/services/([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
          "[0-9a-f]{12})\\?done=created")))
      << location;
  std::string id = match[1];
  EXPECT_EQ(Services().size(), count + 1);
  auto stored = Service(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->organization_id, organization.id);
  EXPECT_EQ(stored->name, "Cot bank");
  EXPECT_EQ(stored->attributes.size(), 2u);
  for (const auto& attribute : stored->attributes) {
    EXPECT_EQ(attribute.link_type,
              attribute.taxonomy_term_id == parent ? "eligibility" : "service_type");
  }
  json oruk = Oruk(id);
  EXPECT_EQ(oruk["name"], "Cot bank");
  EXPECT_EQ(oruk["organization"]["id"], organization.id);
  EXPECT_EQ(oruk["x-cradle-stale"], true);  // never assured

  auto entries = AuditOf("directory.service.create");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].object_id, id);
  EXPECT_EQ(entries[0].user, "ada");
  EXPECT_NE(entries[0].detail.find("organization_id " + organization.id), std::string::npos);
  EXPECT_NE(Get(location, session).body->find("Added the service."), std::string::npos);
}

TEST_F(DirectoryAdminTest, ANewOrganisationLandsWithItsFirstServiceOrNotAtAll) {
  std::string session = LogIn("ada");
  size_t services = Services().size();
  size_t organizations = Organizations().size();
  std::map<std::string, std::string> form = {{"organization_id", ""},
                                             {"new_organization", "Leicester Cot Bank CIC"},
                                             {"name", "Cot bank"},
                                             {"status", "active"},
                                             {"url", "ftp://example.org/"}};
  Response refused = Post("/admin/directory/services", session, Body(form));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body->find("url: "), std::string::npos);
  EXPECT_NE(refused.body->find("value=\"Leicester Cot Bank CIC\""), std::string::npos);
  EXPECT_EQ(Services().size(), services);
  EXPECT_EQ(Organizations().size(), organizations);

  form["url"] = "https://example.org/cot-bank";
  Response added = Post("/admin/directory/services", session, Body(form));
  ASSERT_EQ(added.status, 303) << *added.body;
  EXPECT_EQ(Services().size(), services + 1);
  ASSERT_EQ(Organizations().size(), organizations + 1);
  std::string organization_id;
  for (const auto& organization : Organizations()) {
    if (organization.name == "Leicester Cot Bank CIC") organization_id = organization.id;
  }
  EXPECT_TRUE(directory::IsUuid(organization_id));
  std::string location = HeaderOf(added, "Location");
  std::string id = location.substr(std::string("/admin/directory/services/").size(), 36);
  EXPECT_EQ(Service(id)->organization_id, organization_id);
  EXPECT_EQ(Oruk(id)["organization"]["name"], "Leicester Cot Bank CIC");

  // The same name again is refused: choose it from the list instead.
  Response twice = Post("/admin/directory/services", session, Body(form));
  EXPECT_EQ(twice.status, 400);
  EXPECT_NE(twice.body->find("is already listed"), std::string::npos);
  EXPECT_EQ(Organizations().size(), organizations + 1);
}

TEST_F(DirectoryAdminTest, MarkingAssuredTodayClearsTheFlag) {
  std::string session = LogIn("ada");
  store::Service service = Services().front();
  ASSERT_TRUE(service.assured_date.empty());
  Response bad =
      Post("/admin/directory/services/" + service.id + "/assure", session, "assurer_email=nobody");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body->find("assurer_email: "), std::string::npos);
  EXPECT_TRUE(Service(service.id)->assured_date.empty());

  Response response = Post("/admin/directory/services/" + service.id + "/assure", session,
                           "assurer_email=" + UrlEncode("manager@example.org"));
  ASSERT_EQ(response.status, 303) << *response.body;
  auto stored = Service(service.id);
  EXPECT_EQ(stored->assured_date, kToday);
  EXPECT_EQ(stored->assurer_email, "manager@example.org");
  EXPECT_EQ(Oruk(service.id)["assured_date"], kToday);
  Response list = Get("/admin/directory", session);
  EXPECT_EQ(Occurrences(*list.body, "not assured for 12 months</strong>"), Services().size() - 1);
  auto entries = AuditOf("directory.service.update");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].object_id, service.id);
  EXPECT_NE(entries[0].detail.find(std::string("assured_date ") + kToday), std::string::npos);

  // Twelve months on, the flag is back (the anniversary itself is stale).
  clock_.Advance(int64_t{365} * 86400);
  session = LogIn("ada");  // the old session has long expired
  list = Get("/admin/directory", session);
  EXPECT_EQ(Occurrences(*list.body, "not assured for 12 months</strong>"), Services().size());
}

}  // namespace
}  // namespace cradle::web
