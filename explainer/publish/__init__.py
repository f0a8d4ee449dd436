"""MkDocs: the macros' glue, the hooks, the theme's overrides and the post-build steps."""
