#include "records/cdop_codes.h"

#include <algorithm>

namespace cradle::records {
namespace {

constexpr FactorDomain kDomains[] = {
    {'A', "Factors intrinsic to the child"},
    {'B', "Social environment, including family and parenting capacity"},
    {'C', "Physical environment"},
    {'D', "Service provision"},
};

constexpr std::string_view kChild = "Child's needs";
constexpr std::string_view kParenting = "Parenting capacity";
constexpr std::string_view kFamily = "Family and environment";
constexpr std::string_view kService = "Service provision";

// DOMAIN.md §1.4, the local code list [D]; the names follow the Leicester
// report's wording where it names the factor.
constexpr ContributoryFactor kFactors[] = {
    {"A.PRETERM", "Prematurity", 'A', kChild},
    {"A.LBW", "Low birth weight", 'A', kChild},
    {"A.CONGENITAL", "Congenital or genetic condition", 'A', kChild},
    {"A.ACUTE_ILLNESS", "Acute illness", 'A', kChild},
    {"A.CHRONIC", "Chronic condition or disability", 'A', kChild},
    {"B.SMOKING_PREG", "Smoking in pregnancy", 'B', kFamily},
    {"B.SMOKE_HOUSEHOLD", "Household exposure to cigarette smoke", 'B', kFamily},
    {"B.MATERNAL_BMI", "Unhealthy weight in pregnancy", 'B', kParenting},
    {"B.ALCOHOL_DRUGS", "Parental alcohol or substance use", 'B', kParenting},
    {"B.MENTAL_HEALTH", "Parental mental health", 'B', kParenting},
    {"B.DOMESTIC_ABUSE", "Domestic abuse", 'B', kFamily},
    {"B.COSLEEP_HAZARD", "Co-sleeping in hazardous circumstances", 'B', kParenting},
    {"B.CONSANGUINITY", "Consanguinity", 'B', kFamily},
    {"B.LATE_BOOKING", "Late booking or poor antenatal engagement", 'B', kParenting},
    {"B.IVF_OVERSEAS", "Assisted conception abroad", 'B', kFamily},
    {"B.HOUSING_POVERTY", "Housing, overcrowding or poverty", 'B', kFamily},
    {"C.SLEEP_ENVIRONMENT", "Unsafe sleep surface or bedding", 'C', kFamily},
    {"C.HOME_SAFETY", "Other home or physical hazards", 'C', kFamily},
    {"D.AGENCY_COMMS", "Poor communication between agencies", 'D', kService},
    {"D.GUIDELINE_NOT_FOLLOWED", "Guidelines or policies not followed", 'D', kService},
    {"D.MISSED_DETERIORATION", "Missed signs of deterioration", 'D', kService},
    {"D.ACCESS_DELAY", "Access to care, delays or capacity", 'D', kService},
    {"D.INTERPRETER", "Interpreter not used or not available", 'D', kService},
    {"D.SAFE_SLEEP_ADVICE", "Safe-sleep advice or assessment not given", 'D', kService},
};

constexpr std::string_view kOutcomes[] = {kModifiableFactors, kNoModifiableFactors,
                                          kInadequateInformation};

}  // namespace

std::span<const FactorDomain> FactorDomains() { return kDomains; }

const FactorDomain* FindFactorDomain(char code) {
  for (const FactorDomain& domain : kDomains) {
    if (domain.code == code) return &domain;
  }
  return nullptr;
}

std::span<const ContributoryFactor> ContributoryFactors() { return kFactors; }

const ContributoryFactor* FindContributoryFactor(std::string_view code) {
  auto it = std::find_if(std::begin(kFactors), std::end(kFactors),
                         [&](const ContributoryFactor& factor) { return factor.code == code; });
  return it == std::end(kFactors) ? nullptr : &*it;
}

std::span<const std::string_view> ReviewOutcomes() { return kOutcomes; }

std::string_view ReviewOutcomeLabel(std::string_view outcome) {
  if (outcome == kModifiableFactors) return "Modifiable factors identified";
  if (outcome == kNoModifiableFactors) return "No modifiable factors identified";
  if (outcome == kInadequateInformation) return "Inadequate information";
  return "Not yet reviewed by the panel";
}

}  // namespace cradle::records
