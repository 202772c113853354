"""Sphinx components of the handbook, one module each; ``setup_extensions`` wires them."""


def setup_extensions(app):
    from leadership_handbook.sphinx_ext.answer_key import setup_answer_key
    from leadership_handbook.sphinx_ext.bibtex_plugins import setup_bibtex_plugins
    from leadership_handbook.sphinx_ext.build_log import setup_build_log
    from leadership_handbook.sphinx_ext.case_handouts import setup_case_handouts
    from leadership_handbook.sphinx_ext.content_security import setup_content_security
    from leadership_handbook.sphinx_ext.exercise_form import setup_exercise_form
    from leadership_handbook.sphinx_ext.group_debrief import setup_group_debrief
    from leadership_handbook.sphinx_ext.icons import setup_icons
    from leadership_handbook.sphinx_ext.lazy_images import setup_lazy_images
    from leadership_handbook.sphinx_ext.page_assets import setup_page_assets
    from leadership_handbook.sphinx_ext.page_fixes import setup_page_fixes
    from leadership_handbook.sphinx_ext.search_text import setup_search_text
    from leadership_handbook.sphinx_ext.sidebar_toggles import setup_sidebar_toggles

    setup_build_log(app)  # first, so it records every warning the other components log
    setup_page_fixes(app)
    setup_bibtex_plugins(app)
    setup_icons(app)
    setup_exercise_form(app)
    setup_answer_key(app)
    setup_group_debrief(app)
    setup_case_handouts(app)
    setup_lazy_images(app)
    setup_page_assets(app)
    setup_sidebar_toggles(app)
    setup_search_text(app)
    setup_content_security(app)
