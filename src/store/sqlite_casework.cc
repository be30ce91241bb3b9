// CaseworkStore in SQLite: each write is one transaction that also appends
// its audit entry (internal::AppendAuditRow). References are checked before
// inserting so that a missing user, service or assessment is named in a
// NotFound rather than reported as SQLite's bare "FOREIGN KEY constraint
// failed"; the foreign keys stay as the second line.
#include "store/internal/sqlite_casework.h"

#include <string>
#include <vector>

#include "store/internal/sqlite_accounts.h"

namespace cradle::store::internal {
namespace {

constexpr const char* kAssessmentSelect =
    "SELECT a.id, a.family_pseudonym, a.organisation, a.practitioner_id, u.username, "
    "a.touchpoint, a.rules_version, a.level, a.answers_json, a.outcome_json, a.follows_id, "
    "a.created_at FROM safer_sleep_assessment a JOIN user_account u ON u.id = a.practitioner_id ";

constexpr const char* kReferralSelect =
    "SELECT r.id, r.family_pseudonym, r.from_organisation, r.from_user_id, u.username, "
    "r.to_service_id, s.name, r.to_organization_id, r.to_organisation, r.reason, "
    "r.assessment_id, r.consent_recorded, r.consent_by_user_id, r.consent_at, r.consent_how, "
    "r.status, r.created_at, r.updated_at FROM referral r "
    "JOIN user_account u ON u.id = r.from_user_id "
    "JOIN directory_service s ON s.id = r.to_service_id ";

std::optional<int64_t> OptionalInt(const Statement& stmt, int column) {
  if (stmt.ColumnIsNull(column)) return std::nullopt;
  return stmt.ColumnInt64(column);
}

void BindOptional(Statement& stmt, int index, const std::optional<int64_t>& value) {
  if (value) {
    stmt.Bind(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

AssessmentRow ReadAssessment(const Statement& stmt) {
  AssessmentRow row;
  row.id = stmt.ColumnInt64(0);
  row.family_pseudonym = stmt.ColumnText(1);
  row.organisation = stmt.ColumnText(2);
  row.practitioner_id = stmt.ColumnInt64(3);
  row.practitioner = stmt.ColumnText(4);
  row.touchpoint = stmt.ColumnText(5);
  row.rules_version = stmt.ColumnText(6);
  row.level = stmt.ColumnText(7);
  row.answers_json = stmt.ColumnText(8);
  row.outcome_json = stmt.ColumnText(9);
  row.follows_id = OptionalInt(stmt, 10);
  row.created_at = stmt.ColumnInt64(11);
  return row;
}

ReferralRow ReadReferral(const Statement& stmt) {
  ReferralRow row;
  row.id = stmt.ColumnInt64(0);
  row.family_pseudonym = stmt.ColumnText(1);
  row.from_organisation = stmt.ColumnText(2);
  row.from_user_id = stmt.ColumnInt64(3);
  row.from_user = stmt.ColumnText(4);
  row.to_service_id = stmt.ColumnText(5);
  row.to_service = stmt.ColumnText(6);
  row.to_organization_id = stmt.ColumnText(7);
  row.to_organisation = stmt.ColumnText(8);
  row.reason = stmt.ColumnText(9);
  row.assessment_id = OptionalInt(stmt, 10);
  row.consent_recorded = stmt.ColumnInt64(11) != 0;
  row.consent_by_user_id = OptionalInt(stmt, 12);
  row.consent_at = OptionalInt(stmt, 13);
  row.consent_how = stmt.ColumnText(14);
  row.status = stmt.ColumnText(15);
  row.created_at = stmt.ColumnInt64(16);
  row.updated_at = stmt.ColumnInt64(17);
  return row;
}

// True if `sql` (one ?1 parameter) returns a row for `key`.
template <typename Key>
Result<bool> Exists(Database& db, const char* sql, const Key& key) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, key).Step();
}

Status CheckUser(Database& db, int64_t user_id, std::string_view what) {
  CRADLE_ASSIGN_OR_RETURN(bool found,
                          Exists(db, "SELECT 1 FROM user_account WHERE id = ?1", user_id));
  if (!found)
    return Status::NotFound(std::string(what) + ": no user has id " + std::to_string(user_id));
  return Status::Ok();
}

Status CheckAssessment(Database& db, const std::optional<int64_t>& id, std::string_view what) {
  if (!id) return Status::Ok();
  CRADLE_ASSIGN_OR_RETURN(bool found,
                          Exists(db, "SELECT 1 FROM safer_sleep_assessment WHERE id = ?1", *id));
  if (!found) {
    return Status::NotFound(std::string(what) + ": no assessment has id " + std::to_string(*id));
  }
  return Status::Ok();
}

// Runs `write`, which returns the new row's id, then appends the audit entry
// sealed for that id, in one transaction.
Result<int64_t> InsertAudited(Database& db, const SealForId& audit,
                              const std::function<Result<int64_t>()>& write) {
  auto txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  CRADLE_ASSIGN_OR_RETURN(int64_t id, write());
  auto entry = AppendAuditRow(db, audit(id));
  if (!entry.ok()) return entry.status();
  CRADLE_RETURN_IF_ERROR((*txn)->Commit());
  return id;
}

// Runs an INSERT ... RETURNING id and finishes the statement.
Result<int64_t> ReturnedId(Statement& stmt, std::string_view what) {
  auto row = stmt.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("inserting " + std::string(what) + " returned no id");
  int64_t id = stmt.ColumnInt64(0);
  CRADLE_RETURN_IF_ERROR(stmt.Run());  // finishes the statement before the next insert
  return id;
}

Status InsertEvent(Database& db, int64_t referral_id, const ReferralEventRow& event) {
  CRADLE_RETURN_IF_ERROR(
      CheckUser(db, event.by_user_id, "the referral's " + event.status + " event"));
  auto stmt = db.Prepare(
      "INSERT INTO referral_event (referral_id, status, at, by_user_id, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, referral_id)
      .Bind(2, event.status)
      .Bind(3, event.at)
      .Bind(4, event.by_user_id)
      .Bind(5, event.note)
      .Run();
}

Status ReadEvents(Database& db, ReferralRow& referral) {
  auto stmt = db.Prepare(
      "SELECT e.status, e.at, e.by_user_id, u.username, e.note FROM referral_event e "
      "JOIN user_account u ON u.id = e.by_user_id WHERE e.referral_id = ?1 ORDER BY e.id");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, referral.id);
  return stmt->ForEachRow([&](const Statement& row) {
    referral.events.push_back({row.ColumnText(0), row.ColumnInt64(1), row.ColumnInt64(2),
                               row.ColumnText(3), row.ColumnText(4)});
  });
}

class SqliteCaseworkStore final : public CaseworkStore {
 public:
  explicit SqliteCaseworkStore(Database& db) : db_(db) {}

  Result<AssessmentRow> AddAssessment(const AssessmentRow& assessment,
                                      const SealForId& audit) override {
    auto id = InsertAudited(db_, audit, [&]() -> Result<int64_t> {
      CRADLE_RETURN_IF_ERROR(CheckUser(db_, assessment.practitioner_id, "the practitioner"));
      CRADLE_RETURN_IF_ERROR(
          CheckAssessment(db_, assessment.follows_id, "the assessment it follows"));
      auto stmt = db_.Prepare(
          "INSERT INTO safer_sleep_assessment (family_pseudonym, organisation, practitioner_id, "
          "touchpoint, rules_version, level, answers_json, outcome_json, follows_id, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, assessment.family_pseudonym)
          .Bind(2, assessment.organisation)
          .Bind(3, assessment.practitioner_id)
          .Bind(4, assessment.touchpoint)
          .Bind(5, assessment.rules_version)
          .Bind(6, assessment.level)
          .Bind(7, assessment.answers_json)
          .Bind(8, assessment.outcome_json);
      BindOptional(*stmt, 9, assessment.follows_id);
      stmt->Bind(10, assessment.created_at);
      return ReturnedId(*stmt, "an assessment");
    });
    if (!id.ok()) return id.status();
    CRADLE_ASSIGN_OR_RETURN(auto stored, FindAssessment(*id));
    if (!stored) return Status::Internal("assessment " + std::to_string(*id) + " vanished");
    return *stored;
  }

  Result<std::optional<AssessmentRow>> FindAssessment(int64_t id) override {
    auto stmt = db_.Prepare(std::string(kAssessmentSelect) + "WHERE a.id = ?1");
    if (!stmt.ok()) return stmt.status();
    auto row = stmt->Bind(1, id).Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<AssessmentRow>();
    return std::optional<AssessmentRow>(ReadAssessment(*stmt));
  }

  Result<std::vector<AssessmentRow>> Assessments(std::string_view organisation, int64_t from,
                                                 int64_t to) override {
    auto stmt = db_.Prepare(std::string(kAssessmentSelect) +
                            "WHERE (?1 = '' OR a.organisation = ?1) AND a.created_at >= ?2 AND "
                            "a.created_at < ?3 ORDER BY a.created_at, a.id");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, organisation).Bind(2, from).Bind(3, to);
    return stmt->Rows(ReadAssessment);
  }

  Result<ReferralRow> AddReferral(const ReferralRow& referral, const SealForId& audit) override {
    if (referral.events.size() != 1) {
      return Status::Internal("a new referral needs exactly its first event");
    }
    auto id = InsertAudited(db_, audit, [&]() -> Result<int64_t> {
      CRADLE_RETURN_IF_ERROR(CheckReferences(referral));
      auto stmt = db_.Prepare(
          "INSERT INTO referral (family_pseudonym, from_organisation, from_user_id, "
          "to_service_id, to_organization_id, to_organisation, reason, assessment_id, "
          "consent_recorded, consent_by_user_id, consent_at, consent_how, status, created_at, "
          "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
          "?15) RETURNING id");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, referral.family_pseudonym)
          .Bind(2, referral.from_organisation)
          .Bind(3, referral.from_user_id)
          .Bind(4, referral.to_service_id)
          .Bind(5, referral.to_organization_id)
          .Bind(6, referral.to_organisation)
          .Bind(7, referral.reason);
      BindOptional(*stmt, 8, referral.assessment_id);
      stmt->Bind(9, static_cast<int64_t>(referral.consent_recorded ? 1 : 0));
      BindOptional(*stmt, 10, referral.consent_by_user_id);
      BindOptional(*stmt, 11, referral.consent_at);
      stmt->Bind(12, referral.consent_how)
          .Bind(13, referral.events[0].status)
          .Bind(14, referral.created_at)
          .Bind(15, referral.updated_at);
      CRADLE_ASSIGN_OR_RETURN(int64_t new_id, ReturnedId(*stmt, "a referral"));
      CRADLE_RETURN_IF_ERROR(InsertEvent(db_, new_id, referral.events[0]));
      return new_id;
    });
    if (!id.ok()) return id.status();
    CRADLE_ASSIGN_OR_RETURN(auto stored, FindReferral(*id));
    if (!stored) return Status::Internal("referral " + std::to_string(*id) + " vanished");
    return *stored;
  }

  Status ChangeReferralStatus(int64_t referral_id, std::string_view expected_status,
                              const ReferralEventRow& event, const AuditSeal& audit) override {
    auto txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.status();
    auto current = db_.Prepare("SELECT status FROM referral WHERE id = ?1");
    if (!current.ok()) return current.status();
    auto found = current->Bind(1, referral_id).Step();
    if (!found.ok()) return found.status();
    if (!*found) return Status::NotFound("no referral has id " + std::to_string(referral_id));
    std::string status = current->ColumnText(0);
    current->Reset();
    if (status != expected_status) {
      return Status::InvalidArgument("referral " + std::to_string(referral_id) + " is now " +
                                     status + ", no longer " + std::string(expected_status) +
                                     ": someone changed it first");
    }
    auto update = db_.Prepare("UPDATE referral SET status = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update.ok()) return update.status();
    CRADLE_RETURN_IF_ERROR(
        update->Bind(1, referral_id).Bind(2, event.status).Bind(3, event.at).Run());
    CRADLE_RETURN_IF_ERROR(InsertEvent(db_, referral_id, event));
    auto entry = AppendAuditRow(db_, audit);
    if (!entry.ok()) return entry.status();
    return (*txn)->Commit();
  }

  Result<std::optional<ReferralRow>> FindReferral(int64_t id) override {
    CRADLE_ASSIGN_OR_RETURN(
        auto rows, SelectReferrals("WHERE r.id = ?1", [&](Statement& stmt) { stmt.Bind(1, id); }));
    if (rows.empty()) return std::optional<ReferralRow>();
    return std::optional<ReferralRow>(std::move(rows.front()));
  }

  Result<std::vector<ReferralRow>> Referrals(const ReferralFilter& filter) override {
    return SelectReferrals(
        "WHERE (?1 = '' OR r.from_organisation = ?1) AND (?2 = '' OR r.to_organisation = ?2) "
        "AND (?3 = '' OR r.to_service_id = ?3) AND (?4 IS NULL OR r.created_at >= ?4) "
        "AND (?5 IS NULL OR r.created_at < ?5) ORDER BY r.created_at, r.id",
        [&](Statement& stmt) {
          stmt.Bind(1, filter.from_organisation)
              .Bind(2, filter.to_organisation)
              .Bind(3, filter.to_service_id);
          BindOptional(stmt, 4, filter.sent_from);
          BindOptional(stmt, 5, filter.sent_to);
        });
  }

 private:
  Status CheckReferences(const ReferralRow& referral) {
    CRADLE_RETURN_IF_ERROR(CheckUser(db_, referral.from_user_id, "the referrer"));
    if (referral.consent_by_user_id) {
      CRADLE_RETURN_IF_ERROR(
          CheckUser(db_, *referral.consent_by_user_id, "who recorded the consent"));
    }
    auto stmt =
        db_.Prepare("SELECT 1 FROM directory_service WHERE id = ?1 AND organization_id = ?2");
    if (!stmt.ok()) return stmt.status();
    auto found = stmt->Bind(1, referral.to_service_id).Bind(2, referral.to_organization_id).Step();
    if (!found.ok()) return found.status();
    if (!*found) {
      return Status::NotFound("no service " + referral.to_service_id + " run by organisation " +
                              referral.to_organization_id + " is in the directory");
    }
    return CheckAssessment(db_, referral.assessment_id, "the assessment it came from");
  }

  Result<std::vector<ReferralRow>> SelectReferrals(const std::string& where,
                                                   const std::function<void(Statement&)>& bind) {
    auto stmt = db_.Prepare(std::string(kReferralSelect) + where);
    if (!stmt.ok()) return stmt.status();
    bind(*stmt);
    CRADLE_ASSIGN_OR_RETURN(std::vector<ReferralRow> out, stmt->Rows(ReadReferral));
    for (ReferralRow& referral : out) CRADLE_RETURN_IF_ERROR(ReadEvents(db_, referral));
    return out;
  }

  Database& db_;
};

}  // namespace

std::unique_ptr<CaseworkStore> NewSqliteCaseworkStore(Database& db) {
  return std::make_unique<SqliteCaseworkStore>(db);
}

}  // namespace cradle::store::internal
