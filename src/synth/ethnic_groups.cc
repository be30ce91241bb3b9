#include "synth/ethnic_groups.h"

#include <cassert>

namespace cradle::synth {

std::span<const EthnicGroupInfo> EthnicGroups() {
  std::span<const EthnicGroupInfo> groups = records::EthnicGroups();
  assert(groups.size() == kEthnicGroupCount && "synth sizes its tables by the code list");
  return groups;
}

std::optional<size_t> EthnicGroupIndex(std::string_view code) {
  std::span<const EthnicGroupInfo> groups = EthnicGroups();
  for (size_t idx = 0; idx < groups.size(); ++idx) {
    if (groups[idx].code == code) return idx;
  }
  return std::nullopt;
}

bool IsBlack(size_t group) { return EthnicGroups()[group].broad_group == "Black"; }

}  // namespace cradle::synth
