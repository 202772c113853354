"""The roi kind: the training ROI calculator. Everything it is lives in this folder."""
