"""Support staff edit a program's search names and warnings in the admin; customers see them."""

from tests.staff.test_uploads import step_form


def test_support_staff_add_an_alias_and_a_warning_customers_then_see(
    support_client, client, program, ports
):
    step = program.steps.get()
    url = f"/admin/mail/mailprogram/{program.pk}/change/"
    form = step_form(program, step) | {
        "name_en": "Thunderbird mail",
        "aliases": "  Tunderbird \nmozilla\ntunderbird\n",
        "warnings-TOTAL_FORMS": "1",
        "warnings-0-order": "1",
        "warnings-0-text_sl": "Thunderbird nastavitve **poišče sam**.",
        "warnings-0-text_en": "Thunderbird finds the settings **by itself**.",
    }
    response = support_client.post(url, form)
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.aliases == "Tunderbird\nmozilla\ntunderbird"  # trimmed, repeats kept apart

    page = client.get("/programi/thunderbird/").content.decode()
    assert "Thunderbird nastavitve <strong>poišče sam</strong>." in page
    english = client.get("/en/programs/thunderbird/").content.decode()
    assert "Thunderbird finds the settings <strong>by itself</strong>." in english
    assert "Set up email in Thunderbird mail" in english
    search = client.get("/iskanje/?q=tunderbird ne pošilja").content.decode()
    assert (
        '<h2 id="guide-hit-title" class="guide-hit__title"><a href="/programi/thunderbird/">'
        in search
    )


def test_a_retired_program_cannot_be_active(support_client, program):
    step = program.steps.get()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"
    response = support_client.post(url, step_form(program, step, retired="on"))
    assert response.status_code == 200
    assert "A retired program cannot be active: the wizard must not offer it." in (
        response.content.decode()
    )
    program.refresh_from_db()
    assert program.retired is False


def test_a_warning_with_an_article_macro_is_refused_with_its_line(support_client, program):
    step = program.steps.get()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"
    form = step_form(program, step) | {
        "warnings-TOTAL_FORMS": "1",
        "warnings-0-order": "1",
        "warnings-0-text_sl": "Vrata:\n[[ports-table]]",
    }
    response = support_client.post(url, form)
    assert response.status_code == 200
    assert "Line 2: macros work only in articles." in response.content.decode()
    assert program.warnings.count() == 0
