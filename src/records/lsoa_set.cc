#include "records/lsoa_set.h"

namespace cradle::records {

namespace {
constexpr int32_t kCodes = 1000000;  // six digits
}  // namespace

LsoaSet::LsoaSet(const std::unordered_set<std::string>& codes) : bits_(kCodes / 64 + 1, 0) {
  for (const std::string& code : codes) {
    const int32_t index = IndexOf(code);
    if (index >= 0) bits_[index / 64] |= uint64_t{1} << (index % 64);
  }
}

bool LsoaSet::Contains(std::string_view code) const {
  const int32_t index = IndexOf(code);
  return index >= 0 && (bits_[index / 64] >> (index % 64) & 1) != 0;
}

int32_t LsoaSet::IndexOf(std::string_view code) {
  if (code.size() != 9 || code.substr(0, 3) != "E01") return -1;
  int32_t index = 0;
  for (char c : code.substr(3)) {
    if (c < '0' || c > '9') return -1;
    index = index * 10 + (c - '0');
  }
  return index;
}

}  // namespace cradle::records
