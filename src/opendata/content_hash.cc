#include "opendata/content_hash.h"

#include <cstdint>
#include <cstdio>

#include "fmt/format.h"

namespace cradle::opendata {

Result<std::string> FileFingerprint(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IoError(path + ": cannot open file");
  uint64_t hash = 1469598103934665603ULL;  // FNV offset basis
  unsigned char buffer[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    for (size_t idx = 0; idx < got; ++idx) {
      hash ^= buffer[idx];
      hash *= 1099511628211ULL;  // FNV prime
    }
  }
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Status::IoError(path + ": read failed");
  return fmt::format("{:016x}", hash);
}

}  // namespace cradle::opendata
