"""Who may handle a fund's money: the batch list, a new batch, the SEPA and CSV files, marking a
batch paid and the payment orders (issue 11, finding 8). Pure Python: no Django import.

- the team leader of the owning team handles that team's funds;
- a project leader handles the programme and municipal funds (no owner team) of their own
  organisation, or of no organisation in particular;
- nobody else. The functional administrator configures funds, including the account they pay
  from, and so never pays from them (separation of duties, BIO); caseworkers spend a fund
  through requests and votes, not through its payments.

Every handler also sees the fund (funds.queries.visible_funds); funds.queries.handled_funds is
the same rule as one SQL filter. Whoever may not handle a fund's money gets a 404, as for a fund
they cannot see.
"""

from doorbraak.accounts.roles import Role


def may_handle_payments(user, fund) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.role == Role.TEAMLEIDER:
        return user.team_id is not None and fund.owner_team_id == user.team_id
    if user.role == Role.PROJECTLEIDER:
        return fund.owner_team_id is None and fund.owner_organisation_id in (
            None,
            user.organisation_id,
        )
    return False
