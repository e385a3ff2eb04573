// The dashboard's templates on their own: {{value}} is escaped by the hub's
// one rule (esc), {{{value}}} is not, {{t.KEY}} is the reader's catalog text,
// {{> name}} another template; and a broken or missing asset stops start-up
// with a message that names the file.
#include "hub/web/html.hpp"
#include "hub/web/web_assets.hpp"
#include "scoring/problem.hpp"
#include "tests/formats/test_support.hpp"

#include <gtest/gtest.h>

namespace skm::hub::web {
namespace {

using skm::test::TempDir;

const formats::Catalog& catalog() {
    static const auto c = formats::Catalog::from_texts("en", {{"web.greeting", "Hello & <welcome>"}});
    return c;
}

void write_assets(const TempDir& dir, const std::string& page) {
    dir.write("web/dashboard.css", "body{color:#123}\n");
    dir.write("web/templates/layout.mustache", "[{{title}}|{{> content}}]");
    dir.write("web/templates/row.mustache", "<td>{{cell}}</td>");
    dir.write("web/templates/page.mustache", page);
}

Problem problem_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.problem();
    }
    ADD_FAILURE() << "no skm::Error";
    return {};
}

TEST(WebAssets, ValuesAreEscapedTextsComeFromTheCatalogAndPartialsAreTemplates) {
    TempDir dir;
    write_assets(dir, "<p title=\"{{v}}\">{{v}}</p>{{{svg}}}{{t.web.greeting}}{{#rows}}{{> row}}{{/rows}}");
    const WebAssets assets(dir.path() / "web");
    const std::string hostile = "<script>alert(\"x\")</script> & 'y'";
    Data data = kainjow::mustache::object{{"v", hostile}, {"svg", "<svg class=\"chart\"></svg>"}, {"title", "T&"}};
    data.set("rows", DataList{kainjow::mustache::object{{"cell", "<b>"}}});
    EXPECT_EQ(assets.render("page", data, catalog()),
              "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">"
              "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>"
              "<svg class=\"chart\"></svg>Hello &amp; &lt;welcome&gt;<td>&lt;b&gt;</td>");
    EXPECT_EQ(assets.page("row", data, catalog()), "[T&amp;|<td></td>]");
    EXPECT_EQ(assets.stylesheet(), "body{color:#123}\n");
    EXPECT_EQ(assets.stylesheet_version().size(), 16u);
}

TEST(WebAssets, TheStylesheetVersionFollowsItsBytes) {
    TempDir a;
    TempDir b;
    write_assets(a, "x");
    write_assets(b, "x");
    const std::string first = WebAssets(a.path() / "web").stylesheet_version();
    EXPECT_EQ(WebAssets(b.path() / "web").stylesheet_version(), first);
    b.write("web/dashboard.css", "body{color:#124}\n");
    EXPECT_NE(WebAssets(b.path() / "web").stylesheet_version(), first);
}

TEST(WebAssets, ABrokenOrMissingAssetStopsStartUpNamingTheFile) {
    TempDir broken;
    write_assets(broken, "{{#rows}}never closed");
    const Problem p = problem_of([&] { WebAssets assets(broken.path() / "web"); });
    EXPECT_EQ(p.key, "file.unreadable");
    ASSERT_FALSE(p.args.empty());
    EXPECT_NE(p.args[0].second.find("page.mustache"), std::string::npos);

    TempDir no_css;
    write_assets(no_css, "x");
    std::filesystem::remove(no_css.path() / "web" / "dashboard.css");
    EXPECT_EQ(problem_of([&] { WebAssets assets(no_css.path() / "web"); }).key, "file.unreadable");

    TempDir nothing;
    const Problem none = problem_of([&] { WebAssets assets(nothing.path() / "web"); });
    EXPECT_EQ(none.key, "file.unreadable");
    ASSERT_FALSE(none.args.empty());
    EXPECT_NE(none.args[0].second.find("templates"), std::string::npos);
}

TEST(WebAssets, APartialThatDoesNotExistIsAnErrorNotAnEmptyPiece) {
    TempDir dir;
    write_assets(dir, "<p>{{> no_such_part}}</p>");
    const WebAssets assets(dir.path() / "web");
    const Problem p = problem_of([&] { assets.render("page", Data(), catalog()); });
    EXPECT_EQ(p.key, "file.unreadable");
    ASSERT_FALSE(p.args.empty());
    EXPECT_EQ(p.args[0].second, "no_such_part.mustache");
    EXPECT_EQ(problem_of([&] { assets.page("no_such_page", Data(), catalog()); }).args.at(0).second, "no_such_page.mustache");
}

TEST(WebAssets, ThePackagedTemplatesAllParse) {
    const WebAssets assets(std::filesystem::path(SKM_SOURCE_DIR) / "assets" / "web");
    for (const char* name : {"layout", "login", "overview", "kecamatan", "devices", "targets", "users", "publish", "error",
                             "notice", "kpis", "mutu_badge", "period_select", "csrf_field"}) {
        EXPECT_TRUE(assets.has(name)) << name;
    }
}

}  // namespace
}  // namespace skm::hub::web
