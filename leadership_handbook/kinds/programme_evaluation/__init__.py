"""The programme_evaluation kind: "Did our programme work?". Everything it is lives in this folder."""
