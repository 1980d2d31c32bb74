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
    """Adds Utrecht classes, `aria-invalid` and `aria-describedby` to every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next((c for kind, c in _WIDGET_CLASSES.items() if isinstance(widget, kind)), "")
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            described = []
            if field.help_text:
                described.append(f"{self.auto_id % name}-help" if self.auto_id else "")
            if self.is_bound and name in self.errors:
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["class"] += " utrecht-textbox--invalid"
                described.append(f"{self.auto_id % name}-error" if self.auto_id else "")
            if any(described):
                widget.attrs["aria-describedby"] = " ".join(d for d in described if d)
