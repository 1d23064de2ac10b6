"""The workout cards in the built HTML: what each card holds before any script runs, and where they are."""

import json

from macros.render import plain_text
from tests.project import words


def cards_of(built_site, url_path: str):
    return built_site.article(url_path).select(".workout-card")


def test_every_exercise_has_one_box_per_set_for_the_reps_and_for_the_load_when_it_is_weighted(built_site, content):
    for workout_id, workout in content.workouts.items():
        grids = built_site.article(f"workouts/{workout_id}/").select("table.workout-card__log")
        assert len(grids) == len(workout.exercises)
        for grid, exercise in zip(grids, workout.exercises, strict=True):
            rows = grid.select("tbody tr")
            expected = ["Load (kg)"] if content.variation(exercise.variation).loaded else []
            expected.append("Reps/leg" if exercise.per_side else "Reps")
            assert [row.th.get_text() for row in rows] == expected
            assert all(len(row.find_all("td")) == exercise.sets for row in rows)


def test_without_a_script_every_load_is_in_kg(built_site, content):
    for workout_id, workout in content.workouts.items():
        units = {label.get_text() for label in built_site.article(f"workouts/{workout_id}/").select("[data-load-unit]")}
        weighted = any(content.variation(exercise.variation).loaded for exercise in workout.exercises)
        assert units == ({"kg"} if weighted else set()), workout_id


def test_every_card_says_how_to_warm_up_and_find_a_first_load(built_site, content):
    programming = content.programming
    for workout_id in content.workouts:
        card_text = words(cards_of(built_site, f"workouts/{workout_id}/")[0].get_text(" "))
        assert words(plain_text(programming.warm_up.text)) in card_text, workout_id
        assert words(plain_text(programming.first_load.text)) in card_text, workout_id


def test_every_exercise_on_a_card_shows_its_effort_and_rest(built_site, content):
    for workout_id, workout in content.workouts.items():
        doses = built_site.article(f"workouts/{workout_id}/").select(".workout-card__dose")
        for dose, exercise in zip(doses, workout.exercises, strict=True):
            effort = words(dose.select_one(".workout-card__effort").get_text())
            assert effort.startswith(f"{exercise.reps_in_reserve} in reserve · rest "), workout_id


def test_every_card_shows_its_date_line_and_the_safety_note(built_site, content):
    for workout_id in content.workouts:
        card_text = words(cards_of(built_site, f"workouts/{workout_id}/")[0].get_text(" "))
        assert "Date:" in card_text
        assert words(content.programming.safety) in card_text


def test_the_qr_code_is_an_image_named_with_the_page_address(built_site, content):
    for workout_id in content.workouts:
        qr = built_site.article(f"workouts/{workout_id}/").select_one(".workout-card__qr")
        assert qr["role"] == "img"
        assert qr["aria-label"].endswith(f": {built_site.base_url}workouts/{workout_id}/")
        assert qr.find("svg") is not None


def test_the_card_controls_are_hidden_until_the_script_makes_them_work(built_site, content):
    controls = built_site.article(f"workouts/{next(iter(content.workouts))}/").select("[data-card-controls]")
    assert len(controls) == 1
    assert controls[0].has_attr("hidden")
    assert controls[0].find("button", type="button").get_text() == "Print card"
    assert controls[0].find("legend").get_text() == "Load unit"
    choices = {label.get_text(strip=True): label.input["value"] for label in controls[0].find_all("label")}
    assert choices == {"kg": "kg", "lb": "lb"}


def test_the_workouts_index_links_to_the_page_with_every_card(built_site, content):
    links = {a.get_text(strip=True): a["href"] for a in built_site.article("workouts/").find_all("a")}
    assert links["Print all cards"] == "cards/"
    cards = cards_of(built_site, "workouts/cards/")
    titles = [next(card.select_one(".workout-card__title").stripped_strings) for card in cards]
    assert titles == [workout.title for workout in content.workouts.values()]  # the easiest first
    assert len(built_site.article("workouts/cards/").select("[data-card-controls]")) == 1


def test_the_print_all_page_stays_out_of_search(built_site, content):
    # Its words are the workout pages' words; search finds those pages already.
    search_index = json.loads((built_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"].split("#")[0] for entry in search_index["docs"]}
    assert "workouts/cards/" not in pages
    assert {f"workouts/{workout_id}/" for workout_id in content.workouts} <= pages


def test_the_workouts_index_counts_exercises_in_words_that_agree(built_site, content):
    text = built_site.text("workouts/")
    for workout in content.workouts.values():
        count = len(workout.exercises)
        assert f"{count} exercise{'s' if count != 1 else ''} ·" in text


def test_the_print_stylesheet_is_linked_for_print_media_only_after_the_screen_styles(built_site):
    for html in built_site.html_files():
        links = built_site.soup_of_file(html).find_all("link", rel="stylesheet")
        hrefs = [link["href"].rsplit("/", 2)[-2:] for link in links]
        assert hrefs[-1] == ["stylesheets", "print.css"], html
        assert links[-1].get("media") == "print", html
        assert all(link.get("media") != "print" for link in links[:-1]), html


def card_scripts_of(soup) -> list:
    return soup.find_all("script", src=lambda src: src and src.endswith("javascripts/cards.js"))


def test_pages_with_card_controls_load_the_card_script_once_deferred_so_it_never_holds_up_the_first_paint(
    built_site, content
):
    for url_path in [f"workouts/{workout_id}/" for workout_id in content.workouts] + ["workouts/cards/"]:
        scripts = card_scripts_of(built_site.soup(url_path))
        assert len(scripts) == 1 and scripts[0].has_attr("defer"), url_path


def test_pages_without_card_controls_do_not_load_the_card_script(built_site):
    pages_without_controls = [
        html for html in built_site.html_files() if not built_site.soup_of_file(html).select("[data-card-controls]")
    ]
    assert len(pages_without_controls) > 1  # the home page, the guide pages, the 404 page...
    for html in pages_without_controls:
        assert card_scripts_of(built_site.soup_of_file(html)) == [], html


def test_a_cards_cues_are_plain_words_with_one_link_to_the_technique_page(built_site, content):
    for workout_id in content.workouts:
        card = cards_of(built_site, f"workouts/{workout_id}/")[0]
        assert card.select(".workout-card__what li") and not card.select(".workout-card__what li a"), workout_id
        technique = [a for a in card.find_all("a", href=True) if a["href"].endswith("technique/")]
        assert len(technique) == 1, workout_id


def test_a_cards_header_gives_the_date_then_the_unit(built_site):
    card = cards_of(built_site, "workouts/first-session/")[0]
    assert words(card.select_one(".workout-card__date").get_text(" ")) == "Date: (loads in kg)"
