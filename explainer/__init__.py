"""The explainer's own code: one data loader, pure renderers, and the MkDocs glue that calls them."""
