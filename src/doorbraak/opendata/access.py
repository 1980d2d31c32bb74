"""Who may use the open-data page: the beleidsadviseur and the functioneel beheerder of a
municipality (preview, download, publish); the rule lives with the menu (home/menu.py) so the
link shows exactly when the page lets one in. Everyone, without logging in, may download what a
municipality has published, and only that."""

from doorbraak.home.menu import OPEN_DATA_ROLES, may_manage_open_data

__all__ = ["OPEN_DATA_ROLES", "may_manage_open_data"]
