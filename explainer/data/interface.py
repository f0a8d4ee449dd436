"""The contract between the code and data/i18n/: every interface string the site prints, and the placeholders
each may use. The loader refuses a file that breaks it, so a string can never make a page fail to build."""
from __future__ import annotations

from typing import get_args

from explainer.data import schema

# key: the {placeholders} it may use. A key not listed takes none.
PLACEHOLDERS: dict[str, set[str]] = {
    "cite_label": {"n"},  # counted: "Source paragraph" or "Source paragraphs" before the numbers
    "factions_count": {"n"},  # as a subject or standing alone (nominative)

    "edit_data": {"site", "files"},
    "report_mistake": {"link"},
    "page_report": {"link"},
    "camp_count_heading": {"name", "count", "n"},  # counted: the pronoun agrees with the count
    "delegation_head_of": {"faction"},
    "quote_said": {"speaker", "occasion"},
    "date_range": {"start", "end"},
    **{f"camp_caption_{camp}": {"summary"} for camp in get_args(schema.CAMP_IDS)},
    "month_only": {"month", "year"},
    "full_date": {"day", "month", "year"},
    "diagram_desc_camps": {"camps", "left_out", "also_rejected"},
    "diagram_sources": {"paras"},
    "diagram_delegation": {"name"},
    "correction_dated": {"date"},
    "roster_downloads": {"csv", "json"},
    "dateline": {"date"},
    "search_none": {"query"},
    "search_suggest": {"query", "suggestion"},
    "search_results": {"n", "query"},
}

_PLAIN = [
    "site_name", "site_description", "delegation_head", "technical_team", "chosen_by",
    "not_in_source", "also_spelled", "in_source", "former_in_source", "former_ours", "in_other_script", "appears_on", "quote_note", "kind_place", "undated",
    "timeline_source_published", "figure_as_list", "diagram_title_camps", "diagram_called_by", "diagram_drawn_from", "diagram_left_out",
    "diagram_also_rejected", "paragraph", "source_title", "source_date", "source_publisher",
    "source_publisher_none", "corrections_none", "jump_to_letter", "on_this_page", "section_cards_label", "sections_of_source",
    "not_found_title", "not_found_text", "not_found_home", "search_label", "search_hint", "report_mistake_link",
    "search_no_script", "toggle_dark", "toggle_light", "in_brief", "page_report_link", "edit_page", "title_translation",
    "source_says", "camp_counts_note", "roster_about", "roster_note", "menu", "site_nav_label", "search_placeholder", "search_loading",
    "close",  # the citation card's close button (explainer.js reads it from main.html)
]
# Keys the code builds from data: a kind of actor, a camp, a month.
_BUILT = (
    [f"kind_{kind}" for kind in get_args(schema.Actor.model_fields["kind"].annotation)]
    + [f"kind_faction_{camp}" for camp in get_args(schema.CAMP_IDS)]
    + [f"count_label_{camp}" for camp in get_args(schema.CAMP_IDS)]  # counted, beside the home page's figures
    + [f"camp_caption_{camp}" for camp in get_args(schema.CAMP_IDS)]  # {summary}: under the home page's diagram
    + [f"month_{month}" for month in range(1, 13)]
)

KEYS: frozenset[str] = frozenset(PLACEHOLDERS) | frozenset(_PLAIN) | frozenset(_BUILT)
