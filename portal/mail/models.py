"""Mail servers, hosting packages, ports and mail programs: the facts behind every page."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.localized import LocalizedMixin, current_language
from portal.mail.addresses import InvalidAddress, to_ascii_domain, to_unicode_domain
from portal.mail.choices import Protocol, Security, StepVariant
from portal.mail.step_images import step_image_path, validate_step_image
from portal.mail.steps import macro_lines, security_mismatch, unknown_placeholders


def domain_lines(text: str, strict: bool = True) -> tuple[str, ...]:
    """Domain names, one per line, in ASCII form. Raises InvalidAddress (strict) or skips."""
    names = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("*").lstrip(".")
        if not line:
            continue
        try:
            names.append(to_ascii_domain(line))
        except InvalidAddress:
            if strict:
                raise
    return tuple(dict.fromkeys(names))


def validate_hostname(value: str) -> None:
    try:
        to_ascii_domain(value)
    except InvalidAddress as error:
        raise ValidationError(_("Enter a valid host name, such as streznik.avant.si.")) from error


class Server(models.Model):
    hostname = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        validators=[validate_hostname],
        help_text=_("The name on the server's certificate, e.g. streznik.avant.si."),
    )
    active = models.BooleanField(_("active"), default=True)
    mx_names = models.TextField(
        _("further MX names"),
        blank=True,
        help_text=_(
            "Other names under which this server receives mail (as customers' MX records name "
            "it), one per line, e.g. mx1.avant.si. A domain whose MX record names this server "
            "or one of these names gets this server's settings."
        ),
    )
    login_needs_ascii = models.BooleanField(
        _("login needs the xn-- form"),
        default=False,
        help_text=_(
            "Tick if mailboxes of domains with letters such as č, š or ž log in only with the "
            "ASCII (xn--) form of the domain. The wizard then shows that form as the username "
            "and says why."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["hostname"]
        verbose_name = _("mail server")
        verbose_name_plural = _("mail servers")

    def __str__(self) -> str:
        return self.hostname

    def clean(self) -> None:
        if self.hostname:
            self.hostname = self.hostname.strip().rstrip(".").lower()
        try:
            self.mx_names = "\n".join(domain_lines(self.mx_names))
        except InvalidAddress as error:
            raise ValidationError(
                {"mx_names": _("Enter one host name per line, such as mx1.avant.si.")}
            ) from error

    @property
    def mx_name_list(self) -> tuple[str, ...]:
        return domain_lines(self.mx_names, strict=False)


class HostingPackageQuerySet(models.QuerySet):
    def for_domain(self, ascii_domain: str) -> "HostingPackage | None":
        return self.select_related("server").filter(domain=ascii_domain).first()


class HostingPackage(models.Model):
    domain = models.CharField(
        _("domain"),
        max_length=253,
        unique=True,
        help_text=_("The customer's domain; čebelica.si and its xn-- form are the same domain."),
    )
    plan = models.CharField(_("plan"), max_length=100)
    disk_quota_mb = models.PositiveIntegerField(
        _("disk quota (MB)"), validators=[MinValueValidator(1)]
    )
    server = models.ForeignKey(
        Server, on_delete=models.PROTECT, related_name="packages", verbose_name=_("server")
    )
    history = HistoricalRecords()

    objects = HostingPackageQuerySet.as_manager()

    class Meta:
        ordering = ["domain"]
        verbose_name = _("hosting package")
        verbose_name_plural = _("hosting packages")

    def __str__(self) -> str:
        return self.domain_display

    @property
    def domain_display(self) -> str:
        return to_unicode_domain(self.domain)

    def clean(self) -> None:
        try:
            self.domain = to_ascii_domain(self.domain)
        except InvalidAddress as error:
            raise ValidationError(
                {"domain": _("Enter a valid domain name, such as vasadomena.si.")}
            ) from error

    def save(self, *args, **kwargs) -> None:
        # Imports and scripts may skip full_clean(); the stored form is always canonical.
        self.domain = to_ascii_domain(self.domain)
        super().save(*args, **kwargs)


class PortSetting(models.Model):
    protocol = models.CharField(_("protocol"), max_length=8, choices=Protocol.choices)
    security = models.CharField(_("security"), max_length=8, choices=Security.choices)
    port = models.PositiveIntegerField(
        _("port"), validators=[MinValueValidator(1), MaxValueValidator(65535)]
    )
    preferred = models.BooleanField(
        _("preferred"),
        default=True,
        help_text=_(
            "The port shown first for this protocol and security; others are alternatives."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["protocol", "security", "-preferred", "port"]
        verbose_name = _("port setting")
        verbose_name_plural = _("port settings")
        constraints = [
            models.UniqueConstraint(
                fields=["protocol", "security", "port"], name="unique_port_per_protocol_security"
            ),
            models.UniqueConstraint(
                fields=["protocol", "security"],
                condition=Q(preferred=True),
                name="one_preferred_port_per_protocol_security",
                violation_error_message=_(
                    "There is already a preferred port for this protocol and security."
                ),
            ),
            models.CheckConstraint(
                condition=Q(port__gte=1) & Q(port__lte=65535), name="port_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_protocol_display()} {self.get_security_display()} {self.port}"


class Platform(models.TextChoices):
    WINDOWS = "windows", _("Windows")
    MACOS = "macos", _("macOS")
    IOS = "ios", _("iPhone and iPad")
    ANDROID = "android", _("Android")
    LINUX = "linux", _("Linux")
    ANY = "any", _("Several platforms")


class AutoConfiguration(models.TextChoices):
    MANUAL = "manual", _("Manual settings only")
    AUTOCONFIG = "autoconfig", _("Thunderbird autoconfig")
    AUTODISCOVER = "autodiscover", _("Outlook Autodiscover")
    APPLE_PROFILE = "apple-profile", _("Apple configuration profile")


class Icon(models.TextChoices):
    """Icons shipped in templates/icons/ as SVG symbols, defined once per page (no extra
    request); nobody uploads markup."""

    OUTLOOK = "outlook", "Outlook"
    THUNDERBIRD = "thunderbird", "Thunderbird"
    APPLE = "apple", "Apple"
    ANDROID = "android", "Android"
    WINDOWS = "windows", "Windows"
    GENERIC = "generic", _("Envelope")


class MailProgramQuerySet(models.QuerySet):
    def active(self) -> "MailProgramQuerySet":
        return self.filter(active=True)

    def with_guide(self) -> "MailProgramQuerySet":
        """Programs with a public guide page: the active ones and the retired ones."""
        return self.filter(Q(active=True) | Q(retired=True))


class MailProgram(LocalizedMixin, models.Model):
    name = models.CharField(
        _("name"), max_length=100, help_text=_("As Slovenian customers know it.")
    )
    name_en = models.CharField(
        _("name (English)"),
        max_length=100,
        blank=True,
        help_text=_("Only where it differs, e.g. Mail (iPhone, iPad). Empty: the name."),
    )
    aliases = models.TextField(
        _("search names"),
        blank=True,
        help_text=_(
            "Other names customers type into the search, one per line, e.g. outlook, ajfon or "
            "gmail aplikacija. Case, č/š/ž and Slovenian endings (outlooku) do not matter. A "
            "search that names one of these shows this program's guide first."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.GENERIC)
    auto_configuration = models.CharField(
        _("automatic configuration"),
        max_length=20,
        choices=AutoConfiguration.choices,
        default=AutoConfiguration.MANUAL,
    )
    user_agent_hint = models.CharField(
        _("browser hint"),
        max_length=20,
        blank=True,
        choices=[
            ("iphone", _("iPhone or iPad")),
            ("android", _("Android")),
            ("windows", _("Windows")),
            ("mac", _("Mac")),
        ],
        help_text=_("Preselect this program for visitors on this kind of device."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    retired = models.BooleanField(
        _("retired by its maker"),
        default=False,
        help_text=_(
            "The maker no longer supports it. Its guide page stays (old links keep working) "
            "and says so, with what to use instead; the wizard does not offer it."
        ),
    )
    history = HistoricalRecords()

    objects = MailProgramQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("mail program")
        verbose_name_plural = _("mail programs")
        constraints = [
            models.UniqueConstraint(
                fields=["user_agent_hint"],
                condition=~Q(user_agent_hint=""),
                name="one_program_per_user_agent_hint",
                violation_error_message=_(
                    "Another program is already preselected for this device."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the current language (English pages never show the Slovenian one
        when an English one is set)."""
        if current_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def alias_list(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.aliases.splitlines() if line.strip())

    def clean(self) -> None:
        if self.retired and self.active:
            raise ValidationError(
                {"active": _("A retired program cannot be active: the wizard must not offer it.")}
            )
        self.aliases = "\n".join(dict.fromkeys(self.alias_list))


class ProgramWarning(LocalizedMixin, models.Model):
    """Something a customer should know about one program, shown on its guide page."""

    program = models.ForeignKey(
        MailProgram, on_delete=models.CASCADE, related_name="warnings", verbose_name=_("program")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_sl = models.TextField(
        _("text (Slovenian)"),
        help_text=_("Short Markdown: **bold**, lists and links work; placeholders do not."),
    )
    text_en = models.TextField(_("text (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "order", "pk"]
        verbose_name = _("program warning")
        verbose_name_plural = _("program warnings")

    def __str__(self) -> str:
        return f"{self.program} #{self.order}"

    @property
    def text(self) -> str:
        return self.localized("text")

    def clean(self) -> None:
        for field in ("text_sl", "text_en"):
            macros = macro_lines(getattr(self, field))
            if macros:
                raise ValidationError(
                    {field: _("Line %(line)d: macros work only in articles.") % {"line": macros[0]}}
                )


class ProgramStepQuerySet(models.QuerySet):
    def shown_for(self, protocol: str, variant: str) -> "ProgramStepQuerySet":
        return self.filter(protocol__in=("", protocol), variant__in=("", variant))


class ProgramStep(LocalizedMixin, models.Model):
    program = models.ForeignKey(
        MailProgram, on_delete=models.CASCADE, related_name="steps", verbose_name=_("program")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    protocol = models.CharField(
        _("only for protocol"),
        max_length=8,
        blank=True,
        choices=[(Protocol.IMAP, "IMAP"), (Protocol.POP3, "POP3")],
        help_text=_("Leave empty for a step that applies to IMAP and POP3 alike."),
    )
    variant = models.CharField(
        _("only for connection"),
        max_length=10,
        blank=True,
        choices=StepVariant.choices,
        help_text=_(
            "Leave empty for a step that applies to encrypted and plain connections alike. A "
            "step that names an SSL or encryption switch must be limited to one of them."
        ),
    )
    text_sl = models.TextField(_("text (Slovenian)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    image = models.FileField(
        _("image"),
        upload_to=step_image_path,
        blank=True,
        validators=[validate_step_image],
        help_text=_("Optional screenshot: PNG, JPEG or WebP, at most 1 MB."),
    )
    image_alt_sl = models.CharField(
        _("image description (Slovenian)"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = ProgramStepQuerySet.as_manager()

    class Meta:
        ordering = ["program", "order", "pk"]
        verbose_name = _("setup step")
        verbose_name_plural = _("setup steps")

    def __str__(self) -> str:
        return f"{self.program} #{self.order}"

    @property
    def text(self) -> str:
        return self.localized("text")

    @property
    def image_alt(self) -> str:
        return self.localized("image_alt")

    def clean(self) -> None:
        errors = {}
        if self.image and not self.image_alt_sl.strip():
            errors["image_alt_sl"] = _("Describe the image for readers who cannot see it.")
        for field in ("text_sl", "text_en"):
            unknown = unknown_placeholders(getattr(self, field))
            if unknown:
                errors[field] = _("Unknown placeholder: %(names)s") % {
                    "names": ", ".join("{" + name + "}" for name in unknown)
                }
            macros = macro_lines(getattr(self, field))
            if macros:
                errors[field] = _(
                    "Line %(line)d: macros such as [[ports-table]] work only in articles, not in "
                    "steps. Write the values out, or use a placeholder such as {incoming_port}."
                ) % {"line": macros[0]}
            elif security_mismatch(getattr(self, field), self.variant):
                errors[field] = _(
                    "This step names an encryption setting that contradicts the connection it "
                    "is for. Limit it to encrypted or plain connections and word it to match."
                )
        if errors:
            raise ValidationError(errors)


class MailProviderQuerySet(models.QuerySet):
    def active(self) -> "MailProviderQuerySet":
        return self.filter(active=True)


class MailProvider(LocalizedMixin, models.Model):
    """A mail provider other than us (Gmail, Microsoft 365, ...), recognised by domain or MX.

    One endpoint per protocol (hostname, port, security); an empty hostname means the provider
    does not offer that protocol (iCloud has no POP3).
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("As customers know it, e.g. Google (Gmail).")
    )
    name_at_sl = models.CharField(
        _("name after »pri«"),
        max_length=100,
        blank=True,
        help_text=_(
            "The Slovenian form for »Vaša pošta je pri …«, e.g. Googlu (Gmail). Empty: the name."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    address_domains = models.TextField(
        _("address domains"),
        blank=True,
        help_text=_("Domains of its addresses, one per line, e.g. gmail.com."),
    )
    mx_suffixes = models.TextField(
        _("MX host suffixes"),
        blank=True,
        help_text=_(
            "A domain whose MX host ends in one of these (one per line, e.g. google.com or "
            "mail.protection.outlook.com) has its mail here."
        ),
    )
    imap_hostname = models.CharField(
        _("IMAP server"), max_length=253, blank=True, validators=[validate_hostname]
    )
    imap_port = models.PositiveIntegerField(
        _("IMAP port"), null=True, blank=True, validators=[MaxValueValidator(65535)]
    )
    imap_security = models.CharField(
        _("IMAP security"), max_length=8, choices=Security.choices, default=Security.SSL
    )
    pop3_hostname = models.CharField(
        _("POP3 server"), max_length=253, blank=True, validators=[validate_hostname]
    )
    pop3_port = models.PositiveIntegerField(
        _("POP3 port"), null=True, blank=True, validators=[MaxValueValidator(65535)]
    )
    pop3_security = models.CharField(
        _("POP3 security"), max_length=8, choices=Security.choices, default=Security.SSL
    )
    smtp_hostname = models.CharField(
        _("SMTP server"), max_length=253, blank=True, validators=[validate_hostname]
    )
    smtp_port = models.PositiveIntegerField(
        _("SMTP port"), null=True, blank=True, validators=[MaxValueValidator(65535)]
    )
    smtp_security = models.CharField(
        _("SMTP security"), max_length=8, choices=Security.choices, default=Security.SSL
    )
    login_with_local_part = models.BooleanField(
        _("username is the part before @"),
        default=False,
        help_text=_("Leave unticked when the username is the full email address."),
    )
    help_url = models.URLField(_("provider's help page"), blank=True)
    note_sl = models.TextField(
        _("note (Slovenian)"),
        blank=True,
        help_text=_("Shown with the settings, e.g. that the provider needs an app password."),
    )
    note_en = models.TextField(_("note (English)"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = MailProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mail provider")
        verbose_name_plural = _("mail providers")

    def __str__(self) -> str:
        return self.name

    @property
    def note(self) -> str:
        return self.localized("note")

    @property
    def address_domain_list(self) -> tuple[str, ...]:
        return domain_lines(self.address_domains, strict=False)

    @property
    def mx_suffix_list(self) -> tuple[str, ...]:
        return domain_lines(self.mx_suffixes, strict=False)

    def clean(self) -> None:
        errors = {}
        for field in ("address_domains", "mx_suffixes"):
            try:
                setattr(self, field, "\n".join(domain_lines(getattr(self, field))))
            except InvalidAddress:
                errors[field] = _("Enter one domain per line, such as gmail.com.")
        for protocol in ("imap", "pop3", "smtp"):
            hostname = getattr(self, f"{protocol}_hostname")
            if hostname:
                setattr(self, f"{protocol}_hostname", hostname.strip().rstrip(".").lower())
                if not getattr(self, f"{protocol}_port"):
                    errors[f"{protocol}_port"] = _("Enter the port for this server.")
        if errors:
            raise ValidationError(errors)
