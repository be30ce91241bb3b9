// PlanStore in SQLite. Schema migration 7: the plan's parts in order
// (position), the lists each part links to (measures, factor codes,
// recommendations, logic-model arrows) in one table of links, and the two
// logs, which triggers keep append-only as they do the audit log.
#include "store/internal/sqlite_plan.h"

#include <map>
#include <string>
#include <utility>

#include "store/internal/columns.h"
#include "store/internal/sqlite_accounts.h"

namespace cradle::store::internal {

const char* const kPlanMigration = R"sql(
CREATE TABLE plan (id INTEGER PRIMARY KEY CHECK (id = 1), title TEXT NOT NULL);
CREATE TABLE plan_theme (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, outcome TEXT NOT NULL
);
CREATE TABLE plan_working_group (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, chair TEXT NOT NULL
);
CREATE TABLE plan_priority (
  id               TEXT PRIMARY KEY,
  position         INTEGER NOT NULL,
  theme_id         TEXT NOT NULL REFERENCES plan_theme(id),
  title            TEXT NOT NULL,
  working_group_id TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_logic_node (
  id          TEXT PRIMARY KEY,
  position    INTEGER NOT NULL,
  priority_id TEXT NOT NULL REFERENCES plan_priority(id),
  stage       TEXT NOT NULL CHECK (stage IN ('input', 'activity', 'output', 'outcome_short',
                                                'outcome_medium', 'outcome_long', 'impact')),
  text        TEXT NOT NULL
);
CREATE TABLE plan_action (
  id                TEXT PRIMARY KEY,
  position          INTEGER NOT NULL,
  priority_id       TEXT NOT NULL REFERENCES plan_priority(id),
  title             TEXT NOT NULL,
  owner             TEXT NOT NULL,
  lead_organisation TEXT NOT NULL,
  due               TEXT,
  status            TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'complete',
                                                      'closed')),
  rag               TEXT NOT NULL CHECK (rag IN ('R', 'A', 'G', 'B')),
  rag_reason        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_recommendation (
  id           TEXT PRIMARY KEY,
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  owner        TEXT NOT NULL,
  addressed_to TEXT NOT NULL,
  notified_on  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'implemented', 'closed'))
);
-- kind: member (of a working group), measure, factor, recommendation, contributes_to.
CREATE TABLE plan_link (
  owner_id TEXT NOT NULL,
  kind     TEXT NOT NULL,
  target   TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (owner_id, kind, position)
) WITHOUT ROWID;
CREATE TABLE plan_action_update (
  id          INTEGER PRIMARY KEY,
  action_id   TEXT NOT NULL REFERENCES plan_action(id),
  on_date     TEXT NOT NULL,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  status      TEXT NOT NULL,
  rag         TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE TABLE plan_recommendation_note (
  id                INTEGER PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES plan_recommendation(id),
  on_date           TEXT NOT NULL,
  author            TEXT NOT NULL,
  text              TEXT NOT NULL,
  status            TEXT NOT NULL,
  rag               TEXT NOT NULL DEFAULT '',
  recorded_at       INTEGER NOT NULL
);
CREATE TRIGGER plan_action_update_no_update BEFORE UPDATE ON plan_action_update
  BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
CREATE TRIGGER plan_action_update_no_delete BEFORE DELETE ON plan_action_update
  BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
CREATE TRIGGER plan_recommendation_note_no_update BEFORE UPDATE ON plan_recommendation_note
  BEGIN SELECT RAISE(ABORT, 'recommendation notes are append-only'); END;
CREATE TRIGGER plan_recommendation_note_no_delete BEFORE DELETE ON plan_recommendation_note
  BEGIN SELECT RAISE(ABORT, 'recommendation notes are append-only'); END;
)sql";

namespace {

using records::Date;

// One of the two append-only logs and how an entry sets its subject's
// current state (?1 id, ?2 status, ?3 RAG, ?4 the entry's text).
struct ProgressLog {
  const char* noun;
  const char* table;
  const char* subject_column;
  const char* subjects;
  const char* set_current;
};

constexpr ProgressLog kActionUpdates = {
    "action", "plan_action_update", "action_id", "plan_action",
    "UPDATE plan_action SET status = ?2, rag = ?3, rag_reason = ?4 WHERE id = ?1"};
// A note sets the status only; ?3 and ?4 are bound and unused.
constexpr ProgressLog kRecommendationNotes = {
    "recommendation", "plan_recommendation_note", "recommendation_id", "plan_recommendation",
    "UPDATE plan_recommendation SET status = ?2 WHERE id = ?1 AND ?3 IS NOT NULL AND ?4 IS NOT "
    "NULL"};

class SqlitePlanStore final : public PlanStore {
 public:
  explicit SqlitePlanStore(Database& db) : db_(db) {}

  Result<bool> HasPlan() override {
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT COUNT(*) FROM plan"));
    CRADLE_ASSIGN_OR_RETURN(auto counts,
                            stmt.Rows([](const Statement& row) { return row.ColumnInt64(0); }));
    return !counts.empty() && counts.front() > 0;
  }

  Status LoadPlan(const Plan& plan, const AuditSeal* audit) override {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(bool has_plan, HasPlan());
    if (has_plan) return Status::InvalidArgument("the store already holds an action plan");
    CRADLE_RETURN_IF_ERROR(Insert("INSERT INTO plan (id, title) VALUES (1, ?1)", {plan.title}));
    int64_t position = 0;
    for (const PlanTheme& theme : plan.themes) {
      CRADLE_RETURN_IF_ERROR(
          Insert("INSERT INTO plan_theme (id, position, name, outcome) VALUES (?1, ?5, ?2, ?3)",
                 {theme.id, theme.name, theme.outcome}, position++));
    }
    for (const WorkingGroup& group : plan.working_groups) {
      CRADLE_RETURN_IF_ERROR(Insert(
          "INSERT INTO plan_working_group (id, position, name, chair) VALUES (?1, ?5, ?2, ?3)",
          {group.id, group.name, group.chair}, position++));
      CRADLE_RETURN_IF_ERROR(Links(group.id, "member", group.members));
    }
    for (const PlanPriority& priority : plan.priorities) {
      CRADLE_RETURN_IF_ERROR(Insert(
          "INSERT INTO plan_priority (id, position, theme_id, title, working_group_id) "
          "VALUES (?1, ?5, ?2, ?3, ?4)",
          {priority.id, priority.theme_id, priority.title, priority.working_group_id}, position++));
    }
    for (const LogicModelNode& node : plan.logic_model) {
      CRADLE_RETURN_IF_ERROR(
          Insert("INSERT INTO plan_logic_node (id, position, priority_id, stage, text) VALUES "
                 "(?1, ?5, ?2, ?3, ?4)",
                 {node.id, node.priority_id, node.stage, node.text}, position++));
      CRADLE_RETURN_IF_ERROR(Links(node.id, "contributes_to", node.contributes_to));
      CRADLE_RETURN_IF_ERROR(Links(node.id, "measure", node.measures));
    }
    for (const Recommendation& rec : plan.recommendations) {
      CRADLE_ASSIGN_OR_RETURN(
          auto stmt,
          db_.Prepare(
              "INSERT INTO plan_recommendation (id, position, title, text, owner, "
              "addressed_to, notified_on, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
      stmt.Bind(1, rec.id).Bind(2, position++).Bind(3, rec.title).Bind(4, rec.text);
      stmt.Bind(5, rec.owner).Bind(6, rec.addressed_to);
      BindDate(stmt, 7, rec.notified_on);
      stmt.Bind(8, rec.status);
      CRADLE_RETURN_IF_ERROR(stmt.Run());
      CRADLE_RETURN_IF_ERROR(Links(rec.id, "factor", rec.factor_codes));
      CRADLE_RETURN_IF_ERROR(Links(rec.id, "measure", rec.measures));
    }
    for (const PlanAction& action : plan.actions) {
      CRADLE_ASSIGN_OR_RETURN(
          auto stmt,
          db_.Prepare("INSERT INTO plan_action (id, position, priority_id, title, owner, "
                      "lead_organisation, due, status, rag, rag_reason) VALUES (?1, ?2, ?3, ?4, "
                      "?5, ?6, ?7, ?8, ?9, ?10)"));
      stmt.Bind(1, action.id).Bind(2, position++).Bind(3, action.priority_id);
      stmt.Bind(4, action.title).Bind(5, action.owner).Bind(6, action.lead_organisation);
      BindDate(stmt, 7, action.due);
      stmt.Bind(8, action.status).Bind(9, action.rag).Bind(10, action.rag_reason);
      CRADLE_RETURN_IF_ERROR(stmt.Run());
      CRADLE_RETURN_IF_ERROR(Links(action.id, "recommendation", action.recommendations));
      CRADLE_RETURN_IF_ERROR(Links(action.id, "factor", action.factor_codes));
      CRADLE_RETURN_IF_ERROR(Links(action.id, "measure", action.measures));
    }
    if (audit != nullptr) CRADLE_RETURN_IF_ERROR(AppendAuditRow(db_, *audit).status());
    return txn->Commit();
  }

  Result<Plan> ReadPlan() override {
    Plan plan;
    CRADLE_ASSIGN_OR_RETURN(auto title, db_.Prepare("SELECT title FROM plan"));
    CRADLE_RETURN_IF_ERROR(
        title.ForEachRow([&](const Statement& row) { plan.title = row.ColumnText(0); }));
    CRADLE_ASSIGN_OR_RETURN(auto links, ReadLinks());
    auto linked = [&](const std::string& owner, const char* kind) {
      auto it = links.find({owner, kind});
      return it == links.end() ? std::vector<std::string>() : it->second;
    };
    CRADLE_ASSIGN_OR_RETURN(
        auto themes, db_.Prepare("SELECT id, name, outcome FROM plan_theme ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.themes, themes.Rows([](const Statement& row) {
      return PlanTheme{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2)};
    }));
    CRADLE_ASSIGN_OR_RETURN(
        auto groups,
        db_.Prepare("SELECT id, name, chair FROM plan_working_group ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.working_groups, groups.Rows([&](const Statement& row) {
      return WorkingGroup{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2),
                          linked(row.ColumnText(0), "member")};
    }));
    CRADLE_ASSIGN_OR_RETURN(auto priorities,
                            db_.Prepare("SELECT id, theme_id, title, working_group_id FROM "
                                        "plan_priority ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.priorities, priorities.Rows([](const Statement& row) {
      return PlanPriority{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2),
                          row.ColumnText(3)};
    }));
    CRADLE_ASSIGN_OR_RETURN(auto nodes, db_.Prepare("SELECT id, priority_id, stage, text FROM "
                                                    "plan_logic_node ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.logic_model, nodes.Rows([&](const Statement& row) {
      const std::string id = row.ColumnText(0);
      return LogicModelNode{id,
                            row.ColumnText(1),
                            row.ColumnText(2),
                            row.ColumnText(3),
                            linked(id, "contributes_to"),
                            linked(id, "measure")};
    }));
    CRADLE_ASSIGN_OR_RETURN(
        auto actions,
        db_.Prepare("SELECT id, priority_id, title, owner, lead_organisation, due, status, rag, "
                    "rag_reason FROM plan_action ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.actions, actions.Rows([&](const Statement& row) {
      const std::string id = row.ColumnText(0);
      return PlanAction{id,
                        row.ColumnText(1),
                        row.ColumnText(2),
                        row.ColumnText(3),
                        row.ColumnText(4),
                        OptionalDate(row, 5),
                        row.ColumnText(6),
                        row.ColumnText(7),
                        row.ColumnText(8),
                        linked(id, "recommendation"),
                        linked(id, "factor"),
                        linked(id, "measure")};
    }));
    CRADLE_ASSIGN_OR_RETURN(
        auto recs, db_.Prepare("SELECT id, title, text, owner, addressed_to, notified_on, status "
                               "FROM plan_recommendation ORDER BY position"));
    CRADLE_ASSIGN_OR_RETURN(plan.recommendations, recs.Rows([&](const Statement& row) {
      const std::string id = row.ColumnText(0);
      return Recommendation{id,
                            row.ColumnText(1),
                            row.ColumnText(2),
                            row.ColumnText(3),
                            row.ColumnText(4),
                            OptionalDate(row, 5),
                            row.ColumnText(6),
                            linked(id, "factor"),
                            linked(id, "measure")};
    }));
    return plan;
  }

  Result<ProgressEntry> AddActionUpdate(const ProgressEntry& update,
                                        const AuditSeal& audit) override {
    return Append(kActionUpdates, update, audit);
  }

  Result<ProgressEntry> AddRecommendationNote(const ProgressEntry& note,
                                              const AuditSeal& audit) override {
    return Append(kRecommendationNotes, note, audit);
  }

  Result<std::vector<ProgressEntry>> ActionUpdates(std::string_view subject_id) override {
    return Entries(kActionUpdates, subject_id);
  }
  Result<std::vector<ProgressEntry>> RecommendationNotes(std::string_view subject_id) override {
    return Entries(kRecommendationNotes, subject_id);
  }

 private:
  // Runs `sql` with ?1..?4 bound to `texts` and ?5 to `position`.
  Status Insert(const std::string& sql, const std::vector<std::string>& texts,
                int64_t position = 0) {
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(sql));
    for (size_t idx = 0; idx < texts.size(); ++idx) {
      stmt.Bind(static_cast<int>(idx) + 1, texts[idx]);
    }
    if (sql.find("?5") != std::string::npos) stmt.Bind(5, position);
    return stmt.Run();
  }

  Status Links(const std::string& owner, const char* kind,
               const std::vector<std::string>& targets) {
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("INSERT INTO plan_link (owner_id, kind, "
                                                   "target, position) VALUES (?1, ?2, ?3, ?4)"));
    for (size_t idx = 0; idx < targets.size(); ++idx) {
      stmt.Bind(1, owner).Bind(2, kind).Bind(3, targets[idx]).Bind(4, static_cast<int64_t>(idx));
      CRADLE_RETURN_IF_ERROR(stmt.Run());
    }
    return Status::Ok();
  }

  Result<std::map<std::pair<std::string, std::string>, std::vector<std::string>>> ReadLinks() {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> links;
    CRADLE_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare("SELECT owner_id, kind, target FROM plan_link ORDER BY owner_id, kind, "
                    "position"));
    CRADLE_RETURN_IF_ERROR(stmt.ForEachRow([&](const Statement& row) {
      links[{row.ColumnText(0), row.ColumnText(1)}].push_back(row.ColumnText(2));
    }));
    return links;
  }

  // Appends `entry` to the log and sets its subject's current state.
  Result<ProgressEntry> Append(const ProgressLog& log, const ProgressEntry& entry,
                               const AuditSeal& audit) {
    CRADLE_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(auto exists, db_.Prepare(std::string("SELECT COUNT(*) FROM ") +
                                                     log.subjects + " WHERE id = ?1"));
    exists.Bind(1, entry.subject_id);
    CRADLE_ASSIGN_OR_RETURN(auto found,
                            exists.Rows([](const Statement& row) { return row.ColumnInt64(0); }));
    if (found.empty() || found.front() == 0) {
      return Status::NotFound("there is no " + std::string(log.noun) + " '" + entry.subject_id +
                              "'");
    }
    CRADLE_ASSIGN_OR_RETURN(
        auto insert,
        db_.Prepare(std::string("INSERT INTO ") + log.table + " (" + log.subject_column +
                    ", on_date, author, text, status, rag, recorded_at) VALUES (?1, "
                    "?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.Bind(1, entry.subject_id).Bind(2, entry.on.ToString()).Bind(3, entry.author);
    insert.Bind(4, entry.text).Bind(5, entry.status).Bind(6, entry.rag).Bind(7, entry.recorded_at);
    CRADLE_RETURN_IF_ERROR(insert.Run());
    ProgressEntry stored = entry;
    stored.id = db_.LastInsertRowId();
    CRADLE_ASSIGN_OR_RETURN(auto update, db_.Prepare(log.set_current));
    update.Bind(1, entry.subject_id).Bind(2, entry.status).Bind(3, entry.rag).Bind(4, entry.text);
    CRADLE_RETURN_IF_ERROR(update.Run());
    CRADLE_RETURN_IF_ERROR(AppendAuditRow(db_, audit).status());
    CRADLE_RETURN_IF_ERROR(txn->Commit());
    return stored;
  }

  Result<std::vector<ProgressEntry>> Entries(const ProgressLog& log, std::string_view subject_id) {
    std::string sql = std::string("SELECT id, ") + log.subject_column +
                      ", on_date, author, text, status, rag, recorded_at FROM " + log.table;
    if (!subject_id.empty()) sql += std::string(" WHERE ") + log.subject_column + " = ?1";
    CRADLE_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(sql + " ORDER BY id"));
    if (!subject_id.empty()) stmt.Bind(1, subject_id);
    return stmt.Rows([](const Statement& row) {
      ProgressEntry entry;
      entry.id = row.ColumnInt64(0);
      entry.subject_id = row.ColumnText(1);
      entry.on = Date::Parse(row.ColumnText(2)).value_or(Date());
      entry.author = row.ColumnText(3);
      entry.text = row.ColumnText(4);
      entry.status = row.ColumnText(5);
      entry.rag = row.ColumnText(6);
      entry.recorded_at = row.ColumnInt64(7);
      return entry;
    });
  }

  Database& db_;
};

}  // namespace

std::unique_ptr<PlanStore> NewSqlitePlanStore(Database& db) {
  return std::make_unique<SqlitePlanStore>(db);
}

}  // namespace cradle::store::internal
