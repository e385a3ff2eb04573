// The three languages side by side: a key missing from a language, or a text
// identical to another language's where it should be translated, is flagged.
// Identical is allowed only for language-neutral texts — numbers, codes and
// proper nouns in the allow-list below — and for the few keys listed with
// their reason. Keys starting with "_" are notes (jv.json's "_source", the
// references its krama was reviewed against), not texts.
#include "formats/catalog.hpp"
#include "formats/questionnaire.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace skm::formats {
namespace {

const std::filesystem::path kSourceDir = SKM_SOURCE_DIR;
const std::filesystem::path kI18nDir = kSourceDir / "assets" / "i18n";

// Codes, abbreviations and proper nouns that read the same in every language,
// and loanwords Indonesian, English and Javanese share.
const std::set<std::string> kNeutralWords = {
    // official codes and abbreviations
    "IKM", "SKM", "NRR", "PNS", "TNI", "POLRI", "SD", "SMP", "SMA", "S1", "S2", "S3", "D1", "D3", "OK", "PIN", "LKjIP",
    "NIP", "No", "n", "CSV", "PDF", "XLSX", "USB",
    // names of services and products
    "Telegram",
    // names of languages, written in their own language on the language buttons
    "Bahasa", "Indonesia", "English", "Basa", "Jawa",
    // words Indonesian shares with English or Javanese
    "Status", "Target", "target", "Kecamatan", "kecamatan", "Kabupaten", "Layanan", "layanan", "Responden", "responden",
    "Mutu", "Periode", "Populasi", "populasi", "capaian", "admin", "Swasta", "Flashdisk", "spasi", "Biaya", "Tarif",
    "Gratis", "Kompeten", "kompeten", "Logo",
    // month names and their short forms that English and Indonesian share
    "April", "September", "November", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Sep", "Nov"};

// Keys whose text is the same on purpose.
const std::set<std::string> kSameByKey = {
    "kiosk.welcome.title",        // "Survei Kepuasan Masyarakat": the survey's official name on the welcome screen
    "settings.line_population",   // the command line `skm settings` prints back, in its own syntax
};

bool is_note(const std::string& key) { return !key.empty() && key[0] == '_'; }

bool neutral(const std::string& text) {
    static const std::regex kPlaceholder(R"(\{[A-Za-z0-9_]+\})");
    static const std::regex kWord(R"([A-Za-z0-9]+)");
    const std::string bare = std::regex_replace(text, kPlaceholder, " ");
    for (std::sregex_iterator it(bare.begin(), bare.end(), kWord), end; it != end; ++it) {
        const std::string word = it->str();
        if (word.find_first_not_of("0123456789") == std::string::npos) continue;
        if (!kNeutralWords.count(word)) return false;
    }
    return true;
}

std::map<std::string, std::string> texts(const std::string& lang) {
    std::map<std::string, std::string> out;
    for (auto& [key, text] : load_text_map(kI18nDir / (lang + ".json"))) {
        if (!is_note(key)) out.emplace(key, text);
    }
    return out;
}

// The kiosk runs in Javanese: every text it can show must be there (the rest
// of jv.json's keys fall back to Indonesian by design: command line, reports).
bool shown_in_javanese(const std::string& key) {
    return key.rfind("kiosk.", 0) == 0 || key.rfind("sync.", 0) == 0 || key.rfind("hub.", 0) == 0;
}

TEST(I18nLanguages, NoKeyIsMissingFromAnotherLanguage) {
    const auto id = texts("id");
    const auto en = texts("en");
    const auto jv = texts("jv");
    for (const auto& [key, text] : id) EXPECT_TRUE(en.count(key)) << "en.json lacks \"" << key << "\"";
    for (const auto& [key, text] : en) EXPECT_TRUE(id.count(key)) << "id.json lacks \"" << key << "\"";
    for (const auto& [key, text] : jv) EXPECT_TRUE(id.count(key)) << "jv.json has \"" << key << "\", which id.json lacks";
    std::size_t kiosk = 0;
    for (const auto& [key, text] : id) {
        if (!shown_in_javanese(key)) continue;
        ++kiosk;
        EXPECT_TRUE(jv.count(key)) << "jv.json lacks \"" << key << "\" (the kiosk shows it)";
    }
    EXPECT_GT(kiosk, 150u);
}

void expect_translated(const std::string& where, const std::string& a_lang, const std::string& a,
                       const std::string& b_lang, const std::string& b) {
    if (a != b || neutral(a)) return;
    ADD_FAILURE() << where << ": " << b_lang << " copies the " << a_lang << " \"" << a
                  << "\" (translate it, or add the word to kNeutralWords if it is a code or proper noun)";
}

TEST(I18nLanguages, NoTextIsACopyOfAnotherLanguage) {
    const auto id = texts("id");
    const auto en = texts("en");
    const auto jv = texts("jv");
    for (const auto& [key, text] : id) {
        if (kSameByKey.count(key)) continue;
        if (const auto it = en.find(key); it != en.end()) expect_translated(key, "id", text, "en", it->second);
        if (!shown_in_javanese(key)) continue;
        if (const auto it = jv.find(key); it != jv.end()) {
            expect_translated(key, "id", text, "jv", it->second);
            if (en.count(key)) expect_translated(key, "en", en.at(key), "jv", it->second);
        }
    }
}

TEST(I18nLanguages, TheQuestionnaireIsTranslatedToo) {
    const auto q = load_questionnaire(kSourceDir / "assets" / "questionnaire" / "permenpan-14-2017.json");
    ASSERT_EQ(q.unsur.size(), 9u);
    for (const auto& u : q.unsur) {
        const std::string where = "unsur " + u.code;
        expect_translated(where + " name", "id", u.name.at("id"), "en", u.name.at("en"));
        expect_translated(where + " name", "id", u.name.at("id"), "jv", u.name.at("jv"));
        expect_translated(where + " question", "id", u.question.at("id"), "en", u.question.at("en"));
        expect_translated(where + " question", "id", u.question.at("id"), "jv", u.question.at("jv"));
        for (std::size_t i = 0; i < 4; ++i) {
            expect_translated(where + " answer", "id", u.answers.at("id")[i], "en", u.answers.at("en")[i]);
            expect_translated(where + " answer", "id", u.answers.at("id")[i], "jv", u.answers.at("jv")[i]);
        }
    }
}

// Citizen texts in Javanese are krama: the ngoko words a reviewer found are gone.
TEST(I18nLanguages, JavaneseCitizenTextsHaveNoNgokoLeft) {
    static const std::regex kNgoko(R"(\b(panemu|lan|cepet|kabisan|[Ww]iwiti|ora|iki|kowe|durung|saka|karo)\b)");
    auto check = [](const std::string& where, const std::string& text) {
        EXPECT_FALSE(std::regex_search(text, kNgoko)) << where << ": \"" << text << "\"";
    };
    for (const auto& [key, text] : texts("jv")) {
        if (key.rfind("kiosk.", 0) == 0) check(key, text);
    }
    const auto q = load_questionnaire(kSourceDir / "assets" / "questionnaire" / "permenpan-14-2017.json");
    for (const auto& u : q.unsur) {
        check(u.code, u.name.at("jv"));
        check(u.code, u.question.at("jv"));
        for (const auto& a : u.answers.at("jv")) check(u.code, a);
    }
    // The file names the references its krama was reviewed against.
    const auto notes = load_text_map(kI18nDir / "jv.json");
    ASSERT_TRUE(notes.count("_source"));
    EXPECT_NE(notes.at("_source").find("Bausastra"), std::string::npos);
}

}  // namespace
}  // namespace skm::formats
