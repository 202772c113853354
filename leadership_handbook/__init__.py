"""The handbook's Python package: exercise scoring, ROI arithmetic, instrument files and Sphinx extensions.

Loaded by Sphinx as an extension (see ``_config.yml``); each component registers itself in its own
``setup_*`` function and :func:`setup` wires them together.
"""

__version__ = "0.1.0"


def setup(app):
    """Sphinx entry point: register every component of the handbook."""
    from leadership_handbook.sphinx_ext import setup_extensions

    setup_extensions(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
