// cradle audit verify [--expect-head SEQ:HASH] | show [--last N]
// Checks the audit log's hash chain, and that it still reaches the head
// recorded outside the database (beside the pseudonym key), or lists its
// latest entries. verify exits 0 with "N entries, chain intact, head <hash>",
// or 65 (invalid data) naming the first bad entry.
#include <iostream>
#include <memory>

#include "accounts/pseudonym.h"
#include "audit/clock.h"
#include "audit/head_file.h"
#include "audit/log.h"
#include "cli/command.h"
#include "cli/text_table.h"

namespace cradle::cli {
namespace {

struct AuditArgs {
  std::string db_path;
  std::string expect_head;
  int64_t last = 20;
};

Status WithLog(const AuditArgs& args, const std::function<Status(audit::Log& log)>& run) {
  std::string path = args.db_path;
  if (path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(path, store::DefaultStorePath());
  }
  audit::SystemClock clock;
  CRADLE_ASSIGN_OR_RETURN(auto opened, store::OpenSqliteStore(path));
  CRADLE_ASSIGN_OR_RETURN(std::string key_dir, accounts::DefaultKeyDirectory());
  CRADLE_ASSIGN_OR_RETURN(auto log, audit::Log::Open(*opened, key_dir, clock));
  return run(*log);
}

Status RunVerify(const AuditArgs& args, audit::Log& log, std::ostream& out) {
  std::optional<store::AuditHead> expected;
  std::string head_note;
  if (!args.expect_head.empty()) {
    CRADLE_ASSIGN_OR_RETURN(expected, audit::ParseHead(args.expect_head));
  } else {
    CRADLE_ASSIGN_OR_RETURN(expected, log.RecordedHead());
    if (!expected) {
      head_note = "no head recorded at " + log.head_path() +
                  ": deleting the last entries could not be detected";
    }
  }
  CRADLE_ASSIGN_OR_RETURN(audit::ChainReport report, log.Verify(expected));
  if (!report.intact()) {
    return Status::InvalidData("the audit log fails verification at entry " +
                               std::to_string(report.problem->sequence) + ": " +
                               report.problem->message);
  }
  out << report.entries << (report.entries == 1 ? " entry" : " entries") << ", chain intact, head "
      << (report.head.sequence == 0 ? "(empty)" : report.head.hash) << "\n";
  if (report.head_checked) {
    out << "It reaches the recorded head, entry " << expected->sequence << ".\n";
  } else if (!head_note.empty() && report.entries > 0) {
    out << "Warning: " << head_note << ".\n";
  }
  return Status::Ok();
}

// Entries can hold text typed by anyone (a failed login's username): control
// characters are shown as '?' so they cannot drive the terminal.
std::string Printable(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

Status RunShow(const AuditArgs& args, audit::Log& log, std::ostream& out) {
  if (args.last < 1) return Status::InvalidArgument("--last must be at least 1");
  CRADLE_ASSIGN_OR_RETURN(std::vector<store::AuditRow> rows, log.Last(args.last));
  if (rows.empty()) {
    out << "The audit log is empty.\n";
    return Status::Ok();
  }
  TextTable table({{"Seq", TextTable::Align::kRight},
                   {"Time (UTC)"},
                   {"User"},
                   {"Role"},
                   {"Organisation"},
                   {"Action"},
                   {"Object"},
                   {"Detail"},
                   {"From"}});
  for (const store::AuditRow& row : rows) {
    std::string object = row.object_type + (row.object_id.empty() ? "" : " " + row.object_id);
    table.AddRow({std::to_string(row.sequence), audit::FormatUtc(row.at), Printable(row.user),
                  Printable(row.role), Printable(row.organisation), Printable(row.action),
                  Printable(object), Printable(row.detail), Printable(row.source)});
  }
  table.Print(out);
  return Status::Ok();
}

}  // namespace

Command AddAuditCommand(CLI::App& parent) {
  auto args = std::make_shared<AuditArgs>();
  CLI::App* app = parent.add_subcommand(
      "audit", "Verify the audit log's hash chain, or show its latest entries");
  app->require_subcommand(1);
  CLI::App* verify = app->add_subcommand(
      "verify", "Check every entry against the hash chain and the recorded head");
  verify->add_option("--expect-head", args->expect_head,
                     "SEQ:HASH the log must reach unchanged (default: the head recorded beside "
                     "the pseudonym key)");
  CLI::App* show = app->add_subcommand("show", "Show the latest entries, oldest first");
  show->add_option("--last", args->last, "How many entries (default 20)");
  for (CLI::App* sub : {verify, show}) {
    sub->add_option("--db", args->db_path,
                    "SQLite store to use (default: $XDG_DATA_HOME/cradle/cradle.db or "
                    "~/.local/share/cradle/cradle.db)");
  }
  return {app, [=](std::ostream& out) {
            return WithLog(*args, [&](audit::Log& log) {
              return verify->parsed() ? RunVerify(*args, log, out) : RunShow(*args, log, out);
            });
          }};
}

}  // namespace cradle::cli
