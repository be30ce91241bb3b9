#include "report/template.h"

#include "base/file.h"

namespace cradle::report {

namespace mustache = kainjow::mustache;

Result<std::unique_ptr<mustache::mustache>> LoadTemplate(const std::string& path) {
  auto text = ReadFileBytes(path);
  if (!text.ok()) return Status::IoError("cannot read the template " + path);
  auto compiled = std::make_unique<mustache::mustache>(*text);
  if (!compiled->is_valid()) {
    return Status::InvalidData(path + ": " + compiled->error_message());
  }
  return compiled;
}

mustache::data ListData() { return mustache::data(mustache::data::type::list); }

mustache::data Strings(const std::vector<std::string>& lines) {
  mustache::data list = ListData();
  for (const std::string& line : lines) list.push_back(mustache::data(line));
  return list;
}

mustache::data TableData(const charts::DataTable& table) {
  mustache::data out;
  out.set("caption", table.title);
  out.set("columns", Strings(table.columns));
  mustache::data rows = ListData();
  for (const auto& row : table.rows) {
    mustache::data cells = ListData();
    for (const charts::Cell& cell : row) {
      mustache::data one;
      one.set("text", cell.text);
      one.set("numeric", cell.number.has_value());
      cells.push_back(one);
    }
    mustache::data row_data;
    row_data.set("cells", cells);
    rows.push_back(row_data);
  }
  out.set("rows", rows);
  out.set("notes", Strings(table.notes));
  return out;
}

}  // namespace cradle::report
