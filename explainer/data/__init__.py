"""data/ read and checked on its own: the schema, the YAML reader, the editors' messages, the settings."""
