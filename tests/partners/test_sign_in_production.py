"""Production refuses a cache the server processes do not share (login throttling and rate
limits would count per process) and always requires two-factor login for the admin roles."""

import pytest

from tests.test_production_settings import readme_example, run


def production_env(**changes):
    env = readme_example() | changes
    env.pop("DATABASE_URL")
    return env


@pytest.mark.parametrize("cache_url", ["", "locmem://", "file:///tmp/wegweiser-cache"])
def test_production_refuses_a_cache_of_one_process_or_one_machine(tmp_path, cache_url):
    result = run("import wegweiser.wsgi", production_env(CACHE_URL=cache_url), tmp_path)
    assert result.returncode != 0
    assert "CACHE_URL must be redis://" in result.stderr


def test_production_uses_redis_and_requires_two_factor_even_with_debug_unset(tmp_path):
    code = (
        "import wegweiser.wsgi; from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.WEGWEISER_REQUIRE_TWO_FACTOR)"
    )
    result = run(code, production_env(CACHE_URL="redis://127.0.0.1:6379/0"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["base.cache.ResilientRedisCache", "True"]
