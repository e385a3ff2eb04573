// The --db value as a PostgreSQL connection string (libpq URI,
// postgresql://user:password@host:port/dbname?param=value): telling it from
// a SQLite file path, and a form of it safe to show, without the password.
// What the string means is libpq's to say (PQconninfoParse), not ours.
#pragma once

#include <string>
#include <string_view>

namespace skm::hub {

// "postgresql://…" or "postgres://…" (any letter case in the scheme).
bool is_postgres_uri(std::string_view db);
// The URI as libpq reads it, with a password (user:PASSWORD@… or
// ?password=…) shown as user:***@; scheme://*** when libpq cannot read it.
std::string redact_conninfo(std::string_view uri);
// `text` with every occurrence of the URI's password (percent-decoded and
// encoded) replaced by ***: for libpq's own messages. When libpq cannot read
// the URI, every "quoted" part of the text (where libpq's message repeats
// the string) is replaced instead.
std::string scrub_password(std::string_view uri, std::string text);

}  // namespace skm::hub
