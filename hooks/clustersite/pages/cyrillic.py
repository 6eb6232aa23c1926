"""Serbian in Cyrillic, made from Serbian Latin text: letter for letter, leaving alone what is not Serbian.

    Transliterator()("Ljubljana, injekcija, COSME, https://x.eu") == "Љубљана, инјекција, COSME, https://x.eu"

The text may be Markdown or HTML: only its words are converted. Left as written:
code (fenced or in backticks), HTML tags and comments, link addresses, attribute lists,
URLs, e-mail addresses and domain names, entities, words in capitals (COSME, ECEI) and Roman numerals,
words with letters Serbian Latin does not have (q, w, x, y, ä, é...), words with a
capital inside (ClusteRo), and the names a site lists to keep in Latin. `lj`, `nj`
and `dž` are one letter each, except in the stems listed in serbian_two_letters.txt.
Pure functions; nothing here knows the site or MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

# The Serbian alphabet in its two scripts, in the order Latin (Gajica) lists it.
_LETTERS = dict(zip(
    "a b c č ć d đ e f g h i j k l m n o p r s š t u v z ž".split(),
    "а б ц ч ћ д ђ е ф г х и ј к л м н о п р с ш т у в з ж".split(), strict=True))
_PAIRS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_SERBIAN_LATIN = frozenset(_LETTERS) | frozenset(letter.upper() for letter in _LETTERS)

_PROTECTED = re.compile("|".join([
    r"(?ms:^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$)",  # fenced code
    r"(?P<ticks>`+).+?(?P=ticks)",                          # code spans
    r"(?s:<!--.*?-->)",                                      # HTML comments (the site's markers)
    r"</?[A-Za-z][^<>]*>",                                   # HTML tags and <https://...> links, attributes included
    r"\]\([^)]*\)",                                          # a Markdown link's address and title
    r"(?m:^[ \t]*\[[^\]\n]+\]:[^\n]*$)",                     # a reference link's definition
    r"\{[^{}\n]*\}",                                          # attribute lists and placeholders
    r"(?:https?|ftp)://[^\s<>\])]+|www\.[^\s<>\])]+",       # URLs
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                         # e-mail addresses
    r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b(?:/[^\s<>\])]*)?",  # domain names (klaster.example.org)
    r"&#?\w+;",                                              # HTML entities
]))
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # hyphenated words go together: Wi-Fi stays, FED-om becomes FED-ом
_STEMS_FILE = Path(__file__).with_name("serbian_two_letters.txt")


@cache
def standard_two_letter_stems() -> tuple[str, ...]:
    """The stems in which lj, nj or dž are two letters (serbian_two_letters.txt)."""
    lines = _STEMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@dataclass(frozen=True)
class Transliterator:
    """Latin to Cyrillic for one site: the standard stems plus the site's own, and its names kept in Latin."""

    keep_in_latin: tuple[str, ...] = ()
    two_letters: tuple[str, ...] = ()
    _done: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _words: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # texts repeat their words

    @cached_property
    def _stems(self) -> tuple[str, ...]:
        return standard_two_letter_stems() + tuple(stem.strip().lower() for stem in self.two_letters if stem.strip())

    @cached_property
    def _kept(self) -> re.Pattern | None:
        names = sorted({name.strip() for name in self.keep_in_latin if name.strip()}, key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)")

    def __call__(self, text: str) -> str:
        """The text in Cyrillic; what is not Serbian words stays as it is."""
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._convert(text)
        return done

    def _convert(self, text: str) -> str:
        spans = [m.span() for m in _PROTECTED.finditer(text)]
        if self._kept is not None:
            spans += [m.span() for m in self._kept.finditer(text)]
        pieces, position = [], 0
        for start, end in _merged(spans):
            pieces.append(self._piece(text[position:start]))
            pieces.append(text[start:end])
            position = end
        pieces.append(self._piece(text[position:]))
        return "".join(pieces)

    def _piece(self, text: str) -> str:
        """Unprotected text: foreign names (and the words that belong to them) stay, the rest is converted."""
        words = list(_WORD.finditer(text))
        if not words:
            return text
        foreign = _foreign_names(text, words)
        out, position = [], 0
        for match, keep in zip(words, foreign, strict=True):
            out.append(text[position:match.start()])
            out.append(match.group() if keep else "-".join(self.word(part) for part in match.group().split("-")))
            position = match.end()
        out.append(text[position:])
        return "".join(out)

    def word(self, word: str) -> str:
        """One word in Cyrillic, or as it is when it is not a Serbian word written in Latin."""
        done = self._words.get(word)
        if done is None:
            done = self._words[word] = self._word(word)
        return done

    def _word(self, word: str) -> str:
        if not _SERBIAN_LATIN.issuperset(word) or (len(word) > 1 and word.isupper()) or _capital_inside(word) or word in _ROMAN:
            return word
        lower = word.lower()
        apart = {start + i for stem in self._stems for start in _find_all(lower, stem) for i in range(len(stem) - 1)}
        out, i = [], 0
        while i < len(word):
            pair = lower[i:i + 2]
            if pair in _PAIRS and i not in apart:
                letter, i = _PAIRS[pair], i + 2
                out.append(letter.upper() if word[i - 2].isupper() else letter)
                continue
            letter = _LETTERS[lower[i]]
            out.append(letter.upper() if word[i].isupper() else letter)
            i += 1
        return "".join(out)


_ROMAN = frozenset("VLCDM")  # one-letter Roman numerals ("V konferencija"); `I` is also the Serbian "and"
_JOIN = re.compile(r"[ \t\n+&/]+")  # what may stand between the words of one name
# Short Serbian words that join two names without being part of either ("Parque Tecnológico i Green Synergy").
_SERBIAN_JOINERS = frozenset("i ili a pa te ni niti u o sa s za na do od iz po uz kod kao".split())


def _is_foreign(word: str) -> bool:
    """A word Serbian Latin does not write this way: Wi-Fi, Excellence, Network, ClusteRo, Parque."""
    return any(not _SERBIAN_LATIN.issuperset(part) or _capital_inside(part) for part in word.split("-"))


def _foreign_names(text: str, words: list[re.Match]) -> list[bool]:
    """Which words stay in Latin as part of a foreign name.

    A foreign word carries its name's other words with it: a capitalised neighbour
    ("Cluster Excellence Network"), and a small word between two foreign ones
    ("Network for Training"), but not the Serbian `i`, `za`, `od`... between them.
    Staff list the names this misses under `serbian_cyrillic: keep_in_latin:` in data/site.yaml.
    """
    foreign = [_is_foreign(match.group()) for match in words]
    joined = [bool(_JOIN.fullmatch(text[a.end():b.start()])) for a, b in zip(words, words[1:], strict=False)]
    changed = True
    while changed:
        changed = False
        for i, match in enumerate(words):
            if foreign[i]:
                continue
            word = match.group()
            before = i > 0 and joined[i - 1] and foreign[i - 1]
            after = i + 1 < len(words) and joined[i] and foreign[i + 1]
            capital_next = i + 1 < len(words) and joined[i] and words[i + 1].group()[0].isupper()
            if (word[0].isupper() and not word.isupper() and (before or after)) or (
                    word.islower() and before and (after or (capital_next and len(word) <= 4)) and word not in _SERBIAN_JOINERS):
                foreign[i] = changed = True
    return foreign


def _capital_inside(word: str) -> bool:
    """ClusteRo, iPhone: a name written the way its owners write it. LJubav, NJegoš and FED are not."""
    if word.isupper():
        return False
    rest = word[2:] if word[:2] in ("LJ", "NJ", "DŽ", "Lj", "Nj", "Dž") else word[1:]
    return any(letter.isupper() for letter in rest)


def _find_all(text: str, part: str) -> Iterable[int]:
    start = text.find(part)
    while start != -1:
        yield start
        start = text.find(part, start + 1)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping protected spans as one, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_META_TEXT = re.compile(r"^((?:title|description):[ \t]*)(.*)$", re.M)  # the front-matter keys that hold words


def page_to_cyrillic(markdown: str, convert: Transliterator) -> str:
    """A Markdown page in Cyrillic; in its front matter only a title and a description change."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return convert(markdown)
    meta = _META_TEXT.sub(lambda m: m.group(1) + convert(m.group(2)), match.group(1))
    return f"---\n{meta}---\n" + convert(markdown[match.end():])
