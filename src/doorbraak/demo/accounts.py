"""The demo's one account per role, named after it (demo-gezinswerker, ...): what the README,
the start-page tests and scripts/screenshots.py log in as. Pure Python."""

from doorbraak.accounts.roles import Role

ROLE_ACCOUNTS = [f"demo-{role.value}" for role in Role]
PASSWORD = "doorbraak"
