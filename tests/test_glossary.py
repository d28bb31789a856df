"""One term per concept: the Japanese catalogue and the engine's phrase table follow the glossary.

The glossary is data, ``docs/glossary.md``: where an English text uses a concept's word, its
Japanese uses the concept's term, and no Japanese text uses a variant the glossary rules out. The
engine's Japanese phrase table is checked by the same tests as the catalogue, placeholders too.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from matchmaking.engine.reasons import PHRASES

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "docs" / "glossary.md"
CATALOGUE = REPO / "locale" / "ja" / "LC_MESSAGES" / "django.po"
# printf-style (%(name)s, %(ratio).1f, %s) and str.format-style ({min_length}, {code_point:X}).
PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0]*\d*(?:\.\d+)?[sdfi]|%[sd]|\{\w*(?::[^{}]*)?\}")
NOT_WORDS = re.compile(rf"{PLACEHOLDER.pattern}|\S*/\S*|`[^`]*`")


@dataclass(frozen=True)
class Rule:
    english: tuple[str, ...]
    context: str
    terms: tuple[str, ...]
    never: tuple[str, ...]

    def applies_to(self, text: "Text") -> bool:
        if self.context and text.context != self.context:
            return False
        # Words, not placeholders (%(buyer)s), paths (/api/v1/sectors/) or code (`slot`).
        words = NOT_WORDS.sub(" ", text.english)
        return any(
            re.search(rf"\b{re.escape(word)}s?\b", words, re.IGNORECASE) for word in self.english
        )


@dataclass(frozen=True)
class Text:
    """One English text and its Japanese: a catalogue entry or a phrase of the engine."""

    where: str
    context: str
    english: str
    japanese: str

    def __str__(self) -> str:
        context = f"[{self.context}] " if self.context else ""
        return f"{self.where}: {context}{self.english!r} → {self.japanese!r}"


def glossary() -> list[Rule]:
    rows = [
        line.strip().strip("|").split("|")
        for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
    ]
    header, _separator, *body = rows
    assert [cell.strip() for cell in header][:4] == ["English", "Context", "Japanese", "Never"]

    def listed(cell: str, separator: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in cell.split(separator) if item.strip())

    return [
        Rule(
            english=listed(english, ","),
            context=context.strip(),
            terms=listed(japanese, " / "),
            never=listed(never, " ; "),
        )
        for english, context, japanese, never, *_notes in body
    ]


def catalogue_texts() -> list[Text]:
    texts = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or not entry.translated():
            continue
        pairs = (
            [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        texts += [
            Text("catalogue", entry.msgctxt or "", english, japanese) for english, japanese in pairs
        ]
    return texts


def phrase_texts() -> list[Text]:
    return [
        Text(f"engine phrase {key}", "", english, PHRASES["ja"].get(key, ""))
        for key, english in PHRASES["en"].items()
    ]


TEXTS = {"catalogue": catalogue_texts, "engine phrases": phrase_texts}


@pytest.fixture(params=list(TEXTS))
def texts(request) -> list[Text]:
    return TEXTS[request.param]()


def test_the_glossary_is_readable_and_its_patterns_compile():
    rules = glossary()
    assert len(rules) >= 10
    for rule in rules:
        assert rule.terms, rule
        for pattern in rule.never:
            re.compile(pattern)


def test_the_japanese_uses_the_glossarys_terms(texts):
    misses = [
        f"{text} should use {' or '.join(rule.terms)}"
        for rule in glossary()
        for text in texts
        if rule.applies_to(text) and not any(term in text.japanese for term in rule.terms)
    ]
    assert misses == []


def test_the_japanese_uses_no_variant_the_glossary_rules_out(texts):
    found = [
        f"{text} uses {pattern!r}"
        for rule in glossary()
        for pattern in rule.never
        for text in texts
        if re.search(pattern, text.japanese)
    ]
    assert found == []


def test_placeholders_survive_translation(texts):
    broken = [
        str(text)
        for text in texts
        if sorted(PLACEHOLDER.findall(text.japanese)) != sorted(PLACEHOLDER.findall(text.english))
    ]
    assert broken == []


def test_the_engine_has_a_japanese_phrase_for_every_english_one():
    assert set(PHRASES["ja"]) == set(PHRASES["en"])
    assert all(text.strip() for text in PHRASES["ja"].values())


def test_a_rule_finds_a_missing_term_and_a_forbidden_variant():
    """The checks themselves: a 面談 where the glossary says 商談 is caught both ways."""
    (meeting,) = [rule for rule in glossary() if "meeting" in rule.english]
    wrong = Text("example", "", "Cancel the meeting", "面談を中止する")
    assert meeting.applies_to(wrong)
    assert not any(term in wrong.japanese for term in meeting.terms)
    assert any(re.search(pattern, wrong.japanese) for pattern in meeting.never)
    (accepted,) = [rule for rule in glossary() if rule.context == "meeting status"]
    assert accepted.applies_to(Text("example", "meeting status", "Accepted", "承認済み"))
    assert not accepted.applies_to(Text("example", "", "Accepted", "承認済み"))
