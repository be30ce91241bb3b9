#include "base/disclosure.h"

#include <algorithm>

namespace cradle {

bool IsSmallCount(int64_t count, int min_count) {
  return min_count > 1 && count >= 1 && count < min_count;
}

std::vector<bool> HideFamily(int64_t total, std::initializer_list<int64_t> parts, int min_count) {
  bool any_small = IsSmallCount(total, min_count) ||
                   std::any_of(parts.begin(), parts.end(),
                               [&](int64_t part) { return IsSmallCount(part, min_count); });
  std::vector<bool> hidden(parts.size() + 1, any_small);
  hidden[0] = IsSmallCount(total, min_count);
  return hidden;
}

}  // namespace cradle
