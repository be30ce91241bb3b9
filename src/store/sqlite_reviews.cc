// ReviewStore in SQLite. Schema migration 6: one row per review, its factors
// and recommendation links in tables of their own (a review's parts are
// replaced together). Dates are ISO text, as in the record tables; a review
// links to a birth by id without a foreign key, because the importer has
// already named a missing birth in its own words.
#include "store/internal/sqlite_reviews.h"

#include <map>
#include <string>

#include "store/internal/columns.h"
#include "store/internal/sqlite_accounts.h"

namespace cradle::store::internal {

const char* const kReviewsMigration = R"sql(
CREATE TABLE cdop_review (
  review_id         TEXT PRIMARY KEY,
  birth_id          TEXT NOT NULL DEFAULT '',
  date_of_death     TEXT NOT NULL,
  age_at_death_days INTEGER NOT NULL,
  notified_on       TEXT NOT NULL,
  cdrm_on           TEXT,
  panel_on          TEXT,
  category_of_death INTEGER CHECK (category_of_death BETWEEN 1 AND 10),
  sudden_unexpected TEXT NOT NULL CHECK (sudden_unexpected IN ('Y', 'N', 'U')),
  overseas_ivf      TEXT NOT NULL CHECK (overseas_ivf IN ('Y', 'N', 'U')),
  outcome           TEXT NOT NULL CHECK (outcome IN ('', 'modifiable_factors',
                                                     'no_modifiable_factors',
                                                     'inadequate_information')),
  learning_points   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX cdop_review_birth ON cdop_review(birth_id) WHERE birth_id <> '';
CREATE TABLE cdop_review_factor (
  review_id   TEXT NOT NULL REFERENCES cdop_review(review_id) ON DELETE CASCADE,
  factor_code TEXT NOT NULL,
  relevance   INTEGER NOT NULL CHECK (relevance BETWEEN 0 AND 2),
  modifiable  INTEGER NOT NULL CHECK (modifiable IN (0, 1) AND (modifiable = 0 OR relevance = 2)),
  PRIMARY KEY (review_id, factor_code)
) WITHOUT ROWID;
CREATE TABLE cdop_review_recommendation (
  review_id         TEXT NOT NULL REFERENCES cdop_review(review_id) ON DELETE CASCADE,
  recommendation_id TEXT NOT NULL,
  position          INTEGER NOT NULL,
  PRIMARY KEY (review_id, recommendation_id)
) WITHOUT ROWID;
)sql";

namespace {

using records::Date;
using records::ReviewFactor;
using records::ReviewRecord;

constexpr const char* kReviewSelect =
    "SELECT review_id, birth_id, date_of_death, age_at_death_days, notified_on, cdrm_on, "
    "panel_on, category_of_death, sudden_unexpected, overseas_ivf, outcome, learning_points "
    "FROM cdop_review ";

ReviewRecord ReadReview(const Statement& stmt) {
  ReviewRecord review;
  review.review_id = stmt.ColumnText(0);
  review.birth_id = stmt.ColumnText(1);
  review.date_of_death = Date::Parse(stmt.ColumnText(2)).value_or(Date());
  review.age_at_death_days = static_cast<int>(stmt.ColumnInt64(3));
  review.notified_on = Date::Parse(stmt.ColumnText(4)).value_or(Date());
  review.cdrm_on = OptionalDate(stmt, 5);
  review.panel_on = OptionalDate(stmt, 6);
  if (!stmt.ColumnIsNull(7)) review.category_of_death = static_cast<int>(stmt.ColumnInt64(7));
  review.sudden_unexpected = stmt.ColumnText(8).front();
  review.overseas_ivf = stmt.ColumnText(9).front();
  review.outcome = stmt.ColumnText(10);
  review.learning_points = stmt.ColumnText(11);
  return review;
}

class SqliteReviewStore final : public ReviewStore {
 public:
  explicit SqliteReviewStore(Database& db) : db_(db) {}

  Result<ReviewPutCounts> PutReviews(const std::vector<ReviewRecord>& reviews,
                                     const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    ReviewPutCounts counts;
    for (const ReviewRecord& review : reviews) {
      CRADLE_ASSIGN_OR_RETURN(std::optional<ReviewRecord> held, FindReview(review.review_id));
      if (held && *held == review) {
        ++counts.unchanged;
        continue;
      }
      ++(held ? counts.updated : counts.inserted);
      CRADLE_RETURN_IF_ERROR(Write(review, held.has_value()));
    }
    if (audit != nullptr && counts.inserted + counts.updated > 0) {
      CRADLE_RETURN_IF_ERROR(AppendAuditRow(db_, *audit).status());
    }
    CRADLE_RETURN_IF_ERROR(txn->Commit());
    return counts;
  }

  Result<std::optional<ReviewRecord>> FindReview(std::string_view review_id) override {
    CRADLE_ASSIGN_OR_RETURN(auto reviews,
                            Read(std::string(kReviewSelect) + "WHERE review_id = ?1", review_id));
    if (reviews.empty()) return std::optional<ReviewRecord>();
    return std::optional<ReviewRecord>(std::move(reviews.front()));
  }

  Result<std::vector<ReviewRecord>> Reviews() override {
    return Read(std::string(kReviewSelect) + "ORDER BY date_of_death, review_id", std::nullopt);
  }

  Result<std::optional<std::string>> ReviewOfBirth(std::string_view birth_id) override {
    CRADLE_ASSIGN_OR_RETURN(auto stmt,
                            db_.Prepare("SELECT review_id FROM cdop_review WHERE birth_id = ?1 "
                                        "AND birth_id <> '' ORDER BY review_id LIMIT 1"));
    stmt.Bind(1, birth_id);
    CRADLE_ASSIGN_OR_RETURN(auto ids,
                            stmt.Rows([](const Statement& row) { return row.ColumnText(0); }));
    if (ids.empty()) return std::optional<std::string>();
    return std::optional<std::string>(ids.front());
  }

 private:
  // The reviews `sql` selects (with ?1 bound to `id` when given), each with
  // its factors and recommendations.
  Result<std::vector<ReviewRecord>> Read(const std::string& sql,
                                         std::optional<std::string_view> id) {
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(sql));
    if (id) stmt.Bind(1, *id);
    CRADLE_ASSIGN_OR_RETURN(std::vector<ReviewRecord> reviews, stmt.Rows(ReadReview));
    if (reviews.empty()) return reviews;
    std::map<std::string, ReviewRecord*> by_id;
    for (ReviewRecord& review : reviews) by_id[review.review_id] = &review;
    const std::string where = id ? " WHERE review_id = ?1" : "";
    CRADLE_ASSIGN_OR_RETURN(auto factors,
                            db_.Prepare("SELECT review_id, factor_code, relevance, modifiable "
                                        "FROM cdop_review_factor" +
                                        where + " ORDER BY review_id, factor_code"));
    if (id) factors.Bind(1, *id);
    CRADLE_RETURN_IF_ERROR(factors.ForEachRow([&](const Statement& row) {
      auto it = by_id.find(row.ColumnText(0));
      if (it == by_id.end()) return;
      it->second->factors.push_back(
          {row.ColumnText(1), static_cast<int>(row.ColumnInt64(2)), row.ColumnInt64(3) != 0});
    }));
    CRADLE_ASSIGN_OR_RETURN(auto links, db_.Prepare("SELECT review_id, recommendation_id FROM "
                                                    "cdop_review_recommendation" +
                                                    where + " ORDER BY review_id, position"));
    if (id) links.Bind(1, *id);
    CRADLE_RETURN_IF_ERROR(links.ForEachRow([&](const Statement& row) {
      auto it = by_id.find(row.ColumnText(0));
      if (it != by_id.end()) it->second->recommendations.push_back(row.ColumnText(1));
    }));
    return reviews;
  }

  Status Write(const ReviewRecord& review, bool replace) {
    if (replace) {
      // The factors and links go with the row (ON DELETE CASCADE).
      CRADLE_ASSIGN_OR_RETURN(auto del,
                              db_.Prepare("DELETE FROM cdop_review WHERE review_id = ?1"));
      del.Bind(1, review.review_id);
      CRADLE_RETURN_IF_ERROR(del.Run());
    }
    CRADLE_ASSIGN_OR_RETURN(
        auto insert,
        db_.Prepare("INSERT INTO cdop_review (review_id, birth_id, date_of_death, "
                    "age_at_death_days, notified_on, cdrm_on, panel_on, category_of_death, "
                    "sudden_unexpected, overseas_ivf, outcome, learning_points) VALUES "
                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    insert.Bind(1, review.review_id)
        .Bind(2, review.birth_id)
        .Bind(3, review.date_of_death.ToString())
        .Bind(4, static_cast<int64_t>(review.age_at_death_days))
        .Bind(5, review.notified_on.ToString());
    BindDate(insert, 6, review.cdrm_on);
    BindDate(insert, 7, review.panel_on);
    if (review.category_of_death) {
      insert.Bind(8, static_cast<int64_t>(*review.category_of_death));
    } else {
      insert.BindNull(8);
    }
    insert.Bind(9, std::string(1, review.sudden_unexpected))
        .Bind(10, std::string(1, review.overseas_ivf))
        .Bind(11, review.outcome)
        .Bind(12, review.learning_points);
    CRADLE_RETURN_IF_ERROR(insert.Run());
    CRADLE_ASSIGN_OR_RETURN(auto factor,
                            db_.Prepare("INSERT INTO cdop_review_factor (review_id, factor_code, "
                                        "relevance, modifiable) VALUES (?1, ?2, ?3, ?4)"));
    for (const ReviewFactor& item : review.factors) {
      factor.Bind(1, review.review_id)
          .Bind(2, item.code)
          .Bind(3, static_cast<int64_t>(item.relevance))
          .Bind(4, static_cast<int64_t>(item.modifiable ? 1 : 0));
      CRADLE_RETURN_IF_ERROR(factor.Run());
    }
    CRADLE_ASSIGN_OR_RETURN(auto link,
                            db_.Prepare("INSERT INTO cdop_review_recommendation (review_id, "
                                        "recommendation_id, position) VALUES (?1, ?2, ?3)"));
    for (size_t position = 0; position < review.recommendations.size(); ++position) {
      link.Bind(1, review.review_id)
          .Bind(2, review.recommendations[position])
          .Bind(3, static_cast<int64_t>(position));
      CRADLE_RETURN_IF_ERROR(link.Run());
    }
    return Status::Ok();
  }

  Database& db_;
};

}  // namespace

std::unique_ptr<ReviewStore> NewSqliteReviewStore(Database& db) {
  return std::make_unique<SqliteReviewStore>(db);
}

}  // namespace cradle::store::internal
