"""Every fact of the article the site grew from (kept outside this repository) is on the built site, in the
guide's own words.

Each fact is checked as its numbers, names and key terms, all found in one block of its page (a paragraph, a
list item, a heading or a workout's exercise), whatever the wording around them: a contributor who rewords a
cue keeps the fact and the test passes. Where the guide corrects the article, the fact is the corrected one.
"""

import re

import pytest

from tests.contributor import fail_for, files_of_page

ARTICLE_TITLE = "Hip Thrusts for Runners: Improving Speed and Endurance"
ARTICLE_ADDRESS = "https://jokyro.com/hip-thrusts-for-runners-improving-speed-and-endurance/"

# (fact, page, patterns that must all match one block of that page, case-insensitive)
ARTICLE_FACTS = [
    # Introduction and general claims
    ("strengthens glutes, hamstrings and core", "benefits/", [r"glutes", r"hamstrings", r"core"]),
    ("helps speed and endurance on the track", "benefits/", [r"\bcan help\b", r"speed", r"endurance", r"track"]),
    ("a valuable part of a runner's training", "benefits/", [r"valuable|worthwhile", r"runner"]),
    # Benefits
    ("increased glute activation", "benefits/", [r"glute activation"]),
    ("glutes drive the legs and move you forward", "benefits/", [r"glutes", r"drive|power", r"forward"]),
    ("stronger glutes, lower injury risk", "benefits/", [r"glutes", r"risk of injury|injury risk"]),
    ("improved hip extension", "benefits/", [r"hip extension"]),
    ("hip extension matters for power and speed", "benefits/", [r"hip extension", r"power", r"speed"]),
    ("push off the ground with more force", "benefits/", [r"push", r"ground", r"force"]),
    ("enhanced running form", "benefits/", [r"running form"]),
    ("form, efficiency and injuries", "benefits/", [r"form", r"efficien", r"injur"]),
    ("alignment and posture while running", "benefits/", [r"alignment", r"posture"]),
    ("a smoother, more efficient stride", "benefits/", [r"smooth", r"efficient|economical", r"stride"]),
    # Set-up and alignment
    ("upper back against a bench", "technique/", [r"upper back", r"bench"]),
    ("barbell across the hips", "technique/", [r"bar", r"hips"]),
    ("feet planted, hip-width apart", "technique/", [r"feet", r"floor|ground", r"hip-width|as your hips"]),
    ("knees bent at 90 degrees", "technique/", [r"knees", r"90 degrees"]),
    ("core engaged", "technique/", [r"core", r"engage|brace"]),
    # Execution
    ("push through the heels", "technique/", [r"push|press", r"heels"]),
    ("drive the hips up", "technique/", [r"drive|raise", r"hips", r"up|extension"]),
    ("squeeze the glutes and hold a second", "technique/", [r"squeeze", r"glutes", r"second"]),
    ("lower slowly to the start", "technique/", [r"lower", r"slowly|under control"]),
    ("straight line from shoulders to knees", "technique/", [r"straight", r"shoulders", r"knees"]),
    ("don't arch the back", "technique/", [r"arch", r"back"]),
    ("no momentum", "technique/", [r"momentum|bounce|swing"]),
    # Common mistakes
    ("not fully extending the hips", "mistakes/", [r"not fully extending|short of full"]),
    ("extend the hips fully to work the glutes", "mistakes/", [r"fully extended|full (hip )?extension", r"glutes"]),
    ("knees caving in or out", "mistakes/", [r"knees", r"cav", r"out"]),
    ("knees in line with the toes", "mistakes/", [r"knee", r"toes|foot"]),
    ("overarching or hyperextending", "mistakes/", [r"arch", r"overextend|hyperextend"]),
    ("strain on the lower back, less effective", "mistakes/", [r"lower back", r"less effective"]),
    # Frequency and repetitions
    ("start slowly", "programming/", [r"begin gently|start slowly", r"build up|gradually"]),
    ("1-2 times a week", "programming/", [r"\b1–2\b", r"sessions a week"]),
    ("3-4 sets", "programming/", [r"\b3–4\b", r"sets"]),
    ("8-12 repetitions", "programming/", [r"\b8–12\b", r"repetitions"]),
    ("then 2-3 times a week", "programming/", [r"\b2–3\b", r"sessions a week"]),
    ("add more sets and repetitions", "programming/", [r"add", r"sets", r"repetitions"]),
    ("form and technique every repetition", "programming/", [r"form", r"technique", r"repetition"]),
    ("listen to your body, avoid overtraining", "programming/", [r"listen to your body", r"overtrain"]),
    # Variations and progressions
    ("keep it challenging, keep progressing", "variations/", [r"challeng", r"progress"]),
    ("single-leg hip thrusts", "variations/", [r"single-leg hip thrust"]),
    ("banded hip thrusts", "variations/", [r"banded hip thrust"]),
    ("elevated hip thrusts", "variations/", [r"elevated hip thrust"]),
    ("add weight with barbell or dumbbells", "variations/", [r"barbell", r"dumbbells"]),
    ("higher platform for more range of motion", "variations/", [r"higher", r"platform", r"further|range"]),
    # Sample workout
    ("barbell hip thrusts 4 x 10", "workouts/sample-hip-thrust-workout/", [r"barbell hip thrust", r"\b4 × 10\b"]),
    (
        "single-leg 3 x 12 each leg",
        "workouts/sample-hip-thrust-workout/",
        [r"single-leg hip thrust", r"\b3 × 12 each leg\b"],
    ),
    ("banded 3 x 15", "workouts/sample-hip-thrust-workout/", [r"banded hip thrust", r"\b3 × 15\b"]),
    ("elevated 3 x 8", "workouts/sample-hip-thrust-workout/", [r"elevated hip thrust", r"\b3 × 8\b"]),
    # Conclusion
    ("benefits for speed and endurance", "", [r"benefits", r"speed", r"endurance"]),
    ("glutes and hip flexors (with a correction)", "", [r"glutes", r"hip flexors", r"extend"]),
    ("more power and drive with each stride", "", [r"power", r"drive", r"stride"]),
    ("speed and efficiency", "", [r"speed", r"efficiency"]),
    ("prevent injuries and running form", "", [r"prevent injuries", r"running form"]),
    ("a worthwhile part of any runner's routine", "", [r"worthwhile|valuable", r"runner"]),
]

BLOCKS = "p, li, h1, h2, h3, h4, td, .workout-card__exercise"


def blocks(built_site, url_path: str) -> list[str]:
    return [element.get_text(" ") for element in built_site.article(url_path).select(BLOCKS)]


@pytest.mark.parametrize(("fact", "url_path", "patterns"), ARTICLE_FACTS, ids=[fact for fact, _, _ in ARTICLE_FACTS])
def test_the_article_fact_is_on_its_page(built_site, fact, url_path, patterns):
    found = [
        block for block in blocks(built_site, url_path) if all(re.search(p, block, re.IGNORECASE) for p in patterns)
    ]
    fail_for(
        [] if found else [f"{files_of_page(url_path)}: no paragraph, list item or heading states: {fact}"],
        "keep this fact of the article the guide grew from on its page, in your own words: these patterns must all"
        f" match one block of text there: {', '.join(patterns)} (tests/test_article.py).",
    )


def test_the_article_is_credited_with_its_title_and_address(built_site):
    for url_path in ("", "sources/"):
        links = built_site.article(url_path).find_all("a", href=ARTICLE_ADDRESS)
        assert [link.get_text(" ") for link in links] == [ARTICLE_TITLE]
