"""Directory models: taxonomies, organisations, listings and the directory index page."""

from .index import DirectoryIndexPage
from .listings import (
    Closure,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    ListingTag,
    ListingTargetGroup,
    OpeningHours,
    ProjectPage,
    ResidenceStatus,
    ServicePage,
    Weekday,
    listing_schedule,
)
from .organisations import OrganisationKind, OrganisationPage, OrganisationWorkingGroup
from .taxonomy import ActionField, ActionFieldMapping, District, TargetGroup, WorkingGroup

__all__ = [
    "ActionField",
    "ActionFieldMapping",
    "Closure",
    "DirectoryIndexPage",
    "District",
    "ListingActionField",
    "ListingContact",
    "ListingLanguage",
    "ListingLocation",
    "ListingPage",
    "ListingStatus",
    "listing_schedule",
    "ListingTag",
    "ListingTargetGroup",
    "OpeningHours",
    "OrganisationKind",
    "OrganisationPage",
    "OrganisationWorkingGroup",
    "ProjectPage",
    "ResidenceStatus",
    "ServicePage",
    "TargetGroup",
    "Weekday",
    "WorkingGroup",
]
