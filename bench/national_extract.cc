#include "national_extract.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <span>
#include <string_view>

#include "records/codes.h"
#include "records/date.h"

namespace cradle::bench {
namespace {

constexpr int kNationalLsoas = 33755;
constexpr int kDaysOfBirths = 3652;  // ten years
constexpr uint64_t kSeed = 0x5eed2026;

// SplitMix64: a well-mixed 64-bit value for each input.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The draws of one row: a fresh value for each field from one hash.
class Draws {
 public:
  explicit Draws(uint64_t row) : state_(Mix(row ^ kSeed)) {}
  uint64_t Next() { return state_ = Mix(state_); }
  int Below(int bound) { return static_cast<int>(Next() % static_cast<uint64_t>(bound)); }
  // An index into `per_mille` (weights summing to 1,000).
  size_t Pick(std::span<const int> per_mille) {
    int draw = Below(1000);
    for (size_t idx = 0; idx < per_mille.size(); ++idx) {
      if ((draw -= per_mille[idx]) < 0) return idx;
    }
    return per_mille.size() - 1;
  }

 private:
  uint64_t state_;
};

// Rough shares of England's births, in the order of records/codes.h's lists.
constexpr int kEthnicPerMille[] = {600, 3,  2, 3,  95, 10, 8, 10, 12, 35,
                                   45,  15, 7, 20, 40, 7,  8, 10, 20, 50};
constexpr int kMotherAgePerMille[] = {30, 130, 280, 330, 180, 40, 10};
constexpr int kBmiPerMille[] = {30, 420, 270, 140, 60, 30, 50};
constexpr int kIvfPerMille[] = {30, 900, 70};       // Y, N, U
constexpr int kSmokingPerMille[] = {110, 860, 30};  // Y, N, U
constexpr int kDeliveryPerMille[] = {90, 880, 30};  // Y, N, U
constexpr char kFlags[] = {'Y', 'N', 'U'};

// The code lists must line up with the weights above.
void CheckCodeLists() {
  if (records::EthnicGroups().size() != std::size(kEthnicPerMille) ||
      records::MotherAgeBands().size() != std::size(kMotherAgePerMille) ||
      records::BmiBands().size() != std::size(kBmiPerMille)) {
    std::fprintf(stderr, "national_extract: records/codes.h changed; update the weights\n");
    std::abort();
  }
}

// Buffered output with cheap number formatting (fprintf would take longer
// than the import being measured).
class Out {
 public:
  static std::unique_ptr<Out> Open(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    return file ? std::unique_ptr<Out>(new Out(file)) : nullptr;
  }
  ~Out() {
    if (file_) std::fclose(file_);
  }
  Out& operator<<(std::string_view text) {
    buffer_.append(text);
    return *this;
  }
  Out& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  Out& operator<<(int64_t value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    buffer_.append(digits, end);
    return *this;
  }
  // Ends a row; writes the buffer out when it is large.
  bool EndRow() {
    buffer_.push_back('\n');
    return buffer_.size() < (1 << 20) || Flush();
  }
  bool Close() {
    bool ok = Flush() && std::fclose(file_) == 0;
    file_ = nullptr;
    return ok;
  }

 private:
  explicit Out(std::FILE* file) : file_(file) {}
  bool Flush() {
    bool ok = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
    buffer_.clear();
    return ok;
  }
  std::FILE* file_;
  std::string buffer_;
};

records::Date DaysAfterFirst(int64_t days) {
  static const int kFirst = records::Date::Parse("2014-01-01")->DaysSinceEpoch();
  return records::Date::FromDays(kFirst + static_cast<int>(days));
}

// Births are in date order over ten years, as an extract sorted by date.
int64_t BirthDay(int64_t idx, const ExtractSpec& spec) { return idx * kDaysOfBirths / spec.births; }

std::string BirthId(int64_t idx, const ExtractSpec& spec) {
  char text[24];
  if (spec.random_ids) {
    std::snprintf(text, sizeof text, "%016llx",
                  static_cast<unsigned long long>(Mix(static_cast<uint64_t>(idx) ^ ~kSeed)));
  } else {
    std::snprintf(text, sizeof text, "B%010lld", static_cast<long long>(idx));
  }
  return text;
}

std::string LsoaCode(int index) {
  char text[16];
  std::snprintf(text, sizeof text, "E01%06d", index + 1);
  return text;
}

}  // namespace

std::vector<std::string> NationalLsoaCodes() {
  std::vector<std::string> codes;
  codes.reserve(kNationalLsoas);
  for (int idx = 0; idx < kNationalLsoas; ++idx) codes.push_back(LsoaCode(idx));
  return codes;
}

Status WriteBirths(const std::string& path, const ExtractSpec& spec) {
  CheckCodeLists();
  std::unique_ptr<Out> out = Out::Open(path);
  if (!out) return Status::IoError(path + ": cannot write");
  *out << "birth_id,date_of_birth,lsoa21,ethnic_group,mother_age_band,gestation_weeks,"
          "birthweight_grams,multiplicity,ivf,overseas_ivf,smoking_at_booking,"
          "smoking_at_delivery,maternal_bmi_band\n";
  const std::vector<std::string> lsoas = NationalLsoaCodes();
  std::string date_text;
  int64_t last_day = -1;
  for (int64_t idx = 0; idx < spec.births; ++idx) {
    Draws draw(static_cast<uint64_t>(idx));
    if (BirthDay(idx, spec) != last_day) {
      last_day = BirthDay(idx, spec);
      date_text = DaysAfterFirst(last_day).ToString();
    }
    // Most babies at term; birthweight follows gestation.
    const int term = draw.Below(1000);
    const int gestation = term < 10   ? 24 + draw.Below(8)
                          : term < 80 ? 32 + draw.Below(5)
                                      : 37 + draw.Below(5);
    const int weight = 3400 - (40 - gestation) * 180 + draw.Below(801) - 400;
    const char ivf = kFlags[draw.Pick(kIvfPerMille)];
    const char overseas = ivf == 'Y' ? (draw.Below(10) == 0 ? 'Y' : 'N') : ivf;
    *out << BirthId(idx, spec) << ',' << date_text << ',' << lsoas[draw.Below(kNationalLsoas)]
         << ',' << records::EthnicGroups()[draw.Pick(kEthnicPerMille)].code << ','
         << records::MotherAgeBands()[draw.Pick(kMotherAgePerMille)] << ',' << int64_t{gestation}
         << ',' << int64_t{weight < 400 ? 400 : weight} << ','
         << int64_t{draw.Below(100) < 3 ? 2 : 1} << ',' << ivf << ',' << overseas << ','
         << kFlags[draw.Pick(kSmokingPerMille)] << ',' << kFlags[draw.Pick(kDeliveryPerMille)]
         << ',' << records::BmiBands()[draw.Pick(kBmiPerMille)];
    if (!out->EndRow()) return Status::IoError(path + ": write failed");
  }
  if (!out->Close()) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

Status WriteDeaths(const std::string& path, const ExtractSpec& spec) {
  std::unique_ptr<Out> out = Out::Open(path);
  if (!out) return Status::IoError(path + ": cannot write");
  *out << "birth_id,date_of_death,age_at_death_days,category_of_death\n";
  const int64_t step = spec.births / spec.deaths;  // one death in each run of `step` births
  for (int64_t idx = 0; idx < spec.deaths; ++idx) {
    Draws draw(static_cast<uint64_t>(spec.births + idx));
    const int64_t birth = idx * step + draw.Below(static_cast<int>(step));
    // About two in three infant deaths are neonatal (under 28 days).
    const int age = draw.Below(100) < 65 ? draw.Below(28) : 28 + draw.Below(337);
    *out << BirthId(birth, spec) << ',' << DaysAfterFirst(BirthDay(birth, spec) + age).ToString()
         << ',' << int64_t{age} << ',';
    if (draw.Below(10) > 0) *out << int64_t{1 + draw.Below(10)};  // else: review not complete
    if (!out->EndRow()) return Status::IoError(path + ": write failed");
  }
  if (!out->Close()) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

}  // namespace cradle::bench
