"""Program steps as customers see them: staff Markdown, then the customer's values filled in."""

from html.parser import HTMLParser

import pytest

from portal.mail.steps import render_step

VALUES = {
    "email": 'jan"<b>@vasadomena.si',
    "incoming_server": "streznik.avant.si",
    "incoming_port": 993,
}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs))


def parsed(rendered: str) -> Links:
    parser = Links()
    parser.feed(rendered)
    return parser


def test_a_placeholder_in_text_is_highlighted_and_escaped():
    rendered = render_step("Vpišite {email} in strežnik {incoming_server}.", VALUES)
    assert '<strong class="value">jan&quot;&lt;b&gt;@vasadomena.si</strong>' in rendered
    assert '<strong class="value">streznik.avant.si</strong>' in rendered
    assert parsed(rendered).tags == ["p", "strong", "strong"]


@pytest.mark.parametrize(
    "text",
    [
        '[nastavitve](https://pomoc.example.si/ "Strežnik {incoming_server}, vrata {incoming_port}")',
        "[nastavitve](https://pomoc.example.si/ 'Naslov {email}')",
        '[{incoming_server}](https://pomoc.example.si/ "{email} > {incoming_server}")',
    ],
)
def test_a_placeholder_in_a_link_title_keeps_the_attribute_whole(text):
    rendered = render_step(text, VALUES)
    page = parsed(rendered)
    (link,) = page.links
    assert "<strong" not in link["title"]
    assert "{" not in link["title"]
    assert set(page.tags) <= {"p", "a", "strong"}
    assert link["href"] == "https://pomoc.example.si/"


def test_the_link_title_holds_the_customers_value_as_plain_text():
    rendered = render_step(
        '[nastavitve](https://pomoc.example.si/ "Strežnik {incoming_server}")', VALUES
    )
    assert parsed(rendered).links[0]["title"] == "Strežnik streznik.avant.si"


def test_an_email_with_quotes_cannot_leave_the_title_attribute():
    rendered = render_step('[x](https://pomoc.example.si/ "{email}")', VALUES)
    (link,) = parsed(rendered).links
    assert link["title"] == VALUES["email"]
    assert set(link) == {"href", "title", "rel"}
