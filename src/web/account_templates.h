// For account_routes.cc and admin_users_page.cc only: the compiled templates
// of the login and admin pages.
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>

#include "web/account_routes.h"

namespace cradle::web {

struct AccountRoutes::Templates {
  std::unique_ptr<kainjow::mustache::mustache> login;
  std::unique_ptr<kainjow::mustache::mustache> admin_users;
};

}  // namespace cradle::web
