"""docs/scheduler-contract.md still holds every field and rule of the shared contract.

The shared contract (``../shared/contracts/schedule-instance.md``, next to the repository) is what
other programs build instances from; the repository's copy may add to it (marked "This
repository") but never drop or reword what it says. Texts are compared with whitespace
normalised, so the copy may wrap lines differently, but a changed word fails.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CONTRACT = REPO_ROOT.parent / "shared" / "contracts" / "schedule-instance.md"
REPO_CONTRACT = REPO_ROOT / "docs" / "scheduler-contract.md"

RULES_SECTION = "Rules a result must keep (every one is checked)"
OPTIMISES_SECTION = "What it optimises"
COMMAND = re.compile(r"python -m (?P<module>[\w.]+)(?P<arguments>.*)")
FIELD = re.compile(r'`"?([a-z][a-z_]*)"?`')
LIBRARY = re.compile(r"The scheduler itself is `([\w.]+)`")


@dataclass(frozen=True)
class Block:
    """One Markdown block: a paragraph, a list item, a code line or a fenced code block."""

    kind: str  # "paragraph", "bullet", "numbered", "code" or "fence"
    section: str  # the heading above it ("" before the first "##")
    text: str  # whitespace normalised, except in fences
    number: int | None = None  # of a numbered item
    language: str = ""  # of a fence


def normalised(text: str) -> str:
    return " ".join(text.split())


def parse(markdown: str) -> list[Block]:
    """The blocks of the small Markdown subset both contracts use."""
    blocks: list[Block] = []
    section = ""
    current: dict | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(section=section, text=normalised(current.pop("text")), **current))
            current = None

    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.startswith("```"):
            close()
            body = []
            while index < len(lines) and not lines[index].startswith("```"):
                body.append(lines[index])
                index += 1
            index += 1  # the closing fence
            blocks.append(Block("fence", section, "\n".join(body), language=line[3:].strip()))
        elif line.startswith("#"):
            close()
            section = line.lstrip("#").strip() if line.startswith("## ") else ""
        elif not line.strip():
            close()
        elif line.startswith("    ") and current is None:
            blocks.append(Block("code", section, normalised(line)))
        elif line.startswith("- "):
            close()
            current = {"kind": "bullet", "text": line[2:]}
        elif numbered := re.match(r"(\d+)\. (.*)", line):
            close()
            current = {"kind": "numbered", "text": numbered[2], "number": int(numbered[1])}
        elif current is not None:
            current["text"] += " " + line
        else:
            current = {"kind": "paragraph", "text": line}
    close()
    return blocks


@pytest.fixture(scope="module")
def shared() -> list[Block]:
    if not SHARED_CONTRACT.exists():
        pytest.skip(
            f"the shared contract {SHARED_CONTRACT} is absent (it lives next to the repository, "
            "in ../shared): nothing to compare the repository's copy with"
        )
    return parse(SHARED_CONTRACT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def repo() -> list[Block]:
    return parse(REPO_CONTRACT.read_text(encoding="utf-8"))


def prose(blocks: list[Block], kind: str, section: str | None = None) -> list[Block]:
    return [b for b in blocks if b.kind == kind and (section is None or b.section == section)]


def missing(shared: list[Block], repo: list[Block], kind: str, section: str | None = None):
    """The shared blocks of a kind that no repository block of that kind and section holds.

    A repository block may say more (an addition) but must hold the shared text unchanged: a
    list item must start with it, a paragraph must contain it.
    """
    absent = []
    for block in prose(shared, kind, section):
        candidates = [b.text for b in prose(repo, kind, block.section)]
        held = (
            any(text.startswith(block.text) for text in candidates)
            if kind in ("bullet", "numbered")
            else any(block.text in text for text in candidates)
        )
        if not held:
            absent.append(f"[{block.section or 'introduction'}] {block.text}")
    return absent


def json_examples(blocks: list[Block]) -> list:
    return [json.loads(b.text) for b in blocks if b.kind == "fence" and b.language == "json"]


def key_paths(value, prefix: str = "") -> set[str]:
    """Every key of a JSON value by its place: "parties[].max_per_day", "assignments[].slot"."""
    if isinstance(value, dict):
        paths = set()
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            paths |= {path} | key_paths(item, path)
        return paths
    if isinstance(value, list):
        return set().union(*(key_paths(item, f"{prefix}[]") for item in value))
    return set()


def command_lines(blocks: list[Block]) -> list[re.Match]:
    return [m for b in blocks if b.kind == "code" and (m := COMMAND.fullmatch(b.text))]


def scheduler_module():
    """The scheduler package the repository's copy names ("The scheduler itself is `...`")."""
    (name,) = LIBRARY.findall(normalised(REPO_CONTRACT.read_text(encoding="utf-8")))
    return importlib.import_module(name)


def test_repo_copy_has_every_section_of_the_shared_contract(shared, repo):
    sections = {b.section for b in repo}
    assert [s for s in dict.fromkeys(b.section for b in shared) if s not in sections] == []


def test_repo_copy_holds_every_json_key_of_the_shared_examples(shared, repo):
    wanted = set().union(*(key_paths(example) for example in json_examples(shared)))
    found = set().union(*(key_paths(example) for example in json_examples(repo)))
    assert sorted(wanted - found) == []


def test_repo_copy_names_every_field_of_the_shared_bullets(shared, repo):
    def fields(blocks):
        return {f for b in prose(blocks, "bullet") for f in FIELD.findall(b.text)}

    assert sorted(fields(shared) - fields(repo)) == []


def test_repo_copy_keeps_every_bullet_of_the_shared_contract(shared, repo):
    assert missing(shared, repo, "bullet") == []


def test_repo_copy_holds_the_command_line(shared, repo):
    (wanted,) = command_lines(shared)
    commands = command_lines(repo)
    assert [normalised(c["arguments"]) for c in commands] == [normalised(wanted["arguments"])]
    module = commands[0]["module"]
    # The command must run here (issue 13 moved the scheduler into meetings/ and kept the
    # contract's name as a thin package). Should the copy ever name another command, it must
    # still name the shared contract's package, so that a reader of both can map them.
    assert importlib.util.find_spec(f"{module}.__main__") is not None, module
    if module != wanted["module"]:
        assert f"`{wanted['module']}`" in REPO_CONTRACT.read_text(encoding="utf-8")


def test_repo_copy_holds_the_exit_status_rule(shared, repo):
    introduction = " ".join(b.text for b in prose(shared, "paragraph", ""))
    rule = [s for s in re.split(r"(?<=\.)\s+", introduction) if "exit" in s]
    assert len(rule) == 2, rule  # "... and exits 0." and "... gets exit status 2 and ..."
    held = " ".join(b.text for b in prose(repo, "paragraph", ""))
    assert [sentence for sentence in rule if sentence not in held] == []


def test_repo_copy_keeps_every_paragraph_of_the_introduction(shared, repo):
    assert missing(shared, repo, "paragraph", "") == []


def test_repo_copy_holds_every_numbered_rule(shared, repo):
    wanted = {b.number: b.text for b in prose(shared, "numbered", RULES_SECTION)}
    assert wanted, f"the shared contract has no numbered rules under '{RULES_SECTION}'"
    held = {b.number: b.text for b in prose(repo, "numbered", RULES_SECTION)}
    changed = {
        number: text for number, text in wanted.items() if not held.get(number, "").startswith(text)
    }
    assert changed == {}, "rules missing or reworded in docs/scheduler-contract.md"


def test_repo_copy_holds_what_it_optimises(shared, repo):
    assert prose(shared, "paragraph", OPTIMISES_SECTION)
    assert missing(shared, repo, "paragraph", OPTIMISES_SECTION) == []


def test_repo_copy_holds_every_paragraph_and_list_item(shared, repo):
    """A catch-all: whatever the shared contract comes to say, the copy says too."""
    absent = [
        text for kind in ("paragraph", "bullet", "numbered") for text in missing(shared, repo, kind)
    ]
    assert absent == []


def test_repo_examples_are_a_valid_instance_and_its_valid_result(repo):
    scheduler = scheduler_module()
    examples = json_examples(repo)
    (instance,) = [e for e in examples if "slots" in e]
    (result,) = [e for e in examples if "assignments" in e]
    loaded = scheduler.load_instance(instance)
    assert any(party.priority for party in loaded.parties)  # the repository's addition, shown
    assert scheduler.check_result(instance, result) == []
