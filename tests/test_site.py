"""Nothing lost: every item of the live content reaches the built site, on the page where it belongs."""

import json
import re

import pytest

from macros.models import RuleNumber
from macros.render import plain_text
from tests.project import words


def shows(site, url_path: str, *texts: str) -> None:
    page_text = site.text(url_path)
    for text in texts:
        assert words(plain_text(text)) in page_text, f"{text!r} is not on /{url_path}"


def anchored(site, url_path: str, item_id: str):
    element = site.article(url_path).find(id=item_id)
    assert element is not None, f"no anchor #{item_id} on /{url_path}"
    return element


def test_every_benefit_has_its_section(built_site, content):
    for benefit in content.benefits.benefits:
        shows(built_site, "benefits/", benefit.title, benefit.summary, benefit.explanation)
        assert anchored(built_site, "benefits/", benefit.id).name == "h2"


@pytest.mark.parametrize(
    ("points", "url_path"),
    [
        (lambda c: c.benefits.general, "benefits/"),
        (lambda c: c.programming.principles, "programming/"),
        (lambda c: c.summary.points, ""),
    ],
    ids=["general benefits", "principles", "summary"],
)
def test_every_point_is_on_its_page(built_site, content, points, url_path):
    for point in points(content):
        shows(built_site, url_path, point.text)
        anchored(built_site, url_path, point.id)


def test_every_question_is_answered_on_the_questions_page_with_its_sources(built_site, content):
    for question in content.questions.questions:
        heading = anchored(built_site, "questions/", question.id)
        assert words(heading.get_text(" ")).startswith(question.question)
        answer = heading.find_next("p")
        assert words(plain_text(question.answer)) in words(answer.get_text())
        assert {a["href"].removeprefix("#ref-") for a in answer.select("sup.cite a")} == set(question.sources)


def test_every_plan_page_leads_to_the_questions_runners_ask(built_site, content):
    for plan_id in content.plans:
        hrefs = {a["href"] for a in built_site.article(f"plans/{plan_id}/").find_all("a", href=True)}
        assert "../../questions/" in hrefs, plan_id


def test_every_technique_cue_is_on_the_technique_page(built_site, content):
    for cue in [*content.technique.setup, *content.technique.execution]:
        shows(built_site, "technique/", cue.cue, cue.detail or "")
        anchored(built_site, "technique/", cue.id)


def test_every_mistake_links_to_the_cues_that_fix_it(built_site, content):
    for mistake in content.mistakes.mistakes:
        shows(built_site, "mistakes/", mistake.title, mistake.why, mistake.fix)
        section = anchored(built_site, "mistakes/", mistake.id)
        fix = section.find_next("div", class_="admonition")
        links = {a["href"] for a in fix.find_all("a")}
        for cue_id in mistake.fixed_by:
            page = "../variations/" if content.file_of_id[cue_id] == "variations.yaml" else "../technique/"
            assert f"{page}#{cue_id}" in links


def test_every_phase_shows_its_numbers(built_site, content):
    for phase in content.programming.phases:
        shows(built_site, "programming/", phase.title, phase.advice)
        section = anchored(built_site, "programming/", phase.id)
        numbers = words(section.find_next("ul").get_text(" "))
        for bounds in filter(None, [phase.sessions_per_week, phase.sets, phase.reps]):
            exact = bounds.min == bounds.max  # an exact count is one number
            assert (str(bounds.min) if exact else f"{bounds.min}–{bounds.max}") in numbers


def test_a_phase_cites_its_sources_after_its_advice(built_site, content):
    cited_phases = [phase for phase in content.programming.phases if phase.sources]
    assert cited_phases, "no phase cites a source"
    for phase in cited_phases:
        advice = anchored(built_site, "programming/", phase.id).find_next("ul").find_next("p")
        cited = {a["href"].removeprefix("#ref-") for a in advice.select("sup.cite a")}
        assert cited == set(phase.sources), phase.id


def rule_numbers(rules) -> list:
    """Every number the plan rules check, the tapers' included."""
    holders = [rules, *rules.tapers]
    return [value for holder in holders for value in dict(holder).values() if isinstance(value, RuleNumber)]


def plan_checks_section(built_site) -> list:
    """The elements of the "How the plans are checked" section, up to the next heading."""
    element, section = anchored(built_site, "programming/", "plan-checks"), []
    while (element := element.find_next_sibling()) is not None and element.name not in ("h2", "h3"):
        section.append(element)
    return section


def test_the_programming_page_shows_every_plan_rule_number_with_its_sources_or_the_guides_reason(built_site, content):
    section = plan_checks_section(built_site)
    text = words(" ".join(element.get_text(" ") for element in section))
    shown = set()
    for element in section:
        for strong in element.find_all("strong"):
            cite = strong.find_next_sibling()
            cited = (
                {a["href"].removeprefix("#ref-") for a in cite.select("a")} if cite and cite.name == "sup" else set()
            )
            shown.add((strong.get_text().removesuffix("%"), frozenset(cited)))
    reasons = {
        f"#{item['id']}": words(item.get_text())
        for element in section
        for item in element.find_all(id=re.compile(r"^choice-"))
    }
    for number in rule_numbers(content.programming.plan_rules):
        assert (str(number.value), frozenset(number.sources)) in shown, number
        if number.choice:
            assert words(plain_text(number.choice)) in text, number
    for element in section:
        for marker in element.select("sup.choice a"):
            strong = marker.parent.find_previous_sibling("strong")
            assert reasons[marker["href"]].startswith(f"{strong.get_text()}:"), marker["href"]


def test_the_programming_page_cites_the_sources_of_where_sessions_go(built_site, content):
    rules = content.programming.plan_rules
    cited = {
        a["href"].removeprefix("#ref-")
        for element in plan_checks_section(built_site)
        for a in element.select("sup.cite a")
    }
    assert set(rules.placement_sources) <= cited


def test_the_add_load_rule_has_its_own_anchor_with_its_steps(built_site, content):
    rule = content.programming.plan_rules.add_load
    text = words(anchored(built_site, "programming/", rule.id).get_text(" "))
    assert f"{rule.add_kg:g} kg ({rule.add_lb:g} lb)" in text
    assert f"{rule.sessions_in_a_row} sessions in a row" in text
    assert f"{rule.reps_beyond_target} more repetitions in reserve than its target" in text


def test_the_safety_note_is_on_the_programming_page(built_site, content):
    shows(built_site, "programming/", content.programming.safety)


def test_every_variation_has_its_section_with_equipment_and_cues(built_site, content):
    for variation in content.variations.variations:
        shows(built_site, "variations/", variation.name, variation.changes, *variation.equipment)
        anchored(built_site, "variations/", variation.id)
        for cue in variation.cues:
            shows(built_site, "variations/", cue.cue, cue.detail or "")
            anchored(built_site, "variations/", cue.id)
        for cue_id in variation.key_cues:
            shows(built_site, "variations/", content.cue(cue_id).cue)


def test_every_progression_is_on_the_variations_page(built_site, content):
    for progression in content.variations.progressions:
        shows(built_site, "variations/", progression.name, progression.how)
        anchored(built_site, "variations/", progression.id)


def test_every_workout_exercise_is_on_its_card_linking_to_its_variation(built_site, content):
    for workout_id, workout in content.workouts.items():
        url_path = f"workouts/{workout_id}/"
        shows(built_site, url_path, workout.title, workout.goal)
        rows = built_site.article(url_path).select(".workout-card__exercise")
        assert len(rows) == len(workout.exercises)
        for row, exercise in zip(rows, workout.exercises, strict=False):
            link = row.find("a")
            assert link["href"] == f"../../variations/#{exercise.variation}"
            assert link.get_text() == content.variation(exercise.variation).name
            each_leg = " each leg" if exercise.per_side else ""
            assert f"{exercise.sets} × {exercise.reps}{each_leg}" in words(row.get_text(" "))


def test_every_workout_is_in_the_workouts_index(built_site, content):
    links = {a["href"]: a.get_text() for a in built_site.article("workouts/").find_all("a")}
    for workout_id, workout in content.workouts.items():
        assert links[f"{workout_id}/"] == workout.title


def test_every_page_has_a_meta_description(built_site):
    for html in built_site.html_files():
        if html.name == "404.html":
            continue
        url_path = html.parent.relative_to(built_site.root).as_posix().removeprefix(".")
        meta = built_site.soup(url_path).find("meta", attrs={"name": "description"})
        assert meta and meta["content"].strip(), f"/{url_path} has no meta description"


def figure_titles(element) -> list[str]:
    return [svg.find("title").get_text() for svg in element.find_all("svg", attrs={"role": "img"})]


def test_the_technique_page_shows_its_figures(built_site, content):
    technique = content.technique
    expected = [content.figure(i).title for i in [*technique.setup_figures, *technique.execution_figures]]
    assert figure_titles(built_site.article("technique/")) == expected


def test_every_mistake_with_figures_is_shown_beside_the_correct_form_with_captions_that_say_which(built_site, content):
    for mistake in content.mistakes.mistakes:
        if mistake.figure is None:
            continue
        pair = anchored(built_site, "mistakes/", mistake.id).find_next("div", class_="grid")
        captions = [words(caption.get_text(" ")) for caption in pair.find_all("figcaption")]
        fault, correct = content.figure(mistake.figure), content.figure(mistake.correct_figure)
        legend = " Dashed line: right. Solid line: wrong." if fault.lines else ""  # which line is the mistake
        assert captions == [f"Mistake: {fault.title}{legend}", f"Correct: {correct.title}"]
        assert figure_titles(pair) == [fault.title, correct.title]


def test_a_mistake_without_figures_shows_none(built_site, content):
    for mistake in content.mistakes.mistakes:
        if mistake.figure is None:
            section = anchored(built_site, "mistakes/", mistake.id)
            following = section.find_next(["h2", "figure"])
            assert following is None or following.name == "h2", mistake.id


def test_every_variation_shows_its_figure(built_site, content):
    for variation in content.variations.variations:
        figure = anchored(built_site, "variations/", variation.id).find_next("figure")
        assert figure_titles(figure) == [content.figure(variation.figure).title]


def test_no_page_repeats_an_element_id(built_site):
    for html in built_site.html_files():
        ids = [element["id"] for element in built_site.soup_of_file(html).find_all(id=True)]
        repeated = {item_id for item_id in ids if ids.count(item_id) > 1}
        assert not repeated, f"{html.relative_to(built_site.root)}: {sorted(repeated)}"


def test_every_exercise_on_a_card_shows_its_variation_figure(built_site, content):
    for workout_id, workout in content.workouts.items():
        exercises = built_site.article(f"workouts/{workout_id}/").select(".workout-card__exercise")
        assert [figure_titles(exercise) for exercise in exercises] == [
            [content.figure(content.variation(exercise.variation).figure).title] for exercise in workout.exercises
        ]


def search_index_docs(built_site) -> list[dict]:
    """The entries of the search index: each a page or a section, with its location and text."""
    return json.loads((built_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_citations_and_the_log_grids_stay_out_of_the_search_index(built_site, content):
    docs = search_index_docs(built_site)
    assert not [doc["location"] for doc in docs if doc["location"].startswith("sources/")]
    texts = " ".join(doc["text"] for doc in docs)
    assert "Load (kg)" not in texts and "Reps/leg" not in texts
    # A workout's card states each exercise's effort as content; a plan's grid of them is a log.
    plan_texts = " ".join(doc["text"] for doc in docs if doc["location"].startswith("plans/"))
    assert "in reserve · rest" not in plan_texts
    assert [source.title for source in content.sources.sources if source.title in texts] == []


def test_figures_card_controls_and_the_grids_of_links_to_other_pages_stay_out_of_the_search_index(built_site, content):
    text_of = {doc["location"]: doc["text"] for doc in search_index_docs(built_site)}
    assert not [location for location, text in text_of.items() if "Done right:" in text or "Load unit" in text]
    home = " ".join(text for location, text in text_of.items() if location.split("#")[0] == "")
    assert [
        benefit.summary for benefit in content.benefits.benefits if words(plain_text(benefit.summary)) in home
    ] == []
    for folder, summaries in (
        ("workouts/", [workout.goal for workout in content.workouts.values()]),
        ("plans/", [plan.audience for plan in content.plans.values()]),
    ):
        assert [summary for summary in summaries if words(plain_text(summary)) in text_of[folder]] == [], folder


def test_the_sources_page_says_each_kind_once_in_its_heading_not_in_every_entry(built_site, content):
    article = built_site.article("sources/")
    for kind in {source.kind for source in content.sources.sources}:
        entries = article.find(id=f"{kind}-sources").find_next("ol").find_all("li")
        assert entries and not [li for li in entries if f"({kind})" in li.get_text()], kind
