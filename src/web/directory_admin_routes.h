// The admin's pages for the service directory (docs/directory.md, Editing):
//
//   GET  /admin/directory                       every service: organisation,
//        status, last assured, the twelve-month flag; the "Add a service" form
//   POST /admin/directory/services              add a service (a new UUID v4),
//        under an existing organisation or a new one
//   GET  /admin/directory/services/{id}         the edit form
//   POST /admin/directory/services/{id}         save the edit
//   POST /admin/directory/services/{id}/assure  mark the listing assured today
//
// Admins only: the public asking for a page is sent to log in, anyone else
// gets 403 with nothing of the directory in it. Every field is checked on the
// server (directory/model.h's rules, whose messages name the field, and the
// form's own: whole-number ages, known organisation, terms and languages);
// a refused form comes back with the admin's input kept and nothing stored.
// Each change is one store transaction (a new organisation lands in the same
// one as its first service), then one audit entry naming the service and the
// fields changed. The ORUK API reads the store at every request, so a change
// shows at /oruk/services/{id} at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/routes.h"

namespace cradle::web {

class DirectoryAdminRoutes : public Routes {
 public:
  // Compiles data_dir/web/templates/directory_admin*.mustache; InvalidData
  // naming one that does not parse.
  static Result<std::unique_ptr<DirectoryAdminRoutes>> Create(const RouteDeps& deps);
  ~DirectoryAdminRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

  // What the service form holds, as text, so a refused form is shown back
  // exactly as it was sent.
  struct FormState;

 private:
  explicit DirectoryAdminRoutes(const RouteDeps& deps);
  // `problems`: why the form was refused, one sentence each naming a field.
  Response ListPage(const Request& request, const RequestContext& context, int status,
                    const std::vector<std::string>& problems, const FormState* add);
  Response EditPage(const Request& request, const RequestContext& context, const std::string& id,
                    int status, const std::vector<std::string>& problems, const FormState* edit);
  Response CreatePost(const Request& request, const RequestContext& context,
                      const FormFields& form);
  Response UpdatePost(const Request& request, const RequestContext& context, const std::string& id,
                      const FormFields& form);
  Response AssurePost(const Request& request, const RequestContext& context, const std::string& id,
                      const FormFields& form);
  // The service form, posting to `action` (/admin/directory/services: the add form).
  std::string RenderForm(const FormState& state, const std::string& csrf,
                         const std::string& action);
  std::string Today() const;
  std::string Timestamp() const;

  struct Templates;
  RouteDeps deps_;
  std::unique_ptr<Templates> templates_;
};

}  // namespace cradle::web
