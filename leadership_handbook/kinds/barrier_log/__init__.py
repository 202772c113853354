"""The barrier_log kind: Hidden-curriculum barrier log. Everything it is lives in this folder."""
