"""The production settings, plus one bare view to compare against (see bench/load.py)."""

from settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
