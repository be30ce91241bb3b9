#include "store/internal/stored_codes.h"

#include <cstdio>

namespace cradle::store::internal {
namespace {

// Frozen: numbers are positions + 1. Append only (see the header).
constexpr std::string_view kEthnicGroups[] = {"white_british",
                                              "white_irish",
                                              "white_gypsy_traveller",
                                              "white_roma",
                                              "white_other",
                                              "mixed_white_black_caribbean",
                                              "mixed_white_black_african",
                                              "mixed_white_asian",
                                              "mixed_other",
                                              "asian_indian",
                                              "asian_pakistani",
                                              "asian_bangladeshi",
                                              "asian_chinese",
                                              "asian_other",
                                              "black_african",
                                              "black_caribbean",
                                              "black_other",
                                              "other_arab",
                                              "other_any",
                                              "not_stated"};
constexpr std::string_view kMotherAgeBands[] = {"<20",   "20-24", "25-29",  "30-34",
                                                "35-39", "40+",   "unknown"};
constexpr std::string_view kBmiBands[] = {"<18.5",   "18.5-24.9", "25-29.9", "30-34.9",
                                          "35-39.9", "40+",       "unknown"};
constexpr std::string_view kFlags[] = {"Y", "N", "U"};

}  // namespace

std::span<const std::string_view> StoredCodes(CodeList list) {
  switch (list) {
    case CodeList::kEthnicGroup:
      return kEthnicGroups;
    case CodeList::kMotherAgeBand:
      return kMotherAgeBands;
    case CodeList::kBmiBand:
      return kBmiBands;
    case CodeList::kFlag:
      break;
  }
  return kFlags;
}

std::string_view StoredListName(CodeList list) {
  switch (list) {
    case CodeList::kEthnicGroup:
      return "ethnic_group";
    case CodeList::kMotherAgeBand:
      return "mother_age_band";
    case CodeList::kBmiBand:
      return "bmi_band";
    case CodeList::kFlag:
      break;
  }
  return "flag";
}

std::optional<int> StoredNumber(CodeList list, std::string_view code) {
  std::span<const std::string_view> codes = StoredCodes(list);
  for (size_t idx = 0; idx < codes.size(); ++idx) {
    if (codes[idx] == code) return static_cast<int>(idx) + 1;
  }
  return std::nullopt;
}

std::string_view CodeOfNumber(CodeList list, int64_t number) {
  std::span<const std::string_view> codes = StoredCodes(list);
  if (number < 1 || number > static_cast<int64_t>(codes.size())) return {};
  return codes[static_cast<size_t>(number - 1)];
}

std::optional<int> StoredLsoa(std::string_view code) {
  if (code.size() != 9 || code.substr(0, 3) != "E01") return std::nullopt;
  int number = 0;
  for (char c : code.substr(3)) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::string LsoaOfNumber(int64_t number) {
  char text[24];
  std::snprintf(text, sizeof text, "E01%06lld", static_cast<long long>(number));
  return text;
}

}  // namespace cradle::store::internal
