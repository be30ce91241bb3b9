// The small-number rule of the foundation (data/indicators.json,
// "disclosure_min_count"), applied to counts made from records: a count from 1
// to min_count - 1 is not shown, nor is anything computed from it (a rate, a
// ratio). Zero is shown: it identifies no one. Parts of a total are hidden
// together: if the neonatal count is small, showing the infant and
// post-neonatal counts would give it away.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace cradle {

// True if `count` is between 1 and min_count - 1; never when min_count <= 1
// (the rule is off, as for analysts with record-level access).
bool IsSmallCount(int64_t count, int min_count);

// For a total and the parts that add up to it: element 0 says whether the
// total is hidden (if small), element i whether part i is (if any count of the
// family is small).
std::vector<bool> HideFamily(int64_t total, std::initializer_list<int64_t> parts, int min_count);

}  // namespace cradle
