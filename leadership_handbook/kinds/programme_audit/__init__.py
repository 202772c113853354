"""The programme_audit kind: transactional or capacity-building? Everything it is lives in this folder."""
