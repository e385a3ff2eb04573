// What every skm-hub command gets: its arguments, output streams, the chosen
// language's texts and where the assets are; and the one way commands open
// the hub database (with the questionnaire whose unsur codes it stores). No globals.
#pragma once

#include "formats/catalog.hpp"
#include "formats/questionnaire.hpp"
#include "hub/hub_args.hpp"
#include "hub/hub_store.hpp"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace skm::hub {

struct HubContext {
    std::vector<std::string> args;  // after the command name, --lang/--assets removed
    std::ostream& out;
    std::ostream& err;
    formats::Catalog catalog;
    std::filesystem::path assets;
};

// --questionnaire FILE, else the assets' permenpan-14-2017.json.
formats::Questionnaire hub_questionnaire(const HubContext& context, const HubArgs& args);
// --db PATH or postgresql://… (required; hub/open_hub_store).
std::unique_ptr<HubStore> open_hub_store(const HubContext& context, const HubArgs& args);

int run_serve(HubContext& context);
int run_enroll(HubContext& context);
int run_revoke(HubContext& context);
int run_devices(HubContext& context);
int run_publish(HubContext& context);
int run_user(HubContext& context);

}  // namespace skm::hub
