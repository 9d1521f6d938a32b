"""End-to-end tests in a real browser (Chromium driven by Playwright)."""
