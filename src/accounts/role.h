// The roles a person can have in Cradle, by need to know (DOMAIN.md §6):
// the public sees published aggregates and has no login; practitioners see
// their own organisation's assessments and referrals; analysts see
// pseudonymised records; CDOP members see the child death review layer;
// admins manage users. What each role may do is decided where the data is
// served; this unit only names them.
#pragma once

#include <string_view>

#include "base/result.h"

namespace cradle::accounts {

enum class Role { kPublic, kPractitioner, kAnalyst, kCdopMember, kAdmin };

// "public", "practitioner", "analyst", "cdop_member", "admin".
std::string_view RoleName(Role role);

// The role named `name` (any case). InvalidArgument naming the roles if none.
Result<Role> ParseRole(std::string_view name);

}  // namespace cradle::accounts
