"""Pure renderers, (data, place) -> escaped HTML, and the strings, fonts and files they need."""
