#include "formats/json_position.hpp"

#include "formats/utf8.hpp"

#include <algorithm>
#include <vector>

namespace skm::formats {
namespace {

enum class TokenType { open, close, colon, comma, string, bare };

struct Token {
    TokenType type;
    std::size_t start;
    std::size_t end;  // one past; for an unterminated string, the text's end
    bool key = false;  // a string naming an object member
    int depth = 0;     // containers open around the token (the outermost object's members: 1)
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_structural(char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','; }

// The tokens of `text` as a JSON lexer sees them, with object keys marked.
// Tolerant: it never fails, so it also reads the part of a broken text
// before the error.
std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> tokens;
    std::vector<char> containers;  // '{' or '['
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        Token t{TokenType::bare, i, i + 1};
        if (c == '{' || c == '[') {
            t.type = TokenType::open;
            t.depth = static_cast<int>(containers.size());
            containers.push_back(c);
        } else if (c == '}' || c == ']') {
            t.type = TokenType::close;
            if (!containers.empty()) containers.pop_back();
            t.depth = static_cast<int>(containers.size());
        } else if (c == ':' || c == ',') {
            t.type = c == ':' ? TokenType::colon : TokenType::comma;
            t.depth = static_cast<int>(containers.size());
        } else if (c == '"') {
            t.type = TokenType::string;
            std::size_t j = i + 1;
            while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
            t.end = std::min(j + 1, text.size());
            t.depth = static_cast<int>(containers.size());
            const bool in_object = !containers.empty() && containers.back() == '{';
            const bool after_open_or_comma =
                !tokens.empty() && (tokens.back().type == TokenType::comma || tokens.back().type == TokenType::open);
            t.key = in_object && after_open_or_comma;
        } else {
            std::size_t j = i;
            while (j < text.size() && !is_space(text[j]) && !is_structural(text[j]) && text[j] != '"') ++j;
            t.end = j;
            t.depth = static_cast<int>(containers.size());
        }
        tokens.push_back(t);
        i = t.end;
    }
    return tokens;
}

bool ends_a_value(const Token& t) {
    return t.type == TokenType::close || t.type == TokenType::bare || (t.type == TokenType::string && !t.key);
}

bool starts_a_value(const Token& t) {
    return t.type == TokenType::open || t.type == TokenType::bare || t.type == TokenType::string;
}

}  // namespace

TextPosition position_at(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, std::min(offset, text.size()));
    const std::size_t line_start = before.rfind('\n');  // npos + 1 == 0: the first line
    TextPosition p;
    p.line += static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    p.column += utf8_width(before.substr(line_start + 1));
    return p;
}

std::size_t top_level_value_offset(std::string_view json_text, std::string_view key) {
    const auto tokens = tokens_of(json_text);
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!t.key || t.depth != 1 || t.end - t.start < 2) continue;
        if (json_text.substr(t.start + 1, t.end - t.start - 2) != key) continue;
        if (tokens[i + 1].type != TokenType::colon) continue;
        return tokens[i + 2].start;
    }
    return std::string_view::npos;
}

JsonSyntaxError diagnose_json_syntax(std::string_view json_text, std::size_t parser_byte) {
    // The last character the parser read, 0-based.
    const std::size_t stop = parser_byte == 0 ? 0 : parser_byte - 1;
    if (stop >= json_text.size()) return {JsonSyntaxKind::truncated, json_text.size()};
    const auto tokens = tokens_of(json_text);
    std::size_t failing = 0;  // the last token starting at or before `stop`
    while (failing + 1 < tokens.size() && tokens[failing + 1].start <= stop) ++failing;
    if (tokens.empty()) return {JsonSyntaxKind::truncated, json_text.size()};
    const Token& bad = tokens[failing];
    if (bad.type == TokenType::string && bad.end == json_text.size() && json_text.back() != '"') {
        return {JsonSyntaxKind::truncated, json_text.size()};  // a string never closed
    }
    if (failing > 0) {
        const Token& before = tokens[failing - 1];
        if (before.type == TokenType::comma && bad.type == TokenType::close) {
            return {JsonSyntaxKind::trailing_comma, before.start};
        }
        if (ends_a_value(before) && starts_a_value(bad)) return {JsonSyntaxKind::missing_comma, bad.start};
    }
    return {JsonSyntaxKind::other, bad.start};
}

}  // namespace skm::formats
