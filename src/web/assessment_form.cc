// The safer-sleep assessment form (casework_routes.h): first the touchpoint,
// then the item bank of the newest rules version, grouped as the rules file
// groups it, with an input per item type. A posted form is read back into
// typed answers here and checked with the item bank's own rules
// (safesleep::ValidateAnswers), the NHS number's and casework's before
// anything is recorded, so a refused form stores nothing, comes back as the
// user filled it in, and every message names the question it is about.
#include <cmath>
#include <cstdio>

#include "base/strings.h"
#include "safesleep/assessment.h"
#include "web/casework_routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

using FieldError = CaseworkRoutes::FieldError;

// A choice with more options than this is a drop-down list; fewer are
// radio buttons, each a whole-width target for a finger.
constexpr size_t kMaxRadioOptions = 4;

// The form field of an item's answer ("a.birth_weight"), and the id of the
// element that holds the question (the target of the error summary's link).
std::string FieldName(const safesleep::Item& item) { return "a." + item.id; }
std::string FieldId(const std::string& item_id) { return "item-" + item_id; }

// A bound of the item bank as an input's min or max: "300", "0.5".
std::string Plain(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// A casework or safesleep message about one answer, "answers.<item>: <what>",
// as a sentence naming the question, linked to it; anything else as it is.
FieldError MessageAbout(const safesleep::RuleSet& rules, const std::string& message) {
  const std::string prefix = "answers.";
  size_t colon = message.find(": ");
  if (message.rfind(prefix, 0) == 0 && colon != std::string::npos) {
    std::string id = message.substr(prefix.size(), colon - prefix.size());
    if (const safesleep::Item* item = rules.FindItem(id)) {
      return {FieldId(id),
              "\u201C" + item->question + "\u201D: " + message.substr(colon + 2) + "."};
    }
  }
  if (message.rfind("touchpoint: ", 0) == 0)
    return {"touchpoint", "Touchpoint: " + message.substr(12) + "."};
  std::string sentence = message;
  if (!sentence.empty()) {
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  }
  return {"", sentence + "."};
}

// The typed answer to `item` in the posted `form`: nullopt when it was left
// blank; an error naming the question when it cannot be read as its type
// (ranges and options are ValidateAnswers' to check, with its own words).
Result<std::optional<safesleep::AnswerValue>> ReadAnswer(const safesleep::Item& item,
                                                         const FormFields& form) {
  const std::string name = FieldName(item);
  auto problem = [&](const std::string& what) {
    return Status::InvalidArgument("answers." + item.id + ": " + what);
  };
  if (item.type == safesleep::ItemType::kWeeksDays) {
    std::string weeks(Trim(FormValue(form, name + ".weeks")));
    std::string days(Trim(FormValue(form, name + ".days")));
    if (weeks.empty() && days.empty()) return std::optional<safesleep::AnswerValue>();
    if (days.empty()) days = "0";  // "38 weeks" is 38+0
    auto w = ParseInt64(weeks);
    auto d = ParseInt64(days);
    if (!w || !d) return problem("give whole weeks and days, e.g. 36 weeks and 2 days");
    // Beyond any gestation; ValidateAnswers names the item's own range.
    if (std::abs(*w) > 1000 || std::abs(*d) > 1000) {
      return problem(weeks + "+" + days + " weeks is not a gestation");
    }
    return std::optional<safesleep::AnswerValue>(
        safesleep::WeeksDays{static_cast<int>(*w), static_cast<int>(*d)});
  }
  std::string value(Trim(FormValue(form, name)));
  if (value.empty()) return std::optional<safesleep::AnswerValue>();
  switch (item.type) {
    case safesleep::ItemType::kYesNo:
      if (value == "yes") return std::optional<safesleep::AnswerValue>(true);
      if (value == "no") return std::optional<safesleep::AnswerValue>(false);
      return problem("must be yes or no");
    case safesleep::ItemType::kChoice:
      return std::optional<safesleep::AnswerValue>(value);
    case safesleep::ItemType::kNumber: {
      auto number = ParseDouble(value);
      if (!number || !std::isfinite(*number)) {
        return problem("'" + value + "' is not a number (" + item.unit + ")");
      }
      return std::optional<safesleep::AnswerValue>(*number);
    }
    case safesleep::ItemType::kWeeksDays:
      break;
  }
  return std::optional<safesleep::AnswerValue>();
}

// One item of the form as the template shows it, filled in from `form`.
mustache::data ItemView(const safesleep::Item& item, const FormFields& form,
                        const std::vector<FieldError>& errors) {
  mustache::data view;
  const std::string name = FieldName(item);
  view.set("id", item.id);
  view.set("name", name);
  view.set("question", item.question);
  view.set("required", item.required);
  std::string error;
  for (const FieldError& each : errors) {
    if (each.field == FieldId(item.id) && error.empty()) error = each.message;
  }
  view.set("has_error", !error.empty());
  view.set("error", error);
  std::string chosen = FormValue(form, name);
  mustache::data options(mustache::data::type::list);
  auto option = [&](const std::string& value, const std::string& label) {
    mustache::data one;
    one.set("value", value);
    one.set("label", label);
    one.set("checked", chosen == value);
    options.push_back(one);
  };
  bool radios = false;
  switch (item.type) {
    case safesleep::ItemType::kYesNo:
      radios = true;
      option("yes", "Yes");
      option("no", "No");
      break;
    case safesleep::ItemType::kChoice:
      radios = item.options.size() <= kMaxRadioOptions;
      if (!radios) option("", item.required ? "Choose one" : "Not asked");
      for (const safesleep::Option& choice : item.options) option(choice.value, choice.label);
      break;
    case safesleep::ItemType::kNumber:
      view.set("number", true);
      view.set("value", chosen);
      view.set("unit", item.unit);
      view.set("min", Plain(item.min));
      view.set("max", Plain(item.max));
      break;
    case safesleep::ItemType::kWeeksDays:
      view.set("weeks_days", true);
      view.set("weeks", FormValue(form, name + ".weeks"));
      view.set("days", FormValue(form, name + ".days"));
      view.set("min", Plain(item.min));
      view.set("max", Plain(item.max));
      break;
  }
  // An optional question can be left unasked, and an answer taken back.
  if (radios && !item.required) option("", "Not asked");
  view.set("radios", radios);
  view.set("select", item.type == safesleep::ItemType::kChoice && !radios);
  view.set("options", options);
  return view;
}

}  // namespace

Response CaseworkRoutes::AssessmentForm(const Request& request, const RequestContext& context,
                                        const FormFields& form, int status,
                                        const std::vector<FieldError>& errors) {
  const bool posted = !form.empty();
  auto value = [&](const std::string& name) {
    if (posted) return FormValue(form, name);
    auto found = request.query.find(name);
    return found == request.query.end() ? std::string() : found->second;
  };
  // A form keeps the version it was made under; a new one gets the newest.
  const safesleep::RuleSet* rules = &rules_.Current();
  if (posted) {
    if (auto found = rules_.Find(value("rules_version")); found.ok()) rules = *found;
  }
  mustache::data view;
  view.set("csrf", context.csrf_token());
  view.set("rules_version", rules->version);
  SetErrors(view, errors);
  std::string follows(Trim(value("follows")));
  view.set("has_follows", !follows.empty());
  view.set("follows", follows);
  std::string touchpoint = value("touchpoint");
  const safesleep::Touchpoint* chosen = rules->FindTouchpoint(touchpoint);
  if (chosen == nullptr) {
    // First the touchpoint: where the family is met decides what to ask.
    std::vector<FieldError> shown = errors;
    if ((posted || !touchpoint.empty()) && errors.empty()) {
      shown.push_back({"touchpoint", touchpoint.empty()
                                         ? "Touchpoint: choose where you are meeting the family."
                                         : "Touchpoint: '" + touchpoint +
                                               "' is not one of this form's touchpoints; choose "
                                               "one."});
      status = 400;
    }
    SetErrors(view, shown);
    mustache::data touchpoints(mustache::data::type::list);
    for (const safesleep::Touchpoint& one : rules->touchpoints) {
      mustache::data option;
      option.set("id", one.id);
      option.set("label", one.label);
      touchpoints.push_back(option);
    }
    view.set("touchpoints", touchpoints);
    return Page(status, "New safer-sleep assessment",
                templates_->assessment_touchpoint->render(view), "/assessments");
  }
  view.set("touchpoint", chosen->id);
  view.set("touchpoint_label", chosen->label);
  std::string nhs_error = ErrorFor(errors, "nhs_number");
  view.set("has_nhs_error", !nhs_error.empty());
  view.set("nhs_error", nhs_error);
  view.set("nhs_number", FormValue(form, "nhs_number"));
  mustache::data groups(mustache::data::type::list);
  for (const safesleep::Group& group : rules->groups) {
    mustache::data items(mustache::data::type::list);
    for (const safesleep::Item& item : rules->items) {
      if (item.group == group.id) items.push_back(ItemView(item, form, errors));
    }
    mustache::data one;
    one.set("id", group.id);
    one.set("title", group.title);
    one.set("items", items);
    groups.push_back(one);
  }
  view.set("groups", groups);
  return Page(status, "New safer-sleep assessment", templates_->assessment_form->render(view),
              "/assessments");
}

Response CaseworkRoutes::AssessmentPost(const Request& request, const RequestContext& context,
                                        const FormFields& form) {
  std::vector<FieldError> errors;
  auto rules_found = rules_.Find(FormValue(form, "rules_version"));
  if (!rules_found.ok()) {
    // Refused whole: answers read under another version would mean other things.
    errors.push_back({"", "This form was made under safer-sleep rules version '" +
                              FormValue(form, "rules_version") +
                              "', which is not loaded; start a new assessment."});
    return AssessmentForm(request, context, {}, 400, errors);
  }
  const safesleep::RuleSet& rules = **rules_found;
  casework::NewAssessment assessment;
  assessment.assessment.rules_version = rules.version;
  assessment.assessment.touchpoint = FormValue(form, "touchpoint");
  if (rules.FindTouchpoint(assessment.assessment.touchpoint) == nullptr) {
    return AssessmentForm(request, context, form, 400, {});
  }
  assessment.nhs_number = FormValue(form, "nhs_number");
  if (Trim(assessment.nhs_number).empty()) {
    errors.push_back({"nhs_number", "NHS number: enter the NHS number (10 digits)."});
  } else if (auto checked = pseudonymiser_.Pseudonym(assessment.nhs_number); !checked.ok()) {
    errors.push_back({"nhs_number", "NHS number: " + checked.status().message() + "."});
  }
  if (std::string follows(Trim(FormValue(form, "follows"))); !follows.empty()) {
    assessment.follows_id = ParseInt64(follows);
    if (!assessment.follows_id || *assessment.follows_id <= 0) {
      errors.push_back({"", "The assessment this reassesses ('" + follows +
                                "') is not an assessment number; start again from it."});
    }
  }
  for (const auto& [name, value] : form) {
    if (name.rfind("a.", 0) != 0) continue;
    std::string id = name.substr(2);
    for (std::string_view part : {".weeks", ".days"}) {
      if (id.size() > part.size() && id.ends_with(part)) id.resize(id.size() - part.size());
    }
    if (rules.FindItem(id) == nullptr) {
      errors.push_back({"", "The form answers '" + id +
                                "', which is not a question of safer-sleep rules version " +
                                rules.version + "."});
    }
  }
  for (const safesleep::Item& item : rules.items) {
    auto answer = ReadAnswer(item, form);
    if (!answer.ok()) {
      errors.push_back(MessageAbout(rules, answer.status().message()));
    } else if (*answer) {
      assessment.assessment.answers[item.id] = **answer;
    } else if (item.required) {
      errors.push_back(
          {FieldId(item.id), "\u201C" + item.question + "\u201D: an answer is needed."});
    }
  }
  if (errors.empty()) {
    // Ranges, options and anything else the item bank says, in its words.
    Status valid = safesleep::ValidateAnswers(rules, assessment.assessment);
    if (!valid.ok()) errors.push_back(MessageAbout(rules, valid.message()));
  }
  if (!errors.empty()) return AssessmentForm(request, context, form, 400, errors);

  casework::Caller caller{context.session->user, request.client_address};
  auto recorded = assessments_->Record(caller, assessment);
  if (!recorded.ok()) {
    int status = HttpStatus(recorded.status().code());
    if (status >= 500) return Refusal(recorded.status());
    return AssessmentForm(request, context, form, status,
                          {MessageAbout(rules, recorded.status().message())});
  }
  return Redirect("/assessments/" + std::to_string(recorded->row.id));
}

}  // namespace cradle::web
