#include "web/page_renderer.h"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>

#include "web/pages.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

struct PageRenderer::Templates {
  std::unique_ptr<mustache::mustache> page;
  std::unique_ptr<mustache::mustache> account;
  std::string public_account;  // rendered once: the same on every public page
};

namespace {

using report::Strings;

mustache::data List() { return report::ListData(); }

mustache::data Frame(std::string_view current_slug, const std::string& title) {
  mustache::data data;
  data.set("title", title);
  mustache::data nav = List();
  for (const PageSpec& spec : Pages()) {
    mustache::data item;
    item.set("href", "/" + std::string(spec.slug));
    item.set("label", std::string(spec.title));
    item.set("current", spec.slug == current_slug);
    nav.push_back(item);
  }
  data.set("nav", nav);
  return data;
}

mustache::data TableData(const charts::DataTable& table, const std::string& download_base,
                         const std::string& query) {
  mustache::data out = report::TableData(table);
  std::string suffix = query.empty() ? "" : "?" + query;
  out.set("csv", download_base + ".csv" + suffix);
  out.set("xlsx", download_base + ".xlsx" + suffix);
  return out;
}

}  // namespace

Result<std::unique_ptr<PageRenderer>> PageRenderer::Load(const std::string& dir) {
  std::unique_ptr<PageRenderer> renderer(new PageRenderer());
  renderer->templates_ = std::make_unique<Templates>();
  CRADLE_ASSIGN_OR_RETURN(renderer->templates_->page, LoadTemplate(dir + "/page.mustache"));
  CRADLE_ASSIGN_OR_RETURN(renderer->templates_->account, LoadTemplate(dir + "/account.mustache"));
  renderer->templates_->public_account = renderer->RenderAccount(nullptr);
  return renderer;
}

PageRenderer::~PageRenderer() = default;

std::string PageRenderer::Render(const Page& page, const std::string& query) const {
  mustache::data data = Frame(page.slug, page.title);
  data.set("account", templates_->public_account);
  data.set("intro", Strings(page.intro));
  mustache::data choices = List();
  for (const Choice& choice : page.choices) {
    mustache::data one;
    one.set("name", choice.name);
    one.set("label", choice.label);
    mustache::data options = List();
    for (const auto& [value, label] : choice.options) {
      mustache::data option;
      option.set("value", value);
      option.set("label", label);
      option.set("selected", value == choice.selected);
      options.push_back(option);
    }
    one.set("options", options);
    choices.push_back(one);
  }
  data.set("choices", choices);
  data.set("has_choices", !page.choices.empty());
  std::string page_id = page.slug.empty() ? "overview" : page.slug;
  mustache::data sections = List();
  for (const Section& section : page.sections) {
    mustache::data one;
    one.set("id", page_id + "-" + section.id);
    one.set("heading", section.heading);
    one.set("paragraphs", Strings(section.paragraphs));
    one.set("svg", section.svg);
    one.set("table_open", section.table_open.value_or(section.svg.empty()));
    if (section.table) {
      one.set("table", TableData(*section.table, "/data/" + page_id + "-" + section.id, query));
    }
    sections.push_back(one);
  }
  data.set("sections", sections);
  data.set("notes", Strings(page.notes));
  return templates_->page->render(data);
}

Response PageRenderer::RenderError(int status, const std::string& message) const {
  mustache::data data = Frame("\x01", status == 404 ? "Not found" : "Cannot show this page");
  data.set("account", templates_->public_account);
  data.set("intro", Strings({message}));
  data.set("error", true);
  return Response::Text(status, "text/html; charset=utf-8", templates_->page->render(data));
}

Response PageRenderer::RenderContent(int status, const std::string& title,
                                     const std::string& content_html) const {
  mustache::data data = Frame("\x01", title);
  data.set("account", templates_->public_account);
  data.set("content", content_html);
  return Response::Text(status, "text/html; charset=utf-8", templates_->page->render(data));
}

std::string PageRenderer::RenderAccount(const AccountView* user) const {
  mustache::data data;
  if (user) {
    mustache::data one;
    one.set("display_name", user->display_name);
    one.set("role", user->role);
    one.set("organisation", user->organisation);
    one.set("csrf", user->csrf_token);
    one.set("admin", user->role == "admin");
    one.set("practitioner", user->role == "practitioner");
    one.set("analyst", user->role == "analyst");
    one.set("cdop", user->role == "cdop_member");
    // The plan's officers (plan/progress.h) update its actions.
    one.set("officer",
            user->role == "analyst" || user->role == "cdop_member" || user->role == "admin");
    // Who may see the referral times (casework_routes.h).
    one.set("timing", user->role != "cdop_member");
    data.set("user", one);
  }
  return std::string(kAccountStart) + templates_->account->render(data) + kAccountEnd;
}

}  // namespace cradle::web
