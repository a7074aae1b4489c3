"""Domain names and email addresses as customers type them: trimmed, lower-cased, IDN-aware.

Domains are stored and compared in their ASCII (punycode) form, so that `čebelica.si` and
`xn--ebelica-9ib.si` are one domain; they are shown to people in their Unicode form.
"""

import re
from dataclasses import dataclass

import idna

MAX_DOMAIN_LENGTH = 253
MAX_LOCAL_PART_LENGTH = 64
MAX_ADDRESS_LENGTH = 254
# RFC 5322 "atext" plus dots; UTF-8 local parts (RFC 6531) are accepted as letters.
_LOCAL_PART_SPECIALS = set("!#$%&'*+-/=?^_`{|}~.")


# A label of lower-case letters, digits and inner hyphens (and no "--" at positions 3-4, the
# mark of an encoded or reserved label) is its own ASCII and Unicode form. Checking that first
# spares the much slower IDNA code for most names (a 20,000-row package import has 40,000).
_PLAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def _is_plain(domain: str) -> bool:
    return all(_PLAIN_LABEL.fullmatch(label) and label[2:4] != "--" for label in domain.split("."))


class InvalidAddress(ValueError):
    """The text is not a usable domain name or email address."""


def to_ascii_domain(value: str) -> str:
    """Return the canonical ASCII form of a domain name, or raise InvalidAddress."""
    text = (value or "").strip().rstrip(".").lower()
    if not text or len(text) > MAX_DOMAIN_LENGTH or "." not in text:
        raise InvalidAddress(value)
    if _is_plain(text):
        ascii_domain = text
    else:
        try:
            ascii_domain = idna.encode(text, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as error:
            raise InvalidAddress(value) from error
    labels = ascii_domain.split(".")
    if len(ascii_domain) > MAX_DOMAIN_LENGTH or any(not label for label in labels):
        raise InvalidAddress(value)
    if labels[-1].isdigit():
        raise InvalidAddress(value)  # an IP address is not a mail domain
    return ascii_domain


def to_unicode_domain(ascii_domain: str) -> str:
    """Return the form people read (`čebelica.si`); falls back to the input if undecodable."""
    if _is_plain(ascii_domain):
        return ascii_domain
    try:
        return idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError):
        return ascii_domain


@dataclass(frozen=True)
class EmailAddress:
    local_part: str
    domain: str  # ASCII form, used for look-ups and in machine formats
    domain_display: str  # Unicode form, shown to people

    @property
    def address(self) -> str:
        """The address as mail programs need it (ASCII domain)."""
        return f"{self.local_part}@{self.domain}"

    @property
    def display(self) -> str:
        return f"{self.local_part}@{self.domain_display}"

    def __str__(self) -> str:
        return self.display


def parse_email(value: str) -> EmailAddress:
    """Parse an address as typed: trim it, lower-case the domain, accept IDN and punycode."""
    text = (value or "").strip()
    if not text or len(text) > MAX_ADDRESS_LENGTH * 4 or text.count("@") != 1:
        raise InvalidAddress(value)
    local_part, domain = text.split("@")
    if not local_part or len(local_part.encode("utf-8")) > MAX_LOCAL_PART_LENGTH:
        raise InvalidAddress(value)
    if local_part.startswith(".") or local_part.endswith(".") or ".." in local_part:
        raise InvalidAddress(value)
    if any(not (ch.isalnum() or ch in _LOCAL_PART_SPECIALS) for ch in local_part):
        raise InvalidAddress(value)
    ascii_domain = to_ascii_domain(domain)
    if len(local_part) + 1 + len(ascii_domain) > MAX_ADDRESS_LENGTH:
        raise InvalidAddress(value)
    return EmailAddress(local_part, ascii_domain, to_unicode_domain(ascii_domain))
