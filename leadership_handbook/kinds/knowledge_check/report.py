"""The knowledge checks in a notebook: questions and feedback as Markdown (shown with
:mod:`leadership_handbook.core.notebook`)."""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.core.formatting import sources_line

__all__ = ["question_markdown", "feedback_markdown"]


def question_markdown(number: int, question: Mapping) -> str:
    """A question and its lettered options."""
    lines = [f"**{number}. {question['prompt']}**", ""]
    lines += [f"- **{o['id']}**: {o['text']}" for o in question["options"]]
    return "\n".join(lines)


def feedback_markdown(marked: Mapping, sources: Mapping) -> str:
    """Feedback on one marked part: each question, the reader's choice and every option's explanation."""
    lines = [f"**Score: {marked['correct']} of {marked['total']}** ({marked['answered']} answered).", ""]
    for n, q in enumerate(marked["questions"], start=1):
        if q["chosen"] is None:
            verdict = f"not answered; the answer is **{q['correct_option']}**"
        elif q["is_correct"]:
            verdict = f"you chose **{q['chosen']}**: correct"
        else:
            verdict = f"you chose **{q['chosen']}**; the answer is **{q['correct_option']}**"
        lines.append(f"**{n}. {q['prompt']}** ({verdict})")
        lines.append("")
        for o in q["options"]:
            marks = []
            if o["correct"]:
                marks.append("correct answer")
            if o["chosen"]:
                marks.append("your choice")
            tag = f" *({', '.join(marks)})*" if marks else ""
            lines.append(f"- **{o['id']}**: {o['text']}{tag}. {o['explanation']}")
        cite = sources_line(q["cite"], sources)
        if cite:
            lines.append(f"- *{cite}*")
        lines.append("")
    return "\n".join(lines).rstrip()
