#include "web/directory_admin_routes.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <kainjow/mustache.hpp>
#include <map>
#include <set>

#include "accounts/user.h"
#include "base/strings.h"
#include "directory/model.h"
#include "directory/uuid.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

struct DirectoryAdminRoutes::Templates {
  std::unique_ptr<mustache::mustache> list;
  std::unique_ptr<mustache::mustache> service;
  std::unique_ptr<mustache::mustache> form;
};

struct DirectoryAdminRoutes::FormState {
  std::string organization_id;
  std::string new_organization;  // create only: the name of a new organisation
  std::string name;
  std::string description;
  std::string status = "active";
  std::string url;
  std::string email;
  std::string minimum_age;
  std::string maximum_age;
  std::string languages;        // "English (en), Urdu (ur)"
  std::set<std::string> terms;  // ids of the ticked taxonomy terms
};

namespace {

using FormState = DirectoryAdminRoutes::FormState;

constexpr std::string_view kList = "/admin/directory";
constexpr std::string_view kServices = "/admin/directory/services";
constexpr std::string_view kTermField = "term_";
constexpr std::string_view kUpdateAction = "directory.service.update";
constexpr std::string_view kCreateAction = "directory.service.create";

// The vocabulary the form offers, read once per request.
struct Vocabulary {
  std::vector<store::Organization> organizations;
  std::vector<store::TaxonomyTerm> terms;
};

Result<Vocabulary> ReadVocabulary(store::DirectoryStore& directory) {
  Vocabulary vocabulary;
  CRADLE_ASSIGN_OR_RETURN(vocabulary.organizations, directory.Organizations());
  CRADLE_ASSIGN_OR_RETURN(vocabulary.terms, directory.TaxonomyTerms());
  std::sort(
      vocabulary.organizations.begin(), vocabulary.organizations.end(),
      [](const store::Organization& a, const store::Organization& b) { return a.name < b.name; });
  return vocabulary;
}

const store::TaxonomyTerm* FindTerm(const Vocabulary& vocabulary, const std::string& id) {
  for (const store::TaxonomyTerm& term : vocabulary.terms) {
    if (term.id == id) return &term;
  }
  return nullptr;
}

// How deep a term sits, and whether it is an eligibility criterion (the
// `eligibility` term or one beneath it): a tick on one becomes an attribute
// with link_type "eligibility", on any other "service_type", as in the seed.
int Depth(const Vocabulary& vocabulary, const store::TaxonomyTerm& term) {
  int depth = 0;
  const store::TaxonomyTerm* at = &term;
  while (!at->parent_id.empty() && depth < 16) {  // a cycle cannot make this loop forever
    at = FindTerm(vocabulary, at->parent_id);
    if (!at) break;
    ++depth;
  }
  return depth;
}

bool IsEligibility(const Vocabulary& vocabulary, const store::TaxonomyTerm& term) {
  const store::TaxonomyTerm* at = &term;
  for (int depth = 0; at && depth < 16; ++depth) {
    if (std::string_view(at->code).ends_with(":eligibility")) return true;
    at = at->parent_id.empty() ? nullptr : FindTerm(vocabulary, at->parent_id);
  }
  return false;
}

// Terms in tree order (each followed by the terms beneath it), for the form.
std::vector<const store::TaxonomyTerm*> TreeOrder(const Vocabulary& vocabulary) {
  std::vector<const store::TaxonomyTerm*> order;
  std::set<std::string> placed;
  std::function<void(const std::string&)> place = [&](const std::string& parent) {
    for (const store::TaxonomyTerm& term : vocabulary.terms) {
      if (term.parent_id != parent || placed.count(term.id)) continue;
      placed.insert(term.id);
      order.push_back(&term);
      place(term.id);
    }
  };
  place("");
  // Terms whose parent is missing still get a box.
  for (const store::TaxonomyTerm& term : vocabulary.terms) {
    if (!placed.count(term.id)) order.push_back(&term);
  }
  return order;
}

std::string LanguagesText(const std::vector<store::Language>& languages) {
  std::string text;
  for (const store::Language& language : languages) {
    if (!text.empty()) text += ", ";
    text += language.name;
    if (!language.code.empty()) text += " (" + language.code + ")";
  }
  return text;
}

FormState StateOf(const store::Service& service) {
  FormState state;
  state.organization_id = service.organization_id;
  state.name = service.name;
  state.description = service.description;
  state.status = service.status;
  state.url = service.url;
  state.email = service.email;
  state.minimum_age = service.minimum_age ? std::to_string(*service.minimum_age) : "";
  state.maximum_age = service.maximum_age ? std::to_string(*service.maximum_age) : "";
  state.languages = LanguagesText(service.languages);
  for (const store::Attribute& attribute : service.attributes) {
    state.terms.insert(attribute.taxonomy_term_id);
  }
  return state;
}

FormState StateOf(const FormFields& form) {
  FormState state;
  state.organization_id = FormValue(form, "organization_id");
  state.new_organization = std::string(Trim(FormValue(form, "new_organization")));
  state.name = FormValue(form, "name");
  state.description = FormValue(form, "description");
  state.status = FormValue(form, "status");
  state.url = std::string(Trim(FormValue(form, "url")));
  state.email = std::string(Trim(FormValue(form, "email")));
  state.minimum_age = std::string(Trim(FormValue(form, "minimum_age")));
  state.maximum_age = std::string(Trim(FormValue(form, "maximum_age")));
  state.languages = FormValue(form, "languages");
  for (const auto& [name, value] : form) {
    if (StartsWith(name, kTermField) && !value.empty()) {
      state.terms.insert(name.substr(kTermField.size()));
    }
  }
  return state;
}

std::optional<int> Age(const std::string& text, const char* field,
                       std::vector<std::string>& problems) {
  if (text.empty()) return std::nullopt;
  auto value = ParseInt64(text);
  if (!value || *value < -1000 || *value > 1000) {
    problems.push_back(std::string(field) + ": '" + text + "' is not a whole number of years");
    return std::nullopt;
  }
  return static_cast<int>(*value);  // the range itself is directory::ServiceProblems'
}

// "English (en), Urdu" -> the languages, keeping the id and note of any the
// service already has (matched by name), so an unchanged list changes nothing.
std::vector<store::Language> ParseLanguages(const std::string& text,
                                            const std::vector<store::Language>& existing,
                                            std::vector<std::string>& problems) {
  std::vector<store::Language> languages;
  std::set<std::string> seen;
  for (const std::string& piece : Split(text, ',')) {
    std::string item(Trim(piece));
    if (item.empty()) continue;
    store::Language language;
    size_t open = item.find('(');
    if (open != std::string::npos) {
      if (item.back() != ')') {
        problems.push_back("languages: '" + item +
                           "' is not a name, or a name and a code in "
                           "brackets, e.g. Urdu (ur)");
        continue;
      }
      language.code = std::string(Trim(item.substr(open + 1, item.size() - open - 2)));
      item = std::string(Trim(item.substr(0, open)));
      bool letters = language.code.size() >= 2 && language.code.size() <= 3;
      for (char c : language.code) letters = letters && c >= 'a' && c <= 'z';
      if (!letters) {
        problems.push_back("languages: '" + language.code +
                           "' is not an ISO 639 code (two or "
                           "three lower-case letters, e.g. ur)");
        continue;
      }
    }
    if (item.empty()) {
      problems.push_back("languages: a code in brackets needs the language's name before it");
      continue;
    }
    language.name = item;
    if (!seen.insert(ToLower(item)).second) continue;  // listed twice: once is meant
    for (const store::Language& old : existing) {
      if (ToLower(old.name) == ToLower(item)) {
        language.id = old.id;
        language.note = old.note;
        if (open == std::string::npos) language.code = old.code;
      }
    }
    languages.push_back(std::move(language));
  }
  return languages;
}

// The service the form describes, over `base` (the stored service, or an
// empty one for a new service): only the form's fields change, so schedules,
// locations, contacts and the rest are kept. Ids are left empty where one is
// to be made; `problems` gets every fault, each naming its field.
store::Service Apply(const FormState& state, const store::Service& base,
                     const Vocabulary& vocabulary, bool new_organization,
                     std::vector<std::string>& problems) {
  store::Service service = base;
  service.name = std::string(Trim(state.name));
  service.description = std::string(Trim(state.description));
  service.status = state.status;
  service.url = state.url;
  service.email = state.email;
  service.minimum_age = Age(state.minimum_age, "minimum_age", problems);
  service.maximum_age = Age(state.maximum_age, "maximum_age", problems);
  service.languages = ParseLanguages(state.languages, base.languages, problems);
  if (!new_organization) {
    bool known = false;
    for (const store::Organization& organization : vocabulary.organizations) {
      known = known || organization.id == state.organization_id;
    }
    if (!known) {
      problems.push_back("organization_id: choose one of the organisations listed" +
                         std::string(base.id.empty() ? ", or name a new one" : ""));
    }
    service.organization_id = state.organization_id;
  }
  std::vector<store::Attribute> attributes;
  std::set<std::string> kept;
  for (const store::Attribute& attribute : base.attributes) {
    // Terms the form does not offer are not the form's to remove.
    if (!FindTerm(vocabulary, attribute.taxonomy_term_id) ||
        state.terms.count(attribute.taxonomy_term_id)) {
      attributes.push_back(attribute);
      kept.insert(attribute.taxonomy_term_id);
    }
  }
  for (const std::string& id : state.terms) {
    const store::TaxonomyTerm* term = FindTerm(vocabulary, id);
    if (!term) {
      problems.push_back("taxonomy terms: '" + id + "' is not a term of the directory");
      continue;
    }
    if (kept.count(id)) continue;
    store::Attribute attribute;
    attribute.taxonomy_term_id = id;
    attribute.link_type = IsEligibility(vocabulary, *term) ? "eligibility" : "service_type";
    attributes.push_back(std::move(attribute));
  }
  service.attributes = std::move(attributes);
  return service;
}

// Gives every new attribute and language its UUID.
Status FillIds(store::Service& service) {
  for (store::Attribute& attribute : service.attributes) {
    if (attribute.id.empty()) {
      CRADLE_ASSIGN_OR_RETURN(attribute.id, directory::NewUuidV4());
    }
  }
  for (store::Language& language : service.languages) {
    if (language.id.empty()) {
      CRADLE_ASSIGN_OR_RETURN(language.id, directory::NewUuidV4());
    }
  }
  return Status::Ok();
}

std::string AgeText(const std::optional<int>& age) { return age ? std::to_string(*age) : "none"; }

std::set<std::string> TermIds(const store::Service& service) {
  std::set<std::string> ids;
  for (const store::Attribute& attribute : service.attributes) {
    ids.insert(attribute.taxonomy_term_id);
  }
  return ids;
}

// The audit entry's detail: which fields changed (short values shown; the
// description and lists only by name, to keep the entry short).
std::string ChangedFields(const store::Service& before, const store::Service& after) {
  std::vector<std::string> changed;
  if (before.name != after.name) changed.push_back("name");
  if (before.description != after.description) changed.push_back("description");
  if (before.status != after.status) {
    changed.push_back("status " + before.status + " -> " + after.status);
  }
  if (before.url != after.url) changed.push_back("url");
  if (before.email != after.email) changed.push_back("email");
  if (before.organization_id != after.organization_id) changed.push_back("organization_id");
  if (before.minimum_age != after.minimum_age) {
    changed.push_back("minimum_age " + AgeText(before.minimum_age) + " -> " +
                      AgeText(after.minimum_age));
  }
  if (before.maximum_age != after.maximum_age) {
    changed.push_back("maximum_age " + AgeText(before.maximum_age) + " -> " +
                      AgeText(after.maximum_age));
  }
  if (LanguagesText(before.languages) != LanguagesText(after.languages)) {
    changed.push_back("languages");
  }
  if (TermIds(before) != TermIds(after)) changed.push_back("taxonomy terms");
  std::string detail;
  for (const std::string& one : changed) detail += (detail.empty() ? "" : ", ") + one;
  return detail;
}

// A fixed sentence for ?done=…, so a link cannot put words of its own on the page.
std::string DoneMessage(const Request& request) {
  auto done = request.query.find("done");
  if (done == request.query.end()) return "";
  if (done->second == "created") return "Added the service.";
  if (done->second == "updated") return "Saved your changes.";
  if (done->second == "unchanged") return "Nothing was changed, so nothing was saved.";
  if (done->second == "assured") return "Marked the listing as assured today.";
  return "";
}

mustache::data ProblemList(const std::vector<std::string>& problems) {
  mustache::data list(mustache::data::type::list);
  for (const std::string& problem : problems) list.push_back(mustache::data(problem));
  return list;
}

// The path's service id, for /admin/directory/services/{id}[/assure]; "" if
// the path is not one of those.
std::string ServiceIdOf(std::string_view path, bool& assure) {
  std::string prefix = std::string(kServices) + "/";
  assure = false;
  if (!StartsWith(path, prefix)) return "";
  std::string rest(path.substr(prefix.size()));
  if (std::string_view(rest).ends_with("/assure")) {
    assure = true;
    rest = rest.substr(0, rest.size() - std::string_view("/assure").size());
  }
  return directory::IsUuid(rest) ? ToLower(rest) : "";
}

Response ServerError(const PageRenderer& renderer) {
  return renderer.RenderError(500, "Cannot read or save the directory just now.");
}

}  // namespace

Result<std::unique_ptr<DirectoryAdminRoutes>> DirectoryAdminRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<DirectoryAdminRoutes> routes(new DirectoryAdminRoutes(deps));
  const std::string dir = deps.data_dir + "/web/templates/";
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->list, LoadTemplate(dir + "directory_admin.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->service,
                          LoadTemplate(dir + "directory_admin_service.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->form,
                          LoadTemplate(dir + "directory_admin_form.mustache"));
  return routes;
}

DirectoryAdminRoutes::DirectoryAdminRoutes(const RouteDeps& deps)
    : deps_(deps), templates_(std::make_unique<Templates>()) {}

DirectoryAdminRoutes::~DirectoryAdminRoutes() = default;

bool DirectoryAdminRoutes::Handles(std::string_view path) const {
  return path == kList || StartsWith(path, std::string(kList) + "/");
}

std::string DirectoryAdminRoutes::Today() const {
  int64_t seconds = deps_.clock.Now();
  int64_t days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
  return records::Date::FromDays(static_cast<int>(days)).ToString();
}

std::string DirectoryAdminRoutes::Timestamp() const {
  return directory::FormatTimestamp(
      std::chrono::system_clock::time_point(std::chrono::seconds(deps_.clock.Now())));
}

Response DirectoryAdminRoutes::Handle(const Request& request, const RequestContext& context,
                                      const FormFields& form) {
  if (auto refused = RequireRole(context, {accounts::Role::kAdmin}, request, deps_.renderer)) {
    return std::move(*refused);
  }
  const std::string& path = request.path;
  auto not_found = [&] {
    return deps_.renderer.RenderError(404, "There is no page at " + path + ".");
  };
  if (path == kList) {
    if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
    return ListPage(request, context, 200, {}, nullptr);
  }
  if (path == kServices) {
    if (Reads(request)) return not_found();  // the add form is on the list page
    return CreatePost(request, context, form);
  }
  bool assure = false;
  std::string id = ServiceIdOf(path, assure);
  if (id.empty()) return not_found();
  if (assure) {
    if (Reads(request)) return NotAllowed(request.method, "POST");
    return AssurePost(request, context, id, form);
  }
  if (Reads(request)) return EditPage(request, context, id, 200, {}, nullptr);
  return UpdatePost(request, context, id, form);
}

std::string DirectoryAdminRoutes::RenderForm(const FormState& state, const std::string& csrf,
                                             const std::string& action) {
  mustache::data data;
  data.set("create", action == kServices);
  data.set("action", action);
  data.set("csrf", csrf);
  data.set("name", state.name);
  data.set("description", state.description);
  data.set("url", state.url);
  data.set("email", state.email);
  data.set("minimum_age", state.minimum_age);
  data.set("maximum_age", state.maximum_age);
  data.set("languages", state.languages);
  data.set("new_organization", state.new_organization);
  mustache::data statuses(mustache::data::type::list);
  for (const std::string& status : directory::ServiceStatuses()) {
    mustache::data option;
    option.set("value", status);
    option.set("selected", status == state.status);
    statuses.push_back(option);
  }
  data.set("statuses", statuses);
  auto vocabulary = ReadVocabulary(*deps_.store.Directory());
  mustache::data organizations(mustache::data::type::list);
  mustache::data terms(mustache::data::type::list);
  if (vocabulary.ok()) {
    for (const store::Organization& organization : vocabulary->organizations) {
      mustache::data option;
      option.set("id", organization.id);
      option.set("name", organization.name);
      option.set("selected", organization.id == state.organization_id);
      organizations.push_back(option);
    }
    for (const store::TaxonomyTerm* term : TreeOrder(*vocabulary)) {
      mustache::data box;
      box.set("field", std::string(kTermField) + term->id);
      box.set("name", term->name);
      box.set("code", term->code);
      // No inline styles under the CSP: depth is shown in the label's text.
      std::string indent;
      for (int i = 0; i < std::min(Depth(*vocabulary, *term), 3); ++i)
        indent += "\u00a0\u00a0\u00a0";
      box.set("indent", indent.empty() ? "" : indent + "\u21b3 ");
      box.set("checked", state.terms.count(term->id) > 0);
      terms.push_back(box);
    }
  }
  data.set("organizations", organizations);
  data.set("terms", terms);
  return templates_->form->render(data);
}

Response DirectoryAdminRoutes::ListPage(const Request& request, const RequestContext& context,
                                        int status, const std::vector<std::string>& problems,
                                        const FormState* add) {
  auto directory = deps_.store.Directory();
  auto services = directory->Services();
  auto organizations = directory->Organizations();
  if (!services.ok() || !organizations.ok()) return ServerError(deps_.renderer);
  std::map<std::string, std::string> organization_names;
  for (const store::Organization& organization : *organizations) {
    organization_names[organization.id] = organization.name;
  }
  auto today = records::Date::Parse(Today());
  mustache::data data;
  data.set("problems", ProblemList(problems));
  data.set("has_problems", !problems.empty());
  // Kainjow renders a section for any string, even "": set only when there is one.
  if (std::string done = DoneMessage(request); status == 200 && !done.empty()) {
    data.set("done", done);
  }
  mustache::data list(mustache::data::type::list);
  int stale_count = 0;
  for (const store::Service& service : *services) {
    bool stale = directory::IsStale(service, *today);
    stale_count += stale ? 1 : 0;
    mustache::data row;
    row.set("id", service.id);
    row.set("name", service.name);
    row.set("organization", organization_names.count(service.organization_id)
                                ? organization_names[service.organization_id]
                                : service.organization_id);
    row.set("status", service.status);
    row.set("assured_date", service.assured_date.empty() ? "never" : service.assured_date);
    row.set("stale", stale);
    row.set("example", service.example);
    list.push_back(row);
  }
  data.set("services", list);
  data.set("count", std::to_string(services->size()));
  data.set("stale_count", std::to_string(stale_count));
  data.set("today", Today());
  FormState blank;
  data.set("form", RenderForm(add ? *add : blank, context.csrf_token(), std::string(kServices)));
  return deps_.renderer.RenderContent(status, "Service directory", templates_->list->render(data));
}

Response DirectoryAdminRoutes::EditPage(const Request& request, const RequestContext& context,
                                        const std::string& id, int status,
                                        const std::vector<std::string>& problems,
                                        const FormState* edit) {
  auto found = deps_.store.Directory()->FindService(id);
  if (!found.ok()) return ServerError(deps_.renderer);
  if (!*found) {
    return deps_.renderer.RenderError(404, "There is no service " + id + " in the directory.");
  }
  const store::Service& service = **found;
  auto today = records::Date::Parse(Today());
  mustache::data data;
  data.set("problems", ProblemList(problems));
  data.set("has_problems", !problems.empty());
  // Kainjow renders a section for any string, even "": set only when there is one.
  if (std::string done = DoneMessage(request); status == 200 && !done.empty()) {
    data.set("done", done);
  }
  data.set("id", service.id);
  data.set("name", service.name);
  data.set("assured_date", service.assured_date.empty() ? "never" : service.assured_date);
  if (!service.assurer_email.empty()) data.set("assurer_email", service.assurer_email);
  data.set("last_modified", service.last_modified);
  data.set("stale", directory::IsStale(service, *today));
  data.set("example", service.example);
  data.set("csrf", context.csrf_token());
  data.set("form", RenderForm(edit ? *edit : StateOf(service), context.csrf_token(),
                              std::string(kServices) + "/" + service.id));
  return deps_.renderer.RenderContent(status, "Edit a service: " + service.name,
                                      templates_->service->render(data));
}

Response DirectoryAdminRoutes::CreatePost(const Request& request, const RequestContext& context,
                                          const FormFields& form) {
  auto directory = deps_.store.Directory();
  auto vocabulary = ReadVocabulary(*directory);
  if (!vocabulary.ok()) return ServerError(deps_.renderer);
  FormState state = StateOf(form);
  const bool new_organization = !state.new_organization.empty();
  std::vector<std::string> problems;
  store::Service service = Apply(state, store::Service{}, *vocabulary, new_organization, problems);
  store::Organization organization;
  auto id = directory::NewUuidV4();
  if (!id.ok()) return ServerError(deps_.renderer);
  service.id = *id;
  if (new_organization) {
    auto organization_id = directory::NewUuidV4();
    if (!organization_id.ok()) return ServerError(deps_.renderer);
    organization.id = *organization_id;
    organization.name = state.new_organization;
    for (const store::Organization& known : vocabulary->organizations) {
      if (ToLower(known.name) == ToLower(organization.name)) {
        problems.push_back("new_organization: '" + organization.name +
                           "' is already listed: choose it instead");
      }
    }
    for (const std::string& problem : directory::OrganizationProblems(organization)) {
      problems.push_back("new_organization " + problem);
    }
    service.organization_id = organization.id;
  }
  if (Status ids = FillIds(service); !ids.ok()) return ServerError(deps_.renderer);
  const bool organization_refused =
      !problems.empty() &&
      std::any_of(problems.begin(), problems.end(), [](const std::string& problem) {
        return StartsWith(problem, "organization_id");
      });
  for (const std::string& problem : directory::ServiceProblems(service)) {
    // "organization_id: is missing" says less than the sentence already given.
    if (organization_refused && StartsWith(problem, "organization_id")) continue;
    problems.push_back(problem);
  }
  if (!problems.empty()) {
    return ListPage(request, context, 400, problems, &state);
  }
  const std::string now = Timestamp();
  std::string detail = "created: name, status " + service.status;
  if (new_organization) detail += ", new organization " + organization.id;
  detail += ", organization_id " + service.organization_id;
  const store::AuditSeal seal =
      deps_.log.SealNow({accounts::ActorOf(context.session->user, request.client_address),
                         std::string(kCreateAction), "service", service.id, detail});
  // A new organisation, its first service and the audit entry land in one
  // transaction, or none does; ImportDirectory is the write that holds both.
  Status stored = new_organization
                      ? directory->ImportDirectory({{}, {}, {organization}, {service}}, now, &seal)
                      : directory->CreateService(service, now, &seal);
  if (!stored.ok()) {
    if (stored.code() == StatusCode::kNotFound || stored.code() == StatusCode::kInvalidArgument) {
      return ListPage(request, context, 400, {stored.message()}, &state);
    }
    return ServerError(deps_.renderer);
  }
  if (!deps_.log.RecordHead().ok()) return ServerError(deps_.renderer);
  return Redirect(std::string(kServices) + "/" + service.id + "?done=created");
}

Response DirectoryAdminRoutes::UpdatePost(const Request& request, const RequestContext& context,
                                          const std::string& id, const FormFields& form) {
  auto directory = deps_.store.Directory();
  auto found = directory->FindService(id);
  auto vocabulary = ReadVocabulary(*directory);
  if (!found.ok() || !vocabulary.ok()) return ServerError(deps_.renderer);
  if (!*found) {
    return deps_.renderer.RenderError(404, "There is no service " + id + " in the directory.");
  }
  const store::Service& before = **found;
  FormState state = StateOf(form);
  std::vector<std::string> problems;
  store::Service after = Apply(state, before, *vocabulary, false, problems);
  if (Status ids = FillIds(after); !ids.ok()) return ServerError(deps_.renderer);
  for (const std::string& problem : directory::ServiceProblems(after)) {
    problems.push_back(problem);
  }
  if (!problems.empty()) {
    return EditPage(request, context, id, 400, problems, &state);
  }
  std::string detail = ChangedFields(before, after);
  if (detail.empty()) return Redirect(std::string(kServices) + "/" + id + "?done=unchanged");
  const store::AuditSeal seal =
      deps_.log.SealNow({accounts::ActorOf(context.session->user, request.client_address),
                         std::string(kUpdateAction), "service", id, "changed: " + detail});
  Status stored = directory->UpdateService(after, Timestamp(), &seal);
  if (!stored.ok()) {
    if (stored.code() == StatusCode::kNotFound) {
      return EditPage(request, context, id, 400, {stored.message()}, &state);
    }
    return ServerError(deps_.renderer);
  }
  if (!deps_.log.RecordHead().ok()) return ServerError(deps_.renderer);
  return Redirect(std::string(kServices) + "/" + id + "?done=updated");
}

Response DirectoryAdminRoutes::AssurePost(const Request& request, const RequestContext& context,
                                          const std::string& id, const FormFields& form) {
  auto directory = deps_.store.Directory();
  auto found = directory->FindService(id);
  if (!found.ok()) return ServerError(deps_.renderer);
  if (!*found) {
    return deps_.renderer.RenderError(404, "There is no service " + id + " in the directory.");
  }
  store::Service assured = **found;
  assured.assured_date = Today();
  assured.assurer_email = std::string(Trim(FormValue(form, "assurer_email")));
  for (const std::string& problem : directory::ServiceProblems(assured)) {
    if (StartsWith(problem, "assurer_email")) {
      return EditPage(request, context, id, 400, {problem}, nullptr);
    }
  }
  const store::AuditSeal seal =
      deps_.log.SealNow({accounts::ActorOf(context.session->user, request.client_address),
                         std::string(kUpdateAction), "service", id,
                         "changed: assured_date " + assured.assured_date +
                             (assured.assurer_email.empty() ? "" : ", assurer_email")});
  Status stored =
      directory->AssureService(id, assured.assured_date, assured.assurer_email, Timestamp(), &seal);
  if (!stored.ok()) return ServerError(deps_.renderer);
  if (!deps_.log.RecordHead().ok()) return ServerError(deps_.renderer);
  return Redirect(std::string(kServices) + "/" + id + "?done=assured");
}

}  // namespace cradle::web
