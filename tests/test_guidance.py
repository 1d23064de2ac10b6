"""Rules the advice itself keeps: where the lift stops, how to set up, how to choose a load, when a hard
session fits, when to stop, and claims no stronger than the evidence."""

import re

from tests.contributor import fail_for
from tests.project import words


def says(where: str, text: str, *patterns: str) -> None:
    """The text (from `where`: its file and item) says each pattern, in whatever words around it."""
    fail_for(
        (f"{where}: no longer says /{p}/ in: {words(text)}" for p in patterns if not re.search(p, words(text), re.I)),
        "keep this point when you reword the text: a coach's review asked for it, and this test holds it"
        " (tests/test_guidance.py). If it is wrong, change the test too, and say why in your pull request.",
    )


def test_the_hips_high_cue_says_where_to_stop(content):
    cue = content.cue("drive-hips-up")
    assert "as high as" not in f"{cue.cue} {cue.detail}".lower()
    says(
        "data/technique.yaml, cue drive-hips-up",
        cue.detail,
        r"fully extended|full (hip )?extension",
        r"straight from shoulders to knees",
        r"ribs down",
        r"no arch",
    )


def test_the_fix_for_stopping_short_says_where_to_stop(content):
    fix = next(m.fix for m in content.mistakes.mistakes if m.id == "incomplete-hip-extension")
    assert "as high as" not in fix.lower()
    says(
        "data/mistakes.yaml, mistake incomplete-hip-extension",
        fix,
        r"fully extended|full (hip )?extension",
        r"straight from shoulders to knees",
        r"ribs down",
        r"arch",
    )


def test_the_set_up_gives_bench_height_bar_position_and_head_position(content):
    setup = {cue.id: f"{cue.cue}. {cue.detail}" for cue in content.technique.setup}
    says(
        "data/technique.yaml, cue back-on-bench",
        setup["back-on-bench"],
        r"36 to 46 centimetres",
        r"cannot slide",
        r"just below your shoulder blades",
    )
    says(
        "data/technique.yaml, cue bar-across-hips",
        setup["bar-across-hips"],
        r"crease of your hips",
        r"pad",
        r"both hands",
    )
    says("data/technique.yaml, cue chin-tucked", setup["chin-tucked"], r"chin tucked|tuck your chin", r"forward")


def test_the_first_session_says_how_to_choose_a_load_and_leaves_adding_load_to_the_one_rule(content):
    note = content.workouts["first-session"].note
    says(
        "data/workouts/first-session.yaml, note",
        note,
        r"body weight",
        r"empty, padded bar",
        r"at least 3 reps still in reserve",
    )
    assert not re.search(r"add (load|weight)", note, re.IGNORECASE)


def test_the_sample_workout_says_when_it_fits(content):
    workout = content.workouts["sample-hip-thrust-workout"]
    assert (len(workout.exercises), sum(exercise.sets for exercise in workout.exercises)) == (4, 13)
    says(
        "data/workouts/sample-hip-thrust-workout.yaml, note",
        workout.note,
        r"off-season",
        r"at most once a week",
        r"48 hours before intervals or a long run",
    )


def test_the_first_session_is_among_the_easiest_workouts_and_the_sample_among_the_hardest(content):
    levels = [workout.level for workout in content.workouts.values()]
    assert content.workouts["first-session"].level == min(levels) < max(levels)
    assert content.workouts["sample-hip-thrust-workout"].level == max(levels)


def test_the_workouts_index_lists_the_easiest_first(built_site, content):
    titles = [a.get_text(strip=True) for a in built_site.article("workouts/").select(".grid.cards li strong a")]
    levels = [workout.level for workout in content.workouts.values()]
    assert levels == sorted(levels)
    assert titles == [workout.title for workout in content.workouts.values()]


SAFETY = "data/programming.yaml, safety"


def test_the_safety_note_tells_soreness_from_pain_that_means_stop(content):
    says(
        SAFETY,
        content.programming.safety,
        r"effort and muscle soreness are normal",
        r"sharp pain",
        r"joint",
        r"lower back",
    )
    says(SAFETY, content.programming.safety, r"mean stop")


def test_the_benefits_claim_no_more_than_the_evidence(content):
    claims = [*content.benefits.benefits, *content.benefits.general, *content.summary.points]
    text = " ".join(words(" ".join(str(value) for value in claim.model_dump().values())) for claim in claims).lower()
    assert not re.search(r"will (make you|improve|increase)|guarantee|main drivers?", text)
    says(
        "data/benefits.yaml and data/summary.yaml",
        text,
        r"strength training in general",
        r"not (from|about) hip thrusts",
    )


def test_the_guide_says_hip_thrusts_do_not_obviously_change_running_form(content):
    running_form = next(benefit for benefit in content.benefits.benefits if benefit.id == "running-form")
    says("data/benefits.yaml, benefit running-form", running_form.summary, r"do not obviously change")
    says(
        "data/benefits.yaml, benefit running-form",
        running_form.explanation,
        r"unchanged|did not change|without changing",
    )


def test_the_glutes_work_harder_in_running_than_walking_more_so_with_speed_and_climbing(content):
    glutes = next(benefit for benefit in content.benefits.benefits if benefit.id == "glute-activation")
    says(
        "data/benefits.yaml, benefit glute-activation",
        glutes.explanation,
        r"much more when you run or climb",
        r"speed up",
        r"greatest in sprinting",
    )


def test_the_no_barbell_path_leads_from_the_floor_to_a_loaded_hip_thrust(content):
    path = ["floor-glute-bridge", "single-leg-glute-bridge", "body-weight-hip-thrust", "dumbbell-hip-thrust"]
    for easier, harder in zip(path, path[1:], strict=False):
        assert harder in content.variation(easier).harder
        assert content.variation(easier) in content.easier(harder)
    for variation_id in path:
        assert "Barbell" not in content.variation(variation_id).equipment
        assert content.figure(content.variation(variation_id).figure).view == "side"


def test_the_mistakes_page_leads_to_troubleshooting(built_site, content):
    hrefs = {a["href"] for a in built_site.article("mistakes/").find_all("a", href=True)}
    assert "../troubleshooting/" in hrefs
    linked = {href.split("#")[1] for href in hrefs if href.startswith("../troubleshooting/#")}
    assert linked and linked <= {trouble.id for trouble in content.troubleshooting.troubles}


def test_the_navigation_lists_the_workouts_in_the_order_of_the_workouts_index(built_site, content):
    nav = built_site.soup("workouts/").select_one(".md-nav--primary")
    # From the workouts index, its own item pages are the links that do not start with "." (../, ./).
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]") if not a["href"].startswith(".")]
    assert [href.removesuffix("/") for href in hrefs] == list(content.workouts)
