"""Printing in a real browser: each workout card is one sheet on A4 and on Letter, holds the workout and a
QR code back to its page, shows the chosen load unit, and nothing of the site around it.

The printed cards are saved as PNGs under test-output/cards/ for a person to look at.
"""

import pypdfium2
import pytest
import zxingcpp

from macros.load import load_content
from macros.models import MAX_EXERCISES, CardNote, CardText, CueText, Exercise, Name, Summary, Title
from tests.browser import VIEWPORTS, figures_shown, print_to_pdf
from tests.contributor import fail_for
from tests.project import ROOT, words

PAPERS = ["A4", "Letter"]
PX_PER_MM = 96 / 25.4  # CSS pixels on paper
A4_WIDTH_INSIDE_MARGINS_PX = round(186 * PX_PER_MM)  # the narrower sheet, as print.css sets its margins
PNG_DIR = ROOT / "test-output" / "cards"
# Everything around the content; Material hides most of it in print, print.css makes sure of all of it.
SITE_CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-content__button",
    ".headerlink",
    "[data-card-controls]",
]


def pages_text(pdf: bytes) -> list[str]:
    return [words(sheet.get_textpage().get_text_bounded()) for sheet in pypdfium2.PdfDocument(pdf)]


def save_png(pdf: bytes, name: str, scale: float = 2, folder=PNG_DIR):
    """Render the PDF's first page to test-output/cards/<name>.png (or another folder), and return the image."""
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=scale).to_pil()
    folder.mkdir(parents=True, exist_ok=True)
    image.save(folder / f"{name}.png", compress_level=1)  # for a person: about as small, in 60 % of the time
    return image


def assert_one_sheet_per_workout(pdf: bytes, workouts) -> None:
    """One sheet per workout, in the order the page lists them: the easiest first."""
    sheets = pages_text(pdf)
    assert len(sheets) == len(workouts) > 1
    for sheet, workout in zip(sheets, workouts.values(), strict=True):
        assert sheet.startswith(workout.title)


@pytest.mark.parametrize("paper", PAPERS)
def test_every_workout_card_prints_on_one_sheet(printed, content, paper):
    sheets = {}
    for workout_id in content.workouts:
        pdf = printed(f"workouts/{workout_id}/", paper)
        save_png(pdf, f"{workout_id}-{paper}")
        sheets[workout_id] = len(pages_text(pdf))
    fail_for(
        (f"data/workouts/{id_}.yaml: its card prints on {n} sheets of {paper}" for id_, n in sheets.items() if n != 1),
        "shorten the workout's texts (goal, notes, exercise notes) or give it fewer exercises, until its card prints"
        f" on one sheet; its first sheet is test-output/cards/<workout>-{paper}.png.",
    )


def test_a_printed_card_holds_the_workout_its_exercises_and_their_cues(printed, content):
    for workout_id, workout in content.workouts.items():
        (text,) = pages_text(printed(f"workouts/{workout_id}/", "A4"))
        assert workout.title in text
        assert words(workout.goal) in text
        for exercise in workout.exercises:
            variation = content.variation(exercise.variation)
            each_leg = " each leg" if exercise.per_side else ""
            assert f"{variation.name} {exercise.sets} × {exercise.reps}{each_leg}" in text
            for cue_id in variation.key_cues:
                assert content.cue(cue_id).cue in text
        assert "Date:" in text
        assert words(content.programming.safety) in text


def test_the_qr_code_on_a_printed_card_opens_the_workout_page(printed, built_site, content):
    for workout_id in content.workouts:
        pdf = printed(f"workouts/{workout_id}/", "Letter")
        assert printed_qr_codes(pdf) == [f"{built_site.base_url}workouts/{workout_id}/"]


def longest(field_type) -> int:
    """The most characters a text field of this type may hold: what a fullest fixture fills it with."""
    return next(meta.max_length for meta in field_type.__metadata__ if hasattr(meta, "max_length"))


def printed_qr_codes(pdf: bytes) -> list[str]:
    """What the QR codes on the PDF's first page say."""
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def assert_no_site_chrome_printed(page) -> None:
    """After print_to_pdf: nothing around the content shows under print media."""
    for selector in SITE_CHROME:
        visible = page.locator(selector).evaluate_all("elements => elements.filter(e => e.checkVisibility()).length")
        assert visible == 0, f"{selector} is printed"


def test_print_shows_nothing_of_the_site_around_the_card(page, site_url, content):
    workout_id = next(iter(content.workouts))
    pdf = print_to_pdf(page, f"{site_url}workouts/{workout_id}/", "A4")
    assert_no_site_chrome_printed(page)
    (text,) = pages_text(pdf)
    for chrome_text in ("Hip Thrusts for Runners", "Table of contents", "Open content", "Print card", "¶"):
        assert chrome_text not in text


@pytest.mark.parametrize("url_path", ["", "technique/", "workouts/"])
def test_a_printed_page_of_the_guide_ends_without_a_blank_sheet(printed, url_path):
    sheets = pages_text(printed(url_path, "A4"))
    assert sheets[-1].strip(), f"/{url_path} prints a blank last sheet of {len(sheets)}"


def test_a_card_prints_black_on_white_in_the_dark_colour_scheme(page, site_url, content):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}workouts/{next(iter(content.workouts))}/")
    page.emulate_media(media="print", color_scheme="dark")
    for selector in (".workout-card__title", ".workout-card__what a", ".workout-card__log th"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)", selector
    border = page.locator(".workout-card__log td").first.evaluate("e => getComputedStyle(e).borderTopColor")
    assert border == "rgb(0, 0, 0)"


def test_a_printed_cards_figures_are_60_mm_wide_with_labels_of_9_pt(page, site_url):
    page.set_viewport_size({"width": A4_WIDTH_INSIDE_MARGINS_PX, "height": 1000})
    print_to_pdf(page, f"{site_url}workouts/cards/", "A4")
    figures = figures_shown(page)
    assert figures
    for figure in figures:
        assert figure["width"] >= 60 * PX_PER_MM - 0.5, figure
        assert figure["smallest_label"] is None or figure["smallest_label"] >= 12, figure  # 9 pt: 12 CSS pixels


def test_links_on_a_printed_card_are_plain_words(page, site_url, content):
    # An underline on paper reads as a line to write on.
    page.goto(f"{site_url}workouts/{next(iter(content.workouts))}/")
    page.emulate_media(media="print")
    links = page.locator(".workout-card a")
    assert links.count() > 0
    assert set(links.evaluate_all("links => links.map(a => getComputedStyle(a).textDecorationLine)")) == {"none"}


@pytest.mark.parametrize(
    ("viewport", "media", "shown"), [("phone", "screen", False), ("desktop", "screen", True), ("phone", "print", True)]
)
def test_the_qr_code_is_on_paper_and_wide_screens_but_not_on_a_phone(page, site_url, content, viewport, media, shown):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{site_url}workouts/{next(iter(content.workouts))}/")
    page.emulate_media(media=media)
    assert page.locator(".workout-card__qr").is_visible() is shown


def test_the_chosen_unit_is_remembered_and_printed(page, site_url, content):
    url = f"{site_url}workouts/{next(iter(content.workouts))}/"
    page.goto(url)
    assert page.get_by_label("kg", exact=True).is_checked()
    page.get_by_label("lb", exact=True).check()
    assert set(page.locator("[data-load-unit]").all_inner_texts()) == {"lb"}
    page.reload()
    assert page.get_by_label("lb", exact=True).is_checked()
    assert set(page.locator("[data-load-unit]").all_inner_texts()) == {"lb"}
    (text,) = pages_text(print_to_pdf(page, url, "A4"))
    assert "Load (lb)" in text and "(loads in lb)" in text
    assert "kg" not in text


def test_the_chosen_unit_holds_on_the_print_all_page(page, site_url, content):
    page.goto(f"{site_url}workouts/{next(iter(content.workouts))}/")
    page.get_by_label("lb", exact=True).check()
    page.goto(f"{site_url}workouts/cards/")
    assert page.get_by_label("lb", exact=True).is_checked()
    assert set(page.locator("[data-load-unit]").all_inner_texts()) == {"lb"}


def test_the_print_button_opens_the_print_dialog(page, site_url, content):
    page.goto(f"{site_url}workouts/{next(iter(content.workouts))}/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print card").click()
    assert page.evaluate("window.printed") is True


def test_without_javascript_the_card_prints_in_kg_and_hides_the_controls(browser, site_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = f"{site_url}workouts/{next(iter(content.workouts))}/"
    page.goto(url)
    assert not page.get_by_role("button", name="Print card").is_visible()
    assert not page.get_by_label("lb", exact=True).is_visible()
    (text,) = pages_text(print_to_pdf(page, url, "Letter"))
    assert "Load (kg)" in text
    context.close()


@pytest.mark.parametrize("paper", PAPERS)
def test_print_all_cards_gives_one_sheet_per_workout_in_order(page, site_url, content, paper):
    assert_one_sheet_per_workout(print_to_pdf(page, f"{site_url}workouts/cards/", paper), content.workouts)


@pytest.mark.parametrize("paper", PAPERS)
def test_print_all_cards_gives_the_fullest_card_one_sheet_too(page, fullest_site, paper):
    site, base_url = fullest_site
    workouts = load_content(site.root.parent / "data").workouts
    assert_one_sheet_per_workout(print_to_pdf(page, f"{base_url}workouts/cards/", paper), workouts)


def test_the_fullest_card_fixture_is_as_full_as_the_schema_allows(fullest_site):
    site, _ = fullest_site
    content = load_content(site.root.parent / "data")
    workout = content.workouts["fullest-card"]

    assert len(workout.exercises) == MAX_EXERCISES
    assert (len(workout.title), len(workout.goal), len(workout.note)) == (
        longest(Title),
        longest(Summary),
        longest(CardText),
    )
    assert len(content.programming.safety) == longest(CardText)
    assert len(content.programming.warm_up.text) == len(content.programming.first_load.text) == longest(CardNote)
    most_sets = Exercise.model_fields["sets"].metadata[-1].le
    for exercise in workout.exercises:
        variation = content.variation(exercise.variation)
        assert (exercise.sets, exercise.per_side, len(variation.name)) == (most_sets, True, longest(Name))
        # 4½ min: a rest as long on paper as any, with a load row on every exercise.
        assert (exercise.rest_seconds, variation.loaded) == (270, True)
        assert [len(content.cue(cue_id).cue) for cue_id in variation.key_cues] == [longest(CueText)] * 3


@pytest.mark.parametrize("paper", PAPERS)
def test_the_fullest_card_the_schema_allows_prints_on_one_sheet(page, fullest_site, paper):
    site, base_url = fullest_site
    pdf = print_to_pdf(page, f"{base_url}workouts/fullest-card/", paper)
    save_png(pdf, f"fullest-card-{paper}")
    sheets = pages_text(pdf)
    assert len(sheets) == 1
    assert printed_figures(page) == MAX_EXERCISES, "every exercise's figure is on the sheet"
    safety = load_content(site.root.parent / "data").programming.safety
    assert words(safety) in sheets[0], "the safety note, last on the card, is on the sheet"


def printed_figures(page) -> int:
    """How many exercise figures the page shows under print media."""
    return page.locator(".workout-card__exercise figure").evaluate_all(
        "figures => figures.filter(figure => figure.checkVisibility()).length"
    )
