from tests.comments.conftest import article  # noqa: F401  (an open article to comment on)
