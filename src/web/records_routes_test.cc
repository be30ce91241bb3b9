// The analyst's records pages (records_routes.h) through WebApp::Handle over
// a real store holding 120 known births (records_test_fixture.h): who may see
// them, that the filters select exactly the right rows, paging, the CSV, and
// one audit entry per read.
#include "web/records_routes.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "web/records_test_fixture.h"

namespace cradle::web {
namespace {

using testing::HeaderOf;
using testing::HtmlEscaped;
using testing::KnownRecords;
using testing::Occurrences;

class RecordsRoutesTest : public testing::RoutesTest {
 protected:
  // The ids of a CSV's rows (its first column), header checked.
  static std::vector<std::string> CsvIds(const std::string& csv) {
    std::vector<std::string> ids;
    std::istringstream lines(csv);
    std::string line;
    bool header = true;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (header) {
        EXPECT_EQ(line.rfind("pseudonymous_id,date_of_birth,lsoa21,", 0), 0u) << line;
        header = false;
        continue;
      }
      if (!line.empty()) ids.push_back(line.substr(0, line.find(',')));
    }
    return ids;
  }
  // The ids the known records give for a predicate, in id order.
  template <typename Predicate>
  static std::vector<std::string> Expected(Predicate keep) {
    std::set<std::string> died;
    for (const auto& death : Known().deaths) died.insert(death.birth_id);
    std::vector<std::string> ids;
    for (const auto& birth : Known().births) {
      if (keep(birth, died.count(birth.birth_id) > 0)) ids.push_back(birth.birth_id);
    }
    return ids;
  }
  int64_t CountAudited(const std::string& action) {
    int64_t count = 0;
    for (const auto& row : Audit()) count += row.action == action;
    return count;
  }
};

TEST_F(RecordsRoutesTest, AnAnalystSeesEveryBirthFiftyToAPageWithTheTotal) {
  std::string session = LogIn("ana");
  Response first = Get("/records", session);
  ASSERT_EQ(first.status, 200) << *first.body;
  EXPECT_EQ(HeaderOf(first, "Cache-Control"), "no-store");
  const std::string& body = *first.body;
  EXPECT_NE(body.find("Births 1 to 50 of 120"), std::string::npos);
  EXPECT_EQ(Occurrences(body, "<tr><td>SYN-T-"), 50u);
  EXPECT_NE(body.find("<td>SYN-T-0001</td>"), std::string::npos);
  EXPECT_EQ(body.find("<td>SYN-T-0051</td>"), std::string::npos);
  // The page says what the ids are, and that these are not real people.
  EXPECT_NE(body.find("The ids are pseudonyms"), std::string::npos);
  EXPECT_NE(body.find("These records are synthetic"), std::string::npos);
  EXPECT_NE(body.find("href=\"/records?page=2\""), std::string::npos);

  Response last = Get("/records?page=3", session);
  ASSERT_EQ(last.status, 200);
  EXPECT_NE(last.body->find("Births 101 to 120 of 120"), std::string::npos);
  EXPECT_EQ(Occurrences(*last.body, "<tr><td>SYN-T-"), 20u);
  EXPECT_NE(last.body->find("<td>SYN-T-0120</td>"), std::string::npos);
  EXPECT_EQ(last.body->find("rel=\"next\""), std::string::npos);

  Response beyond = Get("/records?page=9", session);
  ASSERT_EQ(beyond.status, 200);
  EXPECT_EQ(Occurrences(*beyond.body, "<tr><td>SYN-T-"), 0u);
  EXPECT_NE(beyond.body->find("There are only 3 pages"), std::string::npos);
}

TEST_F(RecordsRoutesTest, EachRowCarriesTheBirthAndTheDeath) {
  std::string session = LogIn("ana");
  const KnownRecords& known = Known();
  Response response = Get("/records?died=yes", session);
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body->find("Births 1 to 3 of 3"), std::string::npos);
  const auto& birth = known.births[2];  // SYN-T-0003, died at 15 days, category 5
  std::string row = "<tr><td>SYN-T-0003</td><td>" + birth.date_of_birth.ToString() + "</td><td>" +
                    known.lsoa_one_a + "</td>";
  EXPECT_NE(response.body->find(row), std::string::npos) << row;
  EXPECT_NE(response.body->find("<td>yes</td><td>" + known.deaths[0].date_of_death.ToString() +
                                "</td><td class=\"num\">15</td><td>5 Acute medical or surgical "
                                "condition</td>"),
            std::string::npos);

  Response csv = Get("/records.csv?died=yes", session);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(HeaderOf(csv, "Content-Disposition").find("attachment"), std::string::npos);
  std::string line = "SYN-T-0003," + birth.date_of_birth.ToString() + "," + known.lsoa_one_a + ",";
  EXPECT_NE(csv.body->find(line), std::string::npos);
  EXPECT_NE(csv.body->find(",Y," + known.deaths[0].date_of_death.ToString() +
                           ",15,5 Acute medical or surgical condition\r\n"),
            std::string::npos);
  // A death of unknown cause has an empty category.
  EXPECT_NE(csv.body->find(",Y," + known.deaths[2].date_of_death.ToString() + ",200,\r\n"),
            std::string::npos);
  EXPECT_EQ(CsvIds(*csv.body),
            (std::vector<std::string>{"SYN-T-0003", "SYN-T-0008", "SYN-T-0040"}));
}

TEST_F(RecordsRoutesTest, FiltersSelectExactlyTheMatchingBirths) {
  std::string session = LogIn("ana");
  const KnownRecords& known = Known();
  struct Case {
    std::string query;
    std::vector<std::string> expected;
  };
  std::vector<Case> cases = {
      {"", Expected([](const auto&, bool) { return true; })},
      {"period=2022", Expected([](const auto& b, bool) { return b.date_of_birth.year() == 2022; })},
      {"period=2022-23",
       Expected([](const auto& b, bool) { return b.date_of_birth.year() >= 2022; })},
      {"ward=" + known.ward_one, Expected([&](const auto& b, bool) {
         return b.lsoa21 == known.lsoa_one_a || b.lsoa21 == known.lsoa_one_b;
       })},
      {"ward=" + known.ward_two,
       Expected([&](const auto& b, bool) { return b.lsoa21 == known.lsoa_two; })},
      {"lsoa=" + known.lsoa_one_b,
       Expected([&](const auto& b, bool) { return b.lsoa21 == known.lsoa_one_b; })},
      {"ethnic_group=asian_pakistani",
       Expected([](const auto& b, bool) { return b.ethnic_group == "asian_pakistani"; })},
      {"died=yes", Expected([](const auto&, bool died) { return died; })},
      {"period=2021&ward=" + known.ward_one + "&ethnic_group=white_british",
       Expected([&](const auto& b, bool) {
         return b.date_of_birth.year() == 2021 && b.ethnic_group == "white_british" &&
                (b.lsoa21 == known.lsoa_one_a || b.lsoa21 == known.lsoa_one_b);
       })},
      // Empty values are what a form sends for "any".
      {"period=&ward=&lsoa=&ethnic_group=&died=", Expected([](const auto&, bool) { return true; })},
  };
  for (const Case& one : cases) {
    SCOPED_TRACE(one.query);
    Response csv = Get("/records.csv" + (one.query.empty() ? "" : "?" + one.query), session);
    ASSERT_EQ(csv.status, 200) << *csv.body;
    EXPECT_EQ(CsvIds(*csv.body), one.expected);
    Response page = Get("/records" + (one.query.empty() ? "" : "?" + one.query), session);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body->find("of " + std::to_string(one.expected.size()) + "</h2>"),
              std::string::npos);
  }
  // The filtered ward's LSOAs exist and differ, so the cases above can fail.
  EXPECT_LT(Expected([&](const auto& b, bool) { return b.lsoa21 == known.lsoa_two; }).size(),
            known.births.size());
}

TEST_F(RecordsRoutesTest, EveryReadIsAuditedOnceWithWhoWhatAndHowMany) {
  std::string session = LogIn("ana");
  size_t before = Audit().size();
  ASSERT_EQ(Get("/records?died=yes&period=2021-23", session).status, 200);
  auto rows = Audit();
  ASSERT_EQ(rows.size(), before + 1);
  const store::AuditRow& entry = rows.back();
  EXPECT_EQ(entry.user, "ana");
  EXPECT_EQ(entry.role, "analyst");
  EXPECT_EQ(entry.organisation, "Leicester City Council");
  EXPECT_EQ(entry.action, "records.read");
  EXPECT_EQ(entry.object_type, "births");
  EXPECT_EQ(entry.source, testing::kTestAddress);
  EXPECT_EQ(entry.detail, "period=2021-23 died=yes page=1; 3 of 3 rows");
  EXPECT_EQ(entry.at, clock_.Now());

  ASSERT_EQ(Get("/records?page=3", session).status, 200);
  EXPECT_EQ(Audit().back().detail, "no filters page=3; 20 of 120 rows");

  ASSERT_EQ(Get("/records.csv?ethnic_group=asian_pakistani", session).status, 200);
  rows = Audit();
  ASSERT_EQ(rows.size(), before + 3);
  EXPECT_EQ(rows.back().action, "records.export");
  EXPECT_EQ(rows.back().object_type, "births");
  EXPECT_EQ(rows.back().detail, "ethnic_group=asian_pakistani; 30 of 30 rows");
}

TEST_F(RecordsRoutesTest, EveryoneButAnalystsIsRefusedAndSeesNoRecord) {
  for (const std::string target : {"/records", "/records.csv", "/records?died=yes"}) {
    Response response = Get(target);
    EXPECT_EQ(response.status, 303) << target;
    EXPECT_EQ(HeaderOf(response, "Location").rfind("/login?next=", 0), 0u) << target;
    EXPECT_EQ(response.body->find("SYN-T-"), std::string::npos);
  }
  for (const std::string user : {"ann", "cid", "ada"}) {
    std::string session = LogIn(user);
    for (const std::string target : {"/records", "/records.csv", "/records?died=yes"}) {
      Response response = Get(target, session);
      EXPECT_EQ(response.status, 403) << user << " " << target;
      EXPECT_EQ(response.body->find("SYN-T-"), std::string::npos) << user;
      EXPECT_EQ(response.body->find("pseudonym"), std::string::npos) << user;
    }
  }
  EXPECT_EQ(CountAudited("records.read") + CountAudited("records.export"), 0);
}

TEST_F(RecordsRoutesTest, AFilterThatCannotBeReadIs400NamingTheParameter) {
  std::string session = LogIn("ana");
  std::vector<std::pair<std::string, std::string>> cases = {
      {"period=20x2", "period '20x2'"},
      {"period=2023-21", "period '2023-21'"},
      {"ward=E05999999", "ward: 'E05999999'"},
      {"ward=" + Known().lsoa_two, "ward: '" + Known().lsoa_two + "'"},
      {"lsoa=E01999999", "lsoa: 'E01999999'"},
      {"ethnic_group=martian", "ethnic_group: 'martian'"},
      {"died=maybe", "died: 'maybe'"},
      {"page=0", "page: '0'"},
      {"colour=red", "unknown parameter 'colour'"},
  };
  for (const auto& [query, message] : cases) {
    Response response = Get("/records?" + query, session);
    EXPECT_EQ(response.status, 400) << query;
    EXPECT_NE(response.body->find(HtmlEscaped(message)), std::string::npos)
        << query << ": " << *response.body;
    EXPECT_EQ(response.body->find("SYN-T-"), std::string::npos) << query;
  }
  EXPECT_EQ(Get("/records.csv?page=2", session).status, 400);  // the CSV has every row
  EXPECT_EQ(CountAudited("records.read") + CountAudited("records.export"), 0);
}

TEST_F(RecordsRoutesTest, RecordsAreOnlyRead) {
  std::string session = LogIn("ana");
  Response response = Post("/records", session, "died=yes");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(HeaderOf(response, "Allow"), "GET, HEAD");
  EXPECT_EQ(Post("/records", session, "died=yes", /*with_csrf=*/false).status, 403);
}

}  // namespace
}  // namespace cradle::web
