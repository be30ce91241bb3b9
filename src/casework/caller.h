// Who is asking: a logged-in user and where they act from. Casework (the
// assessments and referrals of families) is for practitioners only, and
// each practitioner sees only what their own organisation made or received
// (DOMAIN.md §6: need to know); the organisation always comes from the
// caller's account, never from a request.
#pragma once

#include <string>
#include <string_view>

#include "accounts/user.h"
#include "audit/event.h"
#include "base/result.h"

namespace cradle::casework {

struct Caller {
  accounts::User user;
  std::string source;  // the client's address, or "cli"
};

// OK for an enabled practitioner with an organisation; PermissionDenied
// naming the user and `doing` ("record an assessment") otherwise.
Status CheckPractitioner(const Caller& caller, std::string_view doing);

audit::Actor ActorOf(const Caller& caller);

}  // namespace cradle::casework
