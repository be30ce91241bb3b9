#include "inequalities/grouping.h"

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "records/codes.h"

namespace cradle::inequalities {
namespace {

constexpr std::array<std::string_view, 10> kNames = {
    "ethnicity", "ethnicity-broad", "ethnicity-census", "imd",       "imd-quintile", "ward",
    "lsoa",      "gestation",       "birthweight",      "mother-age"};

// ONS's gestation and birthweight bands (Child and infant mortality in England
// and Wales, birth-cohort tables), as upper bounds: a value below bound i
// falls in band i.
struct Band {
  int below;
  std::string_view code;
  std::string_view label;
};
constexpr Band kGestationBands[] = {
    {24, "<24", "Under 24 weeks"}, {28, "24-27", "24-27 weeks"},
    {32, "28-31", "28-31 weeks"},  {37, "32-36", "32-36 weeks"},
    {42, "37-41", "37-41 weeks"},  {1000, "42+", "42 weeks and over"}};
constexpr Band kBirthweightBands[] = {
    {1000, "<1000", "Under 1,000 g"},     {1500, "1000-1499", "1,000-1,499 g"},
    {2000, "1500-1999", "1,500-1,999 g"}, {2500, "2000-2499", "2,000-2,499 g"},
    {3000, "2500-2999", "2,500-2,999 g"}, {3500, "3000-3499", "3,000-3,499 g"},
    {4000, "3500-3999", "3,500-3,999 g"}, {100000, "4000+", "4,000 g and over"}};

template <size_t N>
int BandOf(const Band (&bands)[N], int value) {
  for (size_t idx = 0; idx < N; ++idx) {
    if (value < bands[idx].below) return static_cast<int>(idx);
  }
  return static_cast<int>(N) - 1;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::span<const std::string_view> DimensionNames() { return kNames; }

std::string_view DimensionName(Dimension dimension) {
  return kNames[static_cast<size_t>(dimension)];
}

Result<Dimension> ParseDimension(std::string_view name) {
  for (size_t idx = 0; idx < kNames.size(); ++idx) {
    if (kNames[idx] == name) return static_cast<Dimension>(idx);
  }
  return Status::InvalidArgument("unknown breakdown '" + std::string(name) + "': use one of " +
                                 records::ListForMessage(kNames));
}

Grouping::Grouping(Dimension dimension, const RecordFrame& frame)
    : dimension_(dimension), frame_(frame) {
  auto add = [&](std::string code, std::string label, bool unknown = false) {
    groups_.push_back({std::move(code), std::move(label), unknown});
    return static_cast<int>(groups_.size()) - 1;
  };
  auto ethnic = [&](auto key) {
    for (const records::EthnicGroup& group : records::EthnicGroups()) {
      std::string_view name = key(group);
      auto found = std::find_if(groups_.begin(), groups_.end(),
                                [&](const Group& g) { return g.code == name; });
      int index = found != groups_.end()
                      ? static_cast<int>(found - groups_.begin())
                      : add(std::string(name), std::string(name), group.code == "not_stated");
      by_ethnic_group_.push_back(index);
    }
  };
  switch (dimension) {
    case Dimension::kEthnicity:
      ethnic([](const records::EthnicGroup& g) { return g.ons_group; });
      break;
    case Dimension::kEthnicityBroad:
      ethnic([](const records::EthnicGroup& g) { return g.broad_group; });
      break;
    case Dimension::kEthnicityCensus:
      for (const records::EthnicGroup& group : records::EthnicGroups()) {
        by_ethnic_group_.push_back(add(std::string(group.code), std::string(group.census_label),
                                       group.code == "not_stated"));
      }
      break;
    case Dimension::kImdDecile:
      for (int decile = 1; decile <= 10; ++decile) {
        std::string code = std::to_string(decile);
        add(code, decile == 1 ? "1 (most deprived)" : decile == 10 ? "10 (least deprived)" : code);
      }
      add("unknown", "Unknown", true);
      break;
    case Dimension::kImdQuintile:
      for (int quintile = 1; quintile <= 5; ++quintile) {
        std::string code = std::to_string(quintile);
        add(code, quintile == 1   ? "1 (most deprived)"
                  : quintile == 5 ? "5 (least deprived)"
                                  : code);
      }
      add("unknown", "Unknown", true);
      break;
    case Dimension::kWard:
      for (const Ward& ward : frame.wards) add(ward.code, ward.name);
      add("unknown", "Unknown", true);
      break;
    case Dimension::kLsoa:
      for (const Lsoa& lsoa : frame.lsoas) add(lsoa.code, lsoa.name);
      add("unknown", "Unknown", true);
      break;
    case Dimension::kGestation:
      for (const Band& band : kGestationBands) add(std::string(band.code), std::string(band.label));
      break;
    case Dimension::kBirthweight:
      for (const Band& band : kBirthweightBands)
        add(std::string(band.code), std::string(band.label));
      break;
    case Dimension::kMotherAge:
      for (std::string_view band : records::MotherAgeBands()) {
        add(std::string(band), std::string(band), band == "unknown");
      }
      break;
  }
}

std::string_view Grouping::title() const {
  switch (dimension_) {
    case Dimension::kEthnicity:
      return "Ethnic group (ONS table groups)";
    case Dimension::kEthnicityBroad:
      return "Ethnic group (broad)";
    case Dimension::kEthnicityCensus:
      return "Ethnic group (census 2021)";
    case Dimension::kImdDecile:
      return "Deprivation decile (IMD 2025)";
    case Dimension::kImdQuintile:
      return "Deprivation quintile (IMD 2025)";
    case Dimension::kWard:
      return "Ward";
    case Dimension::kLsoa:
      return "LSOA";
    case Dimension::kGestation:
      return "Gestation";
    case Dimension::kBirthweight:
      return "Birthweight";
    case Dimension::kMotherAge:
      return "Mother's age";
  }
  return "";
}

bool Grouping::AppliesToBookings() const {
  return dimension_ != Dimension::kGestation && dimension_ != Dimension::kBirthweight &&
         dimension_ != Dimension::kMotherAge;
}

int Grouping::Ethnic(uint8_t ethnic_group) const { return by_ethnic_group_[ethnic_group]; }

// The unknown group is always the last one of a neighbourhood breakdown.
int Grouping::Neighbourhood(int lsoa) const {
  int unknown = static_cast<int>(groups_.size()) - 1;
  if (lsoa < 0) return unknown;
  const Lsoa& area = frame_.lsoas[static_cast<size_t>(lsoa)];
  switch (dimension_) {
    case Dimension::kImdDecile:
      return area.imd_decile > 0 ? area.imd_decile - 1 : unknown;
    case Dimension::kImdQuintile:
      return area.imd_decile > 0 ? (area.imd_decile - 1) / 2 : unknown;
    case Dimension::kWard:
      return area.ward >= 0 ? area.ward : unknown;
    default:
      return lsoa;
  }
}

int Grouping::GroupOf(const Birth& birth) const {
  switch (dimension_) {
    case Dimension::kEthnicity:
    case Dimension::kEthnicityBroad:
    case Dimension::kEthnicityCensus:
      return Ethnic(birth.ethnic_group);
    case Dimension::kGestation:
      return BandOf(kGestationBands, birth.gestation_weeks);
    case Dimension::kBirthweight:
      return BandOf(kBirthweightBands, birth.birthweight_grams);
    case Dimension::kMotherAge:
      return birth.mother_age;
    default:
      return Neighbourhood(birth.lsoa);
  }
}

int Grouping::GroupOf(const Booking& booking) const {
  switch (dimension_) {
    case Dimension::kEthnicity:
    case Dimension::kEthnicityBroad:
    case Dimension::kEthnicityCensus:
      return Ethnic(booking.ethnic_group);
    default:
      return Neighbourhood(booking.lsoa);
  }
}

Result<int> Grouping::Find(std::string_view text) const {
  text = Trim(text);
  for (size_t idx = 0; idx < groups_.size(); ++idx) {
    if (EqualsIgnoringCase(groups_[idx].code, text) ||
        EqualsIgnoringCase(groups_[idx].label, text)) {
      return static_cast<int>(idx);
    }
  }
  std::vector<std::string_view> codes;
  for (const Group& group : groups_) codes.push_back(group.code);
  std::string list = codes.size() > 25 ? "codes such as " + groups_.front().code
                                       : "one of " + records::ListForMessage(codes);
  return Status::NotFound("no group '" + std::string(text) + "' in the breakdown by " +
                          std::string(title()) + ": use " + list);
}

int Grouping::DefaultReference(std::span<const int64_t> births) const {
  auto by_code = [&](std::string_view code) {
    for (size_t idx = 0; idx < groups_.size(); ++idx) {
      if (groups_[idx].code == code) return static_cast<int>(idx);
    }
    return 0;
  };
  switch (dimension_) {
    case Dimension::kEthnicity:
      return by_code("White British");
    case Dimension::kEthnicityBroad:
      return by_code("White");
    case Dimension::kEthnicityCensus:
      return by_code("white_british");
    case Dimension::kGestation:
      return by_code("37-41");
    case Dimension::kBirthweight:
      return by_code("3000-3499");
    case Dimension::kMotherAge:
      return by_code("30-34");
    case Dimension::kImdDecile:
    case Dimension::kImdQuintile: {
      // The least deprived group with a twentieth of the births at least, so
      // that the reference rate is not itself a small number (Leicester has
      // no LSOA in decile 10 and few births in 8 and 9).
      int64_t all = 0;
      for (int64_t count : births) all += count;
      for (int idx = static_cast<int>(groups_.size()) - 2; idx > 0; --idx) {
        if (births[static_cast<size_t>(idx)] > 0 && births[static_cast<size_t>(idx)] * 20 >= all) {
          return idx;
        }
      }
      return 0;
    }
    default: {
      int best = 0;
      for (size_t idx = 0; idx < groups_.size(); ++idx) {
        if (!groups_[idx].unknown && births[idx] > births[static_cast<size_t>(best)]) {
          best = static_cast<int>(idx);
        }
      }
      return best;
    }
  }
}

}  // namespace cradle::inequalities
