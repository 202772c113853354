"""Turn a hidden-curriculum barrier log into a prioritisation matrix and learning goals.

Rules (declared in ``barrier_log.yml``):

* Each entry has ``challenge`` (text), ``barrier_type`` (an id from ``barrier_types``), ``frequency`` and
  ``impact`` (whole numbers on their scales, 1 to 5) and ``could_teach`` (text: what it could teach you).
  All five are required; an entry is numbered by its position (``B1``, ``B2``, ...).
* ``priority = frequency * impact`` (1 to 25).
* Order: priority, then impact, then frequency, all highest first; ties keep the order of entry.
* Matrix: a frequency or impact of ``scoring.high_from`` or more is *high*; the (frequency, impact) pair
  picks one of the four quadrants.
* The first ``scoring.top_n`` entries in that order become the learning goals.
"""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.errors import InputError, check_records, check_text, check_whole_number

__all__ = ["ENTRY_FIELDS", "validate_entries", "quadrant_for", "prioritise", "learning_goals"]

ENTRY_FIELDS = ("challenge", "barrier_type", "frequency", "impact", "could_teach")


def validate_entries(spec: Mapping, entries, *, source: str = "Your barrier log") -> list[dict]:
    """Check the entries; return clean copies with ``id`` (``B1``...) and ``entry`` (1, 2, ...) added."""
    scoring = spec["scoring"]
    types = [t["id"] for t in spec["barrier_types"]]
    freq = [p["value"] for p in spec["frequency_scale"]]
    imp = [p["value"] for p in spec["impact_scale"]]
    clean = []
    for n, item_id, entry in check_records(entries, fields=ENTRY_FIELDS, source=source, collection="the log",
                                           noun="entry", plural="entries", prefix="B",
                                           minimum=scoring["min_entries"], maximum=scoring["max_entries"],
                                           missing="this field is missing (every entry needs all five)"):
        barrier_type = entry["barrier_type"]
        if barrier_type not in types:
            raise InputError(f"{barrier_type!r} is not a barrier type", source=source, item_id=item_id,
                             field="barrier_type", allowed="one of " + ", ".join(types))
        clean.append({
            "id": item_id,
            "entry": n,
            "challenge": check_text(entry["challenge"], field="challenge", item_id=item_id, source=source),
            "barrier_type": barrier_type,
            "frequency": check_whole_number(entry["frequency"], field="frequency", item_id=item_id, source=source,
                                            minimum=freq[0], maximum=freq[-1]),
            "impact": check_whole_number(entry["impact"], field="impact", item_id=item_id, source=source,
                                         minimum=imp[0], maximum=imp[-1]),
            "could_teach": check_text(entry["could_teach"], field="could_teach", item_id=item_id, source=source),
        })
    return clean


def quadrant_for(spec: Mapping, frequency: int, impact: int) -> dict:
    """The quadrant of the matrix a (frequency, impact) pair falls in."""
    high = spec["scoring"]["high_from"]
    key = ("high" if frequency >= high else "low", "high" if impact >= high else "low")
    for quadrant in spec["quadrants"]:
        if (quadrant["frequency"], quadrant["impact"]) == key:
            return quadrant
    raise InputError(f"no quadrant for frequency {frequency} and impact {impact}", source="barrier_log.yml",
                     field="quadrants", allowed="one quadrant for each high/low pair")


def prioritise(spec: Mapping, entries, *, source: str = "Your barrier log") -> list[dict]:
    """Entries with ``priority``, ``quadrant``, ``quadrant_label``, ``type_label`` and ``rank``, best first."""
    types = {t["id"]: t["label"] for t in spec["barrier_types"]}
    rows = []
    for entry in validate_entries(spec, entries, source=source):
        quadrant = quadrant_for(spec, entry["frequency"], entry["impact"])
        rows.append({**entry, "priority": entry["frequency"] * entry["impact"], "quadrant": quadrant["id"],
                     "quadrant_label": quadrant["label"], "type_label": types[entry["barrier_type"]]})
    rows.sort(key=lambda r: (-r["priority"], -r["impact"], -r["frequency"], r["entry"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def learning_goals(spec: Mapping, entries, top_n: int | None = None, *, source: str = "Your barrier log"
                   ) -> list[dict]:
    """The top entries (``scoring.top_n`` unless ``top_n`` is given) as learning goals, best first."""
    if top_n is None:
        top_n = spec["scoring"]["top_n"]
    top_n = check_whole_number(top_n, field="top_n", source=source, minimum=1, maximum=30)
    quadrants = {q["id"]: q for q in spec["quadrants"]}
    goals = []
    for row in prioritise(spec, entries, source=source)[:top_n]:
        goals.append({
            "rank": row["rank"],
            "entry": row["id"],
            "goal": row["could_teach"],
            "challenge": row["challenge"],
            "priority": row["priority"],
            "quadrant_label": row["quadrant_label"],
            "advice": quadrants[row["quadrant"]]["advice"],
        })
    return goals
