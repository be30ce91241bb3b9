// The safer-sleep assessment pages that read (casework_routes.h): the
// organisation's list, and an assessment's outcome with the referral links
// of its actions, each found in the directory by the action's taxonomy term.
// The form is in assessment_form.cc.
#include <algorithm>

#include "directory/search.h"
#include "safesleep/assessment.h"
#include "web/casework_routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

// Which directory services carry out a referral action: the action code of
// the rules file and the taxonomy term of data/directory/seed.json. The rules
// file says what to do, the directory who does it; this is where the two
// meet. Actions not here have no service in the directory yet.
constexpr std::pair<const char*, const char*> kReferralTerms[] = {
    {"REF_SAFE_SLEEP_SPACE", "Leicester:IM:safe-sleep"},
    {"REF_STOP_SMOKING", "Leicester:IM:stop-smoking-in-pregnancy"},
};

// The level in words and a shape, so it never rests on colour alone.
void SetLevel(mustache::data& view, std::string_view level) {
  std::string word = level == "high" ? "High" : level == "increased" ? "Increased" : "Universal";
  std::string symbol = level == "high" ? "\u25B2" : level == "increased" ? "\u25C6" : "\u25CF";
  view.set("level", std::string(level));
  view.set("level_word", word);
  view.set("level_symbol", symbol);
}

std::string TouchpointLabel(const safesleep::RuleSet* rules, const std::string& id) {
  if (id.empty()) return "not recorded";
  const safesleep::Touchpoint* touchpoint = rules ? rules->FindTouchpoint(id) : nullptr;
  return touchpoint ? touchpoint->label : id;
}

}  // namespace

Response CaseworkRoutes::AssessmentList(const casework::Caller& caller) {
  auto rows = assessments_->List(caller, 0, clock_.Now() + 1);
  if (!rows.ok()) return Refusal(rows.status());
  std::reverse(rows->begin(), rows->end());  // newest first
  mustache::data view;
  view.set("organisation", caller.user.organisation);
  view.set("has_rows", !rows->empty());
  mustache::data list(mustache::data::type::list);
  for (const store::AssessmentRow& row : *rows) {
    auto rules = rules_.Find(row.rules_version);
    mustache::data one;
    one.set("id", std::to_string(row.id));
    one.set("date", FormatTime(row.created_at));
    one.set("family", ShortPseudonym(row.family_pseudonym));
    one.set("touchpoint", TouchpointLabel(rules.ok() ? *rules : nullptr, row.touchpoint));
    SetLevel(one, row.level);
    one.set("rules_version", row.rules_version);
    one.set("practitioner", row.practitioner);
    list.push_back(one);
  }
  view.set("rows", list);
  return Page(200, "Safer-sleep assessments", templates_->assessment_list->render(view),
              "/assessments");
}

Response CaseworkRoutes::AssessmentOutcome(const casework::Caller& caller, int64_t id) {
  auto found = assessments_->Find(caller, id);
  if (!found.ok()) return Refusal(found.status());
  const store::AssessmentRow& row = found->row;
  const safesleep::Outcome& outcome = found->outcome;
  auto rules_found = rules_.Find(row.rules_version);
  const safesleep::RuleSet* rules = rules_found.ok() ? *rules_found : nullptr;

  mustache::data view;
  view.set("id", std::to_string(row.id));
  view.set("date", FormatTime(row.created_at));
  view.set("family", ShortPseudonym(row.family_pseudonym));
  view.set("practitioner", row.practitioner);
  view.set("touchpoint", TouchpointLabel(rules, row.touchpoint));
  view.set("rules_version", outcome.rules_version);
  view.set("has_follows", row.follows_id.has_value());
  view.set("follows", row.follows_id ? std::to_string(*row.follows_id) : "");
  SetLevel(view, safesleep::RiskLevelName(outcome.level));

  mustache::data reasons(mustache::data::type::list);
  for (const safesleep::Reason& reason : outcome.reasons) {
    mustache::data one;
    one.set("text", reason.text);
    SetLevel(one, safesleep::RiskLevelName(reason.level));
    mustache::data answers(mustache::data::type::list);
    for (const safesleep::TriggeringAnswer& answer : reason.answers) {
      mustache::data shown;
      shown.set("question", answer.question);
      shown.set("text", answer.text);
      answers.push_back(shown);
    }
    one.set("answers", answers);
    reasons.push_back(one);
  }
  view.set("has_reasons", !outcome.reasons.empty());
  view.set("reasons", reasons);

  // The services that carry out each referral action, from the directory.
  auto services = directory_->Services();
  if (!services.ok()) return Refusal(services.status());
  auto terms = directory_->TaxonomyTerms();
  if (!terms.ok()) return Refusal(terms.status());
  mustache::data actions(mustache::data::type::list);
  for (const safesleep::OutcomeAction& action : outcome.actions) {
    mustache::data one;
    one.set("text", action.text);
    one.set("referral", action.kind == "referral");
    mustache::data links(mustache::data::type::list);
    bool has_services = false;
    for (const auto& [code, term_code] : kReferralTerms) {
      if (action.code != code) continue;
      directory::ServiceQuery query;
      for (const store::TaxonomyTerm& term : *terms) {
        if (term.code == term_code) query.taxonomy_term_id = term.id;
      }
      if (query.taxonomy_term_id.empty()) continue;
      for (const directory::ServiceMatch& match :
           directory::SearchServices(*services, *terms, query)) {
        mustache::data link;
        link.set("href", "/referrals/new?assessment=" + std::to_string(row.id) +
                             "&service=" + match.service->id);
        link.set("service", match.service->name);
        links.push_back(link);
        has_services = true;
      }
    }
    one.set("has_services", has_services);
    one.set("services", links);
    actions.push_back(one);
  }
  view.set("actions", actions);

  view.set("reassessment_due", outcome.reassessment_due);
  mustache::data reassessment(mustache::data::type::list);
  for (const safesleep::Reassessment& why : outcome.reassessment) {
    mustache::data one;
    one.set("text", why.text);
    reassessment.push_back(one);
  }
  view.set("reassessment", reassessment);

  // Every answer given, as it was recorded.
  mustache::data answers(mustache::data::type::list);
  nlohmann::json json = nlohmann::json::parse(row.answers_json, nullptr, false);
  auto recorded = safesleep::AssessmentFromJson(json);
  if (recorded.ok() && rules) {
    for (const safesleep::Item& item : rules->items) {
      auto answer = recorded->answers.find(item.id);
      if (answer == recorded->answers.end()) continue;
      mustache::data one;
      one.set("question", item.question);
      one.set("text", safesleep::DescribeAnswer(item, answer->second));
      answers.push_back(one);
    }
  }
  view.set("answers", answers);
  return Page(200, "Safer-sleep assessment " + std::to_string(row.id),
              templates_->assessment_outcome->render(view), "/assessments");
}

}  // namespace cradle::web
