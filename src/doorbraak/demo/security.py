"""Demo data for the second factor and the access review (issue 16, items 5 and 6).

* Every staff demo account (demo-beheerder) gets a confirmed authenticator app with the
  published synthetic secret demo.accounts.TOTP_SECRET, so the demo stays usable.
* The access review has work: the accounts of Bloemenbuurt were made half a year ago, one was
  confirmed recently, the others are due; those of Havenkwartier-Noord were never reviewed
  and are overdue (flagged on demo-beheerder's start page).
"""

import datetime

from django.utils import timezone

from doorbraak.accounts import mfa
from doorbraak.accounts.models import AccessReview, ReviewDecision, User
from doorbraak.demo.accounts import TOTP_SECRET


def add_demo_security(orgs, users) -> dict:
    now = timezone.now()
    devices = 0
    for user in User.objects.filter(is_staff=True, username__startswith="demo-"):
        mfa.demo_device(user, TOTP_SECRET, now)
        devices += 1
    half_year_ago = now - datetime.timedelta(days=190)
    bloemen = users["demo-teamleider"].team
    haven = users["demo-ruben"].team
    User.objects.filter(team__in=[bloemen, haven]).update(date_joined=half_year_ago)
    reviews = [
        AccessReview(
            user=users["demo-fleur"],
            reviewer=users["demo-teamleider"],
            decision=ReviewDecision.CONFIRMED,
            role=users["demo-fleur"].role,
            team=bloemen,
            decided_at=now - datetime.timedelta(days=12),
        ),
        AccessReview(
            user=users["demo-gezinswerker"],
            reviewer=users["demo-teamleider"],
            decision=ReviewDecision.CONFIRMED,
            role=users["demo-gezinswerker"].role,
            team=bloemen,
            decided_at=now - datetime.timedelta(days=100),
        ),
    ]
    AccessReview.objects.bulk_create(reviews)
    return {"totp_devices": devices, "access_reviews": len(reviews)}
