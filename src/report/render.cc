#include "report/render.h"

#include "base/file.h"
#include "report/template.h"

namespace cradle::report {

namespace mustache = kainjow::mustache;

struct ReportRenderer::Parts {
  std::unique_ptr<mustache::mustache> page;
  std::string css;
};

Result<std::unique_ptr<ReportRenderer>> ReportRenderer::Load(const std::string& dir) {
  std::unique_ptr<ReportRenderer> renderer(new ReportRenderer());
  renderer->parts_ = std::make_unique<Parts>();
  CRADLE_ASSIGN_OR_RETURN(renderer->parts_->page, LoadTemplate(dir + "/report.mustache"));
  CRADLE_ASSIGN_OR_RETURN(renderer->parts_->css, ReadFileBytes(dir + "/report.css"));
  return renderer;
}

ReportRenderer::~ReportRenderer() = default;

const std::string& ReportRenderer::css() const { return parts_->css; }

std::string ReportRenderer::Render(const Report& report, const std::string& css_href) const {
  mustache::data data;
  data.set("title", report.title);
  data.set("subtitle", report.subtitle);
  data.set("area_code", report.area_code);
  data.set("area_name", report.area_name);
  data.set("period", report.period);
  data.set("generated", report.generated);
  data.set("synthetic_notice", report.synthetic_notice);
  if (css_href.empty()) {
    data.set("css", parts_->css);
  } else {
    data.set("css_href", css_href);
  }
  mustache::data sections = ListData();
  mustache::data contents = ListData();
  for (const ReportSection& section : report.sections) {
    mustache::data one;
    one.set("id", section.id);
    one.set("heading", section.heading);
    one.set("is_" + section.id, true);  // lets a template treat one section its own way
    mustache::data blocks = ListData();
    for (const Block& block : section.blocks) {
      mustache::data part;
      part.set("heading", block.heading);
      part.set("has_heading", !block.heading.empty());
      mustache::data statements = ListData();
      for (const Statement& statement : block.statements) {
        mustache::data line;
        line.set("text", statement.text);
        line.set("key", statement.key);
        statements.push_back(line);
      }
      part.set("statements", statements);
      mustache::data figures = ListData();
      for (const Figure& figure : block.figures) {
        mustache::data item;
        item.set("svg", figure.svg);
        item.set("table", TableData(figure.table));
        figures.push_back(item);
      }
      part.set("figures", figures);
      mustache::data tables = ListData();
      for (const charts::DataTable& table : block.tables) tables.push_back(TableData(table));
      part.set("tables", tables);
      blocks.push_back(part);
    }
    one.set("blocks", blocks);
    sections.push_back(one);
    mustache::data entry;
    entry.set("id", section.id);
    entry.set("heading", section.heading);
    contents.push_back(entry);
  }
  data.set("sections", sections);
  data.set("contents", contents);
  data.set("attributions", Strings(report.attributions));
  return parts_->page->render(data);
}

std::string ReportTemplateDir(const std::string& data_dir) { return data_dir + "/report"; }

}  // namespace cradle::report
