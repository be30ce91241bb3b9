// The ethnic groups of docs/data-formats.md as the generator indexes them:
// records/codes.h's table (ONS 2021 census codes with their ONS England table
// group and broad group), in its order, addressed by position.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "records/codes.h"

namespace cradle::synth {

using EthnicGroupInfo = records::EthnicGroup;

inline constexpr size_t kEthnicGroupCount = 20;

// records::EthnicGroups(); REQUIRES its size to be kEthnicGroupCount.
std::span<const EthnicGroupInfo> EthnicGroups();

// Index into EthnicGroups() of `code`, or std::nullopt if it is not a code.
std::optional<size_t> EthnicGroupIndex(std::string_view code);

// True for the three Black census categories (African, Caribbean, Other Black).
bool IsBlack(size_t group);

}  // namespace cradle::synth
