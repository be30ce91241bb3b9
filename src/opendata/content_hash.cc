#include "opendata/content_hash.h"

#include <cstdint>
#include <cstdio>

#include "fmt/format.h"

namespace cradle::opendata {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Mix(uint64_t hash, const unsigned char* bytes, size_t size) {
  for (size_t idx = 0; idx < size; ++idx) {
    hash ^= bytes[idx];
    hash *= kFnvPrime;
  }
  return hash;
}

}  // namespace

std::string TextFingerprint(std::string_view text) {
  return fmt::format(
      "{:016x}", Mix(kFnvOffset, reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

Result<std::string> FileFingerprint(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IoError(path + ": cannot open file");
  uint64_t hash = kFnvOffset;
  unsigned char buffer[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) hash = Mix(hash, buffer, got);
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Status::IoError(path + ": read failed");
  return fmt::format("{:016x}", hash);
}

}  // namespace cradle::opendata
