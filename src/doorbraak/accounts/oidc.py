"""OpenID Connect login (Keycloak, Entra ID) mapped onto existing Doorbraak accounts.

Claims come from the verified ID token merged with the userinfo response, so a username
claim that only the ID token carries (Entra ID's `preferred_username`, `upn`) works too.
Roles and teams stay in Doorbraak's own register, managed by the functional administrator:
a person who signs in through OIDC gets the account whose username matches the configured
claim. Unknown people are refused unless OIDC_CREATE_USER is on; then they get an account
without role or team, which sees no cases until an administrator assigns them.
"""

import logging

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import mfa

log = logging.getLogger("doorbraak.security")


def has_idp_mfa(claims: dict) -> bool:
    """The identity provider did a second factor: the ID token's `amr` (RFC 8176 method
    references, a list) holds one of OIDC_MFA_AMR_VALUES, or its `acr` is one of
    OIDC_MFA_ACR_VALUES (both configurable: docs/oidc.md)."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = amr.split()
    wanted_amr = set(getattr(settings, "OIDC_MFA_AMR_VALUES", []))
    wanted_acr = set(getattr(settings, "OIDC_MFA_ACR_VALUES", []))
    return bool(wanted_amr & set(amr)) or (str(claims.get("acr", "")) in wanted_acr)


class DoorbraakOIDCBackend(OIDCAuthenticationBackend):
    def _username(self, claims) -> str:
        return (
            claims.get(getattr(settings, "OIDC_USERNAME_CLAIM", "preferred_username")) or ""
        ).strip()

    def get_userinfo(self, access_token, id_token, payload):
        # `payload` is the ID token, already verified (signature, audience, nonce).
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims):
        """Allow login when the configured username claim is present (e-mail is optional) and,
        unless OIDC_REQUIRE_MFA is off, the identity provider did a second factor."""
        if not self._username(claims):
            return False
        if getattr(settings, "OIDC_REQUIRE_MFA", True) and not has_idp_mfa(claims):
            log.warning(
                "OIDC login refused: no second factor in acr/amr for %s.", self._username(claims)
            )
            return False
        return True

    def authenticate(self, request, **kwargs):
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None and getattr(settings, "OIDC_REQUIRE_MFA", True):
            # verify_claims passed: the identity provider's MFA counts as this session's
            # second factor (middleware.py). Kept by login(): the session had no user yet.
            request.session[mfa.VERIFIED] = True
        return user

    def filter_users_by_claims(self, claims):
        username = self._username(claims)
        if not username:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=username, is_active=True)

    def create_user(self, claims):
        return self.UserModel.objects.create_user(
            username=self._username(claims),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )

    def update_user(self, user, claims):
        return user

    def get_username(self, claims):
        return self._username(claims)
