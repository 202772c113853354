"""The workshop evaluation kit in a notebook: one part's questions and one participant's results as Markdown
(shown with :mod:`leadership_handbook.core.notebook`)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from leadership_handbook.core.formatting import markdown_table, sources_line
from leadership_handbook.kinds.workshop_evaluation.page import levels_line
from leadership_handbook.kinds.workshop_evaluation.rules import get_part

__all__ = ["questions_markdown", "results_markdown"]


def _scale_words(instrument, scale_id):
    labels = next(s["labels"] for s in instrument["scales"] if s["id"] == scale_id)
    return ", ".join(f"{p['value']} {p['label'].lower()}" for p in labels)


def questions_markdown(instrument: Mapping, part_id: str, sources: Mapping) -> str:
    """A part's sections, each with what it reaches, its sources and its questions with their ids."""
    lines = []
    for section in get_part(instrument, part_id)["sections"]:
        lines += [f"**{section['title']}** ({levels_line(section)}). {sources_line(section['cite'], sources)}", ""]
        for q in section["questions"]:
            if q["kind"] == "scale":
                how = f"rating: {_scale_words(instrument, q['choices'])}"
            elif q["kind"] in ("quiz", "multi"):
                letters = "; ".join(f"`{o['id']}` {o['text']}" for o in q["options"])
                how = ("one letter: " if q["kind"] == "quiz" else "a list of any of: ") + letters
            elif q["kind"] == "date":
                how = 'a date in quotes, written "YYYY-MM-DD"'
            else:
                how = f"text in quotes, at most {q['max_length']} characters"
            lines.append(f"- `{q['id']}`: {q['text']} *({how})*")
        lines.append("")
    return "\n".join(lines).rstrip()


def _result(section) -> str:
    words = []
    if section["ratings"]:
        score = "not scored" if section["score"] is None else f"{section['score']:.2f} of 5"
        words.append(f"mean rating {score} ({section['rated']} of {section['ratings']} rated)")
    if section["commitment"]:
        c = section["commitment"]
        words.append("commitment complete" if c["complete"] else "commitment missing " + ", ".join(c["missing"]))
    if section["quiz"]:
        words.append(f"{section['quiz']['correct']} of {section['quiz']['total']} correct")
    for ticked in section["ticked"]:
        words.append("ticked: " + ("; ".join(o["text"] for o in ticked["options"]) or "nothing"))
    return "; ".join(words)


def results_markdown(instrument: Mapping, summary: Mapping, clean: Mapping) -> str:
    """One participant's results: a row per section, the commitment in their words, then the quiz feedback."""
    rows = [
        [s["title"], f"LTEM Tier {s['ltem']['tier']}, Kirkpatrick Level {s['kirkpatrick']['level']}", _result(s)]
        for s in summary["sections"]
    ]
    lines = [markdown_table(["Section", "Reaches", "Result"], rows), ""]
    part = get_part(instrument, summary["part"])
    for section, marked in zip(part["sections"], summary["sections"]):
        if marked["commitment"] and marked["commitment"]["complete"]:
            # A participant's own words: escaped, so that text typed as markup stays text in the notebook.
            said = [q for q in section["questions"] if q["kind"] in ("text", "date")]
            lines += ["**Commitment:**", ""] + [
                f"- *{q['short'].capitalize()}:* {escape(clean[q['id']])}" for q in said
            ]
            lines.append("")
        if marked["quiz"]:
            prompts = {q["id"]: q["text"] for q in section["questions"]}
            for n, q in enumerate(marked["quiz"]["questions"], start=1):
                right = next(o for o in q["options"] if o["correct"])
                chosen = next((o for o in q["options"] if o["id"] == q["chosen"]), None)
                if chosen is None:
                    verdict, why = f"not answered; the answer is **{right['id']}**", right["explanation"]
                elif q["is_correct"]:
                    verdict, why = f"chose **{chosen['id']}**: correct", right["explanation"]
                else:
                    verdict = f"chose **{chosen['id']}**; the answer is **{right['id']}**"
                    why = f"{chosen['explanation']} {right['explanation']}"
                lines.append(f"{n}. {prompts[q['id']]} ({verdict}). {why}")
            lines.append("")
    return "\n".join(lines).rstrip()
