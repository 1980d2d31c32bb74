"""The support plan aimed at a fresh start ("een ondersteuningsplan gericht op een nieuwe
start", seed 002, Zaanstad): five life domains, each with the question the professional asks.
Pure Python: `compose` turns the answers into the three texts of the case's support plan."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    key: str  # the LifeDomain value in cases/models.py
    label: str
    question: str


#: The five life domains of the fresh-start plan, in the order of the conversation.
DOMAINS = (
    Domain(
        "financien",
        "Financiën en schulden",
        "Welke schulden zijn er, welke kunnen kwijtgescholden worden, en wat is nodig voor "
        "rust in de portemonnee?",
    ),
    Domain(
        "wonen",
        "Wonen",
        "Past de woning bij het gezin? Achterstallig onderhoud, urgentie, een verhuizing?",
    ),
    Domain(
        "inkomen-werk",
        "Werk, opleiding en dagbesteding",
        "Welke opleiding of welk werk kon niet doorgaan en wat is nu de eerste stap?",
    ),
    Domain(
        "gezondheid",
        "Gezondheid",
        "Wat heeft de ouder of het gezin nodig voor lichamelijke en psychische gezondheid?",
    ),
    Domain(
        "sociaal-netwerk",
        "Gezin en sociaal netwerk",
        "Wat hebben de kinderen nodig (school, beugel, laptop, fiets)? Wie staat naast het gezin?",
    ),
)


def compose(*, goal: str, own_contribution: str, answers: dict[str, str]) -> dict[str, str]:
    """The support plan's three texts: the goal, what the household does itself, and the
    support needed per life domain (a domain left empty is left out)."""
    lines = []
    for domain in DOMAINS:
        answer = " ".join((answers.get(domain.key) or "").split())
        if answer:
            lines.append(f"{domain.label}: {answer}")
    return {
        "goal": goal.strip(),
        "own_contribution": own_contribution.strip(),
        "support_needed": "\n".join(lines),
    }
