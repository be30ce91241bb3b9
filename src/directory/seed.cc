#include "directory/seed.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace cradle::directory {
namespace {

using nlohmann::json;

// Reads fields out of one JSON object, noting each problem with its path.
class FieldReader {
 public:
  FieldReader(const json& object, std::string path, std::vector<std::string>& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {}

  const std::string& path() const { return path_; }

  std::string Text(const char* key, bool required = false) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
      if (required) Problem(key, "is missing");
      return "";
    }
    if (!found->is_string()) {
      Problem(key, "must be text, not " + std::string(found->type_name()));
      return "";
    }
    return found->get<std::string>();
  }

  std::optional<int> Int(const char* key) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) return std::nullopt;
    if (!found->is_number_integer()) {
      Problem(key, "must be a whole number, not " + found->dump());
      return std::nullopt;
    }
    return found->get<int>();
  }

  std::optional<double> Number(const char* key) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) return std::nullopt;
    if (!found->is_number()) {
      Problem(key, "must be a number, not " + found->dump());
      return std::nullopt;
    }
    return found->get<double>();
  }

  bool Bool(const char* key) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) return false;
    if (!found->is_boolean()) {
      Problem(key, "must be true or false, not " + found->dump());
      return false;
    }
    return found->get<bool>();
  }

  // Each object of the array `key` (absent: none), with its path.
  template <typename Visit>
  void EachObject(const char* key, Visit visit) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) return;
    if (!found->is_array()) {
      Problem(key, "must be an array");
      return;
    }
    for (size_t i = 0; i < found->size(); ++i) {
      const std::string path = path_ + "." + key + "[" + std::to_string(i) + "]";
      if (!(*found)[i].is_object()) {
        problems_.push_back(path + ": must be an object");
        continue;
      }
      FieldReader child((*found)[i], path, problems_);
      visit(child);
    }
  }

  // The object at `key`, required.
  template <typename Visit>
  void Object(const char* key, Visit visit) {
    auto found = object_.find(key);
    if (found == object_.end() || !found->is_object()) {
      Problem(key, "must be an object");
      return;
    }
    FieldReader child(*found, path_ + "." + key, problems_);
    visit(child);
  }

  void Problem(const std::string& key, const std::string& message) {
    problems_.push_back(path_ + "." + key + ": " + message);
  }

 private:
  const json& object_;
  std::string path_;
  std::vector<std::string>& problems_;
};

Location ReadLocation(FieldReader& in) {
  Location location;
  location.id = in.Text("id", true);
  location.name = in.Text("name");
  location.description = in.Text("description");
  if (std::string type = in.Text("location_type"); !type.empty()) location.location_type = type;
  location.latitude = in.Number("latitude");
  location.longitude = in.Number("longitude");
  in.EachObject("addresses", [&](FieldReader& a) {
    store::Address address;
    address.id = a.Text("id", true);
    address.address_1 = a.Text("address_1", true);
    address.address_2 = a.Text("address_2");
    address.city = a.Text("city", true);
    address.state_province = a.Text("state_province");
    address.postal_code = a.Text("postal_code", true);
    if (std::string country = a.Text("country"); !country.empty()) address.country = country;
    if (std::string type = a.Text("address_type"); !type.empty()) address.address_type = type;
    location.addresses.push_back(std::move(address));
  });
  return location;
}

Service ReadService(FieldReader& in) {
  Service service;
  service.id = in.Text("id", true);
  service.organization_id = in.Text("organization_id", true);
  service.name = in.Text("name", true);
  service.description = in.Text("description");
  service.url = in.Text("url", true);
  service.email = in.Text("email");
  service.status = in.Text("status", true);
  service.fees_description = in.Text("fees_description");
  service.minimum_age = in.Int("minimum_age");
  service.maximum_age = in.Int("maximum_age");
  service.assured_date = in.Text("assured_date");
  service.assurer_email = in.Text("assurer_email");
  service.alert = in.Text("alert");
  service.last_modified = in.Text("last_modified");
  service.example = in.Bool("x-cradle-example");
  in.EachObject("schedules", [&](FieldReader& s) {
    service.schedules.push_back({s.Text("id", true), s.Text("freq"), s.Text("byday"),
                                 s.Text("opens_at"), s.Text("closes_at"), s.Text("description")});
  });
  in.EachObject("service_areas", [&](FieldReader& a) {
    service.service_areas.push_back(
        {a.Text("id", true), a.Text("name", true), a.Text("description")});
  });
  in.EachObject("languages", [&](FieldReader& l) {
    service.languages.push_back(
        {l.Text("id", true), l.Text("name", true), l.Text("code"), l.Text("note")});
  });
  in.EachObject("contacts", [&](FieldReader& c) {
    Contact contact{c.Text("id", true), c.Text("name"), c.Text("title"), c.Text("email"), {}};
    c.EachObject("phones", [&](FieldReader& p) {
      contact.phones.push_back({p.Text("id", true), p.Text("number", true), p.Text("description")});
    });
    service.contacts.push_back(std::move(contact));
  });
  in.EachObject("cost_options", [&](FieldReader& c) {
    service.cost_options.push_back(
        {c.Text("id", true), c.Text("option"), c.Number("amount"), c.Text("amount_description")});
  });
  in.EachObject("attributes", [&](FieldReader& a) {
    service.attributes.push_back({a.Text("id", true), a.Text("taxonomy_term_id", true),
                                  a.Text("link_type", true), a.Text("value")});
  });
  in.EachObject("service_at_locations", [&](FieldReader& s) {
    ServiceAtLocation at;
    at.id = s.Text("id", true);
    at.description = s.Text("description");
    s.Object("location", [&](FieldReader& l) { at.location = ReadLocation(l); });
    service.service_at_locations.push_back(std::move(at));
  });
  return service;
}

void AddProblems(std::vector<std::string>& problems, const std::string& path,
                 const std::vector<std::string>& found) {
  for (const std::string& one : found) problems.push_back(path + "." + one);
}

// References within the file: a term's taxonomy and parent, a service's
// organization and terms, and ids used twice.
void CheckReferences(const DirectoryContents& contents, std::vector<std::string>& problems) {
  std::set<std::string> taxonomies, terms, organizations, services;
  for (size_t i = 0; i < contents.taxonomies.size(); ++i) {
    if (!taxonomies.insert(contents.taxonomies[i].id).second) {
      problems.push_back("$.taxonomies[" + std::to_string(i) + "].id: '" +
                         contents.taxonomies[i].id + "' is used twice");
    }
  }
  for (const TaxonomyTerm& term : contents.taxonomy_terms) terms.insert(term.id);
  for (size_t i = 0; i < contents.taxonomy_terms.size(); ++i) {
    const TaxonomyTerm& term = contents.taxonomy_terms[i];
    const std::string path = "$.taxonomy_terms[" + std::to_string(i) + "]";
    if (!term.taxonomy_id.empty() && taxonomies.count(term.taxonomy_id) == 0) {
      problems.push_back(path + ".taxonomy_id: '" + term.taxonomy_id +
                         "' is not a taxonomy in this file");
    }
    if (!term.parent_id.empty() && terms.count(term.parent_id) == 0) {
      problems.push_back(path + ".parent_id: '" + term.parent_id + "' is not a term in this file");
    }
  }
  for (const Organization& one : contents.organizations) organizations.insert(one.id);
  for (size_t i = 0; i < contents.services.size(); ++i) {
    const Service& service = contents.services[i];
    const std::string path = "$.services[" + std::to_string(i) + "]";
    if (!services.insert(service.id).second) {
      problems.push_back(path + ".id: '" + service.id + "' is used twice");
    }
    if (!service.organization_id.empty() && organizations.count(service.organization_id) == 0) {
      problems.push_back(path + ".organization_id: '" + service.organization_id +
                         "' is not an organization in this file");
    }
    for (size_t j = 0; j < service.attributes.size(); ++j) {
      const std::string& term_id = service.attributes[j].taxonomy_term_id;
      if (!term_id.empty() && terms.count(term_id) == 0) {
        problems.push_back(path + ".attributes[" + std::to_string(j) + "].taxonomy_term_id: '" +
                           term_id + "' is not a term in this file");
      }
    }
  }
}

}  // namespace

Result<DirectoryContents> ParseDirectoryJson(const std::string& text, const std::string& file) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    return Status::InvalidData(file + ": not valid JSON: " + error.what());
  }
  if (!root.is_object()) return Status::InvalidData(file + ": $: must be an object");
  std::vector<std::string> problems;
  FieldReader in(root, "$", problems);
  DirectoryContents contents;
  in.EachObject("taxonomies", [&](FieldReader& t) {
    Taxonomy taxonomy{t.Text("id", true), t.Text("name", true), t.Text("description"),
                      t.Text("uri"), t.Text("version")};
    if (!taxonomy.id.empty() && !IsUuid(taxonomy.id)) {
      t.Problem("id", "'" + taxonomy.id + "' is not a UUID");
    }
    contents.taxonomies.push_back(std::move(taxonomy));
  });
  in.EachObject("taxonomy_terms", [&](FieldReader& t) {
    TaxonomyTerm term{t.Text("id", true),   t.Text("taxonomy_id", true),
                      t.Text("parent_id"),  t.Text("code"),
                      t.Text("name", true), t.Text("description"),
                      t.Text("term_uri"),   t.Text("x-cradle-esd-service-type")};
    AddProblems(problems, t.path(), TaxonomyTermProblems(term));
    contents.taxonomy_terms.push_back(std::move(term));
  });
  in.EachObject("organizations", [&](FieldReader& o) {
    Organization organization{o.Text("id", true), o.Text("name", true), o.Text("description"),
                              o.Text("email"),    o.Text("website"),    o.Bool("x-cradle-example")};
    AddProblems(problems, o.path(), OrganizationProblems(organization));
    contents.organizations.push_back(std::move(organization));
  });
  in.EachObject("services", [&](FieldReader& s) {
    Service service = ReadService(s);
    AddProblems(problems, s.path(), ServiceProblems(service));
    contents.services.push_back(std::move(service));
  });
  CheckReferences(contents, problems);
  if (!problems.empty()) {
    // A missing field is also an invalid one: say it once.
    std::set<std::string> seen;
    std::string message;
    for (const std::string& problem : problems) {
      if (!seen.insert(problem).second) continue;
      message += (message.empty() ? "" : "\n") + file + ": " + problem;
    }
    return Status::InvalidData(message);
  }
  return contents;
}

Result<DirectoryContents> ReadDirectoryFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseDirectoryJson(text.str(), path);
}

std::string DefaultSeedPath() { return std::string(CRADLE_DATA_DIR) + "/directory/seed.json"; }

Result<SeedLoad> LoadDirectoryFile(store::DirectoryStore& directory, const std::string& path,
                                   const std::string& modified_at) {
  CRADLE_ASSIGN_OR_RETURN(DirectoryContents contents, ReadDirectoryFile(path));
  Status imported = directory.ImportDirectory(contents, modified_at);
  if (!imported.ok()) {
    // The store's message names the entry; the file goes in front of it.
    const std::string message = path + ": " + imported.message();
    switch (imported.code()) {
      case StatusCode::kNotFound:
      case StatusCode::kInvalidArgument:
      case StatusCode::kInvalidData:
        return Status::InvalidData(message);
      default:
        return Status::IoError(message);
    }
  }
  return SeedLoad{true, static_cast<int64_t>(contents.services.size()),
                  static_cast<int64_t>(contents.taxonomy_terms.size())};
}

Result<SeedLoad> LoadSeedIfEmpty(store::DirectoryStore& directory, const std::string& path,
                                 const std::string& modified_at) {
  CRADLE_ASSIGN_OR_RETURN(int64_t held, directory.CountServices());
  if (held > 0) return SeedLoad{};
  return LoadDirectoryFile(directory, path, modified_at);
}

}  // namespace cradle::directory
