// Index: [context] [loading] [rendering]
#include "hub/web/web_assets.hpp"

#include "formats/file_content.hpp"
#include "hub/web/html.hpp"
#include "scoring/problem.hpp"

#include <cstdint>
#include <cstdio>

namespace skm::hub::web {
namespace {

namespace mustache = kainjow::mustache;

// ---- [context] -----------------------------------------------------------------

// A page or template asked for a template the assets do not have: a defect of this program.
Error missing(std::string_view name) {
    return Error(ErrorKind::internal, Problem{"file.unreadable", {{"file", std::string(name) + ".mustache"}, {"reason", "missing"}}});
}

// The page's data, plus what every template may name without being given it:
// {{t.KEY}} (the catalog's text, escaped like any value) and {{> name}}
// (another template). One per rendering: the texts it hands out live here.
class TemplateContext : public mustache::basic_context<std::string> {
public:
    TemplateContext(const Data& data, const formats::Catalog& texts,
                    const std::map<std::string, std::string, std::less<>>& templates, std::string_view content)
        : data_(&data), texts_(texts), templates_(templates), content_(content) {}

    void push(const Data* data) override { data_.push(data); }
    void pop() override { data_.pop(); }

    const Data* get(const std::string& name) const override {
        if (name.rfind("t.", 0) == 0) {
            const auto [it, added] = texts_used_.try_emplace(name, std::string());
            if (added) it->second = Data(texts_.text(std::string_view(name).substr(2)));
            return &it->second;
        }
        return data_.get(name);
    }

    const Data* get_partial(const std::string& name) const override {
        // {{> content}}: the page the layout frames.
        const auto found = templates_.find(name == "content" ? content_ : std::string_view(name));
        if (found == templates_.end()) throw missing(name == "content" ? content_ : std::string_view(name));
        const auto [it, added] = partials_used_.try_emplace(name, std::string());
        if (added) it->second = Data(found->second);
        return &it->second;
    }

private:
    mustache::context<std::string> data_;
    const formats::Catalog& texts_;
    const std::map<std::string, std::string, std::less<>>& templates_;
    std::string_view content_;
    mutable std::map<std::string, Data> texts_used_;
    mutable std::map<std::string, Data> partials_used_;
};

Error unreadable(const std::filesystem::path& file, const std::string& reason) {
    return Error(ErrorKind::input, Problem{"file.unreadable", {{"file", file.string()}, {"reason", reason}}});
}

// A short fingerprint of the stylesheet (FNV-1a): stable across runs, unlike std::hash.
std::string fingerprint(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

}  // namespace

// ---- [loading] -----------------------------------------------------------------

WebAssets::WebAssets(const std::filesystem::path& web_dir) {
    const auto dir = web_dir / "templates";
    std::error_code error;
    for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() != ".mustache") continue;
        std::string text = formats::read_text_file(it->path());
        const mustache::mustache parsed(text);
        if (!parsed.is_valid()) throw unreadable(it->path(), parsed.error_message());
        templates_.emplace(it->path().stem().string(), std::move(text));
    }
    if (error) throw unreadable(dir, error.message());
    if (!has("layout")) throw unreadable(dir / "layout.mustache", "missing");
    stylesheet_ = formats::read_text_file(web_dir / "dashboard.css");
    stylesheet_version_ = fingerprint(stylesheet_);
}

// ---- [rendering] ---------------------------------------------------------------

std::string WebAssets::render(std::string_view name, const Data& data, const formats::Catalog& texts) const {
    return render_with(name, data, texts, "");
}

std::string WebAssets::page(std::string_view content, const Data& data, const formats::Catalog& texts) const {
    if (!has(content)) throw missing(content);
    return render_with("layout", data, texts, content);
}

std::string WebAssets::render_with(std::string_view name, const Data& data, const formats::Catalog& texts,
                                   std::string_view content) const {
    const auto found = templates_.find(name);
    if (found == templates_.end()) throw missing(name);
    // Parsed for each page: a parsed template is not safe to share between
    // the server's threads, and parsing a few kilobytes is nothing next to
    // the page's queries.
    mustache::mustache parsed(found->second);
    parsed.set_custom_escape([](const std::string& text) { return esc(text); });
    TemplateContext context(data, texts, templates_, content);
    std::string html = parsed.render(context);
    if (!parsed.is_valid()) {
        throw Error(ErrorKind::internal,
                    Problem{"file.unreadable", {{"file", found->first + ".mustache"}, {"reason", parsed.error_message()}}});
    }
    return html;
}

}  // namespace skm::hub::web
