#include "synth/ethnic_groups.h"

namespace cradle::synth {

const std::array<EthnicGroupInfo, kEthnicGroupCount>& EthnicGroups() {
  static const std::array<EthnicGroupInfo, kEthnicGroupCount> kGroups = {{
      {"white_british", "White British", "White"},
      {"white_irish", "White Other", "White"},
      {"white_gypsy_traveller", "White Other", "White"},
      {"white_roma", "White Other", "White"},
      {"white_other", "White Other", "White"},
      {"mixed_white_black_caribbean", "Mixed/ multiple", "Mixed"},
      {"mixed_white_black_african", "Mixed/ multiple", "Mixed"},
      {"mixed_white_asian", "Mixed/ multiple", "Mixed"},
      {"mixed_other", "Mixed/ multiple", "Mixed"},
      {"asian_indian", "Indian", "Asian"},
      {"asian_pakistani", "Pakistani", "Asian"},
      {"asian_bangladeshi", "Bangladeshi", "Asian"},
      {"asian_chinese", "Any other Asian background", "Asian"},
      {"asian_other", "Any other Asian background", "Asian"},
      {"black_african", "Black African", "Black"},
      {"black_caribbean", "Black Caribbean", "Black"},
      {"black_other", "Any other Black background", "Black"},
      {"other_arab", "Any Other ethnic group", "Other"},
      {"other_any", "Any Other ethnic group", "Other"},
      {"not_stated", "Not Stated", "Not stated"},
  }};
  return kGroups;
}

std::optional<size_t> EthnicGroupIndex(std::string_view code) {
  const auto& groups = EthnicGroups();
  for (size_t idx = 0; idx < groups.size(); ++idx) {
    if (groups[idx].code == code) return idx;
  }
  return std::nullopt;
}

bool IsBlack(size_t group) { return EthnicGroups()[group].broad_group == "Black"; }

}  // namespace cradle::synth
