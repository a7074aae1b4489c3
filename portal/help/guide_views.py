"""Program guide pages: one per mail program, and the list of them.

A guide shows a program's steps with general values (`portal.mail.guide`), our settings in
general (which server name and why, the ports table, the username), the program's warnings
staff keep in the admin, and a button that opens the wizard with the program chosen. A
retired program keeps its page: it says so and lists what to use instead.

Queries per page are constant in the number of programs: the list 1, a guide 5 (program,
steps, warnings, ports, an example server name), a retired program's guide 6.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from portal.mail.guide import GUIDE_PROTOCOL, generic_steps, has_steps_for_other_cases
from portal.mail.ports import TABLE_PROTOCOLS, ports_table
from portal.mail.selectors import (
    alternatives_to,
    example_server_name,
    guide_programs,
    guide_step_texts,
    port_options,
    program_for_guide,
)
from portal.markdown import render_markdown
from portal.page_cache import cached_public_page


def wizard_url_for(slug: str) -> str:
    """The wizard's first step with the program chosen (the choice is a plain GET parameter)."""
    return f"{reverse('wizard:start')}?{urlencode({'program': slug})}"


@cached_public_page
def program_index(request):
    programs = guide_programs()
    context = {
        "programs": [program for program in programs if program.active],
        "retired": [program for program in programs if program.retired],
        "icons": sorted({program.icon for program in programs}),
    }
    return render(request, "help/programs.html", context)


@cached_public_page
def program_guide(request, slug):
    program = program_for_guide(slug)
    if program is None:
        raise Http404
    ports = port_options()
    step_texts = guide_step_texts(program)
    context = {
        "program": program,
        # Staff Markdown, sanitised by render_markdown (the same as program steps).
        "warnings": [
            mark_safe(render_markdown(warning.text))  # noqa: S308
            for warning in program.warnings.all()
        ],
        "steps": generic_steps(step_texts, ports),
        "more_steps_in_wizard": has_steps_for_other_cases(step_texts),
        "guide_protocol": GUIDE_PROTOCOL.label,
        "ports_rows": ports_table(ports),
        "ports_protocols": [protocol.label for protocol in TABLE_PROTOCOLS],
        "example_server": example_server_name(),
        "alternatives": alternatives_to(program) if program.retired else [],
        "wizard_url": wizard_url_for(program.slug),
    }
    return render(request, "help/program_guide.html", context)
