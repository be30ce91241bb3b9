// The analyst's tier (docs/security.md): the stored births, one row each with
// the baby's death if it died in infancy, under their pseudonymous ids.
//
//   GET /records      a page of 50 rows with the total, filtered by period,
//                     ward or LSOA, ethnic group and deaths only (analyst)
//   GET /records.csv  every row the same filters select, as CSV (analyst)
//
// Only analysts get an answer: the public is sent to log in, every other role
// gets 403 with no record in it. Every answer that carries records is audited
// first — one entry with who asked, from where, the filters and how many rows
// were returned — and if that entry cannot be written nothing is shown. A
// filter that cannot be read is a 400 naming the parameter.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "records/record_types.h"
#include "web/routes.h"

namespace cradle::web {

class RecordsRoutes : public Routes {
 public:
  // Compiles data_dir/web/templates/records.mustache; InvalidData if it does
  // not parse. The records themselves are read from the store at the first
  // request, and kept: they change only with an import, after which `cradle
  // serve` is restarted (app.h).
  static Result<std::unique_ptr<RecordsRoutes>> Create(const RouteDeps& deps);
  ~RecordsRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

  // One birth as the analyst sees it.
  struct Row {
    records::BirthRecord birth;
    std::optional<records::DeathRecord> death;
    int ward = -1;  // index into the record frame's wards, -1 if unknown
  };

 private:
  explicit RecordsRoutes(const RouteDeps& deps);
  Status LoadRows();

  struct Template;
  RouteDeps deps_;
  std::unique_ptr<Template> template_;
  bool loaded_ = false;
  std::vector<Row> rows_;  // in id order
};

}  // namespace cradle::web
