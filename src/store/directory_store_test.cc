// The directory's SQLite store on a real file: a fully nested service comes
// back as written, and every write is one transaction (a failure leaves the
// store as it was).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"

namespace cradle::store {
namespace {

class DirectoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("cradle_directory_store_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    auto opened = OpenSqliteStore(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    directory_ = store_->Directory();
  }
  void TearDown() override {
    directory_.reset();
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
  }

  static Taxonomy LocalTaxonomy() {
    return {"5a0c2a38-0000-4000-8000-000000000001", "Leicester:IM", "Local terms", "", "1"};
  }
  static std::vector<TaxonomyTerm> Terms() {
    return {{"5a0c2a38-0000-4000-8000-000000000011", LocalTaxonomy().id, "",
             "Leicester:IM:pregnancy", "Pregnancy", "", "", ""},
            {"5a0c2a38-0000-4000-8000-000000000012", LocalTaxonomy().id,
             "5a0c2a38-0000-4000-8000-000000000011", "Leicester:IM:safe-sleep", "Safe sleep", "",
             "", "Safety equipment"}};
  }
  static Organization Org() {
    return {"5a0c2a38-0000-4000-8000-000000000021",
            "Example Trust",
            "",
            "info@example.org",
            "https://example.org",
            true};
  }
  static Service FullService() {
    Service service;
    service.id = "5a0c2a38-0000-4000-8000-000000000031";
    service.organization_id = Org().id;
    service.name = "Safe sleep spaces";
    service.description = "A safe sleep space for every baby referred.";
    service.url = "https://example.org/sleep";
    service.email = "sleep@example.org";
    service.status = "active";
    service.fees_description = "Free";
    service.minimum_age = 0;
    service.maximum_age = 1;
    service.assured_date = "2026-01-15";
    service.assurer_email = "checker@example.org";
    service.alert = "Closed on bank holidays";
    service.example = true;
    service.schedules = {{"s1", "WEEKLY", "MO,WE", "09:00", "17:00", "Weekdays"}};
    service.service_areas = {{"a1", "Leicester", "Leicester City"}};
    Location location;
    location.id = "l1";
    location.name = "Family hub";
    location.latitude = 52.6369;
    location.longitude = -1.1398;
    location.addresses = {{"ad1", "1 Example Street", "", "Leicester", "Leicestershire", "LE1 1AA",
                           "GB", "physical"}};
    service.service_at_locations = {{"sal1", "Mondays", location}};
    service.languages = {{"lang1", "English", "en", ""}, {"lang2", "Polish", "pl", "on request"}};
    service.contacts = {{"c1",
                         "Duty worker",
                         "Coordinator",
                         "duty@example.org",
                         {{"p1", "0000 000 0000", "placeholder"}}}};
    service.cost_options = {{"co1", "Everyone", 0.0, "free"}};
    service.attributes = {{"at1", Terms()[1].id, "service_type", ""}};
    return service;
  }
  void AddVocabulary() {
    ASSERT_TRUE(directory_->UpsertTaxonomy(LocalTaxonomy(), Terms()).ok());
    ASSERT_TRUE(directory_->UpsertOrganization(Org()).ok());
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<DirectoryStore> directory_;
};

TEST_F(DirectoryStoreTest, FullyNestedServiceRoundTrips) {
  AddVocabulary();
  ASSERT_TRUE(directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z").ok());
  auto found = directory_->FindService(FullService().id);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(found->has_value());
  const Service& back = **found;
  Service expected = FullService();
  EXPECT_EQ(back.name, expected.name);
  EXPECT_EQ(back.status, "active");
  EXPECT_EQ(back.minimum_age, 0);
  EXPECT_EQ(back.maximum_age, 1);
  EXPECT_EQ(back.assured_date, "2026-01-15");
  EXPECT_EQ(back.last_modified, "2026-02-01T10:00:00.000Z");
  EXPECT_TRUE(back.example);
  ASSERT_EQ(back.schedules.size(), 1u);
  EXPECT_EQ(back.schedules[0].byday, "MO,WE");
  ASSERT_EQ(back.service_at_locations.size(), 1u);
  EXPECT_EQ(back.service_at_locations[0].location.name, "Family hub");
  EXPECT_DOUBLE_EQ(*back.service_at_locations[0].location.latitude, 52.6369);
  ASSERT_EQ(back.service_at_locations[0].location.addresses.size(), 1u);
  EXPECT_EQ(back.service_at_locations[0].location.addresses[0].postal_code, "LE1 1AA");
  ASSERT_EQ(back.languages.size(), 2u);
  EXPECT_EQ(back.languages[1].code, "pl");
  ASSERT_EQ(back.contacts.size(), 1u);
  ASSERT_EQ(back.contacts[0].phones.size(), 1u);
  EXPECT_EQ(back.contacts[0].phones[0].number, "0000 000 0000");
  ASSERT_EQ(back.cost_options.size(), 1u);
  EXPECT_EQ(back.cost_options[0].amount, 0.0);
  ASSERT_EQ(back.attributes.size(), 1u);
  EXPECT_EQ(back.attributes[0].taxonomy_term_id, Terms()[1].id);
  auto terms = directory_->TaxonomyTerms();
  ASSERT_TRUE(terms.ok());
  ASSERT_EQ(terms->size(), 2u);
  EXPECT_EQ((*terms)[1].parent_id, Terms()[0].id);
  EXPECT_EQ((*terms)[1].esd_service_type, "Safety equipment");
}

TEST_F(DirectoryStoreTest, CreatingATakenIdIsRefused) {
  AddVocabulary();
  ASSERT_TRUE(directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z").ok());
  Status again = directory_->CreateService(FullService(), "2026-02-02T10:00:00.000Z");
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(again.message(), "service 5a0c2a38-0000-4000-8000-000000000031 already exists");
}

TEST_F(DirectoryStoreTest, UpdateReplacesChildrenAndSetsLastModified) {
  AddVocabulary();
  ASSERT_TRUE(directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z").ok());
  Service changed = FullService();
  changed.name = "Safe sleep spaces (Baby Basics)";
  changed.languages = {{"lang3", "Gujarati", "gu", ""}};
  changed.schedules.clear();
  ASSERT_TRUE(directory_->UpdateService(changed, "2026-03-01T09:30:00.123Z").ok());
  auto back = directory_->FindService(changed.id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->name, "Safe sleep spaces (Baby Basics)");
  EXPECT_EQ((*back)->last_modified, "2026-03-01T09:30:00.123Z");
  ASSERT_EQ((*back)->languages.size(), 1u);
  EXPECT_EQ((*back)->languages[0].name, "Gujarati");
  EXPECT_TRUE((*back)->schedules.empty());
  EXPECT_EQ((*back)->contacts[0].phones.size(), 1u);
}

TEST_F(DirectoryStoreTest, UpdatingAnUnknownServiceIsNotFound) {
  AddVocabulary();
  Status updated = directory_->UpdateService(FullService(), "2026-03-01T09:30:00.123Z");
  EXPECT_EQ(updated.code(), StatusCode::kNotFound);
  EXPECT_EQ(updated.message(), "there is no service 5a0c2a38-0000-4000-8000-000000000031");
}

TEST_F(DirectoryStoreTest, AssureSetsDateEmailAndLastModified) {
  AddVocabulary();
  ASSERT_TRUE(directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z").ok());
  ASSERT_TRUE(directory_
                  ->AssureService(FullService().id, "2026-04-01", "admin@example.org",
                                  "2026-04-01T08:00:00.000Z")
                  .ok());
  auto back = directory_->FindService(FullService().id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->assured_date, "2026-04-01");
  EXPECT_EQ((*back)->assurer_email, "admin@example.org");
  EXPECT_EQ((*back)->last_modified, "2026-04-01T08:00:00.000Z");
  EXPECT_EQ(directory_->AssureService("nope", "2026-04-01", "a@example.org", "x").code(),
            StatusCode::kNotFound);
}

// A service tagged with an unknown term fails after its row, its location and
// its schedules were written: none of them may remain.
TEST_F(DirectoryStoreTest, AFailedCreateLeavesNothingBehind) {
  AddVocabulary();
  Service bad = FullService();
  bad.attributes.push_back({"at2", "5a0c2a38-0000-4000-8000-00000000ffff", "eligibility", ""});
  Status created = directory_->CreateService(bad, "2026-02-01T10:00:00.000Z");
  EXPECT_EQ(created.code(), StatusCode::kNotFound);
  EXPECT_EQ(created.message(),
            "service 5a0c2a38-0000-4000-8000-000000000031 is tagged with taxonomy term "
            "5a0c2a38-0000-4000-8000-00000000ffff, which is not in the directory");
  EXPECT_EQ(*directory_->CountServices(), 0);
  auto services = directory_->Services();
  ASSERT_TRUE(services.ok());
  EXPECT_TRUE(services->empty());
  // Nothing of it blocks a clean retry (its child ids were rolled back too).
  ASSERT_TRUE(directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z").ok());
  EXPECT_EQ((*directory_->FindService(FullService().id))->schedules.size(), 1u);
}

TEST_F(DirectoryStoreTest, AServiceOfAnUnknownOrganizationIsRefused) {
  ASSERT_TRUE(directory_->UpsertTaxonomy(LocalTaxonomy(), Terms()).ok());
  Status created = directory_->CreateService(FullService(), "2026-02-01T10:00:00.000Z");
  EXPECT_EQ(created.code(), StatusCode::kNotFound);
  EXPECT_EQ(created.message(),
            "service 5a0c2a38-0000-4000-8000-000000000031 names organization "
            "5a0c2a38-0000-4000-8000-000000000021, which is not in the directory");
}

TEST_F(DirectoryStoreTest, ATermWithAnUnknownParentIsRefusedWhole) {
  std::vector<TaxonomyTerm> terms = Terms();
  terms[1].parent_id = "5a0c2a38-0000-4000-8000-00000000eeee";
  Status upserted = directory_->UpsertTaxonomy(LocalTaxonomy(), terms);
  EXPECT_EQ(upserted.code(), StatusCode::kInvalidData);
  EXPECT_EQ(upserted.message(),
            "taxonomy term 5a0c2a38-0000-4000-8000-000000000012 names parent "
            "5a0c2a38-0000-4000-8000-00000000eeee, which is not a known term");
  EXPECT_TRUE(directory_->Taxonomies()->empty());
  EXPECT_TRUE(directory_->TaxonomyTerms()->empty());
}

TEST_F(DirectoryStoreTest, ImportIsOneTransaction) {
  DirectoryContents contents;
  contents.taxonomies = {LocalTaxonomy()};
  contents.taxonomy_terms = Terms();
  contents.organizations = {Org()};
  contents.services = {FullService()};
  Service second = FullService();
  second.id = "5a0c2a38-0000-4000-8000-000000000032";
  second.schedules = {{"s2", "WEEKLY", "TU", "10:00", "12:00", ""}};
  second.service_at_locations.clear();
  second.languages.clear();
  second.contacts.clear();
  second.cost_options.clear();
  second.service_areas.clear();
  second.attributes = {{"at9", "unknown-term", "service_type", ""}};
  contents.services.push_back(second);
  EXPECT_EQ(directory_->ImportDirectory(contents, "2026-02-01T10:00:00.000Z").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(*directory_->CountServices(), 0);
  EXPECT_TRUE(directory_->Organizations()->empty());
  EXPECT_TRUE(directory_->Taxonomies()->empty());

  contents.services.pop_back();
  ASSERT_TRUE(directory_->ImportDirectory(contents, "2026-02-01T10:00:00.000Z").ok());
  // Importing again updates in place.
  ASSERT_TRUE(directory_->ImportDirectory(contents, "2026-02-02T10:00:00.000Z").ok());
  EXPECT_EQ(*directory_->CountServices(), 1);
  EXPECT_EQ((*directory_->FindService(FullService().id))->last_modified,
            "2026-02-02T10:00:00.000Z");
}

TEST_F(DirectoryStoreTest, PostcodesAreReplacedWholeOrNotAtAll) {
  ASSERT_EQ(*directory_->ReplacePostcodes({{"LE1 1AA", 52.63, -1.13}, {"LE2 2BB", 52.61, -1.12}}),
            2);
  auto found = directory_->FindPostcode("LE2 2BB");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_DOUBLE_EQ((*found)->latitude, 52.61);
  auto twice = directory_->ReplacePostcodes({{"LE3 3CC", 52.6, -1.2}, {"LE3 3CC", 52.6, -1.2}});
  EXPECT_EQ(twice.status().message(), "postcode LE3 3CC appears twice in the lookup");
  EXPECT_EQ(*directory_->CountPostcodes(), 2);
  EXPECT_FALSE(directory_->FindPostcode("LE3 3CC")->has_value());
}

}  // namespace
}  // namespace cradle::store
