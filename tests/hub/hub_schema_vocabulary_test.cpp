// The CHECK constraints of every schema (the hub's on SQLite and PostgreSQL,
// the device's) repeat formats/response.hpp's vocabularies in SQL, because a
// shipped migration cannot name a C++ constant: these tests keep them equal.
#include "formats/response.hpp"
#include "hub/hub_schema.hpp"
#include "hub/pg_schema.hpp"
#include "store/schema.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skm::hub {
namespace {

// The '…' literals of every "column IN (…)" in the migrations, in order, each list once.
std::set<std::vector<std::string>> in_lists(std::span<const store::Migration> migrations, const std::string& column) {
    std::set<std::vector<std::string>> lists;
    const std::string opening = "(" + column + " IN (";
    for (const store::Migration& m : migrations) {
        const std::string sql = m.sql;
        for (auto at = sql.find(opening); at != std::string::npos; at = sql.find(opening, at + 1)) {
            const auto end = sql.find(')', at + opening.size());
            std::vector<std::string> values;
            for (auto q = sql.find('\'', at); q < end; q = sql.find('\'', q + 1)) {
                const auto close = sql.find('\'', q + 1);
                values.push_back(sql.substr(q + 1, close - q - 1));
                q = close;
            }
            lists.insert(values);
        }
    }
    return lists;
}

template <std::size_t N>
std::vector<std::string> with_empty(const std::array<std::string_view, N>& vocabulary) {
    std::vector<std::string> out{""};
    out.insert(out.end(), vocabulary.begin(), vocabulary.end());
    return out;
}

// The column names of the response vocabularies' CHECK lists, and only those:
// the alert tables (hub migration 9) have a `channel` of their own (e-mail or Telegram).
std::set<std::vector<std::string>> response_lists(std::span<const store::Migration> migrations, const std::string& column) {
    auto lists = in_lists(migrations, column);
    if (column == "channel") lists.erase(std::vector<std::string>{"email", "telegram"});
    return lists;
}

// The CHECK constraints repeat formats/response.hpp's vocabularies in SQL
// (shipped migrations cannot name a C++ constant); this keeps them equal.
TEST(HubSchema, CheckVocabulariesAreTheFormatsOnes) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> profile = {
        {"jenis_kelamin", with_empty(formats::kJenisKelamin)},
        {"umur", with_empty(formats::kUmurBands)},
        {"pendidikan", with_empty(formats::kPendidikan)},
        {"pekerjaan", with_empty(formats::kPekerjaan)}};
    const std::vector<std::pair<std::string, std::vector<std::string>>> provenance = {
        {"origin", with_empty(formats::kOrigins)}, {"channel", with_empty(formats::kChannels)}};
    const std::vector<std::pair<std::string, std::span<const store::Migration>>> schemas = {
        {"hub/hub_schema.cpp", hub_migrations()}, {"hub/pg_schema.cpp", pg_migrations()},
        {"store/schema.cpp", store::migrations()}};
    for (const auto& [file, migrations] : schemas) {
        for (const auto& [column, vocabulary] : profile) {
            EXPECT_EQ(in_lists(migrations, column), (std::set{vocabulary})) << file << ": " << column;
        }
        for (const auto& [column, vocabulary] : provenance) {
            // The device's store may not keep these (yet); where it does, the same words.
            if (file == "store/schema.cpp" && in_lists(migrations, column).empty()) continue;
            EXPECT_EQ(response_lists(migrations, column), (std::set{vocabulary})) << file << ": " << column;
        }
    }
}

}  // namespace
}  // namespace skm::hub
