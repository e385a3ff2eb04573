#include "hub/hub_context.hpp"

#include "hub/open_hub_store.hpp"

namespace skm::hub {

const std::string& required(const std::optional<std::string>& value, const std::string& option) {
    if (!value || value->empty()) throw Error(ErrorKind::usage, Problem{"hub.option_required", {{"option", option}}});
    return *value;
}

std::unique_ptr<HubStore> open_hub_store(const HubContext& context, const DatabaseOptions& options) {
    const std::string& db = required(options.db, "--db");
    return open_hub_store(db, cli::load_questionnaire(context, options).scheme);
}

}  // namespace skm::hub
