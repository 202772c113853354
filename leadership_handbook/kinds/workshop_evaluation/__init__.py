"""The workshop evaluation kit: an end-of-session check and a follow-up, in one instrument with two parts."""
