"""factx: read many news articles about the same events and see, fact by fact, where
the sources disagree.

The library under the command line (see `factx.api`)::

    import factx

    run = factx.extract("seeds/", store="work")      # facts into a store
    db = factx.open_store("work")
    db.conflicts(entity="Yusuf al-Haddad")                 # factx.conflict/1 records (dicts)
    db.facts(entity="youssef haddad", attribute="name")   # factx.fact/1 records
    db.entities("haddad"), db.documents(), db.status()
"""

import sys as _sys
import types as _types

__version__ = "0.1.0"

from factx.api import (FactStore, Run, check_rules, conflicts_in, dates, extract,  # noqa: E402
                       open_store, read_facts, schema)
from factx.errors import (FactxError, InputError, RuleError, StoreError,  # noqa: E402
                          UnknownEntity, UsageError)


class _Package(_types.ModuleType):
    """`factx.extract` is the library function. Loading the submodule of the same name
    (factx/extract.py, the run machinery, imported as `from factx.extract import ...`)
    would rebind the package attribute to the module; this keeps the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, _types.ModuleType) and callable(self.__dict__.get(name)):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package

__all__ = ["__version__", "extract", "open_store", "dates", "read_facts", "conflicts_in",
           "check_rules", "schema", "FactStore", "Run", "FactxError", "InputError",
           "RuleError", "StoreError", "UnknownEntity", "UsageError"]
