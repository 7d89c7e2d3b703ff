"""URL converters shared by the apps."""


class DatabaseIdConverter:
    """A primary key: at most 18 digits, ASCII only. Django's ``<int:>`` takes any number of
    digits, and a value past the database's 64-bit integer raises OverflowError (a 500)
    in some backends instead of matching nothing (a 404)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
