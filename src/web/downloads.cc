#include "web/downloads.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "base/csv_writer.h"
#include "base/strings.h"

namespace cradle::web {
namespace {

// Shortest text that parses back to exactly `value` (std::to_chars without a
// precision is specified to round-trip), so a download loses nothing.
std::string RoundTripText(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return std::to_string(value);  // cannot happen at 64 bytes
  return std::string(buffer, end);
}

// A cell as CSV text: the number when there is a finite one (NaN and
// infinities have no portable CSV spelling, so their shown text is kept).
std::string CsvCellText(const charts::Cell& cell) {
  if (cell.number && std::isfinite(*cell.number)) return RoundTripText(*cell.number);
  return cell.text;
}

// CsvField quotes a field with a comma, quote or line break; a CSV reader in
std::string JoinNotes(const std::vector<std::string>& notes) {
  std::string joined;
  for (const std::string& note : notes) {
    if (!joined.empty()) joined += '\n';
    joined += note;
  }
  return joined;
}

// Code points in UTF-8 text: what a column width and a sheet name count.
size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string NotesColumnName(const charts::DataTable& table) {
  bool taken =
      std::find(table.columns.begin(), table.columns.end(), "Notes") != table.columns.end();
  return taken ? "Table notes" : "Notes";
}

std::string TableCsv(const charts::DataTable& table) {
  std::ostringstream out;
  const bool with_notes = !table.notes.empty();
  const std::string notes = JoinNotes(table.notes);

  std::vector<std::string> fields = table.columns;
  if (with_notes) fields.push_back(NotesColumnName(table));
  WriteCsvRow(out, fields);

  for (const std::vector<charts::Cell>& row : table.rows) {
    fields.clear();
    // A short row is padded so every line has as many fields as the header
    // (a CSV reader rejects ragged rows). A row longer than the headings is a
    // table builder's bug; its cells are kept, not dropped silently, and a
    // reader will say which row is wrong.
    for (const charts::Cell& cell : row) fields.push_back(CsvCellText(cell));
    while (fields.size() < table.columns.size()) fields.emplace_back();
    if (with_notes) fields.push_back(notes);
    WriteCsvRow(out, fields);
  }
  if (table.rows.empty() && with_notes) {
    fields.assign(table.columns.size(), std::string());
    fields.push_back(notes);
    WriteCsvRow(out, fields);
  }
  return out.str();
}

std::string SheetName(const std::string& title) {
  std::string name;
  size_t points = 0;
  for (size_t idx = 0; idx < title.size(); ++idx) {
    const char c = title[idx];
    const bool starts_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_point) {
      if (points == 31) break;
      ++points;
    }
    const bool forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
    // Control characters are not allowed in a sheet name either.
    name += (forbidden || static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  }
  // Excel refuses a name that starts or ends with an apostrophe (it quotes
  // sheet names with them in formulas), and trailing spaces look like a typo.
  while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.pop_back();
  // "History" is reserved by Excel for its change tracking.
  if (name.empty() || name == "History") return "Data";
  return name;
}

namespace {

// The Excel number format that shows `value` as the page showed `text`:
// as many decimals as the text has, thousands separators if it has them.
// Text that is not a plain number ("3 of 149", "12.5%") gets General, which
// shows the value as it is.
std::string NumberFormatFor(const std::string& text) {
  std::string_view shown = text;
  if (!shown.empty() && (shown.front() == '-' || shown.front() == '+')) shown.remove_prefix(1);
  bool thousands = false;
  int decimals = -1;  // -1 until a '.' is seen
  bool digits = false;
  for (char c : shown) {
    if (c >= '0' && c <= '9') {
      digits = true;
      if (decimals >= 0) ++decimals;
    } else if (c == ',' && decimals < 0) {
      thousands = true;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return "General";
    }
  }
  if (!digits) return "General";
  std::string format = thousands ? "#,##0" : "0";
  if (decimals > 0) format += "." + std::string(static_cast<size_t>(decimals), '0');
  return format;
}

Status XlsxError(lxw_error error, const std::string& what) {
  return Status::InvalidArgument("cannot write the spreadsheet (" + what +
                                 "): " + lxw_strerror(error));
}

// Removes the temporary file however TableXlsx returns.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

// Frees a workbook that was never closed (an error part way through): closing
// it would write a file nobody wants.
struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

}  // namespace

namespace {

// The formats every sheet of a workbook shares.
struct Formats {
  lxw_format* bold = nullptr;
  lxw_format* title = nullptr;
  lxw_format* note = nullptr;
  lxw_format* text = nullptr;
  std::map<std::string, lxw_format*> numbers;  // by number-format code
};

Formats MakeFormats(lxw_workbook* workbook) {
  Formats formats;
  formats.bold = workbook_add_format(workbook);
  format_set_bold(formats.bold);
  formats.title = workbook_add_format(workbook);
  format_set_bold(formats.title);
  format_set_font_size(formats.title, 13);
  formats.note = workbook_add_format(workbook);
  format_set_italic(formats.note);
  // Text cells are marked as text ("@") so Excel does not turn an area code or
  // a period such as "2020-22" into a date or a number when edited.
  formats.text = workbook_add_format(workbook);
  format_set_num_format(formats.text, "@");
  return formats;
}

// One table as one sheet named `sheet_name`.
Status WriteSheet(lxw_workbook* workbook, Formats& formats, const std::string& sheet_name,
                  const charts::DataTable& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  if (!sheet) return Status::Internal("libxlsxwriter refused the sheet name '" + sheet_name + "'");
  auto number_format = [&](const std::string& shown) {
    std::string code = NumberFormatFor(shown);
    auto [it, inserted] = formats.numbers.try_emplace(code, nullptr);
    if (inserted) {
      it->second = workbook_add_format(workbook);
      format_set_num_format(it->second, code.c_str());
      format_set_align(it->second, LXW_ALIGN_RIGHT);
    }
    return it->second;
  };

  std::vector<size_t> widths(table.columns.size(), 0);
  auto fit = [&](size_t col, size_t width) {
    if (col >= widths.size()) widths.resize(col + 1, 0);
    widths[col] = std::max(widths[col], width);
  };

  constexpr lxw_row_t kTitleRow = 0;
  constexpr lxw_row_t kHeaderRow = 1;
  constexpr lxw_row_t kFirstDataRow = 2;
  lxw_error error = worksheet_write_string(sheet, kTitleRow, 0, table.title.c_str(), formats.title);
  if (error != LXW_NO_ERROR) return XlsxError(error, "the title");

  for (size_t col = 0; col < table.columns.size(); ++col) {
    error = worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(col),
                                   table.columns[col].c_str(), formats.bold);
    if (error != LXW_NO_ERROR) return XlsxError(error, "the heading '" + table.columns[col] + "'");
    fit(col, CodePoints(table.columns[col]) + 2);  // bold text is a little wider
  }

  for (size_t idx = 0; idx < table.rows.size(); ++idx) {
    if (idx + kFirstDataRow >= LXW_ROW_MAX) {
      return Status::InvalidArgument(
          "cannot write the spreadsheet: " + std::to_string(table.rows.size()) +
          " rows are more than a sheet holds");
    }
    const lxw_row_t row = static_cast<lxw_row_t>(idx + kFirstDataRow);
    for (size_t col = 0; col < table.rows[idx].size(); ++col) {
      const charts::Cell& cell = table.rows[idx][col];
      const lxw_col_t column = static_cast<lxw_col_t>(col);
      if (cell.number && std::isfinite(*cell.number)) {
        error = worksheet_write_number(sheet, row, column, *cell.number, number_format(cell.text));
        fit(col, std::max<size_t>(CodePoints(cell.text), 6));
      } else if (!cell.text.empty()) {
        error = worksheet_write_string(sheet, row, column, cell.text.c_str(), formats.text);
        fit(col, CodePoints(cell.text));
      } else {
        continue;  // an empty cell stays blank, as in the CSV
      }
      if (error != LXW_NO_ERROR) {
        return XlsxError(error,
                         "row " + std::to_string(idx + 1) + ", column " + std::to_string(col + 1));
      }
    }
  }

  // The notes start one empty row below the table, one a row, in column A:
  // they overflow to the right in Excel and do not widen the first column.
  lxw_row_t note_row = static_cast<lxw_row_t>(kFirstDataRow + table.rows.size() + 1);
  for (const std::string& note : table.notes) {
    if (note_row >= LXW_ROW_MAX)
      return Status::InvalidArgument("cannot write the spreadsheet: too many rows");
    error = worksheet_write_string(sheet, note_row++, 0, note.c_str(), formats.note);
    if (error != LXW_NO_ERROR) return XlsxError(error, "a note");
  }

  for (size_t col = 0; col < widths.size(); ++col) {
    // Excel's width unit is about one character of the default font; a
    // little padding, and a cap so one long label does not make a wall.
    double width = std::clamp(static_cast<double>(widths[col]) + 1.0, 8.0, 60.0);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width,
                         nullptr);
  }
  // Title and headings stay in view while scrolling.
  worksheet_freeze_panes(sheet, kFirstDataRow, 0);
  return Status::Ok();
}

}  // namespace

Result<std::string> TableXlsx(const charts::DataTable& table) { return WorkbookXlsx({table}); }

Result<std::string> WorkbookXlsx(const std::vector<charts::DataTable>& tables) {
  // libxlsxwriter 1.1.4 writes only to a named file (an in-memory output
  // arrived in 1.1.5), so it writes a private temporary file, read back here.
  const char* tmpdir = std::getenv("TMPDIR");
  TempFile temp;
  temp.path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/cradle-table-XXXXXX.xlsx";
  int fd = mkstemps(temp.path.data(), 5);
  if (fd < 0) {
    std::string reason = "cannot make a temporary file for the spreadsheet in " +
                         std::string(tmpdir && *tmpdir ? tmpdir : "/tmp");
    temp.path.clear();
    return Status::IoError(reason);
  }
  close(fd);

  std::unique_ptr<lxw_workbook, WorkbookFree> workbook(workbook_new(temp.path.c_str()));
  if (!workbook) return Status::IoError("cannot start a spreadsheet (out of memory)");
  Formats formats = MakeFormats(workbook.get());
  std::set<std::string> names;
  for (const charts::DataTable& table : tables) {
    // Sheet names must differ (Excel compares them ignoring case).
    std::string name = SheetName(table.title);
    for (int copy = 2; !names.insert(ToLower(name)).second; ++copy) {
      const std::string suffix = " (" + std::to_string(copy) + ")";
      name = SheetName(SheetName(table.title).substr(0, 31 - suffix.size()) + suffix);
    }
    CRADLE_RETURN_IF_ERROR(WriteSheet(workbook.get(), formats, name, table));
  }

  // workbook_close frees the workbook whatever it returns.
  lxw_error error = workbook_close(workbook.release());
  if (error != LXW_NO_ERROR) {
    return Status::IoError("cannot write the spreadsheet " + temp.path + ": " +
                           lxw_strerror(error));
  }

  std::ifstream in(temp.path, std::ios::binary);
  std::ostringstream bytes;
  if (in.is_open()) bytes << in.rdbuf();
  std::string data = std::move(bytes).str();
  if (!in.is_open() || in.bad() || data.empty()) {
    return Status::IoError("cannot read back the spreadsheet " + temp.path);
  }
  return data;
}

}  // namespace cradle::web
