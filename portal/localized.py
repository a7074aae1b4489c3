"""Bilingual content fields: `title_sl` / `title_en` read through one `localized()` call."""

from django.conf import settings
from django.utils.translation import get_language


def current_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LocalizedMixin:
    """Reads `<name>_<language>`, falling back to the default language when it is empty."""

    def localized(self, name: str, language: str | None = None) -> str:
        language = language or current_language()
        value = getattr(self, f"{name}_{language}", "")
        return value or getattr(self, f"{name}_{settings.LANGUAGE_CODE}", "")
