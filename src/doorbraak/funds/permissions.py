"""Who may handle a fund's money (batches, marking paid): its project leader, the team
leader of the owning team, or a functional administrator."""

from doorbraak.accounts.roles import Role


def may_handle_payments(user, fund) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.role in (Role.BEHEERDER, Role.PROJECTLEIDER):
        return True
    return user.role == Role.TEAMLEIDER and fund.owner_team_id == user.team_id
