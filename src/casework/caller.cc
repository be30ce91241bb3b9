#include "casework/caller.h"

namespace cradle::casework {

Status CheckPractitioner(const Caller& caller, std::string_view doing) {
  const accounts::User& user = caller.user;
  if (user.disabled) {
    return Status::PermissionDenied("user " + user.username + " is disabled and cannot " +
                                    std::string(doing));
  }
  if (user.role != accounts::Role::kPractitioner) {
    return Status::PermissionDenied("only practitioners can " + std::string(doing) + ": " +
                                    user.username + " is " +
                                    std::string(accounts::RoleName(user.role)));
  }
  if (user.organisation.empty()) {
    return Status::PermissionDenied("user " + user.username +
                                    " belongs to no organisation and cannot " + std::string(doing));
  }
  return Status::Ok();
}

audit::Actor ActorOf(const Caller& caller) { return accounts::ActorOf(caller.user, caller.source); }

}  // namespace cradle::casework
