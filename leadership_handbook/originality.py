"""Find word runs that the project's text shares with the source posts it adapts, from a fingerprint of them.

The handbook adapts its source posts in its own words: ideas and facts carry over, sentences do not. This
lists every run of 8 or more consecutive words that a project file shares with the source. It reads the
source from `source_fingerprint.txt` beside this module: one keyed hash for each 8-word run of the source,
sorted, and no words, so any clone can run the check. (The posts are their authors' text, not ours to
republish under the book's licence, so the repository ships a fingerprint of them, never the text.)
Anyone can still ask whether a guessed 8-word run is in the source (that is what a check is), so the
fingerprint hides the text from a reader, not from someone who guesses it run by run.

usage: python -m leadership_handbook.originality [--against FINGERPRINT] [TARGET...]
           (run from the project's root; a TARGET may be a folder: its .md, .ipynb, .rst, .txt, .yml, .yaml,
           .html and .py files are read; by default the book, the exercises, the package and the top files)
       python -m leadership_handbook.originality --fingerprint SOURCE_FILE... [--output FINGERPRINT]
           (maintainers who have the source: rewrite the fingerprint from it, e.g. ../shared/source/*.txt)
exit status: 0 when nothing is shared, 1 when something is, 2 on bad input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

FINGERPRINT = Path(__file__).resolve().with_name("source_fingerprint.txt")
RUN_WORDS = 8
# Public, and only there to make the hashes this project's own: no table of plain hashes of English word runs
# matches them.
HASH_KEY = "beyond-the-course/originality/1"
HASH_BYTES = 8
# The same words as ../shared/tools/originality.py, so both report the same runs.
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
SUFFIXES = {".md", ".ipynb", ".rst", ".txt", ".yml", ".yaml", ".html", ".py"}
DEFAULT_TARGETS = (
    "book",
    "exercises",
    "leadership_handbook",
    "README.md",
    "CONTRIBUTING.md",
    "_config.yml",
    "_toc.yml",
)
HASH_LINE = re.compile(rf"^[0-9a-f]{{{2 * HASH_BYTES}}}$")
HEADER_LINE = re.compile(r"^(words|key|source|runs): (.+)$")
SOURCE_VALUE = re.compile(r"^(\d+) (\S.*)$")
HEADER_COMMENT = [
    "# A fingerprint of the source posts the handbook adapts, for `python -m leadership_handbook.originality`:",
    f"# one keyed BLAKE2b hash ({HASH_BYTES} bytes, hex) of each run of {RUN_WORDS} consecutive words, sorted.",
    "# The posts are their authors' text, not ours to republish, so the project ships this and never the text.",
    "# Rebuild it from the source: python -m leadership_handbook.originality --fingerprint ../shared/source/*.txt",
]


class FingerprintError(ValueError):
    """A fingerprint file that cannot be read, said in words that name the file and line."""


@dataclass(frozen=True)
class Fingerprint:
    run_words: int
    key: str
    source_runs: tuple[tuple[str, int], ...]  # (file name, how many runs it has), in the order read
    hashes: frozenset[str]


@dataclass(frozen=True)
class Finding:
    path: Path
    run: str

    def __str__(self) -> str:
        return f'{self.path}: shares {len(self.run.split())} words: "{self.run}"'


@dataclass(frozen=True)
class Report:
    run_words: int
    files: tuple[Path, ...]
    findings: tuple[Finding, ...]

    @property
    def summary(self) -> str:
        return f"{len(self.findings)} shared run(s) of {self.run_words}+ words in {len(self.files)} file(s)"


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def runs_of(word_list: Sequence[str], run_words: int = RUN_WORDS) -> Iterator[tuple[str, ...]]:
    return (tuple(word_list[i : i + run_words]) for i in range(len(word_list) - run_words + 1))


def run_hash(run: Sequence[str], key: str = HASH_KEY) -> str:
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=HASH_BYTES, key=key.encode("utf-8")).hexdigest()


def fingerprint_of(sources: Iterable[tuple[str, str]], run_words: int = RUN_WORDS, key: str = HASH_KEY) -> Fingerprint:
    """The fingerprint of (name, text) pairs: each source's runs on their own, none across two files."""
    source_runs, hashes = [], set()
    for name, text in sources:
        runs = list(runs_of(words(text), run_words))
        source_runs.append((name, len(runs)))
        hashes |= {run_hash(run, key) for run in runs}
    return Fingerprint(run_words, key, tuple(source_runs), frozenset(hashes))


def format_fingerprint(fingerprint: Fingerprint) -> str:
    lines = [*HEADER_COMMENT, f"words: {fingerprint.run_words}", f"key: {fingerprint.key}"]
    lines += [f"source: {count} {name}" for name, count in fingerprint.source_runs]
    lines += [f"runs: {len(fingerprint.hashes)}", *sorted(fingerprint.hashes)]
    return "\n".join(lines) + "\n"


def parse_fingerprint(text: str, where: str = "the fingerprint") -> Fingerprint:
    header: dict[str, str] = {}
    sources: list[tuple[str, int]] = []
    hashes: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if HASH_LINE.match(line):
            hashes.append(line)
            continue
        field = HEADER_LINE.match(line)
        if not field or hashes:
            raise FingerprintError(
                f"{where}, line {number}: expected a {2 * HASH_BYTES}-digit lower-case hex hash"
                + ("" if hashes else " or a 'words:', 'key:', 'source:' or 'runs:' line")
                + f", found {line[:60]!r}"
            )
        name, value = field.groups()
        if name == "source":
            source = SOURCE_VALUE.match(value)
            if not source:
                raise FingerprintError(f"{where}, line {number}: 'source:' needs a run count then a file name")
            sources.append((source.group(2), int(source.group(1))))
        elif name in header:
            raise FingerprintError(f"{where}, line {number}: '{name}:' is given twice")
        else:
            header[name] = value
    missing = [name for name in ("words", "key", "runs") if name not in header]
    if missing or not sources:
        absent = missing + ([] if sources else ["source"])
        raise FingerprintError(f"{where}: no {', '.join(repr(name + ':') for name in absent)} line")
    if not header["words"].isdigit() or int(header["words"]) < 1:
        raise FingerprintError(f"{where}: 'words:' must be a whole number of words, not {header['words']!r}")
    if header["runs"] != str(len(hashes)) or len(set(hashes)) != len(hashes):
        raise FingerprintError(
            f"{where}: 'runs: {header['runs']}' but it holds {len(set(hashes))} different hashes "
            f"in {len(hashes)} lines (rebuild it with --fingerprint)"
        )
    return Fingerprint(int(header["words"]), header["key"], tuple(sources), frozenset(hashes))


def load_fingerprint(path: Path = FINGERPRINT) -> Fingerprint:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise FingerprintError(f"cannot read the fingerprint {path}: {error.strerror}") from None
    return parse_fingerprint(text, where=str(path))


def text_of(path: Path) -> str:
    """A file's words as a reader sees them: a notebook's cell sources, not its JSON."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(raw).get("cells", [])
        except json.JSONDecodeError:
            return raw
        return "\n".join("".join(cell.get("source", "")) for cell in cells)
    return raw


def target_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to check: each file named, and the prose and code files in each folder named."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [
                file
                for file in sorted(path.rglob("*"))
                if file.is_file()
                and file.suffix in SUFFIXES
                and file.name != FINGERPRINT.name  # hashes, not prose
                and not any(part.startswith((".", "_build")) for part in file.relative_to(path).parts)
            ]
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder to check: {path}")
    return found


def shared_runs(fingerprint: Fingerprint, target_words: Sequence[str]) -> list[str]:
    """Every longest run of the target's words whose every n-word window is a run of the source."""
    n = fingerprint.run_words
    in_source = [run_hash(run, fingerprint.key) in fingerprint.hashes for run in runs_of(target_words, n)]
    found, start = [], 0
    while start < len(in_source):
        if not in_source[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(in_source) and in_source[end + 1]:
            end += 1
        found.append(" ".join(target_words[start : end + n]))
        start = end + n  # a copied run is counted once, as the shared tool does
    return found


def check(fingerprint: Fingerprint, paths: Iterable[Path | str]) -> Report:
    files = target_files(paths)
    findings = [Finding(file, run) for file in files for run in shared_runs(fingerprint, words(text_of(file)))]
    return Report(fingerprint.run_words, tuple(files), tuple(findings))


def write_fingerprint(sources: Sequence[Path], output: Path = FINGERPRINT) -> Fingerprint:
    fingerprint = fingerprint_of((path.name, path.read_text(encoding="utf-8")) for path in sources)
    output.write_text(format_fingerprint(fingerprint), encoding="utf-8")
    return fingerprint


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m leadership_handbook.originality",
        description="List the word runs the project's text shares with its source posts (it must list none).",
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=f"default: {' '.join(DEFAULT_TARGETS)}")
    parser.add_argument("--against", type=Path, default=FINGERPRINT, metavar="FINGERPRINT")
    parser.add_argument("--fingerprint", nargs="+", type=Path, metavar="SOURCE_FILE")
    parser.add_argument("--output", type=Path, default=FINGERPRINT, metavar="FINGERPRINT")
    args = parser.parse_args(argv)
    if args.fingerprint:
        if args.targets:
            parser.error("--fingerprint reads source files only; check targets in a second run")
        missing = [str(path) for path in args.fingerprint if not path.is_file()]
        if missing:
            parser.error(f"no such source file: {', '.join(missing)}")
        written = write_fingerprint(args.fingerprint, args.output)
        sources = len(written.source_runs)
        print(f"{args.output}: {len(written.hashes)} runs of {written.run_words} words from {sources} file(s)")
        return 0
    try:
        fingerprint = load_fingerprint(args.against)
        report = check(fingerprint, args.targets or DEFAULT_TARGETS)
    except (FingerprintError, FileNotFoundError) as error:
        hint = "" if args.targets else " (run it from the project's root)"
        print(f"originality: {error}{hint}", file=sys.stderr)
        return 2
    for finding in report.findings:
        print(finding)
    print(report.summary)
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
