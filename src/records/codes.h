// The code lists of the record formats (docs/data-formats.md): ethnic groups
// (ONS 2021 census, with the group of ONS's infant-mortality tables each maps
// to), mother's age bands, BMI bands, Y/N/U flags and the CDOP categories of
// death. One table per list; parsers and analyses read them from here.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cradle::records {

struct EthnicGroup {
  std::string_view code;          // e.g. asian_pakistani
  std::string_view census_label;  // e.g. Asian or Asian British: Pakistani
  std::string_view broad_group;   // Asian, Black, Mixed, White, Other, Not stated
  std::string_view ons_group;     // group of the ONS England table by ethnicity
};

std::span<const EthnicGroup> EthnicGroups();
const EthnicGroup* FindEthnicGroup(std::string_view code);

std::span<const std::string_view> MotherAgeBands();  // <20 … 40+, unknown
std::span<const std::string_view> BmiBands();        // <18.5 … 40+, unknown
std::span<const std::string_view> Flags();           // Y, N, U

struct DeathCategory {
  int code;  // 1-10
  std::string_view name;
};
std::span<const DeathCategory> DeathCategories();

// True if `code` is one of `list`.
bool IsOneOf(std::string_view code, std::span<const std::string_view> list);

// "a, b or c": the allowed values for an error message.
std::string ListForMessage(std::span<const std::string_view> list);

}  // namespace cradle::records
