// The ethnic group codes of docs/data-formats.md (ONS 2021 census, 19
// categories, plus "not stated"), each with the group of the ONS England
// infant-mortality table it is compared with and the census broad group it
// belongs to. The order here is the order of the data-formats table.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace cradle::synth {

struct EthnicGroupInfo {
  std::string_view code;             // e.g. "asian_pakistani"
  std::string_view ons_table_group;  // group in ons_infant_mortality_by_ethnicity_2020_2022.csv
  std::string_view broad_group;      // census broad group: White, Mixed, Asian, Black, Other
};

inline constexpr size_t kEthnicGroupCount = 20;

const std::array<EthnicGroupInfo, kEthnicGroupCount>& EthnicGroups();

// Index into EthnicGroups() of `code`, or std::nullopt if it is not a code.
std::optional<size_t> EthnicGroupIndex(std::string_view code);

// True for the three Black census categories (African, Caribbean, Other Black).
bool IsBlack(size_t group);

}  // namespace cradle::synth
