#include "accounts/role.h"

#include <string>

#include "base/strings.h"

namespace cradle::accounts {
namespace {

constexpr Role kRoles[] = {Role::kPublic, Role::kPractitioner, Role::kAnalyst, Role::kCdopMember,
                           Role::kAdmin};

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPublic:
      return "public";
    case Role::kPractitioner:
      return "practitioner";
    case Role::kAnalyst:
      return "analyst";
    case Role::kCdopMember:
      return "cdop_member";
    case Role::kAdmin:
      return "admin";
  }
  return "public";
}

Result<Role> ParseRole(std::string_view name) {
  std::string lower = ToLower(Trim(name));
  for (Role role : kRoles) {
    if (RoleName(role) == lower) return role;
  }
  return Status::InvalidArgument("unknown role '" + std::string(name) +
                                 "': expected public, practitioner, analyst, cdop_member or admin");
}

}  // namespace cradle::accounts
