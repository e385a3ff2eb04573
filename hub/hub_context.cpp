#include "hub/hub_context.hpp"

#include "hub/open_hub_store.hpp"

namespace skm::hub {

formats::Questionnaire hub_questionnaire(const HubContext& context, const HubArgs& args) {
    return formats::load_questionnaire(
        args.value("questionnaire").value_or((context.assets / "questionnaire" / "permenpan-14-2017.json").string()));
}

std::unique_ptr<HubStore> open_hub_store(const HubContext& context, const HubArgs& args) {
    const std::string db = args.required("db");
    return open_hub_store(db, hub_questionnaire(context, args).scheme);
}

}  // namespace skm::hub
