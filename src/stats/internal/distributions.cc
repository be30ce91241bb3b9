#include "stats/internal/distributions.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace cradle::stats::internal {
namespace {

namespace policies = boost::math::policies;

// Errors become NaN/inf plus errno rather than exceptions: the library promises
// no exceptions, and every caller has validated its arguments already.
using NoThrow = policies::policy<policies::domain_error<policies::errno_on_error>,
                                 policies::pole_error<policies::errno_on_error>,
                                 policies::overflow_error<policies::errno_on_error>,
                                 policies::underflow_error<policies::ignore_error>,
                                 policies::evaluation_error<policies::errno_on_error>,
                                 policies::rounding_error<policies::errno_on_error>,
                                 policies::indeterminate_result_error<policies::ignore_error>>;

}  // namespace

double NormalQuantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double, NoThrow>(0.0, 1.0), p);
}

double GammaPInverse(double a, double p) { return boost::math::gamma_p_inv(a, p, NoThrow()); }

double GammaQInverse(double a, double q) { return boost::math::gamma_q_inv(a, q, NoThrow()); }

double BetaInverse(double a, double b, double p) {
  return boost::math::ibeta_inv(a, b, p, NoThrow());
}

double BetaComplementInverse(double a, double b, double q) {
  return boost::math::ibetac_inv(a, b, q, NoThrow());
}

double StudentTQuantile(double degrees_of_freedom, double p) {
  return boost::math::quantile(
      boost::math::students_t_distribution<double, NoThrow>(degrees_of_freedom), p);
}

}  // namespace cradle::stats::internal
