#include "cli/text_table.h"

#include <algorithm>
#include <cassert>

namespace cradle::cli {

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;  // count lead bytes only
  return width;
}

void TextTable::Print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const Column& column : columns_) widths.push_back(DisplayWidth(column.title));
  for (const auto& row : rows_) {
    assert(row.size() == columns_.size());
    for (size_t idx = 0; idx < row.size(); ++idx) {
      widths[idx] = std::max(widths[idx], DisplayWidth(row[idx]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t idx = 0; idx < cells.size(); ++idx) {
      std::string pad(widths[idx] - DisplayWidth(cells[idx]), ' ');
      if (idx > 0) line += "  ";
      line += columns_[idx].align == Align::kRight ? pad + cells[idx] : cells[idx] + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  std::vector<std::string> titles;
  for (const Column& column : columns_) titles.push_back(column.title);
  print_row(titles);
  size_t total = 0;
  for (size_t width : widths) total += width;
  out << std::string(total + 2 * (widths.size() - 1), '-') << '\n';
  for (const auto& row : rows_) print_row(row);
}

}  // namespace cradle::cli
