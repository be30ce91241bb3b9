#include "records/codes.h"

#include <algorithm>
#include <string>

namespace cradle::records {
namespace {

constexpr EthnicGroup kEthnicGroups[] = {
    {"white_british", "White: English, Welsh, Scottish, Northern Irish or British", "White",
     "White British"},
    {"white_irish", "White: Irish", "White", "White Other"},
    {"white_gypsy_traveller", "White: Gypsy or Irish Traveller", "White", "White Other"},
    {"white_roma", "White: Roma", "White", "White Other"},
    {"white_other", "White: Other White", "White", "White Other"},
    {"mixed_white_black_caribbean", "Mixed or Multiple: White and Black Caribbean", "Mixed",
     "Mixed/ multiple"},
    {"mixed_white_black_african", "Mixed or Multiple: White and Black African", "Mixed",
     "Mixed/ multiple"},
    {"mixed_white_asian", "Mixed or Multiple: White and Asian", "Mixed", "Mixed/ multiple"},
    {"mixed_other", "Mixed or Multiple: Other Mixed or Multiple", "Mixed", "Mixed/ multiple"},
    {"asian_indian", "Asian or Asian British: Indian", "Asian", "Indian"},
    {"asian_pakistani", "Asian or Asian British: Pakistani", "Asian", "Pakistani"},
    {"asian_bangladeshi", "Asian or Asian British: Bangladeshi", "Asian", "Bangladeshi"},
    {"asian_chinese", "Asian or Asian British: Chinese", "Asian", "Any other Asian background"},
    {"asian_other", "Asian or Asian British: Other Asian", "Asian", "Any other Asian background"},
    {"black_african", "Black, Black British, Caribbean or African: African", "Black",
     "Black African"},
    {"black_caribbean", "Black, Black British, Caribbean or African: Caribbean", "Black",
     "Black Caribbean"},
    {"black_other", "Black, Black British, Caribbean or African: Other Black", "Black",
     "Any other Black background"},
    {"other_arab", "Other ethnic group: Arab", "Other", "Any Other ethnic group"},
    {"other_any", "Other ethnic group: Any other ethnic group", "Other", "Any Other ethnic group"},
    {"not_stated", "Not stated", "Not stated", "Not Stated"},
};

constexpr std::string_view kMotherAgeBands[] = {"<20",   "20-24", "25-29",  "30-34",
                                                "35-39", "40+",   "unknown"};
constexpr std::string_view kBmiBands[] = {"<18.5",   "18.5-24.9", "25-29.9", "30-34.9",
                                          "35-39.9", "40+",       "unknown"};
constexpr std::string_view kFlags[] = {"Y", "N", "U"};

constexpr DeathCategory kDeathCategories[] = {
    {1, "Deliberately inflicted injury, abuse or neglect"},
    {2, "Suicide or deliberate self-inflicted harm"},
    {3, "Trauma and other external factors, including medical/surgical complications/error"},
    {4, "Malignancy"},
    {5, "Acute medical or surgical condition"},
    {6, "Chronic medical condition"},
    {7, "Chromosomal, genetic and congenital anomalies"},
    {8, "Perinatal/neonatal event"},
    {9, "Infection"},
    {10, "Sudden unexpected, unexplained death"},
};

}  // namespace

std::span<const EthnicGroup> EthnicGroups() { return kEthnicGroups; }

const EthnicGroup* FindEthnicGroup(std::string_view code) {
  for (const EthnicGroup& group : kEthnicGroups) {
    if (group.code == code) return &group;
  }
  return nullptr;
}

std::span<const std::string_view> MotherAgeBands() { return kMotherAgeBands; }
std::span<const std::string_view> BmiBands() { return kBmiBands; }
std::span<const std::string_view> Flags() { return kFlags; }
std::span<const DeathCategory> DeathCategories() { return kDeathCategories; }

bool IsOneOf(std::string_view code, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string ListForMessage(std::span<const std::string_view> list) {
  std::string out;
  for (size_t idx = 0; idx < list.size(); ++idx) {
    if (idx > 0) out += idx + 1 == list.size() ? " or " : ", ";
    out += list[idx];
  }
  return out;
}

}  // namespace cradle::records
