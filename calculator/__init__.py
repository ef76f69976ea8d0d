"""Indication core of the Wmo-productwijzer: HO indication (normenkader), product advice and PGB budgets.

Standard library only; runs unchanged on CPython 3.11 and on Pyodide. Entry points: `calculator.api.run`
and `calculator.api.run_json`; bad input raises `calculator.errors.InvoerFout`.
"""

from .errors import InvoerFout

__all__ = ["InvoerFout", "__version__"]
__version__ = "0.1.0"
