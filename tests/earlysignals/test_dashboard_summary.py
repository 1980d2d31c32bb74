"""The funnel's summary on /cijfers/ and the early-signals page: Dutch figures."""


def test_the_funnel_summary_writes_dutch_percentages(monkeypatch):
    """263 of 300 approached read "87,7 %", as every other figure on /cijfers/ (it read
    "87.7 %", a float; found by an exploratory test)."""
    import datetime

    from django.utils import translation

    from doorbraak.earlysignals import dashboard, workflow

    month = datetime.date(2026, 3, 1)
    by_kind = {"energie": [(month, workflow.Funnel(3000, 2630, 560, 12))]}
    monkeypatch.setattr(dashboard.queries, "funnel", lambda *args: by_kind)
    with translation.override("nl"):
        summary = dashboard.funnel_context(None)["funnel_summary"]
    assert summary == (
        "3.000 signalen ontvangen, 2.630 benaderd (87,7 %), 560 bereikt "
        "(21,3 % van de benaderden), 12 hulp geaccepteerd."
    )


def test_a_share_of_nothing_is_zero():
    from decimal import Decimal

    from doorbraak.earlysignals import workflow

    assert workflow.share(0, 0) == 0 and workflow.share(1, 3) == Decimal(1) / Decimal(3)
