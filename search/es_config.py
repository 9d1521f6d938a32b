"""Elasticsearch settings per language, importable from the settings module (no Django)."""

# Elasticsearch's built-in language analyzers; Ukrainian needs the analysis-ukrainian
# plugin, so it falls back to the standard analyzer (the project's own index lemmatises).
LANGUAGE_ANALYZERS = {
    "de": "german",
    "en": "english",
    "ar": "arabic",
    "fa": "persian",
    "uk": "standard",
    "ru": "russian",
    "tr": "turkish",
}


def backend_name(language: str) -> str:
    """The WAGTAILSEARCH_BACKENDS key of a language's Elasticsearch backend."""
    return f"elasticsearch_{language}"


def elasticsearch_backends(url: str, prefix: str, languages, timeout: float) -> dict:
    """WAGTAILSEARCH_BACKENDS entries: one backend and index per language.

    Short timeout and no retries: with the cluster down, a publish waits ``timeout`` once
    (only the backend of the page's language is contacted) and searches fall back at once.
    """
    return {
        backend_name(language): {
            "BACKEND": "search.backends",
            "URLS": [url],
            "LANGUAGE": language,
            "INDEX_PREFIX": f"{prefix}{language}_",
            "TIMEOUT": timeout,
            "ATOMIC_REBUILD": True,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {"type": LANGUAGE_ANALYZERS.get(language, "standard")}
                        }
                    }
                }
            },
        }
        for language in languages
    }
