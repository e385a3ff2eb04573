// link_issue_tool DB [LAYANAN]: prints a fresh survey link of the kiosk
// database DB (sync::issue_link_url, now), for the browser test of the phone
// survey (tests/hub/web/link_browser_test.py) until `skm links` makes slips.
// Exit 3 with the problem's key when no link can be made yet.
#include "scoring/problem.hpp"
#include "store/sqlite.hpp"
#include "sync/link_keys.hpp"

#include <sqlite3.h>

#include <ctime>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: link_issue_tool DB [LAYANAN]\n";
        return 2;
    }
    try {
        skm::store::Connection db(argv[1], SQLITE_OPEN_READWRITE);
        const auto layanan = argc == 3 ? std::optional<std::string>(argv[2]) : std::nullopt;
        std::cout << skm::sync::issue_link_url(db, layanan, static_cast<std::int64_t>(std::time(nullptr))) << "\n";
        return 0;
    } catch (const skm::Error& e) {
        std::cerr << e.problem().key << "\n";
        return 3;
    }
}
