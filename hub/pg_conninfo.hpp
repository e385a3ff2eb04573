// The --db value as a PostgreSQL connection string (libpq URI,
// postgresql://user:password@host:port/dbname?param=value): telling it from
// a SQLite file path, and a form of it safe to show, without the password.
#pragma once

#include <string>
#include <string_view>

namespace skm::hub {

// "postgresql://…" or "postgres://…" (any letter case in the scheme).
bool is_postgres_uri(std::string_view db);
// The URI with the password (user:PASSWORD@… and ?password=…) replaced by ***.
std::string redact_conninfo(std::string_view uri);
// `text` with every occurrence of the URI's password (as written and
// percent-decoded) replaced by ***: for libpq's own messages.
std::string scrub_password(std::string_view uri, std::string text);

}  // namespace skm::hub
