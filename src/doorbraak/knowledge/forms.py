"""The article form and the search box."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.form_fields import IdMultipleChoiceField
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.learning.models import Pattern
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.text_validators import TextLimitsMixin

from .models import BODY


class SearchForm(UtrechtFormMixin, forms.Form):
    q = forms.CharField(label=_("Search the knowledge base"), required=False, max_length=200)


class ArticleForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    name_fields = ("title",)

    title = forms.CharField(label=_("Title"), max_length=limits.SHORT_TEXT)
    body = forms.CharField(
        label=_("Text"),
        max_length=BODY,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "In Markdown: ## for a heading, - for a list, **bold**, [text](https://...) for a "
            "link. HTML is shown as text. Never write about a household: no names or details."
        ),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separated by commas, for example: huurtoeslag, medebewoner"),
    )
    categories = IdMultipleChoiceField(
        label=_("Categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The article is suggested on a request in these categories."),
    )
    legal_grounds = IdMultipleChoiceField(
        label=_("Legal grounds"),
        queryset=LegalGround.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The article is suggested on a request with this legal ground."),
    )
    organisations = IdMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    patterns = IdMultipleChoiceField(
        label=_("Patterns"),
        queryset=Pattern.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=limits.SHORT_TEXT,
        help_text=_("Shown in the history, for example: new amount for 2027."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.filter(active=True)
        self.fields["legal_grounds"].queryset = LegalGround.objects.filter(active=True)
        self.fields["organisations"].queryset = Organisation.objects.order_by("name")
        self.fields["patterns"].queryset = Pattern.objects.exclude(status="afgewezen").order_by(
            "-found_at"
        )
        self.fields["patterns"].label_from_instance = lambda p: f"{p.reference} · {p.summary[:80]}"
