// formats/catalog: placeholders, fallback to Indonesian, unknown keys; and the
// completeness of assets/i18n against each other and against the sources.
#include "formats/catalog.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace skm::formats {
namespace {

using test::arg;
using test::caught;

const std::filesystem::path kSourceDir = SKM_SOURCE_DIR;
const std::filesystem::path kI18nDir = kSourceDir / "assets" / "i18n";

// ---- fill_placeholders -------------------------------------------------------------

TEST(FillPlaceholders, ReplacesNamedArguments) {
    EXPECT_EQ(fill_placeholders("{file}, baris {line}, kolom {column}", {{"file", "a.csv"}, {"line", "3"}, {"column", "waktu"}}),
              "a.csv, baris 3, kolom waktu");
}

TEST(FillPlaceholders, ArgumentOrderDoesNotMatterAndRepeatsAreFilled) {
    EXPECT_EQ(fill_placeholders("{b}-{a}-{b}", {{"a", "1"}, {"b", "2"}}), "2-1-2");
}

TEST(FillPlaceholders, UnknownPlaceholdersStayAsWritten) {
    EXPECT_EQ(fill_placeholders("{known} {unknown}", {{"known", "ya"}}), "ya {unknown}");
    EXPECT_EQ(fill_placeholders("{} and {", {{"", "kosong"}}), "kosong and {");
    EXPECT_EQ(fill_placeholders("tanpa", {{"x", "1"}}), "tanpa");
}

TEST(FillPlaceholders, ValuesAreNotExpandedAgain) {
    EXPECT_EQ(fill_placeholders("{a}{b}", {{"a", "{b}"}, {"b", "B"}}), "{b}B");
}

TEST(FillPlaceholders, MultiByteTextAroundPlaceholders) {
    EXPECT_EQ(fill_placeholders("Populasi {population} → sampel {sample} ✓", {{"population", "1899"}, {"sample", "320"}}),
              "Populasi 1899 → sampel 320 ✓");
}

// ---- Catalog -------------------------------------------------------------------------

TEST(Catalog, FormatsFromItsOwnLanguage) {
    const auto catalog = Catalog::from_texts("en", {{"greet", "Hello {name}"}}, {{"greet", "Halo {name}"}});
    EXPECT_EQ(catalog.lang(), "en");
    EXPECT_EQ(catalog.format("greet", {{"name", "Siti"}}), "Hello Siti");
    EXPECT_TRUE(catalog.has("greet"));
    EXPECT_FALSE(catalog.has("absent"));
}

TEST(Catalog, FallsBackToIndonesianWhenEnglishLacksAKey) {
    const auto catalog = Catalog::from_texts("en", {{"a", "A in English"}}, {{"a", "A Indonesia"}, {"b", "B {x} Indonesia"}});
    EXPECT_EQ(catalog.format("b", {{"x", "7"}}), "B 7 Indonesia");
    EXPECT_EQ(catalog.text("a"), "A in English");
}

TEST(Catalog, UnknownKeyPrintsKeyAndArguments) {
    const auto catalog = Catalog::from_texts("en", {{"a", "A"}}, {{"b", "B"}});
    const std::string text = catalog.format("csv.no_such_key", {{"file", "x.csv"}, {"line", "12"}});
    EXPECT_NE(text.find("csv.no_such_key"), std::string::npos) << text;
    EXPECT_NE(text.find("file=x.csv"), std::string::npos) << text;
    EXPECT_NE(text.find("line=12"), std::string::npos) << text;
    EXPECT_EQ(Catalog().text("kosong.sekali"), "kosong.sekali");
}

TEST(Catalog, FormatsAProblem) {
    const auto catalog = Catalog::from_texts("id", {{"csv.bad", "{file} baris {line}"}});
    Problem problem{"csv.bad", {}};
    problem.with("file", "b.csv").with("line", "9");
    EXPECT_EQ(catalog.format(problem), "b.csv baris 9");
}

TEST(Catalog, LoadsShippedLanguages) {
    const auto id = Catalog::load(kI18nDir, "id");
    const auto en = Catalog::load(kI18nDir, "en");
    EXPECT_EQ(id.lang(), "id");
    EXPECT_EQ(en.lang(), "en");
    const std::vector<std::pair<std::string, std::string>> args = {{"file", "data.csv"}, {"line", "41"}};
    for (const auto* catalog : {&id, &en}) {
        const std::string text = catalog->format("csv.not_utf8", args);
        EXPECT_NE(text.find("data.csv"), std::string::npos) << text;
        EXPECT_NE(text.find("41"), std::string::npos) << text;
        EXPECT_EQ(text.find('{'), std::string::npos) << text;
    }
    EXPECT_NE(id.text("kinerja.A"), en.text("kinerja.A"));
}

TEST(Catalog, LoadFallsBackToIdJsonInTheSameFolder) {
    test::TempDir dir;
    dir.write("id.json", R"({"a": "A id", "b": "B id {n}"})");
    dir.write("en.json", R"({"a": "A en"})");
    const auto en = Catalog::load(dir.path(), "en");
    EXPECT_EQ(en.text("a"), "A en");
    EXPECT_EQ(en.format("b", {{"n", "2"}}), "B id 2");
}

TEST(Catalog, UnknownLanguageIsAUsageError) {
    auto error = caught([] { Catalog::load(kI18nDir, "fr"); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::usage);
    EXPECT_EQ(error->problem.key, "i18n.unknown_language");
    EXPECT_EQ(arg(error->problem, "lang"), "fr");
}

TEST(Catalogs, EveryLanguageOnceIndonesianForAnyOther) {
    const auto all = Catalogs::load(kI18nDir);
    EXPECT_EQ(all.of("en").lang(), "en");
    EXPECT_EQ(all.of("jv").lang(), "jv");
    EXPECT_EQ(all.of("fr").lang(), "id");
    EXPECT_EQ(all.of("").lang(), "id");
    EXPECT_EQ(all.of("en").text("web.login.submit"), load_text_map(kI18nDir / "en.json").at("web.login.submit"));
    EXPECT_TRUE(Catalogs::offered("jv"));
    EXPECT_FALSE(Catalogs::offered("fr"));
    EXPECT_FALSE(Catalogs::offered("ID"));
}

TEST(Catalog, BrokenTranslationFiles) {
    test::TempDir dir;
    const auto not_json = dir.write("rusak.json", "{\"a\": ");
    auto error = caught([&] { load_text_map(not_json); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::input);
    EXPECT_EQ(error->problem.key, "i18n.not_json");
    EXPECT_EQ(arg(error->problem, "file"), not_json.string());

    const auto not_text = dir.write("angka.json", R"({"a": "teks", "b": 3})");
    error = caught([&] { load_text_map(not_text); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->problem.key, "i18n.not_text");
    EXPECT_EQ(arg(error->problem, "key"), "b");

    const auto array = dir.write("larik.json", R"(["a"])");
    error = caught([&] { load_text_map(array); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->problem.key, "i18n.not_json");
}

// ---- i18n completeness ---------------------------------------------------------------

std::set<std::string> placeholders(const std::string& text) {
    static const std::regex kPlaceholder(R"(\{([A-Za-z0-9_]+)\})");
    std::set<std::string> names;
    for (std::sregex_iterator it(text.begin(), text.end(), kPlaceholder), end; it != end; ++it) names.insert((*it)[1]);
    return names;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return "{" + out + "}";
}

TEST(I18nCompleteness, IdAndEnHaveExactlyTheSameKeys) {
    const auto id = load_text_map(kI18nDir / "id.json");
    const auto en = load_text_map(kI18nDir / "en.json");
    ASSERT_FALSE(id.empty());
    for (const auto& [key, text] : id) EXPECT_TRUE(en.count(key)) << "en.json lacks \"" << key << "\"";
    for (const auto& [key, text] : en) EXPECT_TRUE(id.count(key)) << "id.json lacks \"" << key << "\"";
}

TEST(I18nCompleteness, SamePlaceholdersPerKey) {
    const auto id = load_text_map(kI18nDir / "id.json");
    const auto en = load_text_map(kI18nDir / "en.json");
    for (const auto& [key, text] : id) {
        const auto other = en.find(key);
        if (other == en.end()) continue;  // reported by the test above
        EXPECT_EQ(joined(placeholders(text)), joined(placeholders(other->second))) << "placeholders of \"" << key << "\"";
    }
}

// The kiosk shows sync.* on the staff screen in the kiosk's language, and
// skm-hub's hub.* texts travel with it: in jv.json each is there, with the
// same placeholders, and in Javanese rather than a copy of the Indonesian.
TEST(I18nCompleteness, JavaneseHasEverySyncAndHubTextInItsOwnWords) {
    const auto id = load_text_map(kI18nDir / "id.json");
    const auto jv = load_text_map(kI18nDir / "jv.json");
    std::size_t checked = 0;
    for (const auto& [key, text] : id) {
        if (key.rfind("sync.", 0) != 0 && key.rfind("hub.", 0) != 0) continue;
        ++checked;
        const auto own = jv.find(key);
        if (own == jv.end()) {
            ADD_FAILURE() << "jv.json lacks \"" << key << "\"";
            continue;
        }
        EXPECT_NE(own->second, text) << "jv.json copies the Indonesian of \"" << key << "\"";
        EXPECT_EQ(joined(placeholders(own->second)), joined(placeholders(text))) << "placeholders of \"" << key << "\"";
    }
    EXPECT_GT(checked, 30u);
}

TEST(I18nCompleteness, PlaceholderExtractionSeesWhatItShould) {
    // The completeness tests above rely on this helper.
    EXPECT_EQ(joined(placeholders("{file}, baris {line}: {file} {x-y} {}")), "{file, line}");
}

// Message keys as string literals: "csv.answer_out_of_range" and the like.
const std::regex kKeyLiteral(
    R"re("((?:csv|usage|check|score|scheme|questionnaire|i18n|file|assets|sample|kinerja|error|store|db|import|export|simulate|layanan|config|kiosk|office|report|sync|protocol|web|settings)\.[a-z0-9_.]+)")re");

// A literal ending in "_" or "." is the prefix of a key built at run time
// ("score.by_" + kind), not a key; such keys are listed in kDynamicKeys.
// File names such as "layanan.json" are not keys either.
bool is_key(const std::string& literal) {
    const bool file_name = literal.size() > 5 && literal.compare(literal.size() - 5, 5, ".json") == 0;
    return literal.back() != '_' && literal.back() != '.' && !file_name;
}

// Keys the sources build at run time (tools/skm/score_table.cpp: "kinerja." + letter).
const std::vector<std::string> kDynamicKeys = {"kinerja.A", "kinerja.B", "kinerja.C", "kinerja.D",
                                               // store/sqlite.cpp maps SQLite result codes to these.
                                               "store.disk_full", "store.read_only", "store.locked",
                                               "store.corrupt", "store.io_error", "store.failed"};

std::map<std::string, std::string> keys_used_in_sources() {
    std::map<std::string, std::string> used;  // key → first file using it
    for (const char* folder : {"scoring", "formats", "cli", "store", "sync", "reports", "tools", "kiosk", "hub"}) {
        const auto root = kSourceDir / folder;
        if (!std::filesystem::is_directory(root)) continue;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            const auto extension = entry.path().extension();
            if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp")) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            const std::string content = buffer.str();
            for (std::sregex_iterator it(content.begin(), content.end(), kKeyLiteral), end; it != end; ++it) {
                if (is_key((*it)[1])) used.try_emplace((*it)[1], std::filesystem::relative(entry.path(), kSourceDir).string());
            }
        }
    }
    // The dashboard's templates name their texts as {{t.KEY}} (hub/web/web_assets.hpp).
    static const std::regex kTemplateText(R"(\{\{t\.([a-z0-9_.]+)\}\})");
    for (const auto& entry : std::filesystem::directory_iterator(kSourceDir / "assets" / "web" / "templates")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string content = buffer.str();
        for (std::sregex_iterator it(content.begin(), content.end(), kTemplateText), end; it != end; ++it) {
            used.try_emplace((*it)[1], std::filesystem::relative(entry.path(), kSourceDir).string());
        }
    }
    for (const auto& key : kDynamicKeys) used.try_emplace(key, "(built at run time)");
    return used;
}

TEST(I18nCompleteness, KeyLiteralPatternMatchesWholeLiteralsOnly) {
    const std::string code = R"(Problem{"csv.not_utf8", {}}; x("score.by_" + k); y("file.unreadable"); "Csv.x"; "csv.A")";
    std::set<std::string> found;
    for (std::sregex_iterator it(code.begin(), code.end(), kKeyLiteral), end; it != end; ++it) {
        if (is_key((*it)[1])) found.insert((*it)[1]);
    }
    EXPECT_EQ(found, (std::set<std::string>{"csv.not_utf8", "file.unreadable"}));
}

TEST(I18nCompleteness, EveryKeyUsedInTheSourcesExistsInIdJson) {
    const auto id = load_text_map(kI18nDir / "id.json");
    const auto used = keys_used_in_sources();
    // The scan must actually see the sources (a wrong SKM_SOURCE_DIR would pass vacuously).
    ASSERT_TRUE(used.count("csv.answer_out_of_range"));
    ASSERT_TRUE(used.count("assets.not_found"));
    ASSERT_EQ(used.count("web.login.username"), 1u) << "the dashboard's templates are scanned too";
    ASSERT_GT(used.size(), 40u);
    for (const auto& [key, file] : used) EXPECT_TRUE(id.count(key)) << "\"" << key << "\" used in " << file << " is not in id.json";
}

}  // namespace
}  // namespace skm::formats
