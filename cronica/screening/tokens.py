"""Text normalisation shared by the rules and the learned model.

Comments on this beat mix English, Spanish and Mexican slang, with and without accents,
in capitals, with letters repeated for emphasis ("putooo") or disguised with digits
("p3nd3jo"). Everything is folded the same way before matching, so one lexicon entry
covers all its spellings.
"""

import re
import unicodedata

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_WORD = re.compile(r"[a-zñ]+(?:'[a-z]+)?")
# Links with a scheme, or bare domains ("example.com", "my-shop.site/x"). Label lengths
# are bounded (63, as in DNS) and a bare domain may only start where a run of domain
# characters starts, so a long hyphenated run costs one pass, not one per position.
URL = re.compile(
    r"(?:https?://|www\.)\S{1,2000}|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\."
    r"(?:com|net|org|info|biz|xyz|io|ru|mx|ly|me|co|top|click|site|online|shop|tv|live)\b"
    r"(?:/\S{0,2000})?",
    re.I,
)
_REPEATS = re.compile(r"(.)\1{2,}")
# Cyrillic and Greek letters that look like Latin ones: spammers write "viаgrа" with a
# Cyrillic "а" so that word lists miss it. Folded to the Latin letter they imitate.
_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ɡ": "g",
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ϲ": "c",
        "ѵ": "v",
    }
)


def fold(text: str) -> str:
    """Lower case, look-alike Cyrillic and Greek letters made Latin, accents removed
    (ñ kept), compatibility forms folded, repeated letters squeezed to two."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_CONFUSABLES)
    text = text.replace("ñ", "\x00")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return _REPEATS.sub(r"\1\1", text.replace("\x00", "ñ"))


def fold_words(text: str) -> str:
    """The folded text with digit-disguised letters undone inside words, for lexicon
    matching ("p3nd3jo" -> "pendejo"); numbers standing alone are left as they are."""
    folded = fold(text)
    return re.sub(r"\b\w*[a-zñ]\w*\b", lambda m: m.group(0).translate(_LEET), folded)


def urls(text: str) -> list[str]:
    return URL.findall(text)


def tokens(text: str) -> list[str]:
    """Features for the learned model: folded words, squeezed repeats, and a few shape
    tokens (links, long numbers, shouting) that carry spam and doxxing signal."""
    out = [w for w in _WORD.findall(fold_words(text)) if len(w) > 1]
    out += ["__url__"] * min(len(urls(text)), 3)
    if re.search(r"\d{7,}", re.sub(r"[\s.-]", "", text)):
        out.append("__longnumber__")
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        out.append("__shouting__")
    return out
