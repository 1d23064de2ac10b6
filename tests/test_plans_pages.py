"""The plan pages in the built HTML: one per plan file, in the navigation and on the Plans index, each
showing its running weeks and a grid with a cell per session that states the target and leaves room to
log it."""

from macros.models import WEEKDAYS
from macros.plan_rules import session_days, session_exercises
from tests.project import words


def plan_paths(content) -> dict[str, str]:
    return {plan_id: f"plans/{plan_id}/" for plan_id in content.plans}


def test_every_plan_file_makes_a_page_in_the_plans_section_of_the_navigation(built_site, content):
    nav = built_site.soup("plans/").select("nav.md-nav--primary a.md-nav__link")
    hrefs = {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in nav}
    assert set(content.plans) <= hrefs
    for plan_id, url_path in plan_paths(content).items():
        assert (built_site.root / url_path / "index.html").is_file(), plan_id


def test_the_plans_index_links_to_every_plan_and_says_what_it_is_for(built_site, content):
    links = {a.get_text(strip=True): a["href"] for a in built_site.article("plans/").select(".grid.cards a")}
    text = built_site.text("plans/")
    for plan_id, plan in content.plans.items():
        assert links[plan.title] == f"{plan_id}/"
        assert words(plan.audience) in text


def test_the_plans_index_lists_the_easiest_plan_first_with_its_level_length_and_a_way_to_print(built_site, content):
    cards = built_site.article("plans/").select(".grid.cards > ul > li")
    assert [content.plans[plan_id].level for plan_id in content.plans] == sorted(
        p.level for p in content.plans.values()
    )
    assert len(cards) == len(content.plans)
    for card, (plan_id, plan) in zip(cards, content.plans.items(), strict=True):
        text = words(card.get_text(" "))
        assert f"Level {plan.level}" in text and f"{len(plan.weeks)} weeks" in text, plan_id
        assert "a week" in text
        assert any("print" in a.get_text() and a["href"] == f"{plan_id}/" for a in card.find_all("a")), plan_id


def test_the_home_page_starts_with_a_door_to_the_plans_for_each_kind_of_runner(built_site, content):
    article = built_site.article("")
    doors = article.find(id="where-to-begin")
    assert doors is not None and doors.find_previous("h2") is None, "the first section of the home page"
    linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in doors.find_next("div", class_="grid").find_all("a")}
    assert linked == set(content.plans)
    titles = [words(strong.get_text()) for strong in doors.find_next("div", class_="grid").select("li > p > strong")]
    assert titles == ["New to hip thrusts", "Already doing them", "Racing season"]


def test_the_plans_come_right_after_the_benefits_in_the_menu(built_site):
    labels = [
        words(a.get_text())
        for a in built_site.soup("").select("nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label")
    ]
    assert labels.index("Plans") <= 3, labels


def test_a_workout_page_links_to_the_plans_that_use_it(built_site, content):
    for plan_id, plan in content.plans.items():
        for workout_id in {session.workout for week in plan.weeks for session in week.sessions} - {None}:
            hrefs = {a["href"] for a in built_site.article(f"workouts/{workout_id}/").find_all("a", href=True)}
            assert f"../../plans/{plan_id}/" in hrefs, (workout_id, plan_id)


def test_edit_this_page_opens_the_plan_file(built_site, content):
    for plan_id, url_path in plan_paths(content).items():
        edit = built_site.soup(url_path).select_one("a.md-content__button[rel=edit]")
        assert edit["href"].endswith(f"/data/plans/{plan_id}.yaml")


def test_a_plan_page_has_a_row_per_week_and_a_cell_per_session_with_its_target(built_site, content):
    for plan_id, plan in content.plans.items():
        rows = built_site.article(f"plans/{plan_id}/").select("table.plan-grid tbody tr")
        assert len(rows) == len(plan.weeks), plan_id
        for row, week in zip(rows, plan.weeks, strict=True):
            cells = row.select("td:not(.plan-grid__none)")
            assert len(cells) == len(week.sessions)
            for cell, session in zip(cells, week.sessions, strict=True):
                doses = [words(dose.get_text()) for dose in cell.select(".plan-grid__dose")]
                exercises = session_exercises(session, content.workouts)
                assert [dose.split(" ", 1)[1] for dose in doses] == [
                    f"{e.sets} × {e.reps}{'/leg' if e.per_side else ''}" for e in exercises
                ]
                efforts = [words(effort.get_text()) for effort in cell.select(".plan-grid__effort")]
                assert [effort.split(" · ")[0] for effort in efforts] == [
                    f"{e.reps_in_reserve} in reserve" for e in exercises
                ]


def test_the_log_has_a_row_per_exercise_of_every_session_with_a_load_field_only_where_it_takes_a_load(
    built_site, content
):
    for plan_id, plan in content.plans.items():
        rows = built_site.article(f"plans/{plan_id}/").select("table.plan-log tr[data-row]")
        exercises = [
            e for week in plan.weeks for session in week.sessions for e in session_exercises(session, content.workouts)
        ]
        assert len(rows) == len(exercises), plan_id
        for row, exercise in zip(rows, exercises, strict=True):
            assert bool(row.select_one('[data-field="load"]')) == content.variation(exercise.variation).loaded
            assert row.select_one('[data-field="reps"]') and row.select_one('[data-field="left"]')


def test_the_letters_of_the_grid_are_explained_by_the_variations_they_stand_for(built_site, content):
    for plan_id in content.plans:
        article = built_site.article(f"plans/{plan_id}/")
        legend = words(article.select_one(".plan-sheet__legend").get_text(" "))
        letters = {dose.get_text().split(" ", 1)[0] for dose in article.select(".plan-grid__dose")}
        for letter in letters:
            assert f"{letter} " in legend, (plan_id, letter)


def test_a_plan_that_counts_reps_per_leg_says_on_screen_and_paper_what_a_set_is_and_no_other_plan_does(
    built_site, content
):
    for plan_id in content.plans:
        article = built_site.article(f"plans/{plan_id}/")
        per_leg = "/leg" in article.select_one(".plan-grid").get_text()
        legends = [legend.get_text() for legend in article.select(".plan-sheet__legend")[1:]]
        explained = ["/leg: one leg, then the other, is one set" in legend for legend in legends]
        assert explained == [per_leg, per_leg], plan_id


def test_a_running_week_reads_monday_to_sunday_with_each_session_on_its_day(built_site, content):
    for plan_id, plan in content.plans.items():
        tables = built_site.article(f"plans/{plan_id}/").select("table.running-week")
        assert len(tables) == len(plan.running_weeks)
        for table, running_week in zip(tables, plan.running_weeks, strict=True):
            assert table.caption.get_text() == running_week.name
            days = [th.abbr["title"][:3].lower() for th in table.select("thead th")]
            assert days == list(WEEKDAYS)
            cells = table.select("tbody td")
            sessions = [cell.select_one(".running-week__session") for cell in cells]
            marked = [index for index, session in enumerate(sessions) if session]
            assert marked == session_days(running_week.days)
            assert [sessions[day].get_text() for day in marked] == [f"Hip thrusts {n + 1}" for n in range(len(marked))]


def test_the_qr_code_names_the_plan_page_address(built_site, content):
    for plan_id, url_path in plan_paths(content).items():
        qr = built_site.article(url_path).select_one(".plan-sheet__qr")
        assert qr["role"] == "img"
        assert qr["aria-label"].endswith(f": {built_site.base_url}plans/{plan_id}/")
        assert qr.find("svg") is not None


def test_the_grids_scroll_inside_a_named_focusable_region(built_site, content):
    for plan_id, url_path in plan_paths(content).items():
        regions = built_site.article(url_path).select(".plan-scroll")
        assert len(regions) == len(content.plans[plan_id].running_weeks) + 1
        for region in regions:
            assert region["role"] == "region" and region["aria-label"] and region["tabindex"] == "0"
