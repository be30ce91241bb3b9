// The action plan for the steering group and the scrutiny commission
// (docs/plan.md). The plan is public; adding to it is for its officers.
//
//   GET  /plan                      the steering-group view: each theme's
//                                   outcome, actions by status and RAG, the
//                                   measures and whether their needles move,
//                                   the CDOP recommendations
//   GET  /plan.xlsx                 the same as a workbook, a sheet per table
//   GET  /api/v1/plan               the same as JSON
//   GET  /plan/priorities/{id}      a priority's logic model and its measures
//   GET  /plan/actions/{id}         an action with its updates log; POST adds
//                                   an update (analysts, CDOP members, admins)
//   GET  /plan/recommendations/{id} a recommendation with its progress notes;
//                                   POST adds a note (CDOP members, admins)
//
// Updates and notes are appended, never edited, each with its audit entry
// (plan/progress.h); a refused one comes back with the message and the
// answers kept, and nothing stored.
#pragma once

#include <memory>
#include <string_view>

#include "web/routes.h"

namespace cradle::web {

class PlanRoutes : public Routes {
 public:
  // Compiles the plan*.mustache templates; InvalidData if one does not parse.
  static Result<std::unique_ptr<PlanRoutes>> Create(const RouteDeps& deps);
  ~PlanRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

 private:
  explicit PlanRoutes(const RouteDeps& deps);
  Response Overview(const RequestContext& context);
  Response Workbook();
  Response Json();
  Response Priority(std::string_view id);
  Response Action(const Request& request, const RequestContext& context, const FormFields& form,
                  std::string_view id);
  Response RecommendationPage(const Request& request, const RequestContext& context,
                              const FormFields& form, std::string_view id);

  // The small-number rule of the public pages.
  int MinCount() const;

  struct Templates;
  RouteDeps deps_;
  std::unique_ptr<Templates> templates_;
};

}  // namespace cradle::web
