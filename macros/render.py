"""Content -> Markdown and HTML fragments for the pages. Holds no content; escapes every piece of data."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .figures import HEAD_RADIUS, drawings
from .fragment_cache import WorkoutsRead
from .qr_codes import QrCodes
from .site_map import ITEM_PAGES, page_of_data_file, relative_link
from .text_links import TEXT_LINK

if TYPE_CHECKING:  # the schema (and pydantic) only for annotations: see text_links.py
    from .models import Content

# Characters that mean something to Markdown even after HTML escaping: braces open attribute lists,
# a pipe splits a table cell, brackets make links and link definitions.
_MARKDOWN_ESCAPES = str.maketrans({"{": "&#123;", "}": "&#125;", "|": "&#124;", "[": "&#91;", "]": "&#93;"})
# The colon that opens an emoji shortcode such as :smile:, which pymdownx.emoji would turn into an icon.
_SHORTCODE_COLON = re.compile(r":(?=[+\-\w]+:)")
# How a line can start a Markdown block (heading, list, rule, fence, admonition, tab, details).
_BLOCK_START = re.compile(r"^(?:[#=!?~`_]|[*+-](?:\s|[*+-]*$)|\d+[.)]\s)")


def inert(value: object) -> Markup:
    """Data as literal text: HTML-escaped, and nothing a Markdown extension would act on."""
    if isinstance(value, Markup):
        return value
    return _inert_text(str(value))


@cache  # the same names, cues and numbers fill every card: escape each once
def _inert_text(text: str) -> Markup:
    return Markup(_SHORTCODE_COLON.sub("&#58;", str(escape(text)).translate(_MARKDOWN_ESCAPES)))


def _no_block_start(markdown: str) -> str:
    """Text that starts like a Markdown block gets its first character as an entity: it stays text."""
    return f"&#{ord(markdown[0])};{markdown[1:]}" if _BLOCK_START.match(markdown) else markdown


class Renderer:
    """Renders fragments for one build; the templates are parsed once and reused for every page."""

    def __init__(self, content: Content, site_url: str, qr_cache_dir: Path | None = None):
        # Every fragment reads its workouts through here, so that it is kept for exactly those.
        self.workouts = WorkoutsRead(content.workouts)
        self.content = replace(content, workouts=self.workouts)
        self.site_url = site_url
        # Kept across fragments only what depends on the shared content alone (see fragment_cache.py).
        # A figure's geometry is the same wherever it is drawn: compute it once per figure.
        self.drawings = drawings(content.figures.figures)
        self.figure_parts: dict[str, tuple[Markup, Markup]] = {}
        self.figures_drawn: dict[tuple[str, str, str], Markup] = {}
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True,
            auto_reload=False,  # parsed once per build: no need to check each template file on every use
            finalize=inert,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["text"] = self._text
        self.env.filters["plain"] = plain_text
        self.env.globals["link"] = self._link
        self.env.globals["public_url"] = self.public_url
        self.env.globals["qr_code_svg"] = QrCodes(qr_cache_dir)
        self.env.globals["figure"] = self._figure

    def render(self, template: str, page: str | None, **context) -> str:
        """Render a template for the page whose source path is `page` (e.g. "workouts/x.md"), or for no page
        in particular (None): then a link in it fails the build rather than pointing wrong from some page."""
        return self.env.get_template(template).render(content=self.content, page=page, **context)

    def public_url(self, item_id: str, folder: str = "workouts") -> str:
        """The address a printed card's or plan's QR code opens: the item's page on the published site."""
        return urljoin(self.site_url, f"{folder}/{item_id}/")

    @pass_context
    def _link(self, context, item_id: str) -> str:
        """The link target of an item, from the page being rendered."""
        home = page_of_data_file(self.content.file_of_id[item_id])
        anchor = "" if home in {kind.page(item_id) for kind in ITEM_PAGES} else item_id
        return relative_link(context["page"], home, anchor)

    def _figure(self, figure_id: str, key: str, label: str = "") -> Markup:
        """A figure as inline SVG with its caption; `key` makes its element ids unique on the page."""
        # A figure is drawn for no page in particular, so it reads the same on every page: a workout's page
        # and the page of all cards draw it under the same key.
        drawn = (figure_id, key, label)
        if drawn not in self.figures_drawn:
            self.figures_drawn[drawn] = self._draw_figure(figure_id, key, label)
        return self.figures_drawn[drawn]

    def _draw_figure(self, figure_id: str, key: str, label: str) -> Markup:
        figure, drawing = self.content.figure(figure_id), self.drawings[figure_id]
        if figure_id not in self.figure_parts:
            # What a figure shows and says is the same under every key: render it once per figure.
            parts = {"figure": figure, "drawing": drawing, "head_radius": HEAD_RADIUS}
            self.figure_parts[figure_id] = (
                Markup(self.render("figure_shapes.html", None, **parts)),
                Markup(self.render("figure_description.html", None, **parts)),
            )
        shapes, description = self.figure_parts[figure_id]
        return Markup(
            self.render(
                "figure.html",
                None,
                figure=figure,
                drawing=drawing,
                shapes=shapes,
                description=description,
                key=f"fig-{key}",
                label=label,
            ).strip()
        )

    @pass_context
    def _text(self, context, value: str) -> Markup:
        """The text subset: escaped words, *emphasis* and **strong** as Markdown, [words](#id) as page links."""
        parts, end = [], 0
        for match in TEXT_LINK.finditer(value):
            parts.append(inert(value[end : match.start()]))
            parts.append(f"[{inert(match.group(1))}]({self._link(context, match.group(2))})")
            end = match.end()
        parts.append(inert(value[end:]))
        return Markup(_no_block_start("".join(parts)))


def plain_text(value: str) -> str:
    """Text without its markup, for places that show no formatting (meta descriptions)."""
    return TEXT_LINK.sub(r"\1", value).replace("*", "")


# (name of a PageFragments method, page, arguments) -> (its text, the workouts it read)
KeptPart = Callable[[str, object, tuple], tuple[str, Collection[str]]]


class PageFragments:
    """The macros the pages call. Each takes the MkDocs page being rendered, then the macro's arguments."""

    def __init__(self, renderer: Renderer, kept_part: KeptPart | None = None):
        """kept_part gives a part of a fragment as an earlier build kept it, or renders it (by default, it
        renders every part)."""
        self.renderer = renderer
        self.content = renderer.content
        self._kept_part = kept_part or (lambda name, page, args: self.render(name, page, *args))

    def render(self, name: str, page, *args) -> tuple[str, set[str]]:
        """The fragment of the macro called `name`, and the workouts it read (ALL_WORKOUTS for all)."""
        with self.renderer.workouts.noting() as workouts_read:
            text = getattr(self, name)(page, *args)
        return text, workouts_read

    def benefit_cards(self, page) -> str:
        return self.renderer.render("benefit_cards.md", page.file.src_uri)

    def benefits(self, page) -> str:
        return self.renderer.render("benefits.md", page.file.src_uri)

    def general_benefits(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.benefits.general)

    def setup_cues(self, page) -> str:
        technique = self.content.technique
        return self.renderer.render(
            "cues.md", page.file.src_uri, cues=technique.setup, figure_ids=technique.setup_figures
        )

    def execution_cues(self, page) -> str:
        technique = self.content.technique
        return self.renderer.render(
            "cues.md", page.file.src_uri, cues=technique.execution, figure_ids=technique.execution_figures
        )

    def mistakes(self, page) -> str:
        return self.renderer.render("mistakes.md", page.file.src_uri)

    def phases(self, page) -> str:
        return self.renderer.render("phases.md", page.file.src_uri)

    def principles(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.programming.principles)

    def safety_note(self, page) -> str:
        return self.renderer.render("safety.md", page.file.src_uri)

    def variations(self, page) -> str:
        return self.renderer.render("variations.md", page.file.src_uri)

    def progressions(self, page) -> str:
        return self.renderer.render("progressions.md", page.file.src_uri)

    def summary(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.summary.points)

    def workout_cards(self, page) -> str:
        return self.renderer.render("workout_cards.md", page.file.src_uri)

    def workout(self, page, workout_id: str) -> str:
        """A workout's page: its card, with the print button and the unit choice."""
        workout = self.content.workouts[workout_id]
        _set_title_and_description(page, workout.title, workout.goal)
        return self._card(page, workout_id, title_level=1, controls_in_card=True, print_label="Print card")

    def all_workout_cards(self, page) -> str:
        """Every workout's card on one page, one printed sheet each, under one set of controls."""
        controls = self.renderer.render("card_controls.md", page.file.src_uri, print_label="Print all cards")
        # Each card a part of its own: an edit to one workout renders only its card again.
        cards = [self._part("_card_among_all", page, workout_id) for workout_id in self.content.workouts]
        return controls + "".join(f"{card}\n" for card in cards)

    def _card_among_all(self, page, workout_id: str) -> str:
        return self._card(page, workout_id, title_level=2, controls_in_card=False)

    def _card(self, page, workout_id: str, **options) -> str:
        workout = self.content.workouts[workout_id]
        return self.renderer.render("workout.md", page.file.src_uri, workout_id=workout_id, workout=workout, **options)

    def plan_cards(self, page) -> str:
        return self.renderer.render("plan_cards.md", page.file.src_uri)

    def plan(self, page, plan_id: str) -> str:
        """A plan's page: the plan, its running weeks and the grid of its sessions, one sheet in print."""
        from .plan_rules import session_days  # the schema: see text_links.py
        from .plan_rules import session_exercises as exercises_of

        plan = self.content.plans[plan_id]
        _set_title_and_description(page, plan.title, plan.audience)

        def session_exercises(session):
            return exercises_of(session, self.content.workouts)

        exercises = [
            exercise for week in plan.weeks for session in week.sessions for exercise in session_exercises(session)
        ]
        variations = dict.fromkeys(exercise.variation for exercise in exercises)  # in the order they come
        workouts = dict.fromkeys(session.workout for week in plan.weeks for session in week.sessions if session.workout)
        return self.renderer.render(
            "plan.md",
            page.file.src_uri,
            plan_id=plan_id,
            plan=plan,
            letters={variation_id: chr(ord("A") + index) for index, variation_id in enumerate(variations)},
            workouts=list(workouts),
            columns=max(len(week.sessions) for week in plan.weeks),
            phases={phase.id: phase for phase in self.content.programming.phases},
            session_exercises=session_exercises,
            session_days=session_days,
            add_kg=f"{plan.progression.add_kg:g}",
            add_lb=f"{plan.progression.add_lb:g}",
            print_label="Print plan",
        )

    def _part(self, name: str, page, *args) -> str:
        text, workouts_read = self._kept_part(name, page, args)
        self.renderer.workouts.note(workouts_read)  # a kept part's reads are reads of the fragment it is in
        return text


def _set_title_and_description(page, title: str, description: str) -> None:
    # The theme prints page metadata unescaped, as HTML (MkDocs' own titles are HTML): escape it here.
    page.meta.setdefault("description", str(escape(plain_text(description))))
    # The page wraps its heading in a block, where MkDocs does not look for the page title.
    page.meta.setdefault("title", str(escape(title)))


MACROS = [name for name in vars(PageFragments) if not name.startswith("_") and name != PageFragments.render.__name__]
