from django import forms
from django.utils.translation import gettext_lazy as _

from portal.autoconfig.advertised import domain_only_address
from portal.mail.addresses import MAX_DOMAIN_LENGTH, EmailAddress, InvalidAddress


class DomainForm(forms.Form):
    """A domain name as typed (IDN or punycode); cleaned to a domain-only `EmailAddress`."""

    domain = forms.CharField(
        label=_("Domain"),
        max_length=MAX_DOMAIN_LENGTH * 4,
        help_text=_("For example vasadomena.si, without “www.” and without the part before @."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_domain(self) -> EmailAddress:
        value = self.cleaned_data["domain"]
        if "@" in value:
            raise forms.ValidationError(
                _("Enter only the domain, the part after @ (for example vasadomena.si)."),
                code="address",
            )
        try:
            return domain_only_address(value.strip().lower().removeprefix("www."))
        except InvalidAddress:
            raise forms.ValidationError(
                _("“%(value)s” is not a domain name. Enter one like vasadomena.si."),
                code="invalid",
                params={"value": value},
            ) from None
