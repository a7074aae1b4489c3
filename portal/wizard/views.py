"""The setup wizard: email → program → usage → result, each step its own URL.

GET shows a step prefilled from the session (so Back and bookmarks work); POST validates,
stores the answer in the session and redirects to the next step (POST/redirect/GET). A step
reached without the earlier answers redirects to the first one missing. Invalid input is
shown again with its errors and status 400, keeping what the customer typed.

The address lives only in the wizard's own encrypted browser-session cookie (request.wizard,
portal/wizard/cookie.py), never in a URL, a log line or a row.
"""

import segno
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from portal.autoconfig.signing import signer_name
from portal.autoconfig.views import mobileconfig_response
from portal.hosts import portal_url
from portal.mail.choices import INCOMING_PROTOCOLS, Protocol
from portal.mail.models import AutoConfiguration, MailProgram
from portal.mail.selectors import mail_settings_for
from portal.wizard import steps
from portal.wizard.answers import OTHER_PROGRAM, WizardAnswers
from portal.wizard.forms import EmailForm, ProgramForm, UsageForm
from portal.wizard.phone_flow import result_layout
from portal.wizard.programs import preselected_program, program_groups
from portal.wizard.recommendation import format_quota
from portal.wizard.result import ProgramGuide, StepText, build_result
from portal.wizard.user_agent import device_hint


def _step_context(step: steps.Step) -> dict:
    previous = steps.previous_step(step)
    return {
        "progress": steps.progress(step),
        "back_url": previous.url if previous else None,
    }


class WizardStep(FormView):
    """One question step: prerequisites, prefill from the session, store and move on."""

    step: steps.Step

    def dispatch(self, request, *args, **kwargs):
        self.answers = WizardAnswers(request.wizard)
        missing = steps.first_missing_step(self.step, self.answers.answered)
        if missing is not None:
            return redirect(missing.url)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        stored = self.answers.get(self.step.answer)
        if isinstance(stored, dict):
            return stored
        return {self.step.answer: stored} if stored else {}

    def answer(self, form):
        return form.cleaned_data[self.step.answer]

    def form_valid(self, form):
        self.answers.save(self.step.answer, self.answer(form))
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_success_url(self):
        return steps.next_step(self.step).url

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | _step_context(self.step)


def chosen_program(request, programs=None) -> MailProgram | None:
    """The active program a guide page's button chose (`?program=<slug>`), if any.

    Read from the query string on GET and from the form's hidden field on POST; an unknown,
    hidden or retired program is ignored and the wizard simply asks as usual.
    """
    slug = request.GET.get("program") or request.POST.get("program") or ""
    if not slug:
        return None
    if programs is not None:
        return next((program for program in programs if program.slug == slug), None)
    return MailProgram.objects.active().filter(slug=slug).first()


def _with_program(url: str, program: MailProgram | None) -> str:
    return f"{url}?{urlencode({'program': program.slug})}" if program else url


class EmailStep(WizardStep):
    """Step 1. Opened from a guide page, it carries the chosen program on to step 2."""

    step = steps.EMAIL
    form_class = EmailForm
    template_name = "wizard/email.html"

    @cached_property
    def program(self) -> MailProgram | None:
        return chosen_program(self.request)

    def get_initial(self):
        initial = super().get_initial()
        return initial | {"program": self.program.slug} if self.program else initial

    def get_success_url(self):
        return _with_program(super().get_success_url(), self.program)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"chosen_program": self.program}


class ProgramStep(WizardStep):
    step = steps.PROGRAM
    form_class = ProgramForm
    template_name = "wizard/program.html"

    @cached_property
    def programs(self) -> list[MailProgram]:
        return list(MailProgram.objects.active())

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"groups": program_groups(self.programs)}

    def get_initial(self):
        chosen = chosen_program(self.request, self.programs)
        if chosen is not None:  # from a guide page's "set it up for my address"
            return {"program": chosen.slug}
        initial = super().get_initial()
        if not initial:
            hint = device_hint(self.request.headers.get("User-Agent"))
            slug = preselected_program(self.programs, hint)
            if slug:
                initial = {"program": slug}
        return initial

    def get_context_data(self, **kwargs):
        mail_settings = mail_settings_for(self.answers.address)
        quota = mail_settings.disk_quota_mb
        return super().get_context_data(**kwargs) | {
            "address": self.answers.address,
            "mail_settings": mail_settings,
            "quota": format_quota(quota) if quota else "",
        }


class UsageStep(WizardStep):
    step = steps.USAGE
    form_class = UsageForm
    template_name = "wizard/usage.html"

    def answer(self, form):
        return dict(form.cleaned_data)


def _protocol_switch_url(protocol: str) -> str:
    return f"{reverse('wizard:result')}?{urlencode({'protocol': protocol})}"


def _profile_qr_svg(request, mail_settings) -> str:
    """An inline SVG QR code of the domain-only profile URL (no address: the phone asks).

    The protocol shown on the page goes along, so the phone gets the same account type.
    """
    query = urlencode(
        {"domain": mail_settings.address.domain, "protocol": mail_settings.recommended_protocol}
    )
    path = f"{reverse('autoconfig:mobileconfig')}?{query}"
    url = portal_url(request, path)
    svg = segno.make(url, error="m").svg_inline(
        scale=4,
        border=2,
        omitsize=True,
        svgclass="qr-code",
        lineclass="qr-code__modules",
        title=_("QR code that opens the settings profile on an iPhone or iPad"),
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _program_guide(slug: str) -> ProgramGuide | None:
    """The active program with its steps (two queries), as plain values; None if gone."""
    program = MailProgram.objects.active().prefetch_related("steps").filter(slug=slug).first()
    if program is None:
        return None
    return ProgramGuide(
        name=program.display_name,
        apple_profile=program.auto_configuration == AutoConfiguration.APPLE_PROFILE,
        steps=tuple(
            StepText(
                step.text,
                step.protocol,
                step.variant,
                step.image.url if step.image else "",
                step.image_alt,
            )
            for step in program.steps.all()
        ),
    )


def result(request):
    answers = WizardAnswers(request.wizard)
    missing = steps.first_missing_step(steps.RESULT, answers.answered)
    if missing is not None:
        return redirect(missing.url)
    program = None
    if answers.program != OTHER_PROGRAM:
        program = _program_guide(answers.program)
        if program is None:  # removed or hidden since the customer chose it
            return redirect(steps.PROGRAM.url)
    page = build_result(
        mail_settings_for(answers.address),
        answers.usage,
        program,
        requested_protocol=request.GET.get("protocol"),
    )
    layout = result_layout(request.headers.get("User-Agent"), page.apple_profile)
    qr = _profile_qr_svg(request, page.mail_settings) if layout.show_qr else ""
    context = _step_context(steps.RESULT) | {
        "address": answers.address,
        "page": page,
        "mail_settings": page.mail_settings,
        "other_protocol_url": _protocol_switch_url(page.other_protocol)
        if page.other_protocol
        else "",
        "layout": layout,
        "profile_signer": signer_name(),
        "profile_qr": mark_safe(qr),  # noqa: S308 (segno's SVG of our own URL)
    }
    response = render(request, "wizard/result.html", context)
    patch_vary_headers(response, ["User-Agent"])  # the layout follows the device
    return response


@require_POST
def restart(request):
    """ "Set up another address": forget every answer of this visit and start again."""
    WizardAnswers(request.wizard).forget()
    return redirect(steps.EMAIL.url)


@require_POST
def profile(request):
    """The Apple profile for the address in the session (POST: the address is never in a URL)."""
    address = WizardAnswers(request.wizard).address
    if address is None:
        return redirect(steps.EMAIL.url)
    requested = request.POST.get("protocol")
    protocol = requested if requested in INCOMING_PROTOCOLS else Protocol.IMAP
    return mobileconfig_response(mail_settings_for(address, protocol, with_providers=False))
