#include "hotspots/window_statistic.h"

#include <cmath>
#include <limits>

namespace cradle::hotspots {

WindowStatistic::WindowStatistic(ScanModel model, RateDirection direction, int64_t total_cases,
                                 double total_population, int64_t min_high_cases)
    : model_(model),
      direction_(direction),
      total_cases_(total_cases),
      total_measure_(model == ScanModel::kPoisson ? static_cast<double>(total_cases)
                                                  : total_population),
      scale_(model == ScanModel::kPoisson ? static_cast<double>(total_cases) / total_population
                                          : 1.0),
      min_high_cases_(min_high_cases) {}

double WindowStatistic::RawLlr(double c, double u) const {
  return model_ == ScanModel::kPoisson
             ? PoissonLlr(c, u, static_cast<double>(total_cases_))
             : BernoulliLlr(c, u, static_cast<double>(total_cases_), total_measure_);
}

double WindowStatistic::Llr(int64_t c, double u) const {
  if (IsHighWindow(c, u)) {
    if (!high() || c < min_high_cases_) return 0;
  } else {
    bool outside_rate_higher =
        static_cast<double>(c) * total_measure_ < u * static_cast<double>(total_cases_);
    if (!low() || !outside_rate_higher) return 0;
  }
  return RawLlr(static_cast<double>(c), u);
}

namespace {

// Bisection for the measure u in [lo, hi] where a monotone score crosses
// `threshold`; `rising` says whether the score rises with u. Returns the end
// of the bracket on the side that still reaches the threshold.
template <typename Score>
double Crossing(Score score, double lo, double hi, double threshold, bool rising) {
  for (int i = 0; i < 200 && hi - lo > 1e-12 * std::max(1.0, hi); ++i) {
    double mid = 0.5 * (lo + hi);
    bool reaches = score(mid) >= threshold;
    if (reaches != rising) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return rising ? lo : hi;
}

}  // namespace

std::vector<float> WindowStatistic::HighLimits(double threshold) const {
  std::vector<float> limits(static_cast<size_t>(total_cases_) + 1, -1.0f);
  double total_cases = static_cast<double>(total_cases_);
  for (int64_t c = std::max<int64_t>(min_high_cases_, 1); c <= total_cases_; ++c) {
    double cases = static_cast<double>(c);
    // High-rate windows have u below c * N / C; Bernoulli windows hold at
    // least their c cases.
    double hi = cases * total_measure_ / total_cases;
    double lo = model_ == ScanModel::kPoisson ? 0.0 : cases;
    if (threshold <= 0) {
      limits[c] = std::nextafter(static_cast<float>(hi), std::numeric_limits<float>::infinity());
      continue;
    }
    if (lo >= hi) continue;
    auto score = [&](double u) { return RawLlr(cases, u); };
    double at_lo =
        model_ == ScanModel::kPoisson ? std::numeric_limits<double>::infinity() : score(lo);
    if (at_lo < threshold) continue;
    // The score falls with u: the limit is the last u that still reaches it;
    // widened by a relative 1e-9 and rounded up so rounding never drops a
    // window the exact score would keep.
    double limit = Crossing(score, lo, hi, threshold, /*rising=*/false);
    limit = limit * (1 + 1e-9) + 1e-12;
    limits[c] = std::nextafter(static_cast<float>(limit), std::numeric_limits<float>::infinity());
  }
  return limits;
}

std::vector<float> WindowStatistic::LowLimits(double threshold) const {
  float none = std::numeric_limits<float>::infinity();
  std::vector<float> limits(static_cast<size_t>(total_cases_) + 1, none);
  double total_cases = static_cast<double>(total_cases_);
  for (int64_t c = 0; c < total_cases_; ++c) {
    double cases = static_cast<double>(c);
    double lo = cases * total_measure_ / total_cases;  // low-rate windows lie above
    double hi =
        model_ == ScanModel::kPoisson ? total_cases : total_measure_ - (total_cases - cases);
    if (threshold <= 0) {
      limits[c] = std::nextafter(static_cast<float>(lo), -none);
      continue;
    }
    if (lo >= hi) continue;
    auto score = [&](double u) { return RawLlr(cases, u); };
    if (score(hi) < threshold) continue;
    double limit = Crossing(score, lo, hi, threshold, /*rising=*/true);
    limit = limit * (1 - 1e-9) - 1e-12;
    limits[c] = std::nextafter(static_cast<float>(limit), -none);
  }
  return limits;
}

}  // namespace cradle::hotspots
