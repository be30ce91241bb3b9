// A chart's data table as a file a reader downloads: CSV for scripts and
// other tools, xlsx for spreadsheet users. Both carry the table's notes
// (sources, licence attributions, small-number rules) because the Open
// Government Licence asks that the attribution travels with the data; both
// keep full-precision numbers where a cell has one, not the rounded text shown
// on the page.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "charts/data_table.h"

namespace cradle::web {

// RFC 4180 text (CRLF line ends, quotes only where needed, UTF-8 without a
// byte-order mark): the column headings, then one line per row. A cell with a
// number is written as the shortest text that reads back as the same double
// ("7.234567", "45123"); a cell without one (suppressed "*", missing "",
// labels) as its text.
//
// The notes go in one extra last column, "Notes" ("Table notes" if the table
// already has a "Notes" column), repeated on every row with the notes
// separated by line feeds inside the quoted field. Every row carries them so
// the file stays rectangular (any CSV reader, pandas and R included, reads it
// with no skipping of footer lines) and a row filtered or copied out of the
// file keeps its attribution, as Fingertips downloads keep per-row notes in a
// column. A table with notes and no rows gets one row of empty cells carrying
// the notes. Without notes there is no extra column.
std::string TableCsv(const charts::DataTable& table);

// The heading of the notes column TableCsv adds for `table`.
std::string NotesColumnName(const charts::DataTable& table);

// An Excel workbook (the bytes of an .xlsx file) with one sheet named after
// the title: the title in bold in A1, the headings bold in row 2 and frozen
// with the title above them, numbers as numeric cells formatted with the
// decimals the page shows (the full value stays in the cell), text as text,
// the notes below the table after an empty row, column widths to fit.
// IoError if the temporary file cannot be made or read; InvalidArgument if
// libxlsxwriter refuses the content (a cell over 32,767 characters, more rows
// than a sheet holds), with libxlsxwriter's reason.
Result<std::string> TableXlsx(const charts::DataTable& table);

// The same with one sheet per table, in order (a sheet whose name another
// already has gets " (2)", " (3)", ...).
Result<std::string> WorkbookXlsx(const std::vector<charts::DataTable>& tables);

// The sheet name Excel accepts for `title`: the characters []:*?/\ become
// spaces, a leading or trailing apostrophe is dropped, at most 31 characters
// (code points), "Data" if nothing is left.
std::string SheetName(const std::string& title);

}  // namespace cradle::web
