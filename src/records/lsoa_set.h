// A set of 2021 LSOA codes (E01 and six digits) for the row parser's "known
// to the store" check, as a bitmap over the six digits: 125 KB whatever the
// number of codes, and a lookup is one bit, so checking against England's
// 33,755 LSOAs costs no more than against Leicester's 192 (a hash set of
// strings spent a sixth of a national import's parsing time in cache misses).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cradle::records {

class LsoaSet {
 public:
  // The E01 codes of `codes`; anything else in it could never be a valid
  // LSOA code and is left out.
  explicit LsoaSet(const std::unordered_set<std::string>& codes);

  // True if `code` is one of the set's codes.
  bool Contains(std::string_view code) const;

 private:
  // Index 0 to 999,999 of an E01 code, or -1.
  static int32_t IndexOf(std::string_view code);
  std::vector<uint64_t> bits_;
};

}  // namespace cradle::records
