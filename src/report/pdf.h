// Prints an HTML file to PDF with headless Chromium (Debian's `chromium`, or
// the program CRADLE_CHROMIUM names), as a reader's browser would print it:
// A4 by the report's @page rule, without the browser's header and footer.
#pragma once

#include <string>

#include "base/status.h"

namespace cradle::report {

struct PdfOptions {
  std::string chromium;  // empty: $CRADLE_CHROMIUM, else /usr/bin/chromium
  int timeout_seconds = 120;
};

// Writes `pdf_path` from `html_path`. NotFound naming the program when
// Chromium is not installed; Internal with what Chromium printed when it
// fails or times out, or leaves no PDF.
Status PrintToPdf(const std::string& html_path, const std::string& pdf_path,
                  const PdfOptions& options = {});

}  // namespace cradle::report
