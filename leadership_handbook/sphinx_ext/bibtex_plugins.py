"""pybtex looks up its plugins (styles, the docutils backend) among every installed package's entry points at each
citation it formats: about 6 ms a time, some 300 times in a build of the book. The installed packages do not change
during a build, so each lookup is made once (pybtex has no cache of its own to turn on)."""

import functools


def setup_bibtex_plugins(app):
    import pybtex.plugin

    if not hasattr(pybtex.plugin.entry_points, "cache_info"):  # once, however many builds run in this process
        pybtex.plugin.entry_points = functools.cache(pybtex.plugin.entry_points)
