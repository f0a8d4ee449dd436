"""The explainer's code, in layers that follow the data's way to the published site. A module imports only from
its own layer and the layers before it (tests/test_layers.py checks it):

- data:    data/ read and checked on its own (schema, YAML reader, messages in both languages, settings);
- render:  pure renderers, (data, place) -> escaped HTML, and the strings, fonts and files they need;
- pages:   the macros (registry), the pages' checks, what each page prints (coverage), and site.load_data, the one
           entry that the validator and the build share;
- publish: the MkDocs glue and hooks, and the post-build steps (search index, output guard, CSP);
- tools:   command-line tools for editors and developers (validator, change report, schemas, benchmark);
           nothing in the site's build imports them.
"""
from pathlib import Path

LAYERS = ("data", "render", "pages", "publish", "tools")
PROJECT = Path(__file__).resolve().parent.parent  # mkdocs.yml, data/, docs/
