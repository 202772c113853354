"""The partnering_brief kind: Wants-versus-needs partnering planner. Everything it is lives in this folder."""
