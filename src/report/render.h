// The scrutiny report as one self-contained HTML file: the template
// data/report/report.mustache (an author edits its words, order and layout
// without recompiling) with its style sheet report.css inlined, so the file
// can be mailed, archived or printed to PDF as it is. Charts are inline SVG;
// every figure's table follows it.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "report/report.h"

namespace cradle::report {

class ReportRenderer {
 public:
  // `dir` holds report.mustache and report.css (data/report). IoError if one
  // is unreadable; InvalidData naming the template that does not parse.
  static Result<std::unique_ptr<ReportRenderer>> Load(const std::string& dir);
  ~ReportRenderer();

  // With `css_href` empty the style sheet is inlined (a file in one piece);
  // else linked from there (the web app, whose CSP refuses inline styles).
  std::string Render(const Report& report, const std::string& css_href = "") const;
  const std::string& css() const;

 private:
  ReportRenderer() = default;
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// The bundled template's folder: <data dir>/report.
std::string ReportTemplateDir(const std::string& data_dir);

}  // namespace cradle::report
