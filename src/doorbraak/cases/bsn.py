"""BSN normalisation and the 11-check, via python-stdnum. Pure Python: no Django import."""

from stdnum import exceptions
from stdnum.nl import bsn as stdnum_bsn


class InvalidBSN(ValueError):
    """The value is not a valid BSN."""


def normalise_bsn(value: str) -> str:
    """Return the 9-digit BSN, or raise InvalidBSN. Spaces, dots and dashes are allowed."""
    try:
        return stdnum_bsn.validate(value)
    except exceptions.ValidationError as error:
        raise InvalidBSN(str(error)) from error
