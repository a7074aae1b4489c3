import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.mail.models import MailProgram, ProgramStep
from portal.staff.roles import ADMINISTRATORS, SUPPORT_STAFF


def make_staff(username: str, group: str | None):
    user = get_user_model().objects.create_user(username, password="dolgo-geslo-za-test-42")
    user.is_staff = True
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def support_user(db):
    return make_staff("podpora", SUPPORT_STAFF)


@pytest.fixture
def administrator(db):
    return make_staff("skrbnik", ADMINISTRATORS)


@pytest.fixture
def support_client(client, support_user):
    client.force_login(support_user)
    return client


@pytest.fixture
def administrator_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def program(db):
    program = MailProgram.objects.create(name="Thunderbird", slug="thunderbird", platform="any")
    ProgramStep.objects.create(program=program, order=1, text_sl="Odprite program.")
    return program


@pytest.fixture
def records(hosted, ports, content, program):
    """One of everything staff edit, keyed by the admin's model name."""
    article = content.article()
    return {
        "article": article,
        "category": article.category,
        "mailprogram": program,
        "programstep": program.steps.get(),
        "server": hosted["vasadomena.si"].server,
        "hostingpackage": hosted["vasadomena.si"],
        "portsetting": ports[0],
    }
