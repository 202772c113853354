"""Sphinx components of the handbook, one module each; ``setup_extensions`` wires them."""


def setup_extensions(app):
    from leadership_handbook.sphinx_ext.exercise_forms import setup_exercise_forms
    from leadership_handbook.sphinx_ext.icons import setup_icons
    from leadership_handbook.sphinx_ext.page_fixes import setup_page_fixes

    setup_page_fixes(app)
    setup_icons(app)
    setup_exercise_forms(app)
