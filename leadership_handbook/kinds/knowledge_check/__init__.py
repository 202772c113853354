"""The knowledge_check kind: Knowledge checks. Everything it is lives in this folder."""
