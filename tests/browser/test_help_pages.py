import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo")


def test_customer_reads_an_article_and_switches_language(page, demo):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "sl"
    page.get_by_role("link", name="Tabela vrat").first.click()
    expect(page.locator("table.ports-table")).to_be_visible()
    assert "993" in page.locator("table.ports-table").inner_text()
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/article/tabela-vrat/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("table.ports-table caption").inner_text() == "Ports for each protocol"


def test_pages_load_no_script_errors_and_keep_working_without_javascript(
    chromium, live_server, demo
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/clanek/kaj-je-imap/")
    expect(page.locator("article h1")).to_be_visible()
    page.get_by_role("link", name="Nastavi mojo e-pošto").first.click()
    assert page.locator("h1").inner_text() == "Nastavi mojo e-pošto"
    context.close()
