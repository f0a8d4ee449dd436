"""The macros a page may call, the pages' checks, what each page prints, and the one entry (site.load_data)."""
