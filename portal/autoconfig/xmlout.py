"""Serialising ElementTree documents the same way for every XML format in this package."""

from xml.etree import ElementTree as ET  # builds documents; requests go through defusedxml


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
