#include "charts/svg.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace cradle::charts {

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ExactNumber(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("NaN");
}

std::string Px(double value) {
  double rounded = std::round(value * 100) / 100;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 2);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string FormatNumber(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  double scale = std::pow(10.0, decimals);
  // Half away from zero on the decimal value: nudge by a relative epsilon so
  // 0.05 (stored as 0.05000000000000000277) and 2.675 round as written.
  double scaled = std::abs(value) * scale;
  double rounded = std::floor(scaled * (1 + 4 * std::numeric_limits<double>::epsilon()) + 0.5);
  bool negative = value < 0 && rounded != 0;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded / scale);
  std::string digits(buffer);
  std::string whole = digits.substr(0, digits.find('.'));
  std::string fraction = digits.size() > whole.size() ? digits.substr(whole.size()) : "";
  if (whole.size() > 4) {  // 10,000 and above; 1234 stays as ONS prints it
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
      if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
      grouped += whole[i];
    }
    whole = grouped;
  }
  return (negative ? "-" : "") + whole + fraction;
}

std::string FormatValueWithInterval(double value, std::optional<double> lower,
                                    std::optional<double> upper, int decimals) {
  std::string text = FormatNumber(value, decimals);
  if (lower && upper) {
    text +=
        " (" + FormatNumber(*lower, decimals) + " \u2013 " + FormatNumber(*upper, decimals) + ")";
  }
  return text;
}

double TextWidth(std::string_view text, double font_size) {
  size_t code_points = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  return static_cast<double>(code_points) * font_size * 0.58;
}

std::string SafeId(std::string_view id) {
  std::string out;
  for (char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-') {
      out += c;
    }
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9') || out[0] == '-') out = "chart" + out;
  return out;
}

SvgWriter::SvgWriter(std::string_view id, double width, double height, std::string_view title,
                     std::string_view description) {
  std::string safe = SafeId(id);
  out_.reserve(16384);
  Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
               {"viewBox", "0 0 " + Px(width) + " " + Px(height)},
               {"width", Px(width)},
               {"height", Px(height)},
               {"role", "img"},
               {"aria-labelledby", safe + "-title " + safe + "-desc"},
               {"id", safe},
               {"class", "cradle-chart"},
               {"font-family", "Arial, Helvetica, sans-serif"},
               {"font-size", "12"},
               {"fill", "#0b0c0c"}});
  Text("title", {{"id", safe + "-title"}}, title);
  Text("desc", {{"id", safe + "-desc"}}, description);
  // A white background so the chart reads the same when saved or embedded on
  // a dark page.
  Empty("rect", {{"width", "100%"}, {"height", "100%"}, {"fill", "#ffffff"}});
}

void SvgWriter::WriteAttrs(const Attrs& attrs) {
  for (const auto& [name, value] : attrs) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += XmlEscape(value);
    out_ += '"';
  }
}

void SvgWriter::Open(std::string_view name, const Attrs& attrs) {
  out_ += '<';
  out_ += name;
  WriteAttrs(attrs);
  out_ += ">\n";
}

void SvgWriter::Close(std::string_view name) {
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void SvgWriter::Empty(std::string_view name, const Attrs& attrs) {
  out_ += '<';
  out_ += name;
  WriteAttrs(attrs);
  out_ += "/>\n";
}

void SvgWriter::Text(std::string_view name, const Attrs& attrs, std::string_view text) {
  out_ += '<';
  out_ += name;
  WriteAttrs(attrs);
  out_ += '>';
  out_ += XmlEscape(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void SvgWriter::WithTooltip(std::string_view name, const Attrs& attrs, std::string_view tooltip) {
  out_ += '<';
  out_ += name;
  WriteAttrs(attrs);
  out_ += "><title>";
  out_ += XmlEscape(tooltip);
  out_ += "</title></";
  out_ += name;
  out_ += ">\n";
}

std::string SvgWriter::Finish() {
  Close("svg");
  return std::move(out_);
}

}  // namespace cradle::charts
