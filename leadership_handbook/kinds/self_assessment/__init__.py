"""The self_assessment kind: Future-Proof readiness self-assessment. Everything it is lives in this folder."""
