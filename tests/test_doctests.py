"""The examples in factx's docstrings are run, so that they stay true."""
import doctest
import importlib
import pkgutil

import pytest

import factx

MODULES = sorted(m.name for m in pkgutil.walk_packages(factx.__path__, "factx.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
