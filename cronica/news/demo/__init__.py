"""The demo newsroom: original articles, contributors, images and reader comments.

``content.py`` holds the words; ``images.py`` draws the pictures; ``load()`` puts them in
the database and is safe to run again (everything is looked up by slug first).
"""

from .loader import load  # noqa: F401
