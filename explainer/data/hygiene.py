"""Which characters text in data/ may not hold, and what to say about each.

Refused: control characters, invisible format characters (they hide or reorder text: "Trojan Source"), line and
paragraph separators, private-use and unassigned code points, and Arabic presentation forms (old encodings'
letter shapes, which search and fonts treat as other letters), Persian and Urdu letters that look like Arabic ones,
the alef wasla, the tatweel (it stretches a word, and search no longer finds it), Persian digits and every
space but the ordinary one (a no-break space made another spelling of a name). Allowed: the three direction marks a writer of
mixed Arabic and Latin text may need (LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK, ARABIC LETTER MARK).
"""
from __future__ import annotations

import re
import unicodedata

from explainer.data.messages import M

ALLOWED_MARKS = {"\u200e", "\u200f", "\u061c"}
_BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
    "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)
# YAML's escapes in double-quoted text, and the character each one stands for.
ESCAPES = {
    "0": "\x00", "a": "\x07", "b": "\x08", "t": "\x09", "\t": "\x09", "n": "\x0a", "v": "\x0b", "f": "\x0c",
    "r": "\x0d", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}


# Persian and Urdu letters that look like Arabic ones (a Persian or Urdu keyboard types them), and the Arabic letter
# to type instead: search for «فيلق» does not find «فیلق».
LOOK_ALIKES = {
    "\u06cc": "\u064a",  # FARSI YEH → YEH
    "\u06d2": "\u064a",  # YEH BARREE → YEH
    "\u06a9": "\u0643",  # KEHEH → KAF
    "\u06aa": "\u0643",  # SWASH KAF → KAF
    "\u06c1": "\u0647",  # HEH GOAL → HEH
    "\u06be": "\u0647",  # HEH DOACHASHMEE → HEH
    "\u06d5": "\u0647",  # AE → HEH
    "\u06c0": "\u0629",  # HEH WITH YEH ABOVE → TEH MARBUTA
    "\u06c3": "\u0629",  # TEH MARBUTA GOAL → TEH MARBUTA
}


# The alef wasla of Quranic spelling: a font draws it like an alef with a mark, but search for «الشام» does not
# find «ٱلشام» (an Arabic keyboard's alef is U+0627).
ALEF_WASLA = "\u0671"


# The kashida: it draws a word longer, and makes it another word for search («فيلـــق» is not «فيلق»).
TATWEEL = "\u0640"


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"


def character_name(ch: str) -> str:
    code = ord(ch)
    name = unicodedata.name(ch, "")
    if not name and code < 0x20:
        name = _C0_NAMES[code]
    elif not name and code == 0x7F:
        name = "DELETE"
    elif not name and 0x80 <= code <= 0x9F:
        name = "CONTROL CHARACTER"
    return f"U+{code:04X} {name}".rstrip()


def problem_with(ch: str) -> M | None:
    """None if text may hold `ch`; otherwise the message: what the character is, why not, what to do."""
    if ch == "\n" or ch in ALLOWED_MARKS:
        return None
    category = unicodedata.category(ch)
    name = character_name(ch)
    if ch == "\t":
        return M("the character {name} (a tab) is not allowed in data; replace it with a space", name=name)
    if ch in _BIDI_CONTROLS:
        return M('the character {name} is not allowed: it makes text show in another order than it is written '
                 '("Trojan Source"); delete it (to set direction, use U+200E or U+200F, see CONTRIBUTING.md)', name=name)
    if category == "Cc":
        return M("the character {name} is an invisible control character; delete it", name=name)
    if category == "Cf":
        return M("the character {name} is an invisible formatting character; delete it (U+200E, U+200F and U+061C "
                 "are allowed)", name=name)
    if category in ("Zl", "Zp"):
        return M("the character {name} is an invisible line break; delete it, or start a new line", name=name)
    if category in ("Co", "Cn", "Cs"):
        return M("the character {name} is not a character any font shows; delete it", name=name)
    if ch in LOOK_ALIKES:
        arabic = LOOK_ALIKES[ch]
        return M("the letter {name} is a Persian or Urdu letter that looks like an Arabic one, but search takes it for "
                 "another letter; type \u00ab{arabic}\u00bb ({arabic_name}) instead", name=name, arabic=arabic,
                 arabic_name=character_name(arabic))
    if ch == ALEF_WASLA:
        return M("the letter {name} is the alef of Quranic spelling, but search takes it for another letter; type "
                 "\u00ab\u0627\u00bb (U+0627 ARABIC LETTER ALEF) instead", name=name)
    if category == "Zs" and ch != " ":
        # "Sham\u00a0Legion" looked like the name but was another spelling to search and the names index.
        return M("the character {name} looks like a space, but search and the names index take it for another "
                 "character; type an ordinary space instead", name=name)
    if ch == TATWEEL:
        return M("the character {name} only stretches a word, and search no longer finds the word; delete it", name=name)
    if "\u06f0" <= ch <= "\u06f9":
        return M("the character {name} is a Persian digit; write the Western digit {digit} (the Arabic pages "
                 "show every number in Arabic-Indic digits)", name=name,
                 digit=unicodedata.digit(ch))
    if _is_presentation_form(ch):
        return M("the character {name} is an Arabic presentation form, not a letter; write the normal letter(s) "
                 "\u00ab{plain}\u00bb instead (retype the word with an Arabic keyboard)",
                 name=name, plain=unicodedata.normalize("NFKC", ch))
    return None


PERSIAN_DIGITS = "\u06f0-\u06f9"


def persian_digits(line: str) -> M:
    """One message for the Persian digits of a line (a text), naming each number: one per digit said the same
    thing again for "۲۰۱۷"."""
    runs = re.findall(f"[{PERSIAN_DIGITS}]+", line)
    return M("this line has Persian digits ({given}); write Western digits: {digits} (the Arabic pages show every "
             "number in Arabic-Indic digits)", given=", ".join(runs),
             digits=", ".join("".join(str(unicodedata.digit(ch)) for ch in run) for run in runs))
