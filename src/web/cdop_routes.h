// What child death reviews say, and the register behind it (docs/cdop.md).
//
//   GET  /cdop/factors          modifiable factors ranked, with intervals and
//                               rising ones marked: anyone; the small-number
//                               rule hides small counts from all but CDOP
//                               members, who also see the process timeliness
//   GET  /api/v1/cdop/factors   the same as JSON, under the same rule
//   GET  /cdop/reviews          the register (CDOP members)
//   GET  /cdop/reviews/new      a form to enter a review; POST stores it
//   GET  /cdop/reviews/{id}     one review in its form; POST stores changes
//
// Case-level pages answer CDOP members only: the public is sent to log in,
// every other role gets 403 with nothing of a case in it. Every read of a
// case is audited before it is shown; every change in its own transaction
// (cdop/register.h). A refused form comes back with each error beside its
// field and the answers kept, and nothing stored.
#pragma once

#include <memory>
#include <string_view>

#include "web/routes.h"

namespace cradle::web {

class CdopRoutes : public Routes {
 public:
  // Compiles the cdop_*.mustache templates; InvalidData if one does not parse.
  static Result<std::unique_ptr<CdopRoutes>> Create(const RouteDeps& deps);
  ~CdopRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

 private:
  explicit CdopRoutes(const RouteDeps& deps);
  Response Factors(const Request& request, const RequestContext& context, bool json);
  Response List(const Request& request, const RequestContext& context);
  Response ReviewForm(const Request& request, const RequestContext& context, const FormFields& form,
                      std::string_view id);

  struct Templates;
  RouteDeps deps_;
  std::unique_ptr<Templates> templates_;
};

}  // namespace cradle::web
