"""The staff app keeps no tables of its own; this module lets Django send it post_migrate."""
