// Turns a Page (page.h) into HTML with the Mustache templates in
// data/web/templates, which an author can edit without recompiling. Every
// page has the same frame: a skip link, the navigation to every page, the
// form of its choices, its sections (heading, text, chart, the table behind
// the chart with its CSV and xlsx links) and its notes.
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <string>

#include "base/result.h"
#include "report/template.h"
#include "web/http_message.h"
#include "web/page.h"

namespace cradle::web {

using report::LoadTemplate;

class PageRenderer {
 public:
  // InvalidData naming the template that does not parse.
  static Result<std::unique_ptr<PageRenderer>> Load(const std::string& dir);
  ~PageRenderer();

  // `query` is the page's query string (without '?'), kept on download links.
  std::string Render(const Page& page, const std::string& query = "") const;
  // An HTML error page in the same frame.
  Response RenderError(int status, const std::string& message) const;
  // A page in the same frame whose main part is `content_html` (trusted
  // markup, rendered from a template) under `title`: the login and admin pages.
  Response RenderContent(int status, const std::string& title,
                         const std::string& content_html) const;

  // The header's account part from account.mustache: who is logged in and a
  // logout button, or (with no user) a "Log in" link, between the markers
  // kAccountStart and kAccountEnd so a kept page can be given another user's.
  struct AccountView {
    std::string display_name;
    std::string role;
    std::string organisation;
    std::string csrf_token;
  };
  std::string RenderAccount(const AccountView* user) const;
  static constexpr const char* kAccountStart = "<!--account-->";
  static constexpr const char* kAccountEnd = "<!--/account-->";

 private:
  PageRenderer() = default;
  struct Templates;
  std::unique_ptr<Templates> templates_;
};

}  // namespace cradle::web
