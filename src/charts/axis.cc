#include "charts/axis.h"

#include <algorithm>
#include <cmath>

#include "charts/palette.h"

namespace cradle::charts {
namespace {

double NiceStep(double raw) {
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double fraction = raw / magnitude;
  double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

int DecimalsFor(double step) {
  // Enough decimals that step is printed exactly: 0.5 -> 1, 0.25 never
  // happens (steps are 1, 2, 5 x 10^k), 20 -> 0.
  int decimals = 0;
  double scaled = step;
  while (decimals < 10 && std::abs(scaled - std::round(scaled)) > 1e-9 * std::max(1.0, scaled)) {
    scaled *= 10;
    ++decimals;
  }
  return decimals;
}

}  // namespace

NiceScale MakeNiceScale(double lo, double hi, int max_ticks, bool include_zero) {
  if (!std::isfinite(lo)) lo = 0;
  if (!std::isfinite(hi)) hi = 0;
  if (lo > hi) std::swap(lo, hi);
  if (include_zero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (hi - lo < 1e-12) {
    double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
    if (include_zero && lo == 0) {
      hi = 1;
    } else {
      lo -= pad;
      hi += pad;
    }
  }
  max_ticks = std::max(max_ticks, 2);
  double step = NiceStep((hi - lo) / (max_ticks - 1));
  NiceScale scale;
  scale.step = step;
  scale.min = std::floor(lo / step + 1e-9) * step;
  scale.max = std::ceil(hi / step - 1e-9) * step;
  scale.decimals = DecimalsFor(step);
  int count = static_cast<int>(std::round((scale.max - scale.min) / step));
  for (int tick_idx = 0; tick_idx <= count; ++tick_idx) {
    double tick = scale.min + tick_idx * step;
    // Snap 0.30000000000000004 to 0.3 so labels and data attributes are tidy.
    double snap = std::pow(10.0, scale.decimals);
    scale.ticks.push_back(std::round(tick * snap) / snap);
  }
  return scale;
}

void DrawYAxis(SvgWriter& svg, const NiceScale& scale, const LinearMap& y, double left,
               double right, std::string_view title, double title_x) {
  svg.Open("g", {{"class", "cradle-axis cradle-y-axis"}});
  for (double tick : scale.ticks) {
    double ty = y(tick);
    svg.Empty("line", {{"x1", Px(left)},
                       {"x2", Px(right)},
                       {"y1", Px(ty)},
                       {"y2", Px(ty)},
                       {"stroke", std::string(tick == 0 ? kSecondaryText : kGrid)},
                       {"stroke-width", "1"}});
    svg.Text("text",
             {{"x", Px(left - 6)},
              {"y", Px(ty + 4)},
              {"text-anchor", "end"},
              {"fill", std::string(kSecondaryText)},
              {"class", "cradle-tick"}},
             FormatNumber(tick, scale.decimals));
  }
  if (!title.empty()) {
    double mid = (y(scale.min) + y(scale.max)) / 2;
    svg.Text("text",
             {{"x", Px(title_x)},
              {"y", Px(mid)},
              {"transform", "rotate(-90 " + Px(title_x) + " " + Px(mid) + ")"},
              {"text-anchor", "middle"},
              {"font-size", "13"},
              {"class", "cradle-axis-title"}},
             title);
  }
  svg.Close("g");
}

void DrawXAxis(SvgWriter& svg, const NiceScale& scale, const LinearMap& x, double top,
               double bottom, std::string_view title, double title_y, bool labels_above) {
  svg.Open("g", {{"class", "cradle-axis cradle-x-axis"}});
  for (double tick : scale.ticks) {
    double tx = x(tick);
    svg.Empty("line", {{"x1", Px(tx)},
                       {"x2", Px(tx)},
                       {"y1", Px(top)},
                       {"y2", Px(bottom)},
                       {"stroke", std::string(tick == 0 ? kSecondaryText : kGrid)},
                       {"stroke-width", "1"}});
    svg.Text("text",
             {{"x", Px(tx)},
              {"y", Px(labels_above ? top - 6 : bottom + 16)},
              {"text-anchor", "middle"},
              {"fill", std::string(kSecondaryText)},
              {"class", "cradle-tick"}},
             FormatNumber(tick, scale.decimals));
  }
  if (!title.empty()) {
    svg.Text("text",
             {{"x", Px((x(scale.min) + x(scale.max)) / 2)},
              {"y", Px(title_y)},
              {"text-anchor", "middle"},
              {"font-size", "13"},
              {"class", "cradle-axis-title"}},
             title);
  }
  svg.Close("g");
}

void DrawCategoryAxis(SvgWriter& svg, const std::vector<std::string>& labels,
                      const std::function<double(size_t)>& x, double left, double right,
                      double bottom, std::string_view title, double title_y) {
  svg.Open("g", {{"class", "cradle-axis cradle-x-axis"}});
  svg.Empty("line", {{"x1", Px(left)},
                     {"x2", Px(right)},
                     {"y1", Px(bottom)},
                     {"y2", Px(bottom)},
                     {"stroke", std::string(kSecondaryText)}});
  double widest = 0;
  for (const std::string& label : labels) widest = std::max(widest, TextWidth(label, 12));
  double spacing = labels.size() > 1 ? std::abs(x(1) - x(0)) : right - left;
  size_t every = 1;
  while (spacing * static_cast<double>(every) < widest + 8 && every < labels.size()) ++every;
  for (size_t label_idx = 0; label_idx < labels.size(); ++label_idx) {
    double lx = x(label_idx);
    svg.Empty("line", {{"x1", Px(lx)},
                       {"x2", Px(lx)},
                       {"y1", Px(bottom)},
                       {"y2", Px(bottom + 5)},
                       {"stroke", std::string(kSecondaryText)}});
    bool last = label_idx + 1 == labels.size();
    // The last label is shown only when it does not collide with the one
    // before it; otherwise the thinning rule decides.
    bool show = label_idx % every == 0 || (last && (label_idx % every) * spacing >= widest + 8);
    if (!show) continue;
    svg.Text("text",
             {{"x", Px(lx)},
              {"y", Px(bottom + 18)},
              {"text-anchor", "middle"},
              {"fill", std::string(kSecondaryText)},
              {"class", "cradle-tick"}},
             labels[label_idx]);
  }
  if (!title.empty()) {
    svg.Text("text",
             {{"x", Px((left + right) / 2)},
              {"y", Px(title_y)},
              {"text-anchor", "middle"},
              {"font-size", "13"},
              {"class", "cradle-axis-title"}},
             title);
  }
  svg.Close("g");
}

}  // namespace cradle::charts
