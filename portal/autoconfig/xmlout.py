"""Serialising ElementTree documents the same way for every XML format in this package."""

import re
from collections.abc import Mapping
from xml.etree import ElementTree as ET  # builds documents; requests go through defusedxml
from xml.sax.saxutils import escape


def to_bytes(root: ET.Element) -> bytes:
    """UTF-8 with an XML declaration, indented so that people can read it too."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def add(parent: ET.Element, tag: str, text: object = None, **attributes: str) -> ET.Element:
    """A child element; ElementTree escapes text and attribute values."""
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = str(text)
    return element


# -- Slots: a document cached per domain, with the address filled in on every request ---------

_SLOT = re.compile(rb"\{\{([a-z_]+)\}\}")


def slot(name: str) -> str:
    """A marker rendered into a document in place of an address-specific value.

    Braces cannot occur in a domain name, so no value the renderers write for a domain
    (hostnames, the organisation, the domain itself) can be mistaken for a slot.
    """
    return "{{" + name + "}}"


def fill_slots(document: bytes, values: Mapping[str, str]) -> bytes:
    """`document` with every slot replaced by its value, XML-escaped, in one pass (a value
    that itself looks like a slot is never filled again). An unknown slot raises KeyError."""
    return _SLOT.sub(lambda found: escape(values[found.group(1).decode()]).encode(), document)
