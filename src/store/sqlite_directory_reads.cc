// DirectoryStore on SQLite: the readers. A service is assembled from its row
// and one query per kind of child, each child put back under its service in
// the order it was written (rowid).
#include <map>

#include "store/internal/sqlite_directory.h"

namespace cradle::store::internal {
namespace {

std::optional<int> OptionalInt32(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return static_cast<int>(stmt.ColumnInt64(column));
}

std::optional<double> OptionalDouble(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return stmt.ColumnDouble(column);
}

// Runs `sql` (whose ?1 is the service id or NULL for all) and hands each row
// to `read` with the service it belongs to (column 0 holds the service id).
template <typename ReadRow>
Status ForEachChild(Database& db, const std::string& sql, std::optional<std::string_view> id,
                    std::map<std::string, Service*>& by_id, ReadRow read) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  if (id) {
    stmt.Bind(1, *id);
  } else {
    stmt.BindNull(1);
  }
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    auto found = by_id.find(row.ColumnText(0));
    if (found != by_id.end()) read(row, *found->second);
  }));
  return Status::Ok();
}

Result<std::map<std::string, Location>> ReadLocations(Database& db) {
  std::map<std::string, Location> locations;
  CRADLE_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare("SELECT id, name, description, location_type, latitude, "
                                     "longitude FROM directory_location"));
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    Location location;
    location.id = row.ColumnText(0);
    location.name = row.ColumnText(1);
    location.description = row.ColumnText(2);
    location.location_type = row.ColumnText(3);
    location.latitude = OptionalDouble(row, 4);
    location.longitude = OptionalDouble(row, 5);
    locations[location.id] = std::move(location);
  }));
  CRADLE_ASSIGN_OR_RETURN(auto address,
                          db.Prepare("SELECT location_id, id, address_1, address_2, city, "
                                     "state_province, postal_code, country, address_type FROM "
                                     "directory_address ORDER BY rowid"));
  CRADLE_RETURN_IF_ERROR(address.ForEachRow([&](const Statement& row) {
    auto found = locations.find(row.ColumnText(0));
    if (found == locations.end()) return;
    found->second.addresses.push_back({row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                                       row.ColumnText(4), row.ColumnText(5), row.ColumnText(6),
                                       row.ColumnText(7), row.ColumnText(8)});
  }));
  return locations;
}

Status ReadChildren(Database& db, std::optional<std::string_view> id,
                    std::map<std::string, Service*>& by_id) {
  const std::string where = " WHERE (?1 IS NULL OR service_id = ?1) ORDER BY rowid";
  CRADLE_ASSIGN_OR_RETURN(auto locations, ReadLocations(db));
  CRADLE_RETURN_IF_ERROR(ForEachChild(
      db,
      "SELECT service_id, id, description, location_id FROM directory_service_at_location" + where,
      id, by_id, [&](const Statement& row, Service& service) {
        ServiceAtLocation at{row.ColumnText(1), row.ColumnText(2), {}};
        if (auto found = locations.find(row.ColumnText(3)); found != locations.end()) {
          at.location = found->second;
        }
        service.service_at_locations.push_back(std::move(at));
      }));
  CRADLE_RETURN_IF_ERROR(ForEachChild(
      db,
      "SELECT service_id, id, freq, byday, opens_at, closes_at, description FROM "
      "directory_schedule" +
          where,
      id, by_id, [](const Statement& row, Service& service) {
        service.schedules.push_back({row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                                     row.ColumnText(4), row.ColumnText(5), row.ColumnText(6)});
      }));
  CRADLE_RETURN_IF_ERROR(ForEachChild(
      db, "SELECT service_id, id, name, description FROM directory_service_area" + where, id, by_id,
      [](const Statement& row, Service& service) {
        service.service_areas.push_back({row.ColumnText(1), row.ColumnText(2), row.ColumnText(3)});
      }));
  CRADLE_RETURN_IF_ERROR(
      ForEachChild(db, "SELECT service_id, id, name, code, note FROM directory_language" + where,
                   id, by_id, [](const Statement& row, Service& service) {
                     service.languages.push_back({row.ColumnText(1), row.ColumnText(2),
                                                  row.ColumnText(3), row.ColumnText(4)});
                   }));
  std::map<std::string, Contact*> contacts;
  CRADLE_RETURN_IF_ERROR(ForEachChild(
      db, "SELECT service_id, id, name, title, email FROM directory_contact" + where, id, by_id,
      [](const Statement& row, Service& service) {
        service.contacts.push_back(
            {row.ColumnText(1), row.ColumnText(2), row.ColumnText(3), row.ColumnText(4), {}});
      }));
  for (auto& [service_id, service] : by_id) {
    for (Contact& contact : service->contacts) contacts[contact.id] = &contact;
  }
  CRADLE_ASSIGN_OR_RETURN(auto phone, db.Prepare("SELECT contact_id, id, number, description FROM "
                                                 "directory_phone ORDER BY rowid"));
  CRADLE_RETURN_IF_ERROR(phone.ForEachRow([&](const Statement& row) {
    auto found = contacts.find(row.ColumnText(0));
    if (found == contacts.end()) return;
    found->second->phones.push_back({row.ColumnText(1), row.ColumnText(2), row.ColumnText(3)});
  }));
  CRADLE_RETURN_IF_ERROR(ForEachChild(
      db,
      "SELECT service_id, id, option, amount, amount_description FROM directory_cost_option" +
          where,
      id, by_id, [](const Statement& row, Service& service) {
        service.cost_options.push_back(
            {row.ColumnText(1), row.ColumnText(2), OptionalDouble(row, 3), row.ColumnText(4)});
      }));
  return ForEachChild(
      db,
      "SELECT service_id, id, taxonomy_term_id, link_type, value FROM directory_attribute" + where,
      id, by_id, [](const Statement& row, Service& service) {
        service.attributes.push_back(
            {row.ColumnText(1), row.ColumnText(2), row.ColumnText(3), row.ColumnText(4)});
      });
}

}  // namespace

Result<std::vector<Service>> ReadSqliteServices(Database& db, std::optional<std::string_view> id) {
  CRADLE_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("SELECT id, organization_id, name, description, url, email, status, "
                 "fees_description, minimum_age, maximum_age, assured_date, assurer_email, alert, "
                 "last_modified, example FROM directory_service WHERE (?1 IS NULL OR id = ?1) "
                 "ORDER BY name, id"));
  if (id) {
    stmt.Bind(1, *id);
  } else {
    stmt.BindNull(1);
  }
  std::vector<Service> services;
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    Service service;
    service.id = row.ColumnText(0);
    service.organization_id = row.ColumnText(1);
    service.name = row.ColumnText(2);
    service.description = row.ColumnText(3);
    service.url = row.ColumnText(4);
    service.email = row.ColumnText(5);
    service.status = row.ColumnText(6);
    service.fees_description = row.ColumnText(7);
    service.minimum_age = OptionalInt32(row, 8);
    service.maximum_age = OptionalInt32(row, 9);
    service.assured_date = row.ColumnText(10);
    service.assurer_email = row.ColumnText(11);
    service.alert = row.ColumnText(12);
    service.last_modified = row.ColumnText(13);
    service.example = row.ColumnInt64(14) != 0;
    services.push_back(std::move(service));
  }));
  if (services.empty()) return services;
  std::map<std::string, Service*> by_id;
  for (Service& service : services) by_id[service.id] = &service;
  CRADLE_RETURN_IF_ERROR(ReadChildren(db, id, by_id));
  return services;
}

Result<std::vector<Organization>> ReadSqliteOrganizations(Database& db) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare("SELECT id, name, description, email, website, example FROM "
                                     "directory_organization ORDER BY name, id"));
  std::vector<Organization> out;
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    out.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                   row.ColumnText(4), row.ColumnInt64(5) != 0});
  }));
  return out;
}

Result<std::vector<Taxonomy>> ReadSqliteTaxonomies(Database& db) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT id, name, description, uri, version FROM "
                                                "directory_taxonomy ORDER BY name, id"));
  std::vector<Taxonomy> out;
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    out.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                   row.ColumnText(4)});
  }));
  return out;
}

Result<std::vector<TaxonomyTerm>> ReadSqliteTaxonomyTerms(Database& db) {
  CRADLE_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare("SELECT term.id, term.taxonomy_id, COALESCE(term.parent_id, ''), "
                            "term.code, term.name, term.description, term.term_uri, "
                            "term.esd_service_type FROM directory_taxonomy_term AS term JOIN "
                            "directory_taxonomy AS taxonomy ON taxonomy.id = term.taxonomy_id "
                            "ORDER BY taxonomy.name, term.code, term.id"));
  std::vector<TaxonomyTerm> out;
  CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
    out.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                   row.ColumnText(4), row.ColumnText(5), row.ColumnText(6), row.ColumnText(7)});
  }));
  return out;
}

}  // namespace cradle::store::internal
