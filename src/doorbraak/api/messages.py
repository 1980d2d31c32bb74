"""DRF's refusals that its own Dutch catalogue does not translate. Listed here so that
`make messages` keeps them in our catalogue (LOCALE_PATHS wins over DRF's), and
`scripts/missing-translations.sh` reports them if a translation goes missing. Never imported:
the marks are for the extractor only."""

from django.utils.translation import gettext_noop

DRF_MESSAGES = [
    gettext_noop("Not a valid string."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("A valid biginteger is required."),
    gettext_noop("Integer value too large to convert to float"),
    gettext_noop("Datetime value out of range."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Invalid input."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop("Request was throttled."),
]
