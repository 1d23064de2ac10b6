"""Every fact of the article the site grew from (kept outside this repository) is on the built site.

Each fact is a phrase, as the site words it, and the page it belongs on.
"""

import pytest

ARTICLE_FACTS = [
    # Introduction and general claims
    ("strengthen glutes, hamstrings and core", "benefits/", "strengthen your glutes, hamstrings and core muscles"),
    ("improve speed and endurance on the track", "benefits/", "speed and endurance, on the track"),
    ("a game-changer for runners", "benefits/", "can be a game-changer"),
    # Benefits
    ("increased glute activation", "benefits/", "Increased glute activation"),
    ("glutes power the legs and propel the body", "benefits/", "powering the legs and propelling the body forward"),
    ("activated glutes reduce injury risk", "benefits/", "lower risk of injury"),
    ("improved hip extension", "benefits/", "Improved hip extension"),
    ("hip extension generates power and speed", "benefits/", "crucial for runners to generate power and speed"),
    ("push off the ground with greater force", "benefits/", "push off the ground with greater force"),
    ("enhanced running form", "benefits/", "Enhanced running form"),
    ("form maximizes efficiency, reduces injury", "benefits/", "maximizing efficiency and reducing the risk of injury"),
    ("alignment and posture while running", "benefits/", "maintaining proper alignment and posture while running"),
    ("smoother, more efficient gait", "benefits/", "smoother and more efficient running gait"),
    # Set-up and alignment
    (
        "sit with upper back against a bench",
        "technique/",
        "upper back against a bench or another stable, elevated surface",
    ),
    ("barbell across the hips", "technique/", "Place a barbell across your hips"),
    ("feet planted, hip-width apart", "technique/", "feet planted firmly on the ground, about hip-width apart"),
    ("knees bent at 90 degrees", "technique/", "knees are bent at a 90-degree angle"),
    ("core engaged", "technique/", "Engage your core"),
    # Execution
    ("push through the heels", "technique/", "pushing through your heels"),
    ("drive the hips towards the ceiling", "technique/", "Drive your hips towards the ceiling"),
    ("squeeze the glutes and hold a second", "technique/", "hold for about a second"),
    ("lower slowly to the start", "technique/", "Lower slowly and under control back to the starting position"),
    ("straight line from shoulders to knees", "technique/", "straight line from your shoulders to your knees"),
    ("don't arch the back", "technique/", "Avoid arching your back"),
    ("no momentum", "technique/", "use momentum to lift the weight"),
    # Common mistakes
    ("not fully extending the hips", "mistakes/", "Not fully extending the hips"),
    ("drive the hips as high as possible", "mistakes/", "Drive your hips as high as possible"),
    ("knees caving in or out", "mistakes/", "Knees caving inwards or drifting outwards"),
    ("knees in line with toes", "mistakes/", "Keep your knees in line with your toes"),
    ("overarching or hyperextending", "mistakes/", "Overarching your lower back or hyperextending your spine"),
    (
        "strain on the lower back, less effective",
        "mistakes/",
        "unnecessary strain on your lower back and reduces the effectiveness",
    ),
    # Frequency and repetitions
    ("start slowly", "programming/", "Start slowly"),
    ("1-2 times a week", "programming/", "1–2 sessions a week"),
    ("3-4 sets", "programming/", "3–4 sets"),
    ("8-12 repetitions", "programming/", "8–12 repetitions per set"),
    ("then 2-3 times a week", "programming/", "2–3 sessions a week"),
    ("add more sets and repetitions", "programming/", "gradually add more sets and repetitions"),
    ("form and technique every repetition", "programming/", "proper form and technique during every repetition"),
    ("listen to your body, avoid overtraining", "programming/", "listen to your body to avoid overtraining"),
    # Variations and progressions
    (
        "keep it challenging, keep progressing",
        "variations/",
        "To keep hip thrusts challenging and keep making progress",
    ),
    ("single-leg hip thrusts", "variations/", "Single-leg hip thrust"),
    ("banded hip thrusts", "variations/", "Banded hip thrust"),
    ("elevated hip thrusts", "variations/", "Elevated hip thrust"),
    ("add weight with barbell or dumbbells", "variations/", "Add weight with a barbell or dumbbells"),
    ("higher bench or platform for range of motion", "variations/", "Use a higher bench or platform"),
    # Sample workout
    ("barbell hip thrusts 4 x 10", "workouts/sample-hip-thrust-workout/", "Barbell hip thrust 4 × 10"),
    ("single-leg 3 x 12 each leg", "workouts/sample-hip-thrust-workout/", "Single-leg hip thrust 3 × 12 each leg"),
    ("banded 3 x 15", "workouts/sample-hip-thrust-workout/", "Banded hip thrust 3 × 15"),
    ("elevated 3 x 8", "workouts/sample-hip-thrust-workout/", "Elevated hip thrust 3 × 8"),
    # Conclusion
    ("significant benefits for speed and endurance", "", "significant benefits for speed and endurance"),
    ("glutes and hip flexors (with a correction)", "", "target the glutes and hip flexors"),
    ("more power and drive with each stride", "", "more power and drive with each stride"),
    ("increased speed and efficiency", "", "increased speed and efficiency"),
    ("prevent injuries and improve running form", "", "help prevent injuries and improve running form"),
    ("a valuable addition to any runner's routine", "", "a valuable addition to any runner's workout routine"),
]


@pytest.mark.parametrize(("fact", "url_path", "phrase"), ARTICLE_FACTS, ids=[fact for fact, _, _ in ARTICLE_FACTS])
def test_the_article_fact_is_on_its_page(built_site, fact, url_path, phrase):
    assert phrase in built_site.text(url_path)
