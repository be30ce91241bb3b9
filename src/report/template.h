// Mustache templates (kainjow) as the pages and the report use them: a
// template file compiled with a clear error, and the data shapes both fill
// their templates with — lists of strings and a data table (caption,
// columns, rows of cells marked numeric, notes).
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "charts/data_table.h"

namespace cradle::report {

// The template at `path`, compiled. IoError if unreadable; InvalidData
// naming the file and the fault if it does not parse.
Result<std::unique_ptr<kainjow::mustache::mustache>> LoadTemplate(const std::string& path);

kainjow::mustache::data ListData();
kainjow::mustache::data Strings(const std::vector<std::string>& lines);
// {caption, columns, rows: [{cells: [{text, numeric}]}], notes}
kainjow::mustache::data TableData(const charts::DataTable& table);

}  // namespace cradle::report
