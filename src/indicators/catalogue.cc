#include "indicators/catalogue.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "base/strings.h"

namespace cradle::indicators {
namespace {

using nlohmann::json;

class Reader {
 public:
  Reader(const std::string& path, const json& object, std::string where)
      : path_(path), object_(object), where_(std::move(where)) {}

  Status Error(std::string_view field, std::string_view problem) const {
    return Status::InvalidData(path_ + ": " + where_ + ", field '" + std::string(field) +
                               "': " + std::string(problem));
  }

  Result<std::string> Text(std::string_view field, bool required = true) const {
    auto it = object_.find(field);
    if (it == object_.end()) {
      if (!required) return std::string();
      return Error(field, "is required");
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      return Error(field, "must be non-empty text");
    }
    return it->get<std::string>();
  }

  Result<double> Number(std::string_view field, std::optional<double> fallback) const {
    auto it = object_.find(field);
    if (it == object_.end()) {
      if (fallback) return *fallback;
      return Error(field, "is required");
    }
    if (!it->is_number()) return Error(field, "must be a number");
    return it->get<double>();
  }

  Result<std::vector<std::string>> TextList(std::string_view field) const {
    auto it = object_.find(field);
    if (it == object_.end() || !it->is_array() || it->empty()) {
      return Error(field, "must be a non-empty list of text");
    }
    std::vector<std::string> out;
    for (const json& item : *it) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        return Error(field, "must be a non-empty list of text");
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  Result<std::vector<int>> IntList(std::string_view field) const {
    auto it = object_.find(field);
    if (it == object_.end() || !it->is_array() || it->empty()) {
      return Error(field, "must be a non-empty list of whole numbers");
    }
    std::vector<int> out;
    for (const json& item : *it) {
      if (!item.is_number_integer() || item.get<int>() < 1 || item.get<int>() > 10) {
        return Error(field, "must list period lengths from 1 to 10 years");
      }
      out.push_back(item.get<int>());
    }
    return out;
  }

 private:
  const std::string& path_;
  const json& object_;
  std::string where_;
};

Result<Indicator> ReadIndicator(const std::string& path, const json& item, size_t index,
                                const json& defaults) {
  if (!item.is_object()) {
    return Status::InvalidData(path + ": indicator " + std::to_string(index + 1) +
                               " is not an object");
  }
  std::string where = "indicator " + std::to_string(index + 1);
  if (item.contains("id") && item["id"].is_string()) {
    where = "indicator '" + item["id"].get<std::string>() + "'";
  }
  Reader r(path, item, where);
  Reader d(path, defaults, "defaults");
  Indicator ind;
  CRADLE_ASSIGN_OR_RETURN(ind.id, r.Text("id"));
  CRADLE_ASSIGN_OR_RETURN(ind.fingertips_id, r.Text("fingertips_id", false));
  CRADLE_ASSIGN_OR_RETURN(ind.name, r.Text("name"));
  CRADLE_ASSIGN_OR_RETURN(ind.definition, r.Text("definition"));
  CRADLE_ASSIGN_OR_RETURN(ind.numerator, r.TextList("numerator"));
  CRADLE_ASSIGN_OR_RETURN(ind.denominator, r.TextList("denominator"));
  CRADLE_ASSIGN_OR_RETURN(ind.multiplier, r.Number("multiplier", std::nullopt));
  if (ind.multiplier <= 0) return r.Error("multiplier", "must be greater than zero");
  CRADLE_ASSIGN_OR_RETURN(ind.unit, r.Text("unit"));
  std::string value_type;
  CRADLE_ASSIGN_OR_RETURN(value_type, r.Text("value_type"));
  if (value_type == "crude rate") {
    ind.value_type = ValueType::kCrudeRate;
  } else if (value_type == "proportion") {
    ind.value_type = ValueType::kProportion;
  } else {
    return r.Error("value_type", "must be 'crude rate' or 'proportion'");
  }
  std::string polarity;
  CRADLE_ASSIGN_OR_RETURN(polarity, r.Text("polarity"));
  auto parsed_polarity = stats::ParsePolarity(polarity);
  if (!parsed_polarity.ok()) return r.Error("polarity", parsed_polarity.status().message());
  ind.polarity = *parsed_polarity;
  CRADLE_ASSIGN_OR_RETURN(ind.pooling, r.IntList("pooling"));
  CRADLE_ASSIGN_OR_RETURN(ind.sources, r.TextList("sources"));
  if (item.contains("breakdown_sources")) {
    CRADLE_ASSIGN_OR_RETURN(ind.breakdown_sources, r.TextList("breakdown_sources"));
  }
  std::string comparator;
  CRADLE_ASSIGN_OR_RETURN(comparator, d.Text("comparator_area"));
  ind.comparator_area = comparator;
  // Per-indicator settings fall back to the catalogue's defaults.
  auto setting = [&](std::string_view field, double fallback) -> Result<double> {
    return item.contains(field) ? r.Number(field, std::nullopt) : d.Number(field, fallback);
  };
  double number = 0;
  CRADLE_ASSIGN_OR_RETURN(number, setting("unreliable_below", 20));
  ind.unreliable_below = static_cast<int>(number);
  CRADLE_ASSIGN_OR_RETURN(number, setting("disclosure_min_count", 5));
  ind.disclosure_min_count = static_cast<int>(number);
  CRADLE_ASSIGN_OR_RETURN(number, setting("decimals", 1));
  ind.decimals = static_cast<int>(number);
  return ind;
}

}  // namespace

std::string_view Indicator::CiMethodLabel() const {
  return value_type == ValueType::kCrudeRate ? "Byar's method (exact Poisson below 10 events)"
                                             : "Wilson score method";
}

Result<Catalogue> Catalogue::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open the indicator catalogue");
  json root = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return Status::InvalidData(path + ": the indicator catalogue is not valid JSON");
  }
  const json defaults = root.value("defaults", json::object());
  if (!root.contains("indicators") || !root["indicators"].is_array()) {
    return Status::InvalidData(path + ": field 'indicators' must be a list");
  }
  Catalogue catalogue;
  if (defaults.contains("disclosure_min_count")) {
    if (!defaults["disclosure_min_count"].is_number_integer()) {
      return Status::InvalidData(path +
                                 ": defaults, field 'disclosure_min_count' must be a whole "
                                 "number");
    }
    catalogue.disclosure_min_count_ = defaults["disclosure_min_count"].get<int>();
  }
  for (const json& family : defaults.value("disclosure_families", json::array())) {
    std::vector<std::string> members;
    for (const json& member : family) {
      if (!member.is_string()) {
        return Status::InvalidData(path +
                                   ": defaults, field 'disclosure_families' must hold "
                                   "lists of measure names");
      }
      members.push_back(member.get<std::string>());
    }
    if (members.size() < 3) {
      return Status::InvalidData(path +
                                 ": defaults, field 'disclosure_families': a family is a "
                                 "total and at least two parts");
    }
    catalogue.disclosure_families_.push_back(std::move(members));
  }
  std::set<std::string> seen;
  for (size_t idx = 0; idx < root["indicators"].size(); ++idx) {
    auto indicator = ReadIndicator(path, root["indicators"][idx], idx, defaults);
    if (!indicator.ok()) return indicator.status();
    for (const std::string& key : {indicator->id, indicator->fingertips_id}) {
      if (!key.empty() && !seen.insert(key).second) {
        return Status::InvalidData(path + ": indicator id '" + key + "' is used twice");
      }
    }
    catalogue.indicators_.push_back(std::move(*indicator));
  }
  return catalogue;
}

Result<const Indicator*> Catalogue::Find(std::string_view id) const {
  for (const Indicator& indicator : indicators_) {
    if (indicator.id == id || (!indicator.fingertips_id.empty() && indicator.fingertips_id == id)) {
      return &indicator;
    }
  }
  std::vector<std::pair<size_t, std::string>> nearest;
  for (const Indicator& indicator : indicators_) {
    nearest.emplace_back(EditDistance(ToLower(id), indicator.id), indicator.id);
  }
  std::sort(nearest.begin(), nearest.end());
  std::string message = "no indicator '" + std::string(id) + "'. Nearest: ";
  for (size_t idx = 0; idx < nearest.size() && idx < 3; ++idx) {
    message += (idx ? ", " : "") + nearest[idx].second;
  }
  message += ". 'cradle indicators' lists them all.";
  return Status::NotFound(message);
}

std::string DefaultCataloguePath() { return std::string(CRADLE_DATA_DIR) + "/indicators.json"; }

}  // namespace cradle::indicators
