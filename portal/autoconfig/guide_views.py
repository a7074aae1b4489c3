"""The human page: which DNS records make mail programs find their settings for a domain."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.autoconfig import dns
from portal.autoconfig.forms import DomainForm
from portal.hosts import portal_hostname
from portal.mail.selectors import mail_settings_for


def dns_records(request: HttpRequest) -> HttpResponse:
    form = DomainForm(request.GET if "domain" in request.GET else None)
    target = portal_hostname(request)
    # Never a CNAME to an address: without a usable name the page says what to set instead.
    context: dict[str, object] = {
        "form": form,
        "portal_hostname": target if dns.can_be_a_target(target) else None,
        "mx_autoconfig_host": next(iter(settings.AUTOCONFIG_MX_HOSTS), None),
    }
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        address = form.cleaned_data["domain"]
        mail_settings = mail_settings_for(address, with_providers=False)
        context["domain"] = address
        if mail_settings.hosted:
            records = dns.records_for(mail_settings, context["portal_hostname"])
            context["records"] = records
            context["zone_file"] = dns.zone_file(records)
        else:
            status = 404
    return render(request, "autoconfig/dns.html", context, status=status)
