// The SVG writing shared by every chart: XML escaping, number text, and a
// small writer that escapes attribute values and text as it goes so a chart
// cannot emit malformed markup or an unescaped label. It writes presentation
// attributes only: pages are served with `style-src 'self'`, so no style
// attribute or <style> element may appear, and the writer has no way to emit
// one.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cradle::charts {

// Escapes & < > " ' for use in XML text or a double-quoted attribute.
std::string XmlEscape(std::string_view text);

// The shortest text that reads back as the same double (std::to_chars), e.g.
// 7.2 -> "7.2", 1e-7 -> "1e-07"; used for data-* attributes so tests and
// scripts see the full-precision input.
std::string ExactNumber(double value);

// A coordinate rounded to 0.01 px with trailing zeros dropped: small SVG,
// stable output.
std::string Px(double value);

// `value` with exactly `decimals` decimals (half away from zero, as
// Fingertips rounds), "-" sign kept, thousands separated by commas for
// values of 10,000 and above. Used for labels, tooltips and table text.
std::string FormatNumber(double value, int decimals);

// "7.2 (5.8 – 8.8)", or "7.2" without limits.
std::string FormatValueWithInterval(double value, std::optional<double> lower,
                                    std::optional<double> upper, int decimals);

// Estimated width in px of `text` at `font_size` in a sans-serif face: a
// conservative average advance per character (0.58 em), counting UTF-8 code
// points, for layout (label columns, legend spacing); browsers are not asked.
double TextWidth(std::string_view text, double font_size);

// Keeps only [A-Za-z0-9_-] so an id prefix is a valid XML id; "chart" if
// nothing is left.
std::string SafeId(std::string_view id);

using Attrs = std::vector<std::pair<std::string, std::string>>;

// Appends SVG elements to a string. Attribute values and text are escaped
// here; names are trusted (they are literals in chart code).
class SvgWriter {
 public:
  // Opens the root <svg> with the namespace, viewBox, width, height,
  // role="img", aria-labelledby pointing at the <title> and <desc> written
  // immediately after, and the chart's font defaults.
  SvgWriter(std::string_view id, double width, double height, std::string_view title,
            std::string_view description);

  // <name attrs>
  void Open(std::string_view name, const Attrs& attrs = {});
  // </name>
  void Close(std::string_view name);
  // <name attrs/>
  void Empty(std::string_view name, const Attrs& attrs);
  // <name attrs>escaped text</name>
  void Text(std::string_view name, const Attrs& attrs, std::string_view text);
  // <name attrs><title>tooltip</title></name>: a data mark with its tooltip.
  void WithTooltip(std::string_view name, const Attrs& attrs, std::string_view tooltip);

  // Closes the root and returns the document. The writer is spent after.
  std::string Finish();

 private:
  void WriteAttrs(const Attrs& attrs);
  std::string out_;
};

}  // namespace cradle::charts
