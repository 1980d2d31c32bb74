"""When the payments of an approved request fall due. Pure Python: no Django import.

The first payment is due on the day of the decision; each next one a calendar month later,
on the same day of the month, or on the month's last day when it is shorter (31 January,
28/29 February, 31 March). A due date is never before the decision."""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` calendar months on; the day of the month is kept, or capped at
    the last day of a shorter month. `months` is at least 0."""
    if months < 0:
        raise ValueError("months must be at least 0")
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_dates(decision: datetime.date, count: int) -> list[datetime.date]:
    """The due dates of `count` monthly payments starting on the decision day."""
    return [add_months(decision, n) for n in range(count)]
