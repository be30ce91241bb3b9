// The inference layer fed with SaTScan's own 999 simulated maxima of the NY
// 50% run (ny_sim_llr.csv) gives SaTScan's printed p-values exactly.
#include "hotspots/p_values.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace cradle::hotspots {
namespace {

std::vector<double> SatscanSimulations() {
  std::ifstream in(std::string(CRADLE_SCAN_TESTDATA) +
                   "/ny_leukemia/satscan_v9_output/ny_sim_llr.csv");
  std::string line;
  std::getline(in, line);  // "LLR"
  std::vector<double> values;
  while (std::getline(in, line)) values.push_back(std::stod(line));
  return values;
}

TEST(PValuesTest, MonteCarloRanksMatchSatscan) {
  std::vector<double> sims = SatscanSimulations();
  ASSERT_EQ(sims.size(), 999u);
  EXPECT_EQ(MonteCarloRank(9.0197162738, sims), 16);
  EXPECT_DOUBLE_EQ(MonteCarloPValue(9.0197162738, sims), 0.016);
  EXPECT_DOUBLE_EQ(MonteCarloPValue(6.1141396123, sims), 0.248);
  EXPECT_DOUBLE_EQ(MonteCarloPValue(4.6518385597, sims), 0.645);
  EXPECT_DOUBLE_EQ(MonteCarloPValue(3.363518, sims), 0.965);
  EXPECT_DOUBLE_EQ(MonteCarloPValue(3.209485, sims), 0.982);
  EXPECT_EQ(MonteCarloRank(14.0835106523, sims), 1);
}

TEST(PValuesTest, GumbelMatchesSatscan) {
  GumbelFit fit = FitGumbel(SatscanSimulations());
  // SaTScan's 0.00014773594879558, to 1 part in 10^10 (the sums' order
  // differs in the last digits).
  EXPECT_NEAR(fit.PValue(14.0835106523), 0.00014773594879558, 1e-14);
}

TEST(PValuesTest, ToleranceCountsNearEqualMaximaAsEqual) {
  std::vector<double> sims = {1.0, 2.0 + 5e-10, 3.0};
  EXPECT_EQ(MonteCarloRank(2.0, sims), 3);
  EXPECT_EQ(MonteCarloRank(2.0 + 2e-9, sims), 2);
}

}  // namespace
}  // namespace cradle::hotspots
