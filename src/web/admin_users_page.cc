// The admin's user pages (account_routes.h): the list of users with a form to
// add one, and per user a new password and a disable button. Every check is
// the accounts layer's (accounts/users.h), whose messages name the field;
// each change is audited there, as made by the admin from their address.
#include "base/strings.h"
#include "web/account_templates.h"
#include "web/routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

constexpr accounts::Role kAssignable[] = {accounts::Role::kPractitioner, accounts::Role::kAnalyst,
                                          accounts::Role::kCdopMember, accounts::Role::kAdmin};

// The sentence for ?done=…&user=… after a change; "" for anything else, so
// a link cannot put words of its own on the page.
std::string DoneMessage(const Request& request) {
  auto done = request.query.find("done");
  auto user = request.query.find("user");
  if (done == request.query.end() || user == request.query.end()) return "";
  if (!accounts::CheckUsername(user->second).ok()) return "";
  if (done->second == "added") return "Added " + user->second + ".";
  if (done->second == "disabled") return "Disabled " + user->second + "; their sessions ended.";
  if (done->second == "reset") {
    return "Gave " + user->second + " a new password; their sessions ended.";
  }
  return "";
}

std::string Capitalised(std::string message) {
  if (!message.empty()) {
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  }
  return message + ".";
}

}  // namespace

Response AccountRoutes::AdminUsers(const Request& request, const RequestContext& context,
                                   const FormFields& form, int status, const std::string& message) {
  auto users = users_->List();
  if (!users.ok()) {
    return Personalise(renderer_.RenderError(500, "Cannot list the users just now."), context);
  }
  std::string csrf = context.csrf_token();
  mustache::data data;
  data.set("message", message);
  data.set("done", status == 200 ? DoneMessage(request) : "");
  data.set("csrf", csrf);
  mustache::data list(mustache::data::type::list);
  for (const accounts::User& user : *users) {
    mustache::data row;
    row.set("username", user.username);
    row.set("display_name", user.display_name);
    row.set("role", std::string(accounts::RoleName(user.role)));
    row.set("organisation", user.organisation);
    row.set("disabled", user.disabled);
    row.set("csrf", csrf);
    list.push_back(row);
  }
  data.set("users", list);
  // A refused form comes back filled in, but never with its password.
  mustache::data filled;
  filled.set("username", FormValue(form, "username"));
  filled.set("display_name", FormValue(form, "display_name"));
  filled.set("organisation", FormValue(form, "organisation"));
  data.set("form", filled);
  std::string chosen = FormValue(form, "role");
  mustache::data roles(mustache::data::type::list);
  for (accounts::Role role : kAssignable) {
    mustache::data option;
    option.set("value", std::string(accounts::RoleName(role)));
    option.set("selected", accounts::RoleName(role) == chosen);
    roles.push_back(option);
  }
  data.set("roles", roles);
  return Page(status, "Users", templates_->admin_users->render(data), context);
}

Response AccountRoutes::AdminPost(const Request& request, const RequestContext& context,
                                  const FormFields& form) {
  const accounts::User& admin = context.session->user;
  audit::Actor by = accounts::ActorOf(admin, request.client_address);
  auto refuse = [&](const Status& status) {
    int code = HttpStatus(status.code());
    std::string message = code < 500 ? Capitalised(status.message()) : "Cannot save this just now.";
    return AdminUsers(request, context, form, code, message);
  };
  const std::string& path = request.path;
  if (path == "/admin/users") {
    accounts::NewUser user{FormValue(form, "username"), FormValue(form, "display_name"),
                           FormValue(form, "role"), FormValue(form, "organisation"),
                           FormValue(form, "password")};
    auto added = users_->Add(user, by);
    if (!added.ok()) return refuse(added.status());
    return Redirect("/admin/users?done=added&user=" + added->username);
  }
  // /admin/users/{username}/disable or /reset
  const std::string prefix = "/admin/users/";
  size_t slash = path.rfind('/');
  std::string username = slash > prefix.size() && path.rfind(prefix, 0) == 0
                             ? path.substr(prefix.size(), slash - prefix.size())
                             : "";
  std::string action = path.substr(slash + 1);
  if (username.empty() || username.find('/') != std::string::npos ||
      (action != "disable" && action != "reset")) {
    return Personalise(renderer_.RenderError(404, "There is no page at " + path + "."), context);
  }
  if (action == "disable") {
    if (ToLower(username) == admin.username) {
      return refuse(Status::InvalidArgument(
          "you cannot disable your own account: ask another admin, so one always remains"));
    }
    Status disabled = users_->Disable(username, by);
    if (!disabled.ok()) return refuse(disabled);
    return Redirect("/admin/users?done=disabled&user=" + ToLower(username));
  }
  Status reset = users_->ResetPassword(username, FormValue(form, "password"), by);
  if (!reset.ok()) return refuse(reset);
  return Redirect("/admin/users?done=reset&user=" + ToLower(username));
}

}  // namespace cradle::web
