"""Demo content: Magdeburg's integration network as a believable directory.

``load_demo()`` builds it idempotently; the ``load_demo`` management command wraps it in a
transaction. The data lives in plain modules (``data``, ``organisations``, ``places``,
``listings_ag1`` to ``listings_ag3``) so it can be read and edited without the loader.
"""

from .loader import Report, listing_external_id, load_demo

__all__ = ["Report", "listing_external_id", "load_demo"]
