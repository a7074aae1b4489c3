"""The wizard's answers for one visit: an encrypted cookie of their own, never the database.

Staff sessions live in the database (so logging out ends them); the wizard must not put the
customer's address there, so its answers travel in a cookie of their own:

- encrypted and authenticated (Fernet, from the `cryptography` package, with a key derived
  from SECRET_KEY), so the address cannot be read from the cookie jar nor the answers edited;
- a browser-session cookie (no expiry date): closing the browser forgets it, so the next
  person at a shared computer does not find the address prefilled;
- refused once it is older than MAX_IDLE_SECONDS since the last answer, for browsers that
  restore "session" cookies after a restart;
- HttpOnly, SameSite=Lax and Secure whenever the site runs on HTTPS.

`WizardCookieMiddleware` puts the answers on `request.wizard` (a dict) and writes the cookie
back only when a view changed them; an emptied dict deletes the cookie ("set up another
address"). See docs/decisions/0041-staff-sessions-in-the-database-wizard-answers-in-their-own-cookie.md.
"""

import base64
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.crypto import salted_hmac

COOKIE_NAME = "wizard"
KEY_SALT = "portal.wizard.cookie"
MAX_IDLE_SECONDS = 60 * 60


class WizardData(dict):
    """The answers of this visit; `modified` once a view stores or clears something."""

    modified = False

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.modified = True

    def clear(self):
        super().clear()
        self.modified = True


def _fernet() -> Fernet:
    digest = salted_hmac(KEY_SALT, "wizard answers", algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def read(cookie_value: str | None) -> WizardData:
    """The answers in a cookie value; empty when it is missing, old, foreign or tampered."""
    if not cookie_value:
        return WizardData()
    try:
        plain = _fernet().decrypt(cookie_value.encode("ascii"), ttl=MAX_IDLE_SECONDS)
        data = json.loads(plain)
    except (InvalidToken, UnicodeError, ValueError):
        return WizardData()
    return WizardData(data) if isinstance(data, dict) else WizardData()


def cookie_value(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data).encode()).decode("ascii")


class WizardCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.wizard = read(request.COOKIES.get(COOKIE_NAME))
        response = self.get_response(request)
        if request.wizard.modified:
            if request.wizard:
                response.set_cookie(
                    COOKIE_NAME,
                    cookie_value(request.wizard),
                    max_age=None,  # a browser-session cookie
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            else:
                response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
