"""The originality check: a copied sentence fails it, and the committed fingerprint agrees with the source.

No source text is committed: the tests write their own source on the fly, use the source posts' title (a
public citation, already in the book), and read ../shared/source only where a maintainer has it beside the clone.
"""

import importlib.util
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from leadership_handbook import originality

SHARED = ROOT.parent / "shared"
SOURCE_FILES = sorted((SHARED / "source").glob("*.txt"))
SHARED_TOOL = SHARED / "tools" / "originality.py"
# The title of the post the handbook adapts, as the post itself opens: 9 words, so 2 runs of 8.
SOURCE_TITLE = "ROI on Training: Does Leadership Training Work? Part 2"
TITLE_RUN = "roi on training does leadership training work part 2"

# An invented source for the companions, so they need no real one.
INVENTED_SOURCE = (
    "Nobody remembers the slides from a workshop three years later. What they remember is the manager who "
    "asked them, on the Monday after, which one idea they'd try first and then checked back a week on."
)
COPIED = "which one idea they'd try first and then checked back"  # 10 words of it, in order
SEVEN_WORDS = "which one idea they'd try first and"  # only 7 in a row: under the limit


def run_check(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "leadership_handbook.originality", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def invented_fingerprint(tmp_path):
    source = tmp_path / "invented-post.txt"
    source.write_text(INVENTED_SOURCE, encoding="utf-8")
    fingerprint = tmp_path / "fingerprint.txt"
    made = run_check("--fingerprint", source, "--output", fingerprint)
    assert made.returncode == 0, made.stderr
    return fingerprint


def test_a_copied_sentence_fails_the_check_and_seven_words_do_not(tmp_path, invented_fingerprint):
    page = tmp_path / "book" / "chapter.md"
    page.parent.mkdir()
    # Case, curly apostrophes and punctuation do not hide a copy.
    shouted = COPIED.upper().replace("'", "’")
    page.write_text(f"# A chapter\n\nShe asked: {shouted}, and it worked.\n", encoding="utf-8")
    copied = run_check("--against", invented_fingerprint, page.parent)
    assert copied.returncode == 1
    assert copied.stdout.splitlines() == [
        f'{page}: shares 10 words: "{COPIED}"',
        "1 shared run(s) of 8+ words in 1 file(s)",
    ]
    page.write_text(f"She asked {SEVEN_WORDS}, and it stuck.\n", encoding="utf-8")
    own_words = run_check("--against", invented_fingerprint, page.parent)
    assert (own_words.returncode, own_words.stdout) == (0, "0 shared run(s) of 8+ words in 1 file(s)\n")


def test_a_copy_in_a_notebook_cell_or_an_instrument_file_is_found(tmp_path, invented_fingerprint):
    notebook = tmp_path / "exercise.ipynb"
    notebook.write_text(
        '{"cells": [{"cell_type": "markdown", "source": ["Ask ' + COPIED + '."]}], "metadata": {}}',
        encoding="utf-8",
    )
    instrument = tmp_path / "kind" / "instrument.yml"
    instrument.parent.mkdir()
    instrument.write_text(f"prompt: Ask {COPIED}.\n", encoding="utf-8")
    found = run_check("--against", invented_fingerprint, notebook, tmp_path / "kind")
    assert found.returncode == 1
    assert found.stdout.splitlines()[-1] == "2 shared run(s) of 8+ words in 2 file(s)"


def test_copying_from_the_real_source_is_caught(tmp_path):
    """The title always (it is in the fingerprint); every sentence of the source too, where ../shared has it."""
    fingerprint = originality.load_fingerprint()
    page = tmp_path / "page.md"
    page.write_text(f"As the post {SOURCE_TITLE} says.\n", encoding="utf-8")
    title = originality.check(fingerprint, [page])
    assert [finding.run for finding in title.findings] == [TITLE_RUN]
    if not SOURCE_FILES:
        return  # a clone without ../shared: the title above is what it can test
    sentences = [
        sentence
        for source in SOURCE_FILES
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", source.read_text(encoding="utf-8"))
        if len(originality.words(sentence)) >= originality.RUN_WORDS
    ]
    assert len(sentences) >= 20
    # A word the source never uses between sentences, so that each copy is found as a run of its own.
    page.write_text("\n\nzzyzx\n\n".join(sentences), encoding="utf-8")
    copies = originality.check(fingerprint, [page])
    assert [finding.run for finding in copies.findings] == [" ".join(originality.words(s)) for s in sentences]


def test_the_fingerprint_agrees_with_the_source_where_it_is_here():
    """Written as the module writes it; and, with ../shared beside the clone, the same runs as the shared tool's."""
    fingerprint = originality.load_fingerprint()
    assert originality.format_fingerprint(fingerprint) == originality.FINGERPRINT.read_text(encoding="utf-8")
    assert (fingerprint.run_words, fingerprint.key) == (originality.RUN_WORDS, originality.HASH_KEY), (
        "the rule or the key changed: rebuild the fingerprint with --fingerprint ../shared/source/*.txt"
    )
    if not SOURCE_FILES:
        return  # a clone without ../shared: the fingerprint's own form above is what it can test
    tool = shared_tool()
    run_words = shared_tool_run_words()
    assert run_words == originality.RUN_WORDS
    expected_runs, expected_hashes = [], set()
    for path in SOURCE_FILES:
        text = path.read_text(encoding="utf-8")
        source_words = tool.words(text)
        assert originality.words(text) == source_words, "the package and the shared tool read words differently"
        runs = [tuple(source_words[i : i + run_words]) for i in range(len(source_words) - run_words + 1)]
        expected_runs.append((path.name, len(runs)))
        expected_hashes |= {originality.run_hash(run) for run in runs}
    stale = "the fingerprint is stale: rebuild it with --fingerprint ../shared/source/*.txt"
    assert list(fingerprint.source_runs) == expected_runs, stale
    assert fingerprint.hashes == expected_hashes, stale


def shared_tool():
    assert SHARED_TOOL.is_file(), f"../shared/source is here but its tool is not: {SHARED_TOOL}"
    spec = importlib.util.spec_from_file_location("shared_originality", SHARED_TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_tool_run_words():
    """The shared tool's default run length, read from its code, so that a change there shows here."""
    return int(re.search(r"^    n = (\d+)$", SHARED_TOOL.read_text(encoding="utf-8"), flags=re.M).group(1))


def test_the_shared_tool_and_the_package_read_the_same_files_and_find_the_same_runs(tmp_path):
    copied = tmp_path / "copied.md"
    copied.write_text(f"The post {SOURCE_TITLE} opens so.\n", encoding="utf-8")
    targets = [*(ROOT / name for name in originality.DEFAULT_TARGETS), copied]
    ours = originality.check(originality.load_fingerprint(), targets)
    assert len(ours.files) >= 100 and [str(f) for f in ours.findings] == [f'{copied}: shares 9 words: "{TITLE_RUN}"']
    if not SOURCE_FILES:
        return  # a clone without ../shared: the package's own count and finding above are what it can test
    # The shared tool also reads the fingerprint file (hashes: never a match); the package leaves it out.
    their_files = [path for path in shared_tool().targets(targets) if path.name != originality.FINGERPRINT.name]
    assert their_files == list(ours.files)
    theirs = subprocess.run(
        [sys.executable, str(SHARED_TOOL), *map(str, SOURCE_FILES), "--", *map(str, targets)],
        capture_output=True,
        text=True,
    )
    assert theirs.stdout.splitlines()[:-1] == [str(finding) for finding in ours.findings]
    assert theirs.stdout.splitlines()[-1].split(" in ")[0] == ours.summary.split(" in ")[0]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda text: text.replace("runs: ", "runs: 1"), "different hashes"),
        (lambda text: text.replace("words: 8\n", ""), "no 'words:' line"),
        (lambda text: text + "not a hash\n", "expected a 16-digit lower-case hex hash"),
        (lambda text: text.replace("source: ", "source: many "), "'source:' needs a run count"),
    ],
    ids=["count", "no-words", "stray-line", "bad-source"],
)
def test_a_damaged_fingerprint_is_refused_in_plain_words(tmp_path, change, message):
    damaged = tmp_path / "fingerprint.txt"
    damaged.write_text(change(originality.FINGERPRINT.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(originality.FingerprintError, match=message):
        originality.load_fingerprint(damaged)
    refused = run_check("--against", damaged, ROOT / "README.md")
    assert refused.returncode == 2
    assert str(damaged) in refused.stderr and message in refused.stderr


def test_the_check_runs_from_the_root_as_contributing_says_and_refuses_a_missing_target(tmp_path):
    from_root = run_check()
    assert (from_root.returncode, from_root.stdout.splitlines()[-1][:28]) == (0, "0 shared run(s) of 8+ words ")
    assert "python -m leadership_handbook.originality" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    elsewhere = run_check(cwd=tmp_path)
    assert elsewhere.returncode == 2
    assert "no such file or folder to check: book" in elsewhere.stderr and "project's root" in elsewhere.stderr
