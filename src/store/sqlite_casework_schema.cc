// Schema migration 5: safer-sleep assessments and referrals. Families are
// stored by pseudonym only (64 hex digits), never by NHS number. Users are
// referenced by id; organisations are kept by name as they were at the time,
// because a referral is seen by the organisation named on it even if a user
// later moves. A referral's status is also its latest referral_event, which
// keeps the whole history with who and when; the status CHECKs are a second
// line behind casework/'s transition rules.
#include "store/internal/sqlite_casework.h"

namespace cradle::store::internal {

const char* const kCaseworkMigration = R"sql(
CREATE TABLE safer_sleep_assessment (
  id               INTEGER PRIMARY KEY,
  family_pseudonym TEXT NOT NULL CHECK (length(family_pseudonym) = 64),
  organisation     TEXT NOT NULL,
  practitioner_id  INTEGER NOT NULL REFERENCES user_account(id),
  touchpoint       TEXT NOT NULL DEFAULT '',
  rules_version    TEXT NOT NULL,
  level            TEXT NOT NULL CHECK (level IN ('universal', 'increased', 'high')),
  answers_json     TEXT NOT NULL,
  outcome_json     TEXT NOT NULL,
  follows_id       INTEGER REFERENCES safer_sleep_assessment(id),
  created_at       INTEGER NOT NULL
);
CREATE INDEX safer_sleep_assessment_organisation
  ON safer_sleep_assessment(organisation, created_at);
CREATE INDEX safer_sleep_assessment_created ON safer_sleep_assessment(created_at);
CREATE TABLE referral (
  id                 INTEGER PRIMARY KEY,
  family_pseudonym   TEXT NOT NULL CHECK (length(family_pseudonym) = 64),
  from_organisation  TEXT NOT NULL,
  from_user_id       INTEGER NOT NULL REFERENCES user_account(id),
  to_service_id      TEXT NOT NULL REFERENCES directory_service(id),
  to_organization_id TEXT NOT NULL REFERENCES directory_organization(id),
  to_organisation    TEXT NOT NULL,
  reason             TEXT NOT NULL,
  assessment_id      INTEGER REFERENCES safer_sleep_assessment(id),
  consent_recorded   INTEGER NOT NULL CHECK (consent_recorded IN (0, 1)),
  consent_by_user_id INTEGER REFERENCES user_account(id),
  consent_at         INTEGER,
  consent_how        TEXT NOT NULL DEFAULT '' CHECK (consent_how IN ('', 'verbal', 'written')),
  status             TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'completed',
                                                     'declined', 'not_contactable')),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  CHECK (consent_recorded = 0 OR (consent_by_user_id IS NOT NULL AND consent_at IS NOT NULL
                                  AND consent_how <> ''))
);
CREATE INDEX referral_from ON referral(from_organisation, created_at);
CREATE INDEX referral_to ON referral(to_organisation, created_at);
CREATE INDEX referral_service ON referral(to_service_id, created_at);
CREATE TABLE referral_event (
  id          INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referral(id),
  status      TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'completed', 'declined',
                                              'not_contactable')),
  at          INTEGER NOT NULL,
  by_user_id  INTEGER NOT NULL REFERENCES user_account(id),
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_event_referral ON referral_event(referral_id, id);
CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event
BEGIN SELECT RAISE(ABORT, 'a referral''s history cannot be changed'); END;
CREATE TRIGGER referral_event_no_delete BEFORE DELETE ON referral_event
BEGIN SELECT RAISE(ABORT, 'a referral''s history cannot be deleted'); END;
)sql";

}  // namespace cradle::store::internal
