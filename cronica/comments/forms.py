"""The comment form: a name (optional), the text, the comment it answers, and a honeypot
field that people never see and naive bots fill in."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from . import text
from .models import Comment


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name (optional)"), required=False, max_length=200)
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea, max_length=text.BODY_MAX * 2)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, article: Any = None, **kwargs: Any) -> None:
        self.article = article
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = text.clean(self.cleaned_data.get("name", ""), single_line=True)
        if len(name) > text.NAME_MAX:
            raise forms.ValidationError(
                _("A name can have at most %(n)d characters."), params={"n": text.NAME_MAX}
            )
        return name

    def clean_body(self) -> str:
        body = text.clean(self.cleaned_data.get("body", ""))
        if len(body) < text.BODY_MIN:
            raise forms.ValidationError(_("The comment is empty."))
        if len(body) > text.BODY_MAX:
            raise forms.ValidationError(
                _("A comment can have at most %(n)d characters."), params={"n": text.BODY_MAX}
            )
        return body

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(
            pk=parent_id, article=self.article, status=Comment.Status.PUBLISHED
        ).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you are answering is not available."))
        return parent

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class EditForm(CommentForm):
    """Editing keeps the comment where it is: no parent, no honeypot."""

    parent = None
    website = None


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should an editor look at it again?"), choices=[], widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import Report

        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Report.Reason.choices
