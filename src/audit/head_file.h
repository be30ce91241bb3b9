// The head of an audit log (its last sequence number and hash) recorded in a
// small file outside the database, beside the pseudonym key: deleting the
// last entries of the log cannot be seen from the chain alone, but it leaves
// the log ending before this head. One file per log, named by the log's id;
// the file only moves forward, so two writers cannot move it back.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "store/audit_store.h"

namespace cradle::audit {

// `directory`/audit-head-<log id>.
std::string HeadFilePath(const std::string& directory, const std::string& log_id);

// The recorded head, or none if the file does not exist. InvalidData if it
// is not "<sequence> <64 hex digits>".
Result<std::optional<store::AuditHead>> ReadHeadFile(const std::string& path);

// Records `head` unless the file already holds a later one; creates the file
// (mode 0600) and its folder (0700) if absent. IoError if it cannot be written.
Status RecordHead(const std::string& path, const store::AuditHead& head);

// Parses "<sequence>:<hash>" as typed after --expect-head.
Result<store::AuditHead> ParseHead(const std::string& text);

}  // namespace cradle::audit
