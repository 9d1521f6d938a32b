"""The shapes of the demo content: small frozen records that the data modules fill in.

Dates are relative to the day the demo is loaded (days or months from today), so the demo
always has a few stale listings, a running closure and projects that are under way.
"""

from dataclasses import dataclass, field

# Weekdays as stored in ``OpeningHours.weekday`` (0 = Monday), named for readable data.
MO, TU, WE, TH, FR, SA, SU = range(7)


@dataclass(frozen=True)
class Place:
    """A real-looking Magdeburg address with its district code and coordinates."""

    street: str
    postcode: str
    district: str
    latitude: str
    longitude: str
    name: str = ""
    wheelchair_accessible: bool = False
    access_notes: str = ""


@dataclass(frozen=True)
class Organisation:
    """A partner organisation of the network; ``slug`` is its key below the directory."""

    slug: str
    title: str
    kind: str
    description: str
    website: str
    email: str
    phone: str
    street: str
    postcode: str
    working_groups: tuple[str, ...]


@dataclass(frozen=True)
class Closure:
    """A closure from ``starts_in`` to ``ends_in`` days from today (negative: in the past)."""

    starts_in: int
    ends_in: int
    reason: str


@dataclass(frozen=True)
class Project:
    """What only a project has: a run time in months from this month and a funding body."""

    starts_months: int
    ends_months: int
    funding_body: str


@dataclass(frozen=True)
class Listing:
    """A service (``project`` is None) or a project of the organisation ``org``."""

    org: str
    slug: str
    title: str
    summary: str
    description: str
    action_fields: tuple[str, ...]
    target_groups: tuple[str, ...]
    keywords: tuple[str, ...]
    # (ISO code, note) pairs, e.g. ("ar", "Arabisch donnerstags").
    languages: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    # (weekday, opens, closes) or (weekday, opens, closes, note); closes <= opens: past midnight.
    hours: tuple[tuple, ...] = ()
    # (name, role, phone, e-mail)
    contacts: tuple[tuple[str, str, str, str], ...] = ()
    closures: tuple[Closure, ...] = ()
    project: Project | None = None
    is_free: bool = True
    cost_details: str = ""
    appointment_required: bool = False
    by_appointment: bool = False
    phone_counselling: bool = False
    online_counselling: bool = False
    interpreters_on_request: bool = False
    min_age: int | None = None
    max_age: int | None = None
    residence_status: str = "any"
    women_only: bool = False
    eligibility_notes: str = ""
    status: str = "active"
    status_note: str = ""
    reviewed_days_ago: int = 30


@dataclass(frozen=True)
class Block:
    """One StreamField block of a content page: ``heading`` or ``paragraph``."""

    kind: str
    value: str


@dataclass(frozen=True)
class ContentPage:
    """A network page below the home page (or below another content page)."""

    slug: str
    title: str
    intro: str
    body: tuple[Block, ...]
    show_in_menus: bool = True
    children: tuple["ContentPage", ...] = field(default=())
