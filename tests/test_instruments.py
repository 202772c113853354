"""The instrument files: they load, validate, stay JSON-plain, and a malformed file is reported precisely."""

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from leadership_handbook.core import instruments as inst
from leadership_handbook.core.errors import InstrumentError
from leadership_handbook.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "leadership_handbook"
EXPECTED = {
    "handbook": "handbook_index",
    "future_proof": "self_assessment",
    "programme_audit": "programme_audit",
    "barrier_log": "barrier_log",
    "partnering_planner": "partnering_brief",
    "roi_example": "roi",
    "knowledge_checks": "knowledge_check",
    "programme_evaluation": "programme_evaluation",
    "workshop_evaluation": "workshop_evaluation",
}
SCHEMAS = sorted([*PACKAGE.glob("kinds/*/schema.json"), *PACKAGE.glob("core/*.schema.json")])


def _raw(name):
    return yaml.safe_load(inst.instrument_path(name).read_text(encoding="utf-8"))


def _write(tmp_path, name, data):
    path = tmp_path / f"{name}.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------- the real files


def test_each_instrument_lives_in_the_folder_of_its_kind():
    assert set(inst.list_instruments()) == set(EXPECTED)
    for name, kind in EXPECTED.items():
        folder = inst.instrument_path(name).parent
        assert folder == (PACKAGE / "core" if kind == "handbook_index" else PACKAGE / "kinds" / kind), name


@pytest.mark.parametrize("name,kind", sorted(EXPECTED.items()))
def test_file_loads_as_plain_json(name, kind):
    data = inst.load(name, kind=kind)
    assert data["kind"] == kind
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data


@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schemas_are_valid_json_schema(schema_path):
    Draft202012Validator.check_schema(json.loads(schema_path.read_text(encoding="utf-8")))


def test_one_schema_per_kind_sharing_the_common_parts():
    assert (
        {p.parent.name for p in PACKAGE.glob("kinds/*/schema.json")}
        == set(KINDS)
        == set(EXPECTED.values()) - {"handbook_index"}
    )
    for kind in KINDS:
        schema = (PACKAGE / "kinds" / kind / "schema.json").read_text(encoding="utf-8")
        assert schema.count("common.schema.json#/$defs/") >= 8, kind
        assert '"description": "non-empty text"' not in schema, f"{kind} repeats the text type instead of $ref-ing it"


def test_loaded_copies_are_independent():
    first = inst.load("future_proof")
    first["items"].clear()
    assert inst.load("future_proof")["items"]


def test_an_edited_file_is_read_again(tmp_path):
    path = _write(tmp_path, "future_proof", _raw("future_proof"))
    assert inst.load(path)["title"] == _raw("future_proof")["title"]
    data = _raw("future_proof")
    data["title"] = "Edited title"
    _write(tmp_path, "future_proof", data)
    import os

    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert inst.load(path)["title"] == "Edited title"


def test_index_docs_are_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = set(re.findall(r"file:\s*(\S+)", toc))
    for section in inst.load_handbook_index()["sections"]:
        assert section["doc"] in files, section["label"]


def test_index_sources_are_in_references_bib():
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"@\w+\{([^,\s]+),", bib))
    for source in inst.load_handbook_index()["sources"]:
        assert source["key"] in keys, source["key"]


def test_future_proof_shape():
    fp = inst.load("future_proof")
    assert fp["scale"]["min"] == 1 and fp["scale"]["max"] == 5
    assert len(fp["dimensions"]) >= 6
    for dim in fp["dimensions"]:
        items = [i for i in fp["items"] if i["dimension"] == dim["id"]]
        assert len(items) >= 4, dim["id"]
    assert any(i["reverse"] for i in fp["items"]) and not all(i["reverse"] for i in fp["items"])
    assert fp["scoring"]["min_answered_per_dimension"] <= min(
        sum(1 for i in fp["items"] if i["dimension"] == d["id"]) for d in fp["dimensions"]
    )
    assert "Sostrin" in fp["credit"]
    assert "not a validated psychometric test" in fp["disclaimer"]


def test_programme_audit_covers_the_issue_features():
    ids = {f["id"] for f in inst.load("programme_audit")["features"]}
    for wanted in (
        "needs-analysis",
        "spaced",
        "practice",
        "feedback",
        "manager-support",
        "evaluation-beyond-reactions",
    ):
        assert wanted in ids


def test_partnering_measures_cover_both_frameworks():
    measures = inst.load("partnering_planner")["measures"]
    assert sorted(m["level"] for m in measures if m["framework"] == "kirkpatrick") == [1, 2, 3, 4]
    assert sorted(m["level"] for m in measures if m["framework"] == "ltem") == list(range(1, 9))


def test_roi_example_is_labelled_fictional():
    example = inst.load("roi_example")
    assert example["fictional"] is True
    assert "fictional" in example["title"].lower() and "fictional" in example["description"].lower()


def test_knowledge_checks_shape():
    quiz = inst.load("knowledge_checks")
    assert len(quiz["parts"]) == 3
    for part in quiz["parts"]:
        assert 3 <= len(part["questions"]) <= 5
        for question in part["questions"]:
            assert sum(o["correct"] for o in question["options"]) == 1
            assert all(o["explanation"].strip() for o in question["options"])


def test_barrier_log_quadrants_cover_every_pair():
    spec = inst.load("barrier_log")
    assert {(q["frequency"], q["impact"]) for q in spec["quadrants"]} == {
        ("high", "high"),
        ("high", "low"),
        ("low", "high"),
        ("low", "low"),
    }


# ------------------------------------------------------------------------------------------- malformed files


def _set(data, path, value):
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _delete(data, path):
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]


MALFORMED = [
    # (file, change, expected item id, expected field, text the "allowed" part must contain)
    ("future_proof", ("set", ["items", 2, "reverse"], "yes"), "see-3", "reverse", "true or false"),
    ("future_proof", ("set", ["items", 5, "dimension"], "spott"), "spot-2", "dimension", "spot"),
    ("future_proof", ("del", ["items", 7, "text"]), "spot-4", "text", "the fields id, dimension, reverse, text"),
    ("future_proof", ("set", ["items", 0, "id"], "See 1"), "See 1", "id", "lower-case"),
    ("future_proof", ("set", ["bands", 2, "min"], 2.0), "established", "min", "above 2.5"),
    ("future_proof", ("set", ["dimensions", 3, "see_also"], ["inteligent-ld"]), "judge", "see_also", "intelligent-ld"),
    ("future_proof", ("set", ["scoring", "min_answered_per_dimension"], 5), "see", "items", "at least"),
    (
        "future_proof",
        ("set", ["scoring", "rounding"], "half_even"),
        "future-proof",
        "scoring.rounding",
        "half_away_from_zero",
    ),
    ("programme_audit", ("set", ["features", 0, "stage"], "pre"), "needs-analysis", "stage", "before"),
    (
        "programme_audit",
        ("set", ["features", 4, "cite"], ["lacerenza2071"]),
        "feedback",
        "cite",
        "lacerenza2017leadership",
    ),
    ("barrier_log", ("set", ["barrier_types", 1, "id"], "change"), "change", "id", "not used by another"),
    ("barrier_log", ("set", ["scoring", "high_from"], 9), "barrier-log", "scoring.high_from", "from 2 to 5"),
    ("partnering_planner", ("set", ["measures", 0, "focus"], "smiles"), "kirkpatrick-1", "focus", "reaction"),
    ("roi_example", ("set", ["benefits", 0, "attribution_pct"], 140), "overtime", "attribution_pct", "0 to 100"),
    ("roi_example", ("set", ["fictional"], False), "roi-example", "fictional", "true"),
    (
        "knowledge_checks",
        ("set", ["parts", 0, "questions", 3, "options", 1, "correct"], True),
        "part-1/p1-roi-formula",
        "options.correct",
        "exactly one",
    ),
    (
        "knowledge_checks",
        ("del", ["parts", 1, "questions", 0, "options", 2, "explanation"]),
        "part-2/p2-transactional/c",
        "explanation",
        "explanation",
    ),
]


@pytest.mark.parametrize("name,change,item_id,field,allowed", MALFORMED, ids=[f"{m[0]}-{m[3]}" for m in MALFORMED])
def test_malformed_file_names_file_item_and_field(tmp_path, name, change, item_id, field, allowed):
    data = _raw(name)
    if change[0] == "set":
        _set(data, change[1], change[2])
    else:
        _delete(data, change[1])
    path = _write(tmp_path, name, data)
    with pytest.raises(InstrumentError) as caught:
        inst.load(path)
    err = caught.value
    message = str(err)
    assert isinstance(err, ValueError)
    assert err.file == f"{name}.yml" and message.startswith(f"{name}.yml")
    assert err.item_id == item_id and f"item {item_id!r}" in message
    assert err.field == field and f"field {field!r}" in message
    assert allowed in err.allowed and "Allowed:" in message


def test_unknown_field_is_reported_before_the_missing_one(tmp_path):
    data = _raw("future_proof")
    data["items"][8]["revers"] = data["items"][8].pop("reverse")
    with pytest.raises(InstrumentError) as caught:
        inst.load(_write(tmp_path, "future_proof", data))
    assert caught.value.item_id == "learn-1" and caught.value.field == "revers"
    assert "reverse" in caught.value.allowed
    assert len(caught.value.problems) == 2


def test_nan_in_a_file_is_refused(tmp_path):
    text = inst.instrument_path("future_proof").read_text(encoding="utf-8").replace("min: 2.5", "min: .nan")
    path = tmp_path / "future_proof.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"item 'growing', field 'min': NaN") as caught:
        inst.load(path)
    assert caught.value.allowed == "a finite number"


def test_unquoted_date_is_refused(tmp_path):
    data = _raw("partnering_planner")
    path = _write(tmp_path, "partnering_planner", data)
    text = path.read_text(encoding="utf-8").replace("label: Spaced sessions", "label: 2026-01-31", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InstrumentError) as caught:
        inst.load(path)
    assert caught.value.item_id == "spaced-sessions" and caught.value.field == "label"
    assert "date" in str(caught.value)


def test_repeated_key_is_refused(tmp_path):
    text = (
        inst.instrument_path("barrier_log").read_text(encoding="utf-8").replace("  top_n: 3", "  top_n: 3\n  top_n: 4")
    )
    path = tmp_path / "barrier_log.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InstrumentError) as caught:
        inst.load(path)
    assert caught.value.field == "top_n" and "twice" in str(caught.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "future_proof.yml"
    path.write_text("schema_version: 1\nkind: self_assessment\nid: x\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"future_proof\.yml, field 'YAML syntax': .*line \d+"):
        inst.load(path)


def test_unknown_kind_lists_the_kinds(tmp_path):
    data = _raw("future_proof")
    data["kind"] = "survey"
    with pytest.raises(InstrumentError) as caught:
        inst.load(_write(tmp_path, "future_proof", data))
    assert caught.value.field == "kind" and "self_assessment" in caught.value.allowed


def test_wrong_kind_for_loader(tmp_path):
    with pytest.raises(InstrumentError, match="not a programme_audit"):
        inst.load("future_proof", kind="programme_audit")


def test_unknown_instrument_name_lists_the_files():
    with pytest.raises(InstrumentError) as caught:
        inst.load("future_prof")
    assert "future_proof" in caught.value.allowed


def test_missing_file(tmp_path):
    with pytest.raises(InstrumentError, match="does not exist"):
        inst.load(tmp_path / "nothing.yml")


def test_top_level_list_is_refused(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"x\.yml, field '\(top level\)'"):
        inst.load(path)


def test_validate_instrument_in_memory():
    data = _raw("programme_audit")
    assert inst.validate_instrument(data, source="audit") == data
    data["bands"][1]["min"] = 120
    with pytest.raises(InstrumentError, match=r"^audit, item 'mixed', field 'min'"):
        inst.validate_instrument(data, source="audit")
