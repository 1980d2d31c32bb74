"""The response of the figures API (`GET /api/v1/figures/`) as serializers: what the OpenAPI
schema documents, field by field (reports/api.py builds the data; tests/reports check a real
response against these fields). Counts are integers, amounts and shares strings with two
decimals; the team-bound sections are null for a projectleider's scope (funds, not teams)."""

from rest_framework import serializers

MONEY = {"help_text": "Bedrag in euro, als tekst met twee decimalen"}


def _money(**kwargs):
    return serializers.CharField(**MONEY, **kwargs)


class FiguresScopeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["team", "funds", "municipality"],
        help_text="team (teamleider), funds (projectleider) of municipality (gemeente)",
    )
    name = serializers.CharField()


class FiguresPeriodSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField(help_text="Tot en met")


class FiguresCategoryAmountSerializer(serializers.Serializer):
    category = serializers.CharField()
    amount = _money()


class FiguresMonthAmountSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="Maand van indienen, JJJJ-MM")
    amount = _money()


class FiguresFundUseSerializer(serializers.Serializer):
    fund = serializers.CharField()
    paid = _money()
    reserved = _money()
    free = _money()


class FiguresPayerBenefitSerializer(serializers.Serializer):
    payer = serializers.CharField(help_text="gemeente, zorgverzekeraar, wonen, landelijk, overig")
    requests = serializers.IntegerField()
    cost = _money()
    expected_avoided_cost = _money()


class FiguresTableYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    table_cases = serializers.IntegerField()
    solved_at_table = serializers.IntegerField()
    breakthroughs = serializers.IntegerField()


class FiguresLetSerializer(serializers.Serializer):
    submitted = serializers.IntegerField()
    solved_early = serializers.IntegerField()
    not_suitable = serializers.IntegerField()
    decided = serializers.IntegerField()
    checked = serializers.IntegerField()
    carried_out = serializers.IntegerField()
    success_rate = serializers.CharField(
        allow_null=True, help_text="Uitgevoerd ÷ nagekeken, als tekst (0.00–1.00), of null"
    )


class FiguresMandateOrganisationSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    uses = serializers.IntegerField()
    amount = _money()


class FiguresMandateUsesSerializer(serializers.Serializer):
    uses = serializers.IntegerField()
    amount = _money()
    by_organisation = FiguresMandateOrganisationSerializer(many=True)


class FiguresLevelTimeSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    decided = serializers.IntegerField()
    median_at_most = serializers.IntegerField(allow_null=True)
    p90_at_most = serializers.IntegerField(allow_null=True)


class FiguresSerializer(serializers.Serializer):
    scope = FiguresScopeSerializer()
    team = serializers.IntegerField(
        allow_null=True, help_text="Het team waarop het teamfilter de cijfers beperkt (of null)"
    )
    period = FiguresPeriodSerializer()
    requests = serializers.IntegerField()
    by_status = serializers.DictField(
        child=serializers.IntegerField(), help_text="Voorstellen per status"
    )
    solved_otherwise = serializers.IntegerField()
    solved_otherwise_share = serializers.CharField(
        allow_null=True, help_text="Elders opgelost ÷ afgesloten, als tekst, of null"
    )
    solved_otherwise_with = serializers.DictField(
        child=serializers.IntegerField(), help_text="Elders opgelost, per soort oplossing"
    )
    decided = serializers.IntegerField()
    decision_hours_median_at_most = serializers.IntegerField(allow_null=True)
    decision_hours_p90_at_most = serializers.IntegerField(allow_null=True)
    spent = _money()
    spent_by_category = FiguresCategoryAmountSerializer(many=True)
    spent_by_month = FiguresMonthAmountSerializer(many=True)
    funds = FiguresFundUseSerializer(many=True)
    table_cases = serializers.IntegerField(allow_null=True)
    table_solved = serializers.IntegerField(allow_null=True)
    breakthroughs = serializers.IntegerField(allow_null=True)
    tables_by_year = FiguresTableYearSerializer(many=True, allow_null=True)
    let = FiguresLetSerializer(allow_null=True)
    mandate_uses = FiguresMandateUsesSerializer(allow_null=True)
    patterns_by_status = serializers.DictField(child=serializers.IntegerField(), allow_null=True)
    solutions_by_status = serializers.DictField(child=serializers.IntegerField(), allow_null=True)
    decision_hours_per_level = FiguresLevelTimeSerializer(many=True, allow_null=True)
    benefit_by_payer = FiguresPayerBenefitSerializer(many=True)
    benefit_cost = _money()
    benefit_expected_avoided_cost = _money()


class FiguresFilterErrorsSerializer(serializers.Serializer):
    """A filter the role may not use, or a bad period: Dutch messages per field."""

    start = serializers.ListField(child=serializers.CharField(), required=False)
    end = serializers.ListField(child=serializers.CharField(), required=False)
    team = serializers.ListField(child=serializers.CharField(), required=False)
    fund = serializers.ListField(child=serializers.CharField(), required=False)
    category = serializers.ListField(child=serializers.CharField(), required=False)
