"""The admin as support staff use it all day: unchanged text is no change, steps inside their
program, history times, headings and required fields."""

import re

import pytest

from portal.demo.seed import seed_all
from portal.help.models import Article
from portal.mail.models import MailProgram
from tests.staff.test_article_editing import change_url, form_data, version_in
from tests.staff.test_uploads import step_form


def crlf(text: str) -> str:
    """What a browser sends for a text area: CRLF line endings."""
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("stored_suffix", ["", "\n", "  \n\n"])
def test_saving_an_untouched_demo_article_records_no_change(support_client, stored_suffix):
    seed_all()
    article = Article.objects.get(slug="pop3-ali-imap")
    Article.objects.filter(pk=article.pk).update(body_sl=article.body_sl + stored_suffix)
    article.refresh_from_db()
    versions, updated = article.history.count(), article.updated
    page = support_client.get(change_url(article)).content.decode()
    data = form_data(article, version_in(page))
    data["body_sl"], data["body_en"] = crlf(article.body_sl), crlf(article.body_en)
    data["related"] = list(article.related.values_list("pk", flat=True))

    response = support_client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.history.count() == versions
    assert article.updated == updated


def test_text_is_stored_with_plain_newlines_and_no_trailing_spaces(content):
    article = content.article(body_sl="Prva vrstica.  \r\nDruga vrstica.\t\r\n\r\n")
    article.refresh_from_db()
    assert article.body_sl == "Prva vrstica.\nDruga vrstica."


def test_step_text_is_stored_normalised(program):
    step = program.steps.get()
    step.text_sl = "Odprite program.  \r\nIzberite Nastavitve.\r\n\r\n"
    step.save()
    step.refresh_from_db()
    assert step.text_sl == "Odprite program.\nIzberite Nastavitve."


def program_form(program, step, **step_fields) -> dict:
    """The program's change form as a browser sends it (CRLF), with step fields changed."""
    data = step_form(program, step) | {"steps-0-text_sl": crlf(step.text_sl)}
    return data | {f"steps-0-{name}": value for name, value in step_fields.items()}


def test_editing_a_step_inside_its_program_adds_no_empty_program_version(support_client, program):
    step = program.steps.get()
    program_versions, step_versions = program.history.count(), step.history.count()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"

    response = support_client.post(url, program_form(program, step, text_sl="Odprite Nastavitve."))

    assert response.status_code == 302
    assert MailProgram.objects.get(pk=program.pk).history.count() == program_versions
    assert step.history.count() == step_versions + 1
    # Saving again without a change adds nothing anywhere.
    step.refresh_from_db()
    support_client.post(url, program_form(program, step))
    assert step.history.count() == step_versions + 1


def test_a_macro_in_a_step_is_refused(support_client, program):
    step = program.steps.get()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"
    response = support_client.post(
        url, program_form(program, step, text_sl="Vrata so:\n\n[[ports-table]]")
    )
    assert response.status_code == 200
    assert "macros such as [[ports-table]] work only in articles" in response.content.decode()
    step.refresh_from_db()
    assert "ports-table" not in step.text_sl


def test_history_shows_times_with_seconds(support_client, content):
    article = content.article()
    page = support_client.get(f"/en/admin/help/article/{article.pk}/history/").content.decode()
    assert re.search(r"\d{1,2}:\d{2}:\d{2}", page)


def test_package_list_column_headings_are_unique(support_client, hosted):
    page = support_client.get("/admin/mail/hostingpackage/").content.decode()
    headings = re.findall(r'<th scope="col"[^>]*>.*?<(?:a|span)[^>]*>([^<]+)<', page, re.DOTALL)
    headings = [heading.strip() for heading in headings if heading.strip()]
    assert len(headings) >= 4
    assert len(headings) == len(set(headings)), headings


def test_required_asterisks_are_hidden_from_the_accessible_name(client, db):
    page = client.get("/carovnik/").content.decode()
    label = re.search(r'<label[^>]*for="id_email"[^>]*>(.*?)</label>', page, re.DOTALL).group(1)
    assert '<span class="asteriskField" aria-hidden="true">*</span>' in label
    assert re.search(r'<input[^>]*name="email"[^>]*required', page)


def test_steps_show_a_preview_with_example_values(support_client, program):
    step = program.steps.get()
    step.text_sl = "Vpišite **{incoming_server}** in vrata {incoming_port}."
    step.save()
    for url in (
        f"/en/admin/mail/mailprogram/{program.pk}/change/",
        f"/en/admin/mail/programstep/{step.pk}/change/",
    ):
        page = support_client.get(url).content.decode()
        assert '<strong class="value">streznik.primer.si</strong>' in page
        assert '<strong class="value">993</strong>' in page


def test_django_admin_strings_missing_in_djangos_slovenian_are_translated(
    administrator_client, content
):
    article = content.article()
    edit = administrator_client.get(f"/admin/help/article/{article.pk}/change/").content.decode()
    assert "Če želite izbrati več možnosti, držite tipko »Control«" in edit
    assert "Hold down" not in edit
    listing = administrator_client.get("/admin/help/article/").content.decode()
    assert ">Izvedi<" in listing
    assert "Pokaži število" in listing
    script = administrator_client.get("/admin/jsi18n/").content.decode()
    assert "Izberi vse: %s" in script
