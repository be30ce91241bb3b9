// DirectoryStore on SQLite: the writes. Each public write opens its own
// transaction and commits only when every row of it went in; the Write…
// helpers run inside the caller's transaction so ImportDirectory can compose
// them into one.
#include "store/internal/sqlite_directory.h"

#include <set>

#include "store/internal/sqlite_accounts.h"

namespace cradle::store::internal {
namespace {

Statement& BindInt(Statement& stmt, int index, std::optional<int> value) {
  if (value) return stmt.Bind(index, static_cast<int64_t>(*value));
  return stmt.BindNull(index);
}

Statement& BindText(Statement& stmt, int index, const std::string& value, bool empty_is_null) {
  if (empty_is_null && value.empty()) return stmt.BindNull(index);
  return stmt.Bind(index, std::string_view(value));
}

Result<bool> Exists(Database& db, std::string_view table, std::string_view id) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?1"));
  return stmt.Bind(1, id).Step();
}

Status WriteLocation(Database& db, const Location& location) {
  CRADLE_ASSIGN_OR_RETURN(
      auto upsert,
      db.Prepare("INSERT INTO directory_location (id, name, description, location_type, latitude, "
                 "longitude) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET "
                 "name = excluded.name, description = excluded.description, "
                 "location_type = excluded.location_type, latitude = excluded.latitude, "
                 "longitude = excluded.longitude"));
  CRADLE_RETURN_IF_ERROR(upsert.Bind(1, location.id)
                             .Bind(2, location.name)
                             .Bind(3, location.description)
                             .Bind(4, location.location_type)
                             .Bind(5, location.latitude)
                             .Bind(6, location.longitude)
                             .Run());
  CRADLE_ASSIGN_OR_RETURN(auto clear,
                          db.Prepare("DELETE FROM directory_address WHERE location_id = ?1"));
  CRADLE_RETURN_IF_ERROR(clear.Bind(1, location.id).Run());
  CRADLE_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO directory_address (id, location_id, address_1, address_2, city, "
                 "state_province, postal_code, country, address_type) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  for (const Address& address : location.addresses) {
    CRADLE_RETURN_IF_ERROR(insert.Bind(1, address.id)
                               .Bind(2, location.id)
                               .Bind(3, address.address_1)
                               .Bind(4, address.address_2)
                               .Bind(5, address.city)
                               .Bind(6, address.state_province)
                               .Bind(7, address.postal_code)
                               .Bind(8, address.country)
                               .Bind(9, address.address_type)
                               .Run());
  }
  return Status::Ok();
}

// Every row nested in a service, after its own row exists and its old
// children are gone.
Status WriteServiceChildren(Database& db, const Service& service) {
  for (const ServiceAtLocation& at : service.service_at_locations) {
    CRADLE_RETURN_IF_ERROR(WriteLocation(db, at.location));
    CRADLE_ASSIGN_OR_RETURN(auto stmt,
                            db.Prepare("INSERT INTO directory_service_at_location (id, service_id, "
                                       "location_id, description) VALUES (?1, ?2, ?3, ?4)"));
    CRADLE_RETURN_IF_ERROR(stmt.Bind(1, at.id)
                               .Bind(2, service.id)
                               .Bind(3, at.location.id)
                               .Bind(4, at.description)
                               .Run());
  }
  CRADLE_ASSIGN_OR_RETURN(
      auto schedule,
      db.Prepare("INSERT INTO directory_schedule (id, service_id, freq, byday, opens_at, "
                 "closes_at, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (const Schedule& one : service.schedules) {
    CRADLE_RETURN_IF_ERROR(schedule.Bind(1, one.id)
                               .Bind(2, service.id)
                               .Bind(3, one.freq)
                               .Bind(4, one.byday)
                               .Bind(5, one.opens_at)
                               .Bind(6, one.closes_at)
                               .Bind(7, one.description)
                               .Run());
  }
  CRADLE_ASSIGN_OR_RETURN(auto area,
                          db.Prepare("INSERT INTO directory_service_area (id, service_id, name, "
                                     "description) VALUES (?1, ?2, ?3, ?4)"));
  for (const ServiceArea& one : service.service_areas) {
    CRADLE_RETURN_IF_ERROR(
        area.Bind(1, one.id).Bind(2, service.id).Bind(3, one.name).Bind(4, one.description).Run());
  }
  CRADLE_ASSIGN_OR_RETURN(auto language,
                          db.Prepare("INSERT INTO directory_language (id, service_id, name, code, "
                                     "note) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const Language& one : service.languages) {
    CRADLE_RETURN_IF_ERROR(language.Bind(1, one.id)
                               .Bind(2, service.id)
                               .Bind(3, one.name)
                               .Bind(4, one.code)
                               .Bind(5, one.note)
                               .Run());
  }
  CRADLE_ASSIGN_OR_RETURN(auto contact,
                          db.Prepare("INSERT INTO directory_contact (id, service_id, name, title, "
                                     "email) VALUES (?1, ?2, ?3, ?4, ?5)"));
  CRADLE_ASSIGN_OR_RETURN(auto phone,
                          db.Prepare("INSERT INTO directory_phone (id, contact_id, number, "
                                     "description) VALUES (?1, ?2, ?3, ?4)"));
  for (const Contact& one : service.contacts) {
    CRADLE_RETURN_IF_ERROR(contact.Bind(1, one.id)
                               .Bind(2, service.id)
                               .Bind(3, one.name)
                               .Bind(4, one.title)
                               .Bind(5, one.email)
                               .Run());
    for (const Phone& number : one.phones) {
      CRADLE_RETURN_IF_ERROR(phone.Bind(1, number.id)
                                 .Bind(2, one.id)
                                 .Bind(3, number.number)
                                 .Bind(4, number.description)
                                 .Run());
    }
  }
  CRADLE_ASSIGN_OR_RETURN(
      auto cost, db.Prepare("INSERT INTO directory_cost_option (id, service_id, option, amount, "
                            "amount_description) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const CostOption& one : service.cost_options) {
    CRADLE_RETURN_IF_ERROR(cost.Bind(1, one.id)
                               .Bind(2, service.id)
                               .Bind(3, one.option)
                               .Bind(4, one.amount)
                               .Bind(5, one.amount_description)
                               .Run());
  }
  CRADLE_ASSIGN_OR_RETURN(auto term_exists,
                          db.Prepare("SELECT 1 FROM directory_taxonomy_term WHERE id = ?1"));
  CRADLE_ASSIGN_OR_RETURN(
      auto attribute,
      db.Prepare("INSERT INTO directory_attribute (id, service_id, "
                 "taxonomy_term_id, link_type, value) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const Attribute& one : service.attributes) {
    CRADLE_ASSIGN_OR_RETURN(bool known, term_exists.Bind(1, one.taxonomy_term_id).Step());
    term_exists.Reset();
    if (!known) {
      return Status::NotFound("service " + service.id + " is tagged with taxonomy term " +
                              one.taxonomy_term_id + ", which is not in the directory");
    }
    CRADLE_RETURN_IF_ERROR(attribute.Bind(1, one.id)
                               .Bind(2, service.id)
                               .Bind(3, one.taxonomy_term_id)
                               .Bind(4, one.link_type)
                               .Bind(5, one.value)
                               .Run());
  }
  return Status::Ok();
}

Status CheckOrganization(Database& db, const Service& service) {
  CRADLE_ASSIGN_OR_RETURN(bool known,
                          Exists(db, "directory_organization", service.organization_id));
  if (!known) {
    return Status::NotFound("service " + service.id + " names organization " +
                            service.organization_id + ", which is not in the directory");
  }
  return Status::Ok();
}

// The service's own row: inserted when `insert`, else updated in place (so
// rows elsewhere that refer to it, such as referrals, keep pointing at it).
Status WriteServiceRow(Database& db, const Service& service, std::string_view modified_at,
                       bool insert) {
  std::string sql =
      insert ? "INSERT INTO directory_service (organization_id, name, description, url, email, "
               "status, fees_description, minimum_age, maximum_age, assured_date, "
               "assurer_email, alert, last_modified, example, id) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
             : "UPDATE directory_service SET organization_id = ?1, name = ?2, description = ?3, "
               "url = ?4, email = ?5, status = ?6, fees_description = ?7, minimum_age = ?8, "
               "maximum_age = ?9, assured_date = ?10, assurer_email = ?11, alert = ?12, "
               "last_modified = ?13, example = ?14 WHERE id = ?15";
  CRADLE_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  stmt.Bind(1, service.organization_id)
      .Bind(2, service.name)
      .Bind(3, service.description)
      .Bind(4, service.url)
      .Bind(5, service.email)
      .Bind(6, service.status)
      .Bind(7, service.fees_description);
  BindInt(stmt, 8, service.minimum_age);
  BindInt(stmt, 9, service.maximum_age);
  stmt.Bind(10, service.assured_date)
      .Bind(11, service.assurer_email)
      .Bind(12, service.alert)
      .Bind(13, modified_at)
      .Bind(14, static_cast<int64_t>(service.example ? 1 : 0))
      .Bind(15, service.id);
  Status written = stmt.Run();
  if (!written.ok()) {
    return Status::InvalidData("service " + service.id +
                               " could not be stored: " + written.message());
  }
  if (insert) return Status::Ok();
  for (const char* table : {"directory_service_at_location", "directory_schedule",
                            "directory_service_area", "directory_language", "directory_contact",
                            "directory_cost_option", "directory_attribute"}) {
    CRADLE_ASSIGN_OR_RETURN(
        auto clear, db.Prepare("DELETE FROM " + std::string(table) + " WHERE service_id = ?1"));
    CRADLE_RETURN_IF_ERROR(clear.Bind(1, service.id).Run());
  }
  return Status::Ok();
}

Status WriteService(Database& db, const Service& service, std::string_view modified_at,
                    bool insert) {
  CRADLE_RETURN_IF_ERROR(CheckOrganization(db, service));
  CRADLE_RETURN_IF_ERROR(WriteServiceRow(db, service, modified_at, insert));
  return WriteServiceChildren(db, service);
}

Status WriteTaxonomy(Database& db, const Taxonomy& taxonomy,
                     const std::vector<TaxonomyTerm>& terms) {
  CRADLE_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("INSERT INTO directory_taxonomy (id, name, description, uri, version) VALUES "
                 "(?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                 "description = excluded.description, uri = excluded.uri, "
                 "version = excluded.version"));
  CRADLE_RETURN_IF_ERROR(stmt.Bind(1, taxonomy.id)
                             .Bind(2, taxonomy.name)
                             .Bind(3, taxonomy.description)
                             .Bind(4, taxonomy.uri)
                             .Bind(5, taxonomy.version)
                             .Run());
  CRADLE_ASSIGN_OR_RETURN(
      auto term,
      db.Prepare("INSERT INTO directory_taxonomy_term (id, taxonomy_id, parent_id, code, name, "
                 "description, term_uri, esd_service_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                 "?8) ON CONFLICT(id) DO UPDATE SET taxonomy_id = excluded.taxonomy_id, "
                 "parent_id = excluded.parent_id, code = excluded.code, name = excluded.name, "
                 "description = excluded.description, term_uri = excluded.term_uri, "
                 "esd_service_type = excluded.esd_service_type"));
  for (const TaxonomyTerm& one : terms) {
    term.Bind(1, one.id).Bind(2, taxonomy.id);
    BindText(term, 3, one.parent_id, true);
    CRADLE_RETURN_IF_ERROR(term.Bind(4, one.code)
                               .Bind(5, one.name)
                               .Bind(6, one.description)
                               .Bind(7, one.term_uri)
                               .Bind(8, one.esd_service_type)
                               .Run());
  }
  // Parents are checked once every term is in, so their order does not matter.
  CRADLE_ASSIGN_OR_RETURN(
      auto orphan,
      db.Prepare("SELECT child.id, child.parent_id FROM directory_taxonomy_term AS child "
                 "LEFT JOIN directory_taxonomy_term AS parent ON parent.id = child.parent_id "
                 "WHERE child.parent_id IS NOT NULL AND parent.id IS NULL LIMIT 1"));
  CRADLE_ASSIGN_OR_RETURN(bool found, orphan.Step());
  if (found) {
    return Status::InvalidData("taxonomy term " + orphan.ColumnText(0) + " names parent " +
                               orphan.ColumnText(1) + ", which is not a known term");
  }
  return Status::Ok();
}

Status WriteOrganization(Database& db, const Organization& organization) {
  CRADLE_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("INSERT INTO directory_organization (id, name, description, email, website, "
                 "example) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET "
                 "name = excluded.name, description = excluded.description, "
                 "email = excluded.email, website = excluded.website, example = excluded.example"));
  return stmt.Bind(1, organization.id)
      .Bind(2, organization.name)
      .Bind(3, organization.description)
      .Bind(4, organization.email)
      .Bind(5, organization.website)
      .Bind(6, static_cast<int64_t>(organization.example ? 1 : 0))
      .Run();
}

// Appends `audit`'s entry, if there is one, in the caller's transaction.
Status Seal(Database& db, const AuditSeal* audit) {
  if (audit == nullptr) return Status::Ok();
  return AppendAuditRow(db, *audit).status();
}

class SqliteDirectoryStore final : public DirectoryStore {
 public:
  explicit SqliteDirectoryStore(Database& db) : db_(db) {}

  Status UpsertTaxonomy(const Taxonomy& taxonomy, const std::vector<TaxonomyTerm>& terms) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_RETURN_IF_ERROR(WriteTaxonomy(db_, taxonomy, terms));
    return txn->Commit();
  }

  Status UpsertOrganization(const Organization& organization) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_RETURN_IF_ERROR(WriteOrganization(db_, organization));
    return txn->Commit();
  }

  Status CreateService(const Service& service, std::string_view modified_at,
                       const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(bool taken, Exists(db_, "directory_service", service.id));
    if (taken) return Status::InvalidArgument("service " + service.id + " already exists");
    CRADLE_RETURN_IF_ERROR(WriteService(db_, service, modified_at, true));
    CRADLE_RETURN_IF_ERROR(Seal(db_, audit));
    return txn->Commit();
  }

  Status UpdateService(const Service& service, std::string_view modified_at,
                       const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(bool known, Exists(db_, "directory_service", service.id));
    if (!known) return Status::NotFound("there is no service " + service.id);
    CRADLE_RETURN_IF_ERROR(WriteService(db_, service, modified_at, false));
    CRADLE_RETURN_IF_ERROR(Seal(db_, audit));
    return txn->Commit();
  }

  Status AssureService(std::string_view service_id, std::string_view assured_date,
                       std::string_view assurer_email, std::string_view modified_at,
                       const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(auto stmt,
                            db_.Prepare("UPDATE directory_service SET assured_date = ?1, "
                                        "assurer_email = ?2, last_modified = ?3 WHERE id = ?4"));
    CRADLE_RETURN_IF_ERROR(stmt.Bind(1, assured_date)
                               .Bind(2, assurer_email)
                               .Bind(3, modified_at)
                               .Bind(4, service_id)
                               .Run());
    if (db_.Changes() == 0)
      return Status::NotFound("there is no service " + std::string(service_id));
    CRADLE_RETURN_IF_ERROR(Seal(db_, audit));
    return txn->Commit();
  }

  Status ImportDirectory(const DirectoryContents& contents, std::string_view modified_at,
                         const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    for (const Taxonomy& taxonomy : contents.taxonomies) {
      std::vector<TaxonomyTerm> terms;
      for (const TaxonomyTerm& term : contents.taxonomy_terms) {
        if (term.taxonomy_id == taxonomy.id) terms.push_back(term);
      }
      CRADLE_RETURN_IF_ERROR(WriteTaxonomy(db_, taxonomy, terms));
    }
    std::set<std::string> taxonomy_ids;
    for (const Taxonomy& taxonomy : contents.taxonomies) taxonomy_ids.insert(taxonomy.id);
    for (const TaxonomyTerm& term : contents.taxonomy_terms) {
      if (taxonomy_ids.count(term.taxonomy_id) == 0) {
        return Status::NotFound("taxonomy term " + term.id + " names taxonomy " + term.taxonomy_id +
                                ", which is not in the import");
      }
    }
    for (const Organization& organization : contents.organizations) {
      CRADLE_RETURN_IF_ERROR(WriteOrganization(db_, organization));
    }
    for (const Service& service : contents.services) {
      CRADLE_ASSIGN_OR_RETURN(bool known, Exists(db_, "directory_service", service.id));
      std::string_view stamp =
          service.last_modified.empty() ? modified_at : std::string_view(service.last_modified);
      CRADLE_RETURN_IF_ERROR(WriteService(db_, service, stamp, !known));
    }
    CRADLE_RETURN_IF_ERROR(Seal(db_, audit));
    return txn->Commit();
  }

  Result<std::vector<Service>> Services() override { return ReadSqliteServices(db_, std::nullopt); }

  Result<std::optional<Service>> FindService(std::string_view id) override {
    CRADLE_ASSIGN_OR_RETURN(auto found, ReadSqliteServices(db_, id));
    if (found.empty()) return std::optional<Service>();
    return std::optional<Service>(std::move(found.front()));
  }

  Result<int64_t> CountServices() override { return Count("directory_service"); }
  Result<int64_t> CountPostcodes() override { return Count("directory_postcode"); }

  Result<std::vector<Organization>> Organizations() override {
    return ReadSqliteOrganizations(db_);
  }
  Result<std::vector<Taxonomy>> Taxonomies() override { return ReadSqliteTaxonomies(db_); }
  Result<std::vector<TaxonomyTerm>> TaxonomyTerms() override {
    return ReadSqliteTaxonomyTerms(db_);
  }

  Result<int64_t> ReplacePostcodes(const std::vector<PostcodeCentroid>& centroids) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_RETURN_IF_ERROR(db_.Exec("DELETE FROM directory_postcode"));
    CRADLE_ASSIGN_OR_RETURN(auto stmt,
                            db_.Prepare("INSERT INTO directory_postcode (postcode, latitude, "
                                        "longitude) VALUES (?1, ?2, ?3)"));
    for (const PostcodeCentroid& one : centroids) {
      Status inserted =
          stmt.Bind(1, one.postcode).Bind(2, one.latitude).Bind(3, one.longitude).Run();
      if (!inserted.ok()) {
        return Status::InvalidData("postcode " + one.postcode + " appears twice in the lookup");
      }
    }
    CRADLE_RETURN_IF_ERROR(txn->Commit());
    return static_cast<int64_t>(centroids.size());
  }

  Result<std::optional<PostcodeCentroid>> FindPostcode(std::string_view postcode) override {
    CRADLE_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("SELECT postcode, latitude, longitude FROM directory_postcode "
                               "WHERE postcode = ?1"));
    CRADLE_ASSIGN_OR_RETURN(bool found, stmt.Bind(1, postcode).Step());
    if (!found) return std::optional<PostcodeCentroid>();
    return std::optional<PostcodeCentroid>(
        PostcodeCentroid{stmt.ColumnText(0), stmt.ColumnDouble(1), stmt.ColumnDouble(2)});
  }

 private:
  Result<int64_t> Count(const std::string& table) {
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT COUNT(*) FROM " + table));
    CRADLE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    return row ? stmt.ColumnInt64(0) : 0;
  }

  Database& db_;
};

}  // namespace

std::unique_ptr<DirectoryStore> NewSqliteDirectoryStore(Database& db) {
  return std::make_unique<SqliteDirectoryStore>(db);
}

}  // namespace cradle::store::internal
