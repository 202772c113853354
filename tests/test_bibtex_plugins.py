"""leadership_handbook/sphinx_ext/bibtex_plugins.py: pybtex finds each plugin once a build, and the same plugin."""

import pybtex.plugin

from leadership_handbook.sphinx_ext.bibtex_plugins import setup_bibtex_plugins


def test_pybtex_looks_each_plugin_up_once_and_finds_the_same_one(monkeypatch):
    lookups = []

    def counted(**query):
        lookups.append(query)
        return original(**query)

    original = pybtex.plugin.entry_points
    monkeypatch.setattr(pybtex.plugin, "entry_points", counted)
    expected = pybtex.plugin.find_plugin("pybtex.style.formatting", "unsrt")
    setup_bibtex_plugins(None)
    setup_bibtex_plugins(None)  # a second build in the same process wraps it no further
    lookups.clear()
    found = [pybtex.plugin.find_plugin("pybtex.style.formatting", "unsrt") for _ in range(5)]
    assert found == [expected] * 5 and expected.__name__ == "Style"
    assert lookups == [{"group": "pybtex.style.formatting", "name": "unsrt"}]
