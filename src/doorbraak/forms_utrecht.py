"""Renders Django form widgets with NL Design System (Utrecht) classes and accessible errors."""

from django import forms

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.PasswordInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric",
}


class UtrechtFormMixin:
    """Adds Utrecht classes to every widget, and after validation `aria-invalid` and
    `aria-describedby` pointing at the field's error message."""

    # The browser's `required` makes empty fields match :invalid (shown red) before anyone
    # typed; the server validates, and `aria-required` tells assistive technology.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if field.required and not isinstance(widget, forms.CheckboxSelectMultiple):
                widget.attrs["aria-required"] = "true"
            css = next((c for kind, c in _WIDGET_CLASSES.items() if isinstance(widget, kind)), "")
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if field.help_text and self.auto_id:
                widget.attrs["aria-describedby"] = f"{self.auto_id % name}-help"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            widget.attrs["aria-invalid"] = "true"
            if self.auto_id:
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = (
                    f"{described} {self.auto_id % name}-error".strip()
                )
