"""System checks of the autoconfig app (`manage.py check --deploy`)."""

from django.core.checks import Tags, Warning, register

from portal.autoconfig.signing import profiles_are_signed

UNSIGNED_PROFILES = "autoconfig.W001"


@register(Tags.security, deploy=True)
def apple_profiles_signed(app_configs, **kwargs) -> list[Warning]:
    if profiles_are_signed():
        return []
    return [
        Warning(
            "Apple configuration profiles are served unsigned: iOS and macOS mark them "
            "'Not Verified'.",
            hint=(
                "Set APPLE_PROFILE_SIGNING_CERT and APPLE_PROFILE_SIGNING_KEY (PEM files of a "
                "dedicated signing certificate; see docs/apple-and-formats.md)."
            ),
            id=UNSIGNED_PROFILES,
        )
    ]
