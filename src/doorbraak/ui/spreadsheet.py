"""Text for spreadsheet cells (CSV and XLSX exports): never a formula (CSV injection)."""

#: A cell starting with one of these is a formula in Excel or LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_cell(value) -> str:
    """Plain text, never a spreadsheet formula: a leading formula character gets a quote."""
    value = "" if value is None else str(value)
    return f"'{value}" if value.startswith(FORMULA_START) else value
