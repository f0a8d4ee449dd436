"""Links from the site to where its data is edited: the foot of every page, and the About page's call for
corrections. Renderers like those in render.py; the repository's address comes from explainer/render/sources.py."""
from __future__ import annotations

from explainer.data.loader import SiteData
from explainer.render.html import CITE_OPEN, LIST_COMMA, Place, esc, text_in, ui
from explainer.render.sources import edit_url, issue_form_url


def _issue_form_link(data: SiteData, place: Place, label_key: str) -> str:
    return f'<a href="{esc(issue_form_url())}">{ui(data, place, label_key)}</a>'


def edit_footer(data: SiteData, place: Place, files: list[str], body: str) -> str:
    """The foot of a page: for readers, where to report a mistake; for editors, one "Edit this page" disclosure
    that opens on "Edit the data of this page on GitHub: factions.yml, camps.yml…", one link per file, so the
    file names stay out of the reading and one click away. File names are Latin, marked as such on Arabic pages.
    A page whose body cites no paragraph states nothing from the source (the search page): "Found a statement the
    source does not support?" read there as boilerplate left over (review 9), so its foot keeps the edit link only."""
    links = LIST_COMMA[place.lang].join(
        f'<a href="{esc(edit_url(file))}"><code lang="en" dir="ltr">{esc(file)}</code></a>' for file in files
    )
    github = text_in("GitHub", place.lang)
    report = _issue_form_link(data, place, "page_report_link")
    asks = f'<p>{ui(data, place, "page_report", link=report)}</p>' if CITE_OPEN in body else ""
    return (
        f'<aside class="edit-data" data-pagefind-ignore>{asks}'
        f'<details class="edit-data__edit"><summary>{ui(data, place, "edit_page")}</summary>'
        f'<p class="edit-data__files">{ui(data, place, "edit_data", site=github, files=links)}</p></details></aside>'
    )


def report_mistake(data: SiteData, place: Place) -> str:
    """The issue form to report a mistake, for the About page's corrections section."""
    link = _issue_form_link(data, place, "report_mistake_link")
    return f'<p class="report-mistake">{ui(data, place, "report_mistake", link=link)}</p>'
