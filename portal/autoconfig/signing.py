"""Signing Apple configuration profiles: CMS/PKCS#7 SignedData (DER) with the plist inside.

With `APPLE_PROFILE_SIGNING_CERT` and `APPLE_PROFILE_SIGNING_KEY` (PEM file paths, and the
optional `APPLE_PROFILE_SIGNING_CHAIN` with the intermediate certificates) every profile is
served signed, so iOS and macOS show the signer's name and "Verified" instead of "Not
Verified". Unset, profiles are served unsigned, as plain property lists.

The certificate and key are read and checked once, when the app starts
(`AutoconfigConfig.ready()`): a path that cannot be read, a file that is not PEM, an encrypted
key, or a key that does not belong to the certificate stops the start with `ImproperlyConfigured`
naming the setting. The signing itself is cryptography's `PKCS7SignatureBuilder`.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class ProfileSigner:
    """A signing certificate, its private key and the intermediates sent along with it."""

    certificate: x509.Certificate
    key: SigningKey
    chain: tuple[x509.Certificate, ...] = ()

    def sign(self, profile: bytes) -> bytes:
        """`profile` wrapped in SignedData (DER), the content included byte for byte."""
        builder = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(profile)
            .add_signer(self.certificate, self.key, hashes.SHA256())
        )
        for certificate in self.chain:
            builder = builder.add_certificate(certificate)
        # Binary: sign the bytes as they are (no conversion of line ends to MIME's CRLF).
        return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def _read(setting: str, path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ImproperlyConfigured(
            f"{setting}: cannot read {path!r} ({error.strerror or error})."
        ) from error


def _certificates(setting: str, path: str) -> list[x509.Certificate]:
    try:
        certificates = x509.load_pem_x509_certificates(_read(setting, path))
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{setting}: {path!r} is not a PEM certificate file ({error})."
        ) from error
    return certificates


def _private_key(setting: str, path: str) -> SigningKey:
    try:
        key = serialization.load_pem_private_key(_read(setting, path), password=None)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            f"{setting}: {path!r} is not an unencrypted PEM private key ({error})."
        ) from error
    if not isinstance(key, SigningKey):
        raise ImproperlyConfigured(f"{setting}: {path!r} must be an RSA or EC private key.")
    return key


def _public_bytes(key: object) -> bytes:
    return key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@cache
def load_signer(certificate_path: str, key_path: str, chain_path: str = "") -> ProfileSigner:
    """Read and check the files; raises ImproperlyConfigured with a message naming the setting.

    Cached per set of paths: the files are read once per process.
    """
    certificate = _certificates("APPLE_PROFILE_SIGNING_CERT", certificate_path)[0]
    key = _private_key("APPLE_PROFILE_SIGNING_KEY", key_path)
    if _public_bytes(key.public_key()) != _public_bytes(certificate.public_key()):
        raise ImproperlyConfigured(
            f"APPLE_PROFILE_SIGNING_KEY: the key in {key_path!r} does not belong to the "
            f"certificate in {certificate_path!r} ({certificate.subject.rfc4514_string()})."
        )
    chain = _certificates("APPLE_PROFILE_SIGNING_CHAIN", chain_path) if chain_path else []
    return ProfileSigner(certificate, key, tuple(chain))


def configured_signer() -> ProfileSigner | None:
    """The signer from the settings, or None when profiles are served unsigned."""
    certificate_path = settings.APPLE_PROFILE_SIGNING_CERT
    key_path = settings.APPLE_PROFILE_SIGNING_KEY
    if not certificate_path and not key_path:
        return None
    if not (certificate_path and key_path):
        raise ImproperlyConfigured(
            "APPLE_PROFILE_SIGNING_CERT and APPLE_PROFILE_SIGNING_KEY must be set together."
        )
    return load_signer(certificate_path, key_path, settings.APPLE_PROFILE_SIGNING_CHAIN)


def profiles_are_signed() -> bool:
    return configured_signer() is not None


def signed_if_configured(profile: bytes) -> bytes:
    """The profile as served: signed when a signer is configured, else unchanged."""
    signer = configured_signer()
    return signer.sign(profile) if signer is not None else profile


def signer_name() -> str:
    """Whom iOS names as the signer ("Signed by …"): the certificate's organisation or common
    name; "" when profiles are unsigned."""
    signer = configured_signer()
    if signer is None:
        return ""
    subject = signer.certificate.subject
    for oid in (x509.NameOID.ORGANIZATION_NAME, x509.NameOID.COMMON_NAME):
        names = subject.get_attributes_for_oid(oid)
        if names:
            return str(names[0].value)
    return subject.rfc4514_string()
