"""A staff member sent somewhere their role cannot go gets a helpful 403 in the admin's layout."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from portal.errors import permission_denied


@pytest.mark.parametrize(
    "url",
    ["/admin/auth/user/", "/admin/axes/accessattempt/", "/admin/mail/hostingpackage/import/"],
)
def test_support_staff_get_the_admins_layout_in_their_language(support_client, records, url):
    response = support_client.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="header"' in html  # the admin's own layout, with its navigation
    assert '<html lang="sl"' in html
    assert "Vaša vloga tega ne dovoljuje" in html
    assert "Podporno osebje" in html  # the role's name
    assert "Članki: ogled, dodajanje, spreminjanje" in html  # what the role may do
    assert "Poštni strežniki: ogled" in html


def test_the_english_admin_explains_it_in_english(support_client, records):
    html = support_client.get("/en/admin/auth/user/").content.decode()
    assert "Your role does not allow this" in html
    assert "Articles: view, add, change" in html


def test_visitors_get_the_public_403_page(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = permission_denied(request)
    assert response.status_code == 403
    html = response.content.decode()
    assert "You may not open this page." in html or "Te strani ne morete odpreti." in html
    assert 'id="header"' not in html
