"""The support contact as customers see it in one language: pure values, no database.

`SupportContact` (models.py) holds both languages; `contact_for()` picks one language's e-mail,
phone and hours (an empty English value falls back to the Slovenian one). `is_demo()` says
whether the contact still holds the demo's placeholders, so staff are warned before customers
see them. Pages built without the database use `contact_from_settings()`.
"""

from dataclasses import dataclass

from django.conf import settings

# The demo's placeholders (portal/demo/content/support.toml). Example domains are reserved
# names (RFC 2606); the phone number is the demo's made-up one.
DEMO_EMAIL_DOMAINS = ("example.si", "example.com", "example.net", "example.org")
DEMO_PHONES = ("+386 1 600 00 00",)
DEMO_MARK = "(demo)"
FIELDS = ("email", "phone", "hours")
LANGUAGES = ("sl", "en")
DEFAULT_LANGUAGE = "sl"


@dataclass(frozen=True)
class Contact:
    """One language's support contact; any part may be empty (then it is not shown)."""

    email: str = ""
    phone: str = ""
    hours: str = ""

    def __bool__(self) -> bool:
        return bool(self.email or self.phone)

    @property
    def tel(self) -> str:
        """The phone number for a tel: link (no spaces, dashes, dots or brackets)."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


def contact_for(values: dict[str, str], language: str) -> Contact:
    """One language's contact from the stored fields (`email_sl`, `email_en`, …)."""
    return Contact(
        **{
            field: values.get(f"{field}_{language}")
            or values.get(f"{field}_{DEFAULT_LANGUAGE}", "")
            for field in FIELDS
        }
    )


def is_demo(values: dict[str, str]) -> bool:
    """True while any language still shows one of the demo's placeholders."""
    for language in LANGUAGES:
        email = values.get(f"email_{language}", "").lower()
        if email.rpartition("@")[2] in DEMO_EMAIL_DOMAINS:
            return True
        if values.get(f"phone_{language}", "") in DEMO_PHONES:
            return True
        if DEMO_MARK in values.get(f"hours_{language}", ""):
            return True
    return False


def contact_from_settings() -> Contact:
    """The contact for pages built without the database (the 400, 403, 500 and 503 pages):
    PORTAL_SUPPORT_EMAIL and PORTAL_SUPPORT_PHONE, the same in both languages."""
    return Contact(email=settings.PORTAL_SUPPORT_EMAIL, phone=settings.PORTAL_SUPPORT_PHONE)
