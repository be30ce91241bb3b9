#include "accounts/nhs_number.h"

namespace cradle::accounts {

Result<std::string> ParseNhsNumber(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') {
      return Status::InvalidArgument("an NHS number is ten digits, with no other characters");
    }
    digits += c;
  }
  if (digits.size() != 10) {
    return Status::InvalidArgument("an NHS number has 10 digits (this one has " +
                                   std::to_string(digits.size()) + ")");
  }
  // Weights 10 down to 2 on the first nine digits; the check digit is 11 minus
  // the remainder mod 11, with 11 meaning 0 and 10 meaning no valid number.
  int sum = 0;
  for (int idx = 0; idx < 9; ++idx) sum += (digits[idx] - '0') * (10 - idx);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10 || check != digits[9] - '0') {
    return Status::InvalidArgument("the NHS number's check digit is wrong (Modulus 11)");
  }
  return digits;
}

}  // namespace cradle::accounts
