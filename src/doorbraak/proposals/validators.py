"""The supplier-name validator the request model names (migration 0004 refers to it by this
path). The rule and its message are the app's shared ones (`doorbraak.text_validators`)."""

from doorbraak.text_validators import PrintableName


def validate_name(value: str) -> None:
    """A supplier's or creditor's name: printable text without markup characters."""
    PrintableName()(value)
