#include "accounts/pseudonym.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "accounts/nhs_number.h"
#include "audit/crypto.h"
#include "base/private_folder.h"
#include "base/strings.h"

namespace cradle::accounts {
namespace {

Status Errno(const std::string& what, const std::string& path) {
  return Status::IoError("cannot " + what + " the pseudonym key " + path + ": " +
                         std::strerror(errno));
}

// Writes a new random key to `path` unless the file exists (O_EXCL: two
// processes starting together cannot both make one).
Status CreateKeyFile(const std::string& path) {
  CRADLE_RETURN_IF_ERROR(MakePrivateFolderFor(path));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return errno == EEXIST ? Status::Ok() : Errno("create", path);
  Pseudonymiser::Key key;
  randombytes_buf(key.data(), key.size());
  std::string text =
      audit::ToHex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size())) + "\n";
  sodium_memzero(key.data(), key.size());
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  return written ? Status::Ok() : Errno("write", path);
}

}  // namespace

Result<std::string> DefaultPseudonymKeyPath() {
  if (const char* path = std::getenv("CRADLE_PSEUDONYM_KEY"); path && *path) {
    return std::string(path);
  }
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    dir = std::filesystem::path(xdg) / "cradle";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".config" / "cradle";
  } else {
    return Status::InvalidArgument(
        "none of CRADLE_PSEUDONYM_KEY, XDG_CONFIG_HOME or HOME is set: cannot place the "
        "pseudonym key");
  }
  return (dir / "pseudonym.key").string();
}

Result<std::string> DefaultKeyDirectory() {
  CRADLE_ASSIGN_OR_RETURN(std::string path, DefaultPseudonymKeyPath());
  std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? std::string(".") : folder;
}

Result<Pseudonymiser> Pseudonymiser::FromKeyFile(const std::string& path) {
  CRADLE_RETURN_IF_ERROR(audit::InitCrypto());
  CRADLE_RETURN_IF_ERROR(CreateKeyFile(path));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Errno("read", path);
  struct stat info {};
  char buffer[80];
  ssize_t got = ::fstat(fd, &info) == 0 ? ::read(fd, buffer, sizeof buffer) : -1;
  ::close(fd);
  if (got < 0) return Errno("read", path);
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Status::InvalidData("the pseudonym key " + path +
                               " may be read by others: make it private (chmod 600)");
  }
  std::string_view text = Trim(std::string_view(buffer, static_cast<size_t>(got)));
  Key key;
  size_t decoded = 0;
  if (text.size() != 64 ||
      sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &decoded,
                     nullptr) != 0 ||
      decoded != key.size()) {
    sodium_memzero(buffer, sizeof buffer);
    return Status::InvalidData("the pseudonym key " + path + " is not 64 hex digits (32 bytes)");
  }
  sodium_memzero(buffer, sizeof buffer);
  Pseudonymiser pseudonymiser(key);
  sodium_memzero(key.data(), key.size());
  return pseudonymiser;
}

Result<std::string> Pseudonymiser::Pseudonym(std::string_view nhs_number) const {
  CRADLE_ASSIGN_OR_RETURN(std::string digits, ParseNhsNumber(nhs_number));
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(digits.data()), digits.size(),
                         key_.data());
  return audit::ToHex(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

}  // namespace cradle::accounts
