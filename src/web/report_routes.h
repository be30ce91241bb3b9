// The scrutiny report from the web app (report/): public, like the pages it
// draws on, with the small-number rule applied.
//
//   GET /reports          choose an area and a period the data hold
//   GET /report           the report as a page (?area=CODE&period=YYYY-YY;
//                         default the records' area and latest three years)
//   GET /report.pdf       the same printed to PDF by headless Chromium
//   GET /report.css       its style sheet (the CSP refuses inline styles)
//
// Computed on each request: the plan's progress changes while the server runs.
#pragma once

#include <memory>
#include <string_view>

#include "web/routes.h"

namespace cradle::web {

class ReportRoutes : public Routes {
 public:
  // Loads the report's template (data/report) and the chooser's; InvalidData
  // if one does not parse.
  static Result<std::unique_ptr<ReportRoutes>> Create(const RouteDeps& deps);
  ~ReportRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

 private:
  explicit ReportRoutes(const RouteDeps& deps);
  Response Chooser(const Request& request);
  Response Report(const Request& request, bool pdf);

  struct Parts;
  RouteDeps deps_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace cradle::web
