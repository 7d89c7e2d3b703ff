"""``{% comment_form page %}``: the form under an article, or a note that comments are
closed. Kept as a tag so the article page's context stays the news app's business."""

from django import template

from cronica.comments import policy
from cronica.comments.forms import CommentForm

register = template.Library()


@register.inclusion_tag("comments/form.html", takes_context=True)
def comment_form(context, article):
    return {
        "article": article,
        "open": policy.is_open(article),
        "form": CommentForm(),
        "parent": None,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
