from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


def site(request: HttpRequest) -> dict[str, str]:
    """Site-wide values every public template uses: name, and the other UI language."""
    lang = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "other_language": "es" if lang.startswith("en") else "en",
    }
