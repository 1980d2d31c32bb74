"""The demo's one account per role, named after it (demo-gezinswerker, ...): what the README,
the start-page tests and scripts/screenshots.py log in as. Pure Python."""

from doorbraak.accounts.roles import Role

#: Accounts named as the professionals call the person, not by the role's code (samen indiceren).
ACCOUNT_NAMES = {Role.ADVISEUR: "demo-wijkverpleegkundige", Role.WMO_CONSULENT: "demo-wmoconsulent"}
ROLE_ACCOUNTS = [ACCOUNT_NAMES.get(role, f"demo-{role.value}") for role in Role]
PASSWORD = "doorbraak"

#: The demo's functional administrator (and every other staff demo account) has an
#: authenticator app with this SYNTHETIC, published secret: add it to any TOTP app, or compute
#: a code with `pyotp.TOTP(TOTP_SECRET).now()` (README, demo accounts).
#: Demo only: load_demo refuses to run without DJANGO_DEBUG (or --force).
TOTP_SECRET = "DOORBRAAKDEMOTOTPGEHEIMNIETECHT2"
