"""What the knowledge checks' templates need beyond the instrument: the part a worksheet shows, and every
part's questions with their keyed answers (from the rules' marking) for the answer key.

The explanations travel only in the page's embedded data, shown after a reader answers; the printed
worksheet has the questions and options, never the answers. The directive has already refused a ``:part:``
that the file does not have.
"""

from __future__ import annotations

from leadership_handbook.kinds.knowledge_check import rules


def worksheet_context(instrument, context):
    return {"part": rules.get_part(instrument, context.options.get("part"))}


def answer_key_context(instrument):
    """``{"parts": [(title, [(question, keyed option), ...]), ...]}``, as the rules mark each question."""
    parts = []
    for part_id in rules.part_ids(instrument):
        marked = rules.check_answers(instrument, part_id, {})
        questions = [(q, next(o for o in q["options"] if o["id"] == q["correct_option"])) for q in marked["questions"]]
        parts.append((marked["title"], questions))
    return {"parts": parts}
