#include "web/account_routes.h"

#include <cctype>

#include "accounts/token.h"
#include "web/account_templates.h"
#include "web/cookies.h"
#include "web/routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

// Where to go after logging in: a path on this site, never another site
// ("//host", "/\host" and "https://…" are refused), printable ASCII only so
// it cannot break the Location header. "/" otherwise.
std::string SafeNext(const std::string& next) {
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    if (c <= 0x20 || c >= 0x7f || c == '\\') return "/";
  }
  return next;
}

}  // namespace

Result<std::unique_ptr<AccountRoutes>> AccountRoutes::Create(store::Store& store,
                                                             const audit::Clock& clock,
                                                             const PageRenderer& renderer,
                                                             AccountRoutesOptions options) {
  std::unique_ptr<AccountRoutes> routes(new AccountRoutes(renderer, std::move(options)));
  CRADLE_ASSIGN_OR_RETURN(routes->log_,
                          audit::Log::Open(store, routes->options_.head_directory, clock));
  routes->users_ =
      std::make_unique<accounts::Users>(store, *routes->log_, routes->options_.accounts);
  routes->sessions_ =
      std::make_unique<accounts::Sessions>(store, *routes->log_, routes->options_.accounts);
  routes->templates_ = std::make_unique<Templates>();
  const std::string& dir = routes->options_.template_dir;
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->login, LoadTemplate(dir + "/login.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->admin_users,
                          LoadTemplate(dir + "/admin_users.mustache"));
  return routes;
}

AccountRoutes::AccountRoutes(const PageRenderer& renderer, AccountRoutesOptions options)
    : renderer_(renderer), options_(std::move(options)) {}

AccountRoutes::~AccountRoutes() = default;

bool AccountRoutes::Handles(const std::string& path) {
  // Only the user pages: the rest of /admin/ (the directory's) is other Routes'.
  return path == "/login" || path == "/logout" || path == "/admin" || path == "/admin/users" ||
         path.rfind("/admin/users/", 0) == 0;
}

Status AccountRoutes::CheckCsrf(const RequestContext& context, const Request& request,
                                const FormFields& form) const {
  if (!context.logged_in()) return Status::PermissionDenied(kForbiddenPage);
  return sessions_->CheckCsrf(*context.session, SentCsrfToken(request, FormValue(form, "csrf")));
}

RequestContext AccountRoutes::Resolve(const Request& request) {
  RequestContext context;
  std::optional<std::string> token = CookieValue(request, kSessionCookie);
  if (!token || token->empty()) return context;
  auto session = sessions_->Authenticate(*token);
  if (session.ok()) {
    context.session = std::move(*session);
    context.session_token = std::move(*token);
  }
  return context;
}

Response AccountRoutes::Personalise(Response response, const RequestContext& context) const {
  if (!context.logged_in()) return response;
  const std::string& body = *response.body;
  size_t start = body.find(PageRenderer::kAccountStart);
  if (start == std::string::npos) return response;
  size_t end = body.find(PageRenderer::kAccountEnd, start);
  if (end == std::string::npos) return response;
  end += std::string_view(PageRenderer::kAccountEnd).size();
  const accounts::User& user = context.session->user;
  PageRenderer::AccountView view{user.display_name, std::string(accounts::RoleName(user.role)),
                                 user.organisation, context.session->csrf_token};
  std::string personal = body.substr(0, start) + renderer_.RenderAccount(&view) + body.substr(end);
  response.body = std::make_shared<const std::string>(std::move(personal));
  // It holds the session's CSRF token: no cache may keep it or give it to another.
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response AccountRoutes::Page(int status, const std::string& title, const std::string& content,
                             const RequestContext& context) const {
  return Personalise(renderer_.RenderContent(status, title, content), context);
}

Response AccountRoutes::Handle(const Request& request) {
  RequestContext context = Resolve(request);
  const std::string& path = request.path;
  bool admin_path = path.rfind("/admin", 0) == 0;
  auto answer = [&]() -> Response {
    if (Reads(request)) {
      if (path == "/login") return LoginPage(request, context);
      if (path == "/logout") return NotAllowed(request.method, "POST");
      if (path == "/admin/users") {
        if (auto refused = RequireRole(context, {accounts::Role::kAdmin}, request, renderer_)) {
          return Personalise(std::move(*refused), context);
        }
        return AdminUsers(request, context, {}, 200, "");
      }
      return Personalise(renderer_.RenderError(404, "There is no page at " + path + "."), context);
    }
    if (request.method != "POST") {
      return NotAllowed(request.method, path == "/logout" ? "POST" : "GET, HEAD, POST");
    }
    FormFields form;
    if (!request.body.empty()) {
      auto parsed = ParseForm(request);
      if (!parsed.ok()) {
        return Personalise(renderer_.RenderError(
                               400, "The form cannot be read: " + parsed.status().message() + "."),
                           context);
      }
      form = std::move(*parsed);
    }
    if (path == "/login") return LoginPost(request, form);
    if (!context.logged_in() && path == "/logout") return Redirect("/");  // nothing to end
    Status csrf = CheckCsrf(context, request, form);
    if (!csrf.ok()) return Personalise(renderer_.RenderError(403, csrf.message()), context);
    if (path == "/logout") return LogoutPost(request, context);
    if (admin_path) {
      if (auto refused = RequireRole(context, {accounts::Role::kAdmin}, request, renderer_)) {
        return Personalise(std::move(*refused), context);
      }
      return AdminPost(request, context, form);
    }
    return Personalise(renderer_.RenderError(404, "There is no page at " + path + "."), context);
  };
  Response response = answer();
  if (admin_path || path == "/login") {
    response.headers.emplace_back("Cache-Control", "no-store");
  }
  return response;
}

Response AccountRoutes::LoginForm(int status, const std::string& message,
                                  const std::string& username, const std::string& next) {
  auto token = accounts::NewToken();
  if (!token.ok()) return renderer_.RenderError(500, "Cannot show the login form just now.");
  mustache::data data;
  data.set("message", message);
  data.set("csrf", *token);
  data.set("username", username);
  data.set("next", SafeNext(next));
  Response response = renderer_.RenderContent(status, "Log in", templates_->login->render(data));
  response.headers.emplace_back("Set-Cookie",
                                SetCookie(kLoginCookie, *token, options_.secure_cookies));
  return response;
}

Response AccountRoutes::LoginPage(const Request& request, const RequestContext& context) {
  auto next = request.query.find("next");
  std::string target = next == request.query.end() ? "/" : next->second;
  if (context.logged_in()) return Redirect(SafeNext(target));
  return LoginForm(200, "", "", target);
}

Response AccountRoutes::LoginPost(const Request& request, const FormFields& form) {
  std::string username = FormValue(form, "username");
  std::string next = FormValue(form, "next");
  std::optional<std::string> cookie = CookieValue(request, kLoginCookie);
  std::string sent = FormValue(form, "csrf");
  if (!cookie || !accounts::IsWellFormedToken(*cookie) || !accounts::TokensEqual(*cookie, sent)) {
    return LoginForm(403,
                     "The login form's security token is missing or does not match (cookies "
                     "must be allowed for this site): try again.",
                     username, next);
  }
  auto login = sessions_->Login(username, FormValue(form, "password"), request.client_address);
  if (!login.ok()) {
    if (login.status().code() == StatusCode::kPermissionDenied) {
      std::string message = login.status().message();
      if (!message.empty())
        message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
      return LoginForm(403, message + ".", username, next);
    }
    return LoginForm(500, "Cannot log in just now: try again later.", username, next);
  }
  Response response = Redirect(SafeNext(next));
  response.headers.emplace_back(
      "Set-Cookie", SetCookie(kSessionCookie, login->session_token, options_.secure_cookies));
  return response;
}

Response AccountRoutes::LogoutPost(const Request& request, const RequestContext& context) {
  Status ended = sessions_->Logout(context.session_token, request.client_address);
  if (!ended.ok())
    return Personalise(renderer_.RenderError(500, "Cannot log out just now."), context);
  Response response = Redirect("/");
  response.headers.emplace_back("Set-Cookie", ClearCookie(kSessionCookie, options_.secure_cookies));
  return response;
}

}  // namespace cradle::web
