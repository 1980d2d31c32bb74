"""OpenID Connect login (Keycloak, Entra ID) mapped onto existing Doorbraak accounts.

Claims come from the verified ID token merged with the userinfo response, so a username
claim that only the ID token carries (Entra ID's `preferred_username`, `upn`) works too.
Roles and teams stay in Doorbraak's own register, managed by the functional administrator:
a person who signs in through OIDC gets the account whose username matches the configured
claim. Unknown people are refused unless OIDC_CREATE_USER is on; then they get an account
without role or team, which sees no cases until an administrator assigns them.
"""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class DoorbraakOIDCBackend(OIDCAuthenticationBackend):
    def _username(self, claims) -> str:
        return (
            claims.get(getattr(settings, "OIDC_USERNAME_CLAIM", "preferred_username")) or ""
        ).strip()

    def get_userinfo(self, access_token, id_token, payload):
        # `payload` is the ID token, already verified (signature, audience, nonce).
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims):
        """Allow login when the configured username claim is present (e-mail is optional)."""
        return bool(self._username(claims))

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
