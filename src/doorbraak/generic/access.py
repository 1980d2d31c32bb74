"""Who may do what with generic decisions (pure Python, no Django import).

- A beleidsadviseur makes a generic decision and refreshes its list: it is a policy decision
  over many cases, taken on a pattern (DOMAIN.md: beleidsadviseurs run werktafels and track
  structural solutions). The adviser sees the decision and its progress figures, never the
  households on the list.
- The belteam works the outreach list: a contact person of the deciding organisation (role
  tafellid, organisation = the decision's; UWV's belteam in seed 002) sees every row of that
  decision; a professional of a neighbourhood team (caseworker roles) sees the rows of the
  cases they may see anyway (their own and their team's: the vaste gezicht brings the news).
  queries.visible_rows is that rule as one SQL filter.
"""

from doorbraak.accounts.roles import CASEWORKER_ROLES, Role

OUTREACH_ROLES = frozenset({*CASEWORKER_ROLES, Role.TAFELLID})


def may_create_generic(person) -> bool:
    return person.is_active and person.role == Role.BELEIDSADVISEUR


def may_work_outreach(person) -> bool:
    return person.is_active and person.role in OUTREACH_ROLES


def may_see_generic(person) -> bool:
    return may_create_generic(person) or may_work_outreach(person)
