"""The workshop evaluation kit without a browser: the instrument's labels against the evidence brief, the rules,
their refusals, the checks of the file, the worksheet, the guide's key, the notebook display and the notebook."""

import copy
import json
import re
from pathlib import Path

import pytest

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import InstrumentError, load, validate_instrument
from leadership_handbook.core.templates import RenderContext, render_answer_key, render_worksheet
from leadership_handbook.kinds.workshop_evaluation import rules
from leadership_handbook.kinds.workshop_evaluation.report import results_markdown

ROOT = Path(__file__).resolve().parent.parent
KIT = load("workshop_evaluation")
# LTEM's eight tiers as the evidence brief (item 7b) names them; Kirkpatrick's four levels (item 1).
LTEM_TIERS = {3: "learner perceptions", 4: "knowledge", 7: "transfer"}
KIRKPATRICK_LEVELS = {1: "reaction", 2: "learning", 3: "behaviour", 4: "results"}
DAY = "end-of-session"
LATER = "follow-up"


def sections(part_id=None):
    return [s for p in KIT["parts"] if part_id in (None, p["id"]) for s in p["sections"]]


def section_of(summary, section_id):
    return next(s for s in summary["sections"] if s["id"] == section_id)


def test_the_kit_has_the_two_parts_the_page_shows():
    assert rules.part_ids(KIT) == [DAY, LATER]


@pytest.mark.parametrize("section", sections(), ids=lambda s: s["id"])
def test_every_section_is_labelled_with_its_ltem_tier_and_kirkpatrick_level_and_cited(section):
    assert section["ltem"]["name"].lower().startswith(LTEM_TIERS[section["ltem"]["tier"]])
    assert section["kirkpatrick"]["name"].lower().startswith(KIRKPATRICK_LEVELS[section["kirkpatrick"]["level"]])
    assert {"thalheimer2018ltem", "kirkpatrick2016fourlevels"} & set(section["cite"])
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    for key in section["cite"]:
        assert re.search(r"@\w+\{" + key + ",", bib), key
    assert section["limit"].strip() and section["read"].strip()


def test_the_day_asks_about_usefulness_not_enjoyment():
    useful = next(s for s in sections(DAY) if s["id"] == "usefulness")
    assert "alliger1997meta" in useful["cite"]
    ratings = [q["text"].lower() for s in sections(DAY) for q in s["questions"] if q["kind"] == "scale"]
    assert ratings and not any("enjoy" in text or "liked" in text for text in ratings)
    assert any("useful" in text for text in ratings) and any("intend" in text for text in ratings)


def test_the_follow_up_says_it_is_self_report():
    applied = next(s for s in sections(LATER) if s["id"] == "applied")
    assert (applied["ltem"]["tier"], applied["kirkpatrick"]["level"]) == (7, 3)
    assert "self-report" in applied["limit"]


def test_a_participant_on_the_day():
    answers = {
        "es-useful-job": 4,
        "es-useful-situation": 5,
        "es-useful-fit": 3,
        "es-intend": 5,
        "es-commit-what": "  Ask before I advise  ",
        "es-commit-when": "2027-02-12",
        "es-q-reactions": "B",
        "es-q-environment": "b",
    }
    summary = rules.summarise(KIT, DAY, answers)
    assert section_of(summary, "usefulness")["score"] == 4.0
    intention = section_of(summary, "intention")
    assert intention["score"] is None and (intention["rated"], intention["ratings"]) == (1, 2)
    assert intention["commitment"] == {"complete": False, "missing": ["with whom"]}
    quiz = section_of(summary, "knowledge")["quiz"]
    assert (quiz["correct"], quiz["total"]) == (1, 4)
    assert [q["chosen"] for q in quiz["questions"]] == ["b", "b", None, None]
    assert rules.validate_answers(KIT, DAY, answers)["es-commit-what"] == "Ask before I advise"
    assert summary["answered"] == len(answers)


def test_a_participant_at_the_follow_up():
    answers = {"fu-applied-often": 3, "fu-applied-kept": 2, "fu-manager": ["checked-in", "before"], "fu-obstacles": []}
    summary = rules.summarise(KIT, LATER, answers)
    assert section_of(summary, "applied")["score"] == 2.5
    assert [o["id"] for o in section_of(summary, "manager")["ticked"][0]["options"]] == ["before", "checked-in"]
    assert section_of(summary, "obstacles")["ticked"][0]["options"] == []
    assert summary["answered"] == 3


def test_nothing_answered_scores_nothing():
    for part_id in rules.part_ids(KIT):
        summary = rules.summarise(KIT, part_id, {})
        assert summary["answered"] == 0
        assert all(s["score"] is None for s in summary["sections"])


@pytest.mark.parametrize(
    "part_id,answers,item_id,words",
    [
        (DAY, {"es-useful-job": 7}, "es-useful-job", "from 1 to 5"),
        (DAY, {"es-commit-who": "x" * 121}, "es-commit-who", "at most 120 characters"),
        (DAY, {"es-commit-when": "12/02/2027"}, "es-commit-when", "YYYY-MM-DD"),
        (DAY, {"es-commit-when": "2027-02-29"}, "es-commit-when", "not a date in the calendar"),
        (DAY, {"es-q-today": "z"}, "es-q-today", "one of the letters a, b, c"),
        (LATER, {"fu-obstacles": ["nothing", "no-time"]}, "fu-obstacles", "'Nothing got in the way' alone"),
        (LATER, {"fu-manager": "after"}, "fu-manager", "a list of the option ids"),
        (DAY, {"fu-manager": ["after"]}, "fu-manager", "question id"),
    ],
)
def test_bad_answers_name_the_question_and_what_is_allowed(part_id, answers, item_id, words):
    with pytest.raises(InputError) as caught:
        rules.summarise(KIT, part_id, answers)
    assert caught.value.item_id == item_id
    assert words in str(caught.value)


def test_an_unknown_part_says_which_parts_exist():
    with pytest.raises(InputError, match="one of end-of-session, follow-up"):
        rules.get_part(KIT, "day-two")


def _broken(change):
    data = copy.deepcopy(KIT)
    change(data)
    with pytest.raises(InstrumentError) as caught:
        validate_instrument(data, "workshop_evaluation.yml", "workshop_evaluation")
    return caught.value


def test_the_checks_refuse_a_quiz_with_two_right_answers():
    def two_right(data):
        data["parts"][0]["sections"][2]["questions"][0]["options"][0]["correct"] = True

    error = _broken(two_right)
    assert error.field == "options.correct" and "2 options are marked correct" in str(error)


def test_the_checks_refuse_a_rating_on_a_scale_the_file_lacks():
    def unknown_scale(data):
        data["parts"][0]["sections"][0]["questions"][0]["choices"] = "stars"

    error = _broken(unknown_scale)
    assert error.field == "choices" and "one of agreement, frequency" in str(error)


def test_the_checks_refuse_a_commitment_part_without_a_short_name():
    def no_short(data):
        del data["parts"][0]["sections"][1]["questions"][2]["short"]

    assert _broken(no_short).field == "commitment"


def test_the_checks_refuse_a_text_question_without_a_length():
    def no_length(data):
        del data["parts"][1]["sections"][0]["questions"][3]["max_length"]

    assert "needs 'max_length'" in str(_broken(no_length))


@pytest.mark.parametrize("part_id", [DAY, LATER])
def test_the_worksheet_shows_every_question_and_label_but_no_answers(part_id):
    html = render_worksheet(KIT, RenderContext(options={"part": part_id}))
    body = re.sub(r'<script type="application/json" class="lh-spec">.*?</script>', "", html, flags=re.S)
    for section in sections(part_id):
        assert f"LTEM Tier {section['ltem']['tier']}, " in body
        assert f"Kirkpatrick Level {section['kirkpatrick']['level']}, " in body
        for q in section["questions"]:
            assert f'data-question="{q["id"]}"' in body
            for option in q.get("options", []):
                assert option.get("explanation", "\0") not in body


def test_the_guide_says_how_to_read_each_section_and_keys_the_quiz():
    html = render_answer_key(KIT)
    text = re.sub(r"\s+", " ", html.replace("&#39;", "'"))
    for section in sections():
        assert " ".join(section["limit"].split()) in text
    for q in next(s for s in sections(DAY) if s["id"] == "knowledge")["questions"]:
        right = next(o for o in q["options"] if o["correct"])
        assert f"<strong>Answer: {right['id']}.</strong>" in text


def test_the_notebook_display_keeps_a_participants_words_as_text():
    answers = {
        "es-commit-what": "<img src=x onerror=alert(1)>",
        "es-commit-who": "team",
        "es-commit-when": "2027-01-05",
    }
    clean = rules.validate_answers(KIT, DAY, answers)
    shown = results_markdown(KIT, rules.summarise(KIT, DAY, clean), clean)
    assert "<img" not in shown and "&lt;img src=x" in shown


def test_the_notebook_follows_the_exercise_convention():
    notebook = json.loads((ROOT / "exercises" / "workshop-evaluation.ipynb").read_text(encoding="utf-8"))
    cells = notebook["cells"]
    text = ["".join(c["source"]) for c in cells]
    assert text[0].startswith("# ")
    headings = [line for t, c in zip(text, cells) if c["cell_type"] == "markdown" for line in t.splitlines()]
    level_two = [h for h in headings if h.startswith("## ")]
    assert level_two[0] == "## Do it here, in your browser" and level_two[-1] == "## Run it as a notebook"
    after = headings[headings.index("## Run it as a notebook") + 1 :]
    assert all(not h.startswith("## ") for h in after) and not any("Your" in h for h in after if h.startswith("#"))
    forms = "".join(text)
    assert ":part: end-of-session" in forms and ":part: follow-up" in forms
    for cell in cells:
        if cell["cell_type"] == "code":
            assert "remove-input" in cell["metadata"].get("tags", []) and not cell.get("outputs")


def test_the_worked_example_is_fictional_and_its_name_used_nowhere_else():
    name = "Kofi Ferreira"
    notebook = (ROOT / "exercises" / "workshop-evaluation.ipynb").read_text(encoding="utf-8")
    assert "fictional" in notebook and name in notebook
    others = [
        p for p in [*ROOT.glob("book/*.md"), *ROOT.glob("exercises/*.ipynb")] if p.name != "workshop-evaluation.ipynb"
    ]
    assert [p.name for p in others if name.split()[1] in p.read_text(encoding="utf-8")] == []


def test_each_rating_on_paper_has_its_own_scale_key_above_it():
    html = render_worksheet(KIT, RenderContext(options={"part": LATER}))
    keyed = dict(re.findall(r'data-question="([a-z-]+)"><p class="lh-scale-key">Scale: <b>1</b> ([A-Za-z ]+?) ·', html))
    assert keyed == {"fu-applied-often": "Not yet", "fu-applied-kept": "Strongly disagree"}
