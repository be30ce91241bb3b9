// Schema migration 4: the service directory (Open Referral UK). Tables are
// prefixed directory_ so they cannot collide with the accounts' own
// organisations. Children of a service go with it (ON DELETE CASCADE);
// locations are shared between services and outlive them. Rows keep their
// insertion order (rowid), which the readers use to give arrays back in the
// order they were written.
#include "store/internal/sqlite_directory.h"

namespace cradle::store::internal {

const char* const kDirectoryMigration = R"sql(
CREATE TABLE directory_taxonomy (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  uri         TEXT NOT NULL DEFAULT '',
  version     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_taxonomy_term (
  id               TEXT PRIMARY KEY,
  taxonomy_id      TEXT NOT NULL REFERENCES directory_taxonomy(id),
  parent_id        TEXT REFERENCES directory_taxonomy_term(id) DEFERRABLE INITIALLY DEFERRED,
  code             TEXT NOT NULL DEFAULT '',
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  term_uri         TEXT NOT NULL DEFAULT '',
  esd_service_type TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_organization (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  website     TEXT NOT NULL DEFAULT '',
  example     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE directory_service (
  id               TEXT PRIMARY KEY,
  organization_id  TEXT NOT NULL REFERENCES directory_organization(id),
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  url              TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'defunct',
                                                   'temporarily closed')),
  fees_description TEXT NOT NULL DEFAULT '',
  minimum_age      INTEGER,
  maximum_age      INTEGER,
  assured_date     TEXT NOT NULL DEFAULT '',
  assurer_email    TEXT NOT NULL DEFAULT '',
  alert            TEXT NOT NULL DEFAULT '',
  last_modified    TEXT NOT NULL,
  example          INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE directory_location (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL DEFAULT '',
  description   TEXT NOT NULL DEFAULT '',
  location_type TEXT NOT NULL DEFAULT 'physical',
  latitude      REAL,
  longitude     REAL
);
CREATE TABLE directory_address (
  id             TEXT PRIMARY KEY,
  location_id    TEXT NOT NULL REFERENCES directory_location(id) ON DELETE CASCADE,
  address_1      TEXT NOT NULL DEFAULT '',
  address_2      TEXT NOT NULL DEFAULT '',
  city           TEXT NOT NULL DEFAULT '',
  state_province TEXT NOT NULL DEFAULT '',
  postal_code    TEXT NOT NULL DEFAULT '',
  country        TEXT NOT NULL DEFAULT 'GB',
  address_type   TEXT NOT NULL DEFAULT 'physical'
);
CREATE TABLE directory_service_at_location (
  id          TEXT PRIMARY KEY,
  service_id  TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  location_id TEXT NOT NULL REFERENCES directory_location(id),
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_schedule (
  id          TEXT PRIMARY KEY,
  service_id  TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  freq        TEXT NOT NULL DEFAULT '',
  byday       TEXT NOT NULL DEFAULT '',
  opens_at    TEXT NOT NULL DEFAULT '',
  closes_at   TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_service_area (
  id          TEXT PRIMARY KEY,
  service_id  TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  name        TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_language (
  id         TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  name       TEXT NOT NULL DEFAULT '',
  code       TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_contact (
  id         TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  name       TEXT NOT NULL DEFAULT '',
  title      TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_phone (
  id          TEXT PRIMARY KEY,
  contact_id  TEXT NOT NULL REFERENCES directory_contact(id) ON DELETE CASCADE,
  number      TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_cost_option (
  id                 TEXT PRIMARY KEY,
  service_id         TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  option             TEXT NOT NULL DEFAULT '',
  amount             REAL,
  amount_description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE directory_attribute (
  id               TEXT PRIMARY KEY,
  service_id       TEXT NOT NULL REFERENCES directory_service(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL REFERENCES directory_taxonomy_term(id),
  link_type        TEXT NOT NULL DEFAULT '',
  value            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX directory_attribute_term ON directory_attribute(taxonomy_term_id);
CREATE TABLE directory_postcode (
  postcode  TEXT PRIMARY KEY,
  latitude  REAL NOT NULL,
  longitude REAL NOT NULL
) WITHOUT ROWID;
)sql";

}  // namespace cradle::store::internal
