"""The fresh-start plan template (pure Python)."""

from doorbraak.cases.models import LifeDomain
from doorbraak.recovery import plan_template


def test_five_life_domains_of_the_case_model():
    keys = [d.key for d in plan_template.DOMAINS]
    assert len(keys) == 5 and len(set(keys)) == 5
    assert set(keys) <= set(LifeDomain.values)


def test_compose_leaves_empty_domains_out():
    texts = plan_template.compose(
        goal=" Nieuwe start ",
        own_contribution="Zelf",
        answers={"financien": "Schulden  kwijtschelden", "wonen": "  "},
    )
    assert texts == {
        "goal": "Nieuwe start",
        "own_contribution": "Zelf",
        "support_needed": "Financiën en schulden: Schulden kwijtschelden",
    }
