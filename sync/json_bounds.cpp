#include "sync/json_bounds.hpp"

#include <nlohmann/json.hpp>

#include <iterator>
#include <string>
#include <vector>

namespace skm::sync {
namespace {

using nlohmann::json;

// The body as nlohmann's lexer reads it, one byte at a time, ended early
// once a single token (a text in quotes, a number, a word) grows past
// max_token_bytes: the lexer holds a whole token in memory before the SAX
// handler sees it, so without the cut an 8 MiB text would cost 8 MiB and more
// before it could be refused. Whitespace between tokens is not held and is
// not counted. Whether a byte is inside a text follows from the quotes and
// backslashes alone, exactly as JSON defines it.
class TokenCappedInput {
public:
    TokenCappedInput(std::string_view body, std::size_t max_token_bytes)
        : next_(body.data()), end_(body.data() + body.size()), max_token_bytes_(max_token_bytes) {}

    bool at_end() const { return next_ == end_ || cut_; }
    char peek() const { return *next_; }
    void advance() { track(*next_++); }
    bool cut() const { return cut_; }

private:
    void track(char c) {
        if (in_text_) {
            ++token_bytes_;
            if (escaped_) {
                escaped_ = false;
            } else if (c == '\\') {
                escaped_ = true;
            } else if (c == '"') {
                in_text_ = false;
                token_bytes_ = 0;
            }
        } else if (c == '"') {
            in_text_ = true;
            token_bytes_ = 1;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '{' || c == '}' || c == '[' || c == ']' ||
                   c == ',' || c == ':') {
            token_bytes_ = 0;
        } else {
            ++token_bytes_;
        }
        if (token_bytes_ > max_token_bytes_) cut_ = true;
    }

    const char* next_;
    const char* end_;
    std::size_t max_token_bytes_;
    std::size_t token_bytes_ = 0;
    bool in_text_ = false;
    bool escaped_ = false;
    bool cut_ = false;
};

// What nlohmann's iterator input adapter needs: *it, ++it and it != end.
class CappedIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    CappedIterator() = default;  // the end
    explicit CappedIterator(TokenCappedInput& input) : input_(&input) {}

    char operator*() const { return input_->peek(); }
    CappedIterator& operator++() {
        input_->advance();
        return *this;
    }
    friend bool operator==(const CappedIterator& a, const CappedIterator& b) { return a.done() == b.done(); }

private:
    bool done() const { return input_ == nullptr || input_->at_end(); }
    TokenCappedInput* input_ = nullptr;
};

// Counts values and depth and measures texts as the parser meets them,
// keeping only the path from the outermost object to the current value.
// Returning false stops the parse there.
class BoundsCheck {
public:
    explicit BoundsCheck(const JsonBounds& bounds) : bounds_(bounds) {}

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number_integer(json::number_integer_t) { return scalar(); }
    bool number_unsigned(json::number_unsigned_t) { return scalar(); }
    bool number_float(json::number_float_t, const json::string_t&) { return scalar(); }
    bool string(json::string_t& text) { return scalar(text.size()); }
    bool binary(json::binary_t&) { return scalar(); }  // never met in JSON text
    bool start_object(std::size_t) { return open(false); }
    bool key(json::string_t& name) {
        if (name.size() > bounds_.max_string_bytes) return too_complex(path(false));
        frames_.back().key = name;
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(true); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string&, const json::exception&) { return false; }

    const std::optional<ProtocolError>& refusal() const { return refusal_; }
    // Where the value being read when the input was cut off lies.
    std::string where_next() const { return path(true); }

private:
    struct Frame {
        bool array = false;
        std::size_t values = 0;  // in an array: its values met so far, the current one included
        std::string key;         // in an object: the key of the current value ("" between values)
    };

    bool scalar(std::size_t text_bytes = 0) {
        if (frames_.empty()) return not_an_object();
        if (!count()) return false;
        if (text_bytes > bounds_.max_string_bytes) return too_complex(path(false));
        finished_value();
        return true;
    }
    bool open(bool array) {
        if (frames_.empty() && array) return not_an_object();
        if (!count()) return false;
        if (frames_.size() + 1 > bounds_.max_depth) return too_complex(path(false));
        frames_.push_back({array, 0, {}});
        return true;
    }
    bool close() {
        frames_.pop_back();
        finished_value();
        return true;
    }
    bool count() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().values;
        if (++values_ > bounds_.max_values) return too_complex(path(false));
        return true;
    }
    void finished_value() {
        if (!frames_.empty() && !frames_.back().array) frames_.back().key.clear();
    }

    // "responses[3].answers.persyaratan": as the decoders name a field.
    // `next`: the innermost array's value not yet counted (the input was cut inside it).
    std::string path(bool next) const {
        std::string out;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& frame = frames_[i];
            if (frame.array) {
                const bool innermost = i + 1 == frames_.size();
                out += "[" + std::to_string(innermost && next ? frame.values : frame.values - 1) + "]";
            } else if (!frame.key.empty()) {
                out += (out.empty() ? "" : ".") + frame.key;
            }
        }
        return out;
    }

    bool too_complex(std::string where) {
        refusal_ = ProtocolError{"protocol.too_complex", std::move(where)};
        return false;
    }
    bool not_an_object() {
        refusal_ = ProtocolError{"protocol.not_json", ""};
        return false;
    }

    const JsonBounds& bounds_;
    std::vector<Frame> frames_;
    std::size_t values_ = 0;
    std::optional<ProtocolError> refusal_;
};

}  // namespace

std::optional<ProtocolError> check_json_bounds(std::string_view body, const JsonBounds& bounds) {
    // The longest token within bounds: a text of max_string_bytes with every
    // byte written as an escape (\u0001: six bytes for one), in its quotes.
    TokenCappedInput input(body, 6 * bounds.max_string_bytes + 2);
    BoundsCheck check(bounds);
    const bool complete = json::sax_parse(CappedIterator(input), CappedIterator(), &check);
    if (check.refusal()) return check.refusal();
    if (input.cut()) return ProtocolError{"protocol.too_complex", check.where_next()};
    if (!complete) return ProtocolError{"protocol.not_json", ""};
    return std::nullopt;
}

}  // namespace skm::sync
