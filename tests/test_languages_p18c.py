"""What differs by language and is not a translated string is declared once, in explainer/data/languages.py: the
theme's preloaded fonts and the figures' separators are read from there, and what they name exists."""
from __future__ import annotations

from explainer.data.languages import LANGUAGES
from explainer.render.fonts import FACES

from .conftest import ROOT

THEME = ROOT / "explainer" / "publish" / "theme" / "main.html"


def test_every_preloaded_font_is_a_face_the_build_writes():
    written = {face.output.removesuffix(".woff2") for face in FACES}
    for lang in LANGUAGES.values():
        assert lang.preloaded_fonts and set(lang.preloaded_fonts) <= written, (lang.code, lang.preloaded_fonts)


def test_the_theme_names_no_language_and_no_font_file():
    """A language or a font typed in the template is a second place for a fact of languages.py."""
    theme = THEME.read_text(encoding="utf-8")
    for lang in LANGUAGES.values():
        assert f'== "{lang.code}"' not in theme and f"== '{lang.code}'" not in theme, lang.code
        for face in lang.preloaded_fonts:
            assert f'"{face}"' not in theme, face
