"""Bands: the named ranges a score falls in (shared by the self-assessment and the programme audit)."""

from __future__ import annotations

from leadership_handbook.core.errors import InputError

__all__ = ["band_for"]


def band_for(bands, score):
    """The band for a rounded score: the last band whose ``min`` is at most ``score`` (``None`` if no score)."""
    if score is None:
        return None
    chosen = None
    for band in bands:
        if band["min"] <= score:
            chosen = band
    if chosen is None:
        raise InputError(
            f"{score} is below the lowest band",
            source="Score",
            field="score",
            allowed=f"a score of at least {bands[0]['min']}",
        )
    return chosen
