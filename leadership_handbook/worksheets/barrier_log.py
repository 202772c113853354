"""Placeholder: being written."""

SCRIPTS = []


def render(instrument, context):
    return "<p>This exercise is being written.</p>"
