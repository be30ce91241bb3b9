// The code lists of the child death review extract (docs/data-formats.md,
// reviews.csv): the factor domains of both generations of the CDOP analysis
// form, the local contributory-factor codes (DOMAIN.md §1.4: each keeps its
// 2018 and 2008 domain so it can be reconciled with NCMD's coding later), the
// panel's overall judgement and the relevance scale. The ten categories of
// death are in codes.h.
#pragma once

#include <span>
#include <string_view>

namespace cradle::records {

// A domain of the 2018 analysis form: A intrinsic to the child, B social
// environment (family and parenting capacity), C physical environment,
// D service provision.
struct FactorDomain {
  char code;              // 'A'..'D'
  std::string_view name;  // e.g. "Factors intrinsic to the child"
};
std::span<const FactorDomain> FactorDomains();
const FactorDomain* FindFactorDomain(char code);

struct ContributoryFactor {
  std::string_view code;         // e.g. B.SMOKING_PREG
  std::string_view name;         // e.g. Smoking in pregnancy
  char domain_2018;              // 'A'..'D'
  std::string_view domain_2008;  // Child's needs | Parenting capacity | Family and environment |
                                 // Service provision
};
std::span<const ContributoryFactor> ContributoryFactors();
const ContributoryFactor* FindContributoryFactor(std::string_view code);

// The 2018 form's score of a factor: 0 information not available, 1 none
// identified or unlikely to have contributed, 2 may have contributed to
// vulnerability, ill-health or death. (The 2008 form's 0/1/1*/2/3 maps to
// 0/1/1/2/2.)
inline constexpr int kMaxRelevance = 2;

// The panel's overall judgement of a completed review.
inline constexpr std::string_view kModifiableFactors = "modifiable_factors";
inline constexpr std::string_view kNoModifiableFactors = "no_modifiable_factors";
inline constexpr std::string_view kInadequateInformation = "inadequate_information";
std::span<const std::string_view> ReviewOutcomes();
std::string_view ReviewOutcomeLabel(std::string_view outcome);  // "Modifiable factors identified"

}  // namespace cradle::records
