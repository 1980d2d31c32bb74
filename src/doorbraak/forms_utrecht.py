"""Renders Django form widgets with NL Design System (Utrecht) classes and accessible errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Order matters: CheckboxSelectMultiple is a RadioSelect.
_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.PasswordInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric",
}


def is_group(widget) -> bool:
    """Checkbox and radio groups: rendered as a fieldset with one form field per option, so
    the fieldset (not each option) carries the description and the error."""
    return isinstance(widget, forms.RadioSelect)


#: The empty choice Django gives a ModelChoiceField that names none.
DJANGO_EMPTY_LABEL = "---------"


class UtrechtFormMixin:
    """Adds Utrecht classes to every widget, and after validation `aria-invalid` and
    `aria-describedby` pointing at the field's error message.

    `not_optional` names fields that are not required on their own but are not optional
    either (one of several must be filled in); their label does not say "(optional)"."""

    # The browser's `required` makes empty fields match :invalid (shown red) before anyone
    # typed; the server validates, and `aria-required` tells assistive technology.
    use_required_attribute = False
    not_optional: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if getattr(field, "empty_label", None) == DJANGO_EMPTY_LABEL:
                # Django's "---------" in a select of model choices: the app says "Kies…"
                field.empty_label = _("Choose…")
            widget = field.widget
            css = next((c for kind, c in _WIDGET_CLASSES.items() if isinstance(widget, kind)), "")
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if is_group(widget):
                continue
            if field.required:
                widget.attrs["aria-required"] = "true"
            if field.help_text and self.auto_id:
                # The bound field's id carries the form's prefix, as the template's ids do.
                widget.attrs["aria-describedby"] = f"{self.auto_id % self.add_prefix(name)}-help"
        self.mark_not_optional(self.not_optional)

    def mark_not_optional(self, names) -> None:
        for name in names:
            self.fields[name].not_optional = True

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            widget.attrs["aria-invalid"] = "true"
            if self.auto_id and not is_group(widget):
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = (
                    f"{described} {self.auto_id % self.add_prefix(name)}-error".strip()
                )


def apply_service_errors(form, error) -> None:
    """Put a service's Dutch `ValidationError` on the form: per field where the form has that
    field, else at the top (also an error without fields)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
