#include "stats/polarity.h"

#include <string>

namespace cradle::stats {
namespace {

constexpr Polarity kAll[] = {Polarity::kLowIsGood, Polarity::kHighIsGood, Polarity::kBlueOrangeBlue,
                             Polarity::kNotApplicable};

}  // namespace

std::string_view PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kLowIsGood:
      return "RAG - Low is good";
    case Polarity::kHighIsGood:
      return "RAG - High is good";
    case Polarity::kBlueOrangeBlue:
      return "BOB";
    case Polarity::kNotApplicable:
      return "Not applicable";
  }
  return "Unknown";
}

Result<Polarity> ParsePolarity(std::string_view name) {
  for (Polarity polarity : kAll) {
    if (PolarityName(polarity) == name) return polarity;
  }
  return Status::InvalidArgument("unknown polarity '" + std::string(name) +
                                 "'; expected one of 'RAG - Low is good', 'RAG - High is good', "
                                 "'BOB', 'Not applicable'");
}

}  // namespace cradle::stats
