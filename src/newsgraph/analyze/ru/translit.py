"""Russian names in the Latin spelling English news uses: "Юрий Кнутов" -> "Yuri Knutov".

A simplified BGN/PCGN romanisation, as English-language news writes Russian and
Ukrainian names: "х" is "kh", "ж" "zh", "ц" "ts", "щ" "shch", "е" and "ё" "e" (no
"ye"), the soft and hard signs dropped, and the endings "-ский"/"-ий"/"-ый" of a
surname written "-sky"/"-y" ("Зеленский" -> "Zelensky"). First names whose English
spelling is settled ("Юрий" -> "Yuri", "Сергей" -> "Sergei") come from the word list
``ru/translit_first_names.tsv``.
Limits: one spelling per name; names English news takes from another language
("Бербок" -> "Baerbock") need an alias in the gazetteer, transliteration cannot find them.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import table

__all__ = ["romanise", "romanise_word", "has_cyrillic"]

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_ENDINGS = (("ский", "sky"), ("цкий", "tsky"), ("ий", "y"), ("ый", "y"), ("ой", "oy"))


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("ru", "translit_first_names") if len(row) >= 2}


def romanise_word(word: str, first: bool = False) -> str:
    """One word; ``first`` marks a first name, looked up in the word list before the rules."""
    lower = word.lower()
    if first and lower in _first_names():
        return _first_names()[lower]
    if not has_cyrillic(word):
        return word
    tail = ""
    for ending, latin in _ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            lower, tail = lower[: -len(ending)], latin
            break
    out = "".join(_LETTERS.get(ch, ch) for ch in lower) + tail
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def romanise(name: str) -> str:
    """A personal name, word by word; hyphenated parts each keep their capital."""
    words = name.split()
    return " ".join("-".join(romanise_word(part, first=(i == 0 and len(words) > 1)) for part in w.split("-"))
                    for i, w in enumerate(words))
