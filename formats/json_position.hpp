// Where in a JSON text something is, for messages people can act on: line and
// column of a byte offset, the value of a top-level key, and what a syntax
// error most likely is (a missing or trailing comma …) judged from the tokens
// before the place where the parser stopped. nlohmann::json gives only the
// byte offset of a parse error and no positions at all for a parsed value.
#pragma once

#include <cstddef>
#include <string_view>

namespace skm::formats {

struct TextPosition {
    std::size_t line = 1;    // 1-based
    std::size_t column = 1;  // 1-based, in characters (UTF-8 sequences), as editors count
};

// The position of byte `offset` (offset == size: just after the last character).
TextPosition position_at(std::string_view text, std::size_t offset);

// The byte offset where the value of `key` starts in the outermost object of
// a valid JSON text; npos when the key is not there.
std::size_t top_level_value_offset(std::string_view json_text, std::string_view key);

enum class JsonSyntaxKind {
    missing_comma,   // two values or members side by side
    trailing_comma,  // a comma right before } or ]
    truncated,       // the text ends before the JSON does
    other,
};

struct JsonSyntaxError {
    JsonSyntaxKind kind = JsonSyntaxKind::other;
    std::size_t offset = 0;  // where to look: the stray comma, or the token the parser stopped at
};

// `parser_byte` is nlohmann::json::parse_error::byte (1-based index of the
// last character the parser read).
JsonSyntaxError diagnose_json_syntax(std::string_view json_text, std::size_t parser_byte);

}  // namespace skm::formats
