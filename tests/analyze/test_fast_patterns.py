import re

from newsgraph.analyze.fast_patterns import compile_guarded, first_chars, word_alternation


def _plain_alternation(words, abbr_dot=False):
    pieces = (r"\s+".join(re.escape(p) for p in w.split()) + (r"\." if abbr_dot else "")
              for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + "|".join(pieces) + ")"


WORDS = ["jan", "january", "june", "a", "a few", "a dozen", "ab", "abc", "next week", "next"]
TEXT = ("In January and june, a few said next  week; a dozen abc-ab said jan. A Few JAN "
        "jan.uary ABC next, a  dozen")


def _matches(pattern, text):
    return [(m.span(), m.groupdict()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def test_word_trie_matches_as_the_longest_first_alternation():
    for template in (r"\b(?P<w>{})\b", r"(?P<w>{})\s+\w", r"{}(?=\s)", r"(?P<w>{})\W+(?P<x>[a-z]+)"):
        for abbr_dot in (False, True):
            trie = template.format(word_alternation(WORDS, abbr_dot))
            plain = template.format(_plain_alternation(WORDS, abbr_dot))
            assert trie != plain
            assert _matches(trie, TEXT) == _matches(plain, TEXT)


def test_mixed_case_or_empty_word_lists_stay_plain():
    assert word_alternation(["May", "may"]) == _plain_alternation(["May", "may"])
    assert word_alternation(["", "of"]) == _plain_alternation(["", "of"])


def test_first_chars_of_a_pattern():
    assert first_chars(r"\b(?:the\s+)?(?P<d>\d+)\s+days") == r"[t\d]"
    assert first_chars(r"(?<!\d)(?:last|next)?\s*week") == r"[ln\sw]"  # optional parts add theirs
    assert first_chars(r"a?") is None  # may match the empty string
    assert first_chars(r".x") is None  # any character
    assert first_chars(r"(?i:may)") is None  # scoped flags


def test_guarded_pattern_finds_what_the_plain_one_finds():
    pattern = r"(?:(?P<rel>last|next)\s+)?\b(?P<unit>week|month)s?\b"
    text = "Last week, NEXT Months and blast week; the weeks, monthly, Month."
    guarded = compile_guarded(pattern, re.IGNORECASE)
    assert guarded.pattern.startswith("(?=[")
    plain = re.compile(pattern, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == \
           [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_guard_folds_case_as_the_pattern_does():
    # The Kelvin sign is a case-insensitive "k", the long s an "s".
    for pattern, text in ((r"k\w+", "\u212aelvin"), (r"s\w+", "\u017fome")):
        assert compile_guarded(pattern, re.IGNORECASE).match(text)


def test_guard_goes_after_leading_global_flags():
    guarded = compile_guarded(r"(?m)^[A-Z]\w+,", 0)
    assert guarded.pattern.startswith("(?m)(?=[A-Z])")
    assert [m.group() for m in guarded.finditer("x\nParis, France\nrome, Italy")] == ["Paris,"]
