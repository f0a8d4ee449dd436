"""Command-line tools for editors and developers; the site's build never imports them."""
