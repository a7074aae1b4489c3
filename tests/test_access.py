import pytest
from django.contrib.auth import get_user_model

ADMIN_PAGES = [
    "/admin/",
    "/admin/mail/server/",
    "/admin/mail/hostingpackage/",
    "/admin/mail/portsetting/",
    "/admin/mail/mailprogram/",
    "/admin/help/article/",
    "/admin/help/category/",
    "/en/admin/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_anonymous_visitors_cannot_reach_the_admin(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_customers_without_staff_status_cannot_reach_the_admin(client, db, path):
    user = get_user_model().objects.create_user("stranka", password="geslo-za-test-123")
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_work_for_administrators(admin_client, hosted, path):
    assert admin_client.get(path).status_code == 200
