// GET and POST /l/<token>: the phone survey of a one-time link (#21). Open to
// anyone holding a valid link (the link is the permission; no session, no
// CSRF token: a forged form can only spend a link its sender already holds).
// Every request checks the link first (hub/link_check); a refused one gets a
// page that says why and stores nothing. The questions and answers are the
// questionnaire's the hub was started with (the kiosks' file), in the reader's
// language; the quality flags are the kiosk's (store::quality_flags); the
// answer is stored for the link's device and its kecamatan with origin=hub,
// channel=link, in one transaction with the link's use mark.
//
// Index: [timing] [form data] [reading the form] [pages]
#include "hub/link_check.hpp"
#include "hub/web/web_pages.hpp"

#include "formats/profile_options.hpp"
#include "formats/response.hpp"
#include "formats/response_csv_reader.hpp"
#include "formats/utf8.hpp"
#include "scoring/period.hpp"
#include "store/new_submission.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <stdexcept>

namespace skm::hub::web {
namespace {

constexpr std::string_view kPrefix = "/l/";

// ---- [timing] --------------------------------------------------------------------
// When the form was shown, carried by the form itself and authenticated with a
// key of this process, so a sender cannot claim to have read for longer than
// it did (the too_fast flag). A form from before a restart reads as too fast.

const std::array<unsigned char, crypto_auth_KEYBYTES>& timing_key() {
    static const auto key = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
        std::array<unsigned char, crypto_auth_KEYBYTES> k{};
        crypto_auth_keygen(k.data());
        return k;
    }();
    return key;
}

std::string timing_mac(const std::string& text) {
    std::array<unsigned char, crypto_auth_BYTES> mac{};
    crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), timing_key().data());
    std::string hex(mac.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    hex.pop_back();
    return hex;
}

std::string started_field(std::string_view link_id, std::int64_t now_ms) {
    const std::string text = std::to_string(now_ms) + "." + std::string(link_id);
    return std::to_string(now_ms) + "." + timing_mac(text);
}

// The moment (unix ms) the form was shown for this link, when the field is ours.
std::optional<std::int64_t> started_at(const std::optional<std::string>& field, std::string_view link_id) {
    if (!field) return std::nullopt;
    const auto dot = field->find('.');
    if (dot == std::string::npos) return std::nullopt;
    std::int64_t ms = 0;
    const auto [end, error] = std::from_chars(field->data(), field->data() + dot, ms);
    if (error != std::errc() || end != field->data() + dot) return std::nullopt;
    const std::string expected = timing_mac(field->substr(0, dot) + "." + std::string(link_id));
    const std::string given = field->substr(dot + 1);
    if (given.size() != expected.size() || sodium_memcmp(given.data(), expected.data(), given.size()) != 0) return std::nullopt;
    return ms;
}

std::int64_t unix_ms(const PageContext& c) { return scoring::unix_seconds(c.app.clock.wall_now()) * 1000; }

// ---- [form data] -------------------------------------------------------------------

struct Filled {
    std::string layanan;
    std::map<std::string, std::string> profile;  // field → code
    std::vector<std::uint8_t> answers;           // questionnaire order, 0 = not given
    std::string saran;
};

struct ProfileField {
    const char* name;
    std::span<const std::string_view> codes;
};

const std::array<ProfileField, 4>& profile_fields() {
    static const std::array<ProfileField, 4> fields{{{"jenis_kelamin", formats::kJenisKelamin},
                                                     {"umur", formats::kUmurBands},
                                                     {"pendidikan", formats::kPendidikan},
                                                     {"pekerjaan", formats::kPekerjaan}}};
    return fields;
}

// The layanan a link that names none offers: the kecamatan's published list, else those its responses name.
std::vector<std::string> offered_layanan(const PageContext& c, const Device& device) {
    if (const auto config = c.app.hub.published_config(device.kecamatan); config && !config->layanan.empty()) {
        return config->layanan;
    }
    return c.app.hub.kecamatan_layanan(device.kecamatan);
}

std::string path_of(std::string_view token) { return std::string(kPrefix) + std::string(token); }

DataList language_links(const PageContext& c, std::string_view token) {
    DataList langs;
    for (const auto lang : formats::kLanguages) {
        std::string label(lang);
        for (char& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        langs.push_back(Fields{{"href", path_of(token) + "?lang=" + std::string(lang)},
                               {"code", std::string(lang)},
                               {"label", label},
                               {"on", flag(c.t.lang() == lang)}});
    }
    return langs;
}

Data base_data(const PageContext& c, std::string_view token, const std::string& title) {
    Data data;
    data.set("lang", c.t.lang());
    data.set("title", title);
    data.set("stylesheet_version", c.app.assets.stylesheet_version());
    data.set("langs", language_links(c, token));
    data.set("message", flag(false));
    data.set("form", flag(false));
    return data;
}

WebResponse page(const PageContext& c, int status, const Data& data) {
    WebResponse r = html_response(status, c.app.assets.render("link_survey", data, c.t));
    r.headers.emplace_back("X-Robots-Tag", "noindex");
    return r;
}

WebResponse message_page(const PageContext& c, std::string_view token, int status, const std::string& key) {
    Data data = base_data(c, token, c.t.text(key + ".title"));
    data.set("message", Fields{{"heading", c.t.text(key + ".title")}, {"body", c.t.text(key + ".body")}});
    return page(c, status, data);
}

WebResponse form_page(const PageContext& c, const CheckedLink& link, std::string_view token, const Filled& filled,
                      const std::string& error, int status) {
    const auto& lang = c.t.lang();
    Fields form;
    form.emplace("action", path_of(token));
    form.emplace("started", started_field(link.claims.link_id, unix_ms(c)));
    form.emplace("office", c.t.format("link.office", {{"kecamatan", link.device.kecamatan}}));
    form.emplace("error", error.empty() ? flag(false) : Data(error));
    form.emplace("layanan_fixed", link.claims.layanan.empty() ? flag(false) : Data(link.claims.layanan));
    form.emplace("layanan_choices", flag(false));
    form.emplace("layanan_free", flag(false));
    if (link.claims.layanan.empty()) {
        const auto offered = offered_layanan(c, link.device);
        if (offered.empty()) {
            form["layanan_free"] = flag(true);
            form.emplace("layanan_value", filled.layanan);
        } else {
            DataList choices;
            for (const auto& name : offered) choices.push_back(Fields{{"value", name}, {"checked", flag(filled.layanan == name)}});
            form["layanan_choices"] = choices;
        }
    }
    DataList questions;
    const auto& unsur = c.app.questionnaire.unsur;
    for (std::size_t i = 0; i < unsur.size(); ++i) {
        const auto& u = unsur[i];
        const auto question = u.question.count(lang) ? u.question.at(lang) : u.question.at("id");
        const auto& labels = u.answers.count(lang) ? u.answers.at(lang) : u.answers.at("id");
        DataList answers;
        for (int value = 1; value <= 4; ++value) {
            answers.push_back(Fields{{"name", "q_" + u.code},
                                     {"value", std::to_string(value)},
                                     {"label", labels[static_cast<std::size_t>(value - 1)]},
                                     {"checked", flag(i < filled.answers.size() && filled.answers[i] == value)}});
        }
        questions.push_back(Fields{{"n", std::to_string(i + 1)}, {"text", question}, {"answers", answers}});
    }
    form.emplace("questions", questions);
    DataList profile;
    for (const auto& field : profile_fields()) {
        const auto chosen = filled.profile.count(field.name) ? filled.profile.at(field.name) : std::string();
        DataList options;
        for (const auto code : field.codes) {
            options.push_back(Fields{{"name", std::string(field.name)},
                                     {"value", std::string(code)},
                                     {"label", c.t.text("kiosk.value." + std::string(code))},
                                     {"checked", flag(chosen == code)}});
        }
        // Answering is never required: "Tidak menjawab" is an answer too.
        options.push_back(Fields{{"name", std::string(field.name)},
                                 {"value", ""},
                                 {"label", c.t.text("kiosk.profile.skip")},
                                 {"checked", flag(chosen.empty())}});
        profile.push_back(Fields{{"title", c.t.text("kiosk.profile." + std::string(field.name))}, {"options", options}});
    }
    form.emplace("profile", profile);
    form.emplace("saran", filled.saran);
    Data data = base_data(c, token, c.t.text("kiosk.welcome.title"));
    data.set("form", form);
    return page(c, status, data);
}

// ---- [reading the form] ------------------------------------------------------------

bool plain_text(std::string_view text, std::size_t max_bytes) {
    return text.size() <= max_bytes && !formats::first_invalid_utf8(text) && text.find('\0') == std::string_view::npos;
}

// The form as sent, and the catalog key of what is missing or wrong ("" when it can be stored).
std::string read_form(const PageContext& c, const CheckedLink& link, Filled& filled) {
    const WebRequest& req = c.request;
    std::string problem;
    const auto& unsur = c.app.questionnaire.unsur;
    filled.answers.assign(unsur.size(), 0);
    for (std::size_t i = 0; i < unsur.size(); ++i) {
        const auto value = req.param("q_" + unsur[i].code);
        if (value && value->size() == 1 && (*value)[0] >= '1' && (*value)[0] <= '4') {
            filled.answers[i] = static_cast<std::uint8_t>((*value)[0] - '0');
        } else {
            problem = "link.answer_every_question";
        }
    }
    for (const auto& field : profile_fields()) {
        const std::string value = req.param(field.name).value_or("");
        // formats::empty_or_in_vocabulary's rule, over the field's vocabulary as a span.
        const bool known = value.empty() || std::find(field.codes.begin(), field.codes.end(), value) != field.codes.end();
        if (known) filled.profile[field.name] = value;
        else problem = "link.bad_form";
    }
    filled.saran = req.param("saran").value_or("");
    // What a browser sends for a textarea's line breaks: kept as the kiosk keeps them, "\n".
    filled.saran.erase(std::remove(filled.saran.begin(), filled.saran.end(), '\r'), filled.saran.end());
    if (!plain_text(filled.saran, formats::kMaxSaranBytes)) {
        filled.saran.clear();
        problem = "link.bad_form";
    }
    if (!link.claims.layanan.empty()) {
        filled.layanan = link.claims.layanan;
    } else {
        filled.layanan = req.param("layanan").value_or("");
        const auto offered = offered_layanan(c, link.device);
        const bool ok = offered.empty() ? !filled.layanan.empty() && plain_text(filled.layanan, formats::kMaxShortFieldBytes)
                                        : std::find(offered.begin(), offered.end(), filled.layanan) != offered.end();
        if (!ok) {
            filled.layanan.clear();
            problem = "link.choose_layanan";
        }
    }
    return problem;
}

store::Submission link_submission(const PageContext& c, const CheckedLink& link, const Filled& filled) {
    store::SurveyAnswers answers;
    answers.layanan = filled.layanan;
    answers.jenis_kelamin = filled.profile.at("jenis_kelamin");
    answers.umur = filled.profile.at("umur");
    answers.pendidikan = filled.profile.at("pendidikan");
    answers.pekerjaan = filled.profile.at("pekerjaan");
    answers.answers = filled.answers;
    answers.saran = filled.saran;
    const std::int64_t now_ms = unix_ms(c);
    const auto started = started_at(c.request.param("started"), link.claims.link_id);
    const std::int64_t duration = started ? std::max<std::int64_t>(0, now_ms - *started) : 0;

    store::Submission s;
    formats::Response& r = s.response;
    r.response_id = link_response_id(link.claims);
    r.submitted_at = store::iso8601(c.app.clock.wall_now());
    r.layanan = answers.layanan;
    r.jenis_kelamin = answers.jenis_kelamin;
    r.umur = answers.umur;
    r.pendidikan = answers.pendidikan;
    r.pekerjaan = answers.pekerjaan;
    r.answers = answers.answers;
    r.saran = answers.saran;
    r.flags = store::quality_flags(answers, duration, store::QualityRules{});
    r.device_id = link.device.device_id;
    // Collected by the hub, answered on the citizen's own phone.
    r.origin = "hub";
    r.channel = "link";
    r.questionnaire_version = std::to_string(c.app.questionnaire.version);
    s.questionnaire_id = c.app.questionnaire.id;
    if (started) s.duration_ms = duration;
    return s;
}

}  // namespace

// ---- [pages] -----------------------------------------------------------------------

bool is_link_survey_path(std::string_view path) { return path.size() > kPrefix.size() && path.substr(0, kPrefix.size()) == kPrefix; }

WebResponse link_survey(const PageContext& c) {
    const std::string token = c.request.path.substr(kPrefix.size());
    const auto checked = check_link(c.app.hub, token, scoring::unix_seconds(c.app.clock.wall_now()));
    if (const auto* refusal = std::get_if<LinkRefusal>(&checked)) {
        switch (*refusal) {
            case LinkRefusal::used: return message_page(c, token, 200, "link.used");
            case LinkRefusal::expired: return message_page(c, token, 410, "link.expired");
            case LinkRefusal::revoked: return message_page(c, token, 410, "link.revoked");
            case LinkRefusal::invalid: break;
        }
        return message_page(c, token, 404, "link.invalid");
    }
    const auto& link = std::get<CheckedLink>(checked);
    if (c.request.method != "POST") return form_page(c, link, token, Filled{}, "", 200);

    Filled filled;
    if (const std::string problem = read_form(c, link, filled); !problem.empty()) {
        return form_page(c, link, token, filled, c.t.text(problem), 400);
    }
    const store::Submission answer = link_submission(c, link, filled);
    const auto result = c.app.hub.store_link_answer(link.device, link.claims.link_id, answer, answer.response.submitted_at);
    if (result == LinkAnswerResult::already_used) return message_page(c, token, 200, "link.used");
    return message_page(c, token, 200, "link.thanks");
}

}  // namespace skm::hub::web
