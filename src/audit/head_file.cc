#include "audit/head_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/private_folder.h"
#include "base/strings.h"

namespace cradle::audit {
namespace {

bool IsHexHash(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<store::AuditHead> Parse(const std::string& text, char separator, const std::string& where) {
  std::string trimmed(Trim(text));
  size_t at = trimmed.find(separator);
  std::optional<int64_t> sequence =
      at == std::string::npos ? std::nullopt : ParseInt64(trimmed.substr(0, at));
  std::string hash = at == std::string::npos ? "" : trimmed.substr(at + 1);
  if (!sequence || *sequence < 1 || !IsHexHash(hash)) {
    return Status::InvalidData(where + " is not a head: expected the sequence number, '" +
                               std::string(1, separator) + "' and 64 lowercase hex digits");
  }
  return store::AuditHead{*sequence, hash};
}

Status Errno(const std::string& what, const std::string& path) {
  return Status::IoError("cannot " + what + " " + path + ": " + std::strerror(errno));
}

// Closes a file descriptor on every path out.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string HeadFilePath(const std::string& directory, const std::string& log_id) {
  return (std::filesystem::path(directory) / ("audit-head-" + log_id)).string();
}

Result<std::optional<store::AuditHead>> ReadHeadFile(const std::string& path) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    if (errno == ENOENT) return std::optional<store::AuditHead>();
    return Errno("read", path);
  }
  char buffer[128];
  ssize_t got = ::read(file.fd, buffer, sizeof buffer);
  if (got < 0) return Errno("read", path);
  auto head = Parse(std::string(buffer, static_cast<size_t>(got)), ' ', path);
  if (!head.ok()) return head.status();
  return std::optional<store::AuditHead>(*head);
}

Status RecordHead(const std::string& path, const store::AuditHead& head) {
  CRADLE_RETURN_IF_ERROR(MakePrivateFolderFor(path));
  Fd file{::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)};
  if (file.fd < 0) return Errno("write", path);
  // The lock makes read-compare-write one step against other writers.
  if (::flock(file.fd, LOCK_EX) != 0) return Errno("lock", path);
  char buffer[128];
  ssize_t got = ::pread(file.fd, buffer, sizeof buffer, 0);
  if (got < 0) return Errno("read", path);
  if (got > 0) {
    auto recorded = Parse(std::string(buffer, static_cast<size_t>(got)), ' ', path);
    if (recorded.ok() && recorded->sequence >= head.sequence) return Status::Ok();
  }
  std::string text = std::to_string(head.sequence) + " " + head.hash + "\n";
  if (::ftruncate(file.fd, 0) != 0) return Errno("write", path);
  if (::pwrite(file.fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
    return Errno("write", path);
  }
  if (::fsync(file.fd) != 0) return Errno("write", path);
  return Status::Ok();
}

Result<store::AuditHead> ParseHead(const std::string& text) {
  auto head = Parse(text, ':', "'" + text + "'");
  if (!head.ok()) return Status::InvalidArgument(head.status().message());
  return head;
}

}  // namespace cradle::audit
