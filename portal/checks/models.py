"""Live check results: one row per published endpoint of a server, and its recent checks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.checks.choices import Problem
from portal.mail.choices import Protocol, Security
from portal.mail.models import Server


class CheckedEndpoint(models.Model):
    """A server's endpoint as we publish it, with where it stands now.

    `failing_since` and `last_success_at` are kept up to date with every check, so the staff
    overview and the customers' pages read one row per endpoint instead of its history.
    """

    server = models.ForeignKey(
        Server,
        on_delete=models.CASCADE,
        related_name="checked_endpoints",
        verbose_name=_("server"),
    )
    protocol = models.CharField(_("protocol"), max_length=8, choices=Protocol.choices)
    security = models.CharField(_("security"), max_length=8, choices=Security.choices)
    port = models.PositiveIntegerField(_("port"))
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    latest = models.ForeignKey(
        "EndpointCheck",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("latest check"),
    )

    class Meta:
        ordering = ["server__hostname", "protocol", "security", "port"]
        verbose_name = _("checked endpoint")
        verbose_name_plural = _("checked endpoints")
        constraints = [
            models.UniqueConstraint(
                fields=["server", "protocol", "security", "port"], name="one_row_per_endpoint"
            )
        ]

    def __str__(self) -> str:
        return f"{self.server} {self.get_protocol_display()} {self.port}"


class EndpointCheck(models.Model):
    """What one check saw. Nothing personal: no login is tried, nothing is sent but commands."""

    endpoint = models.ForeignKey(
        CheckedEndpoint, on_delete=models.CASCADE, related_name="checks", verbose_name=_("endpoint")
    )
    checked_at = models.DateTimeField(_("checked at"), db_index=True)
    problem = models.CharField(
        _("problem"), max_length=32, choices=Problem.choices, blank=True, default=Problem.NONE
    )
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    greeting = models.CharField(_("greeting"), max_length=200, blank=True)
    login_methods = models.CharField(_("login methods"), max_length=200, blank=True)
    plain_login_refused = models.BooleanField(
        _("plain login refused before TLS"), null=True, blank=True
    )
    certificate_not_after = models.DateTimeField(_("certificate valid until"), null=True)
    certificate_names_host = models.BooleanField(_("certificate names the server"), null=True)
    certificate_trusted = models.BooleanField(_("certificate trusted"), null=True)
    round_trip_ms = models.PositiveIntegerField(_("round trip (ms)"), null=True)

    class Meta:
        ordering = ["-checked_at"]
        verbose_name = _("endpoint check")
        verbose_name_plural = _("endpoint checks")
        indexes = [models.Index(fields=["endpoint", "-checked_at"], name="check_endpoint_recent")]

    def __str__(self) -> str:
        return f"{self.endpoint} {self.checked_at:%Y-%m-%d %H:%M}"

    @property
    def ok(self) -> bool:
        return self.problem == Problem.NONE
