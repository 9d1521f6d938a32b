"""Demo content: Magdeburg's integration network as a believable directory.

``demo.loader.load_demo()`` builds it idempotently on every app's models; the ``load_demo``
management command wraps it in a transaction and adds the shipped translations. The data
lives in plain modules (``data``, ``organisations``, ``places``, ``listings_ag1`` to
``listings_ag3``) so it can be read and edited without the loader.
"""
