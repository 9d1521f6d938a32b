"""Generated directory content for benchmarks: many organisations and listings, seeded.

``generate_listings(3000)`` adds 3,000 listings (services and projects) spread over new
organisations under the German directory, each with the orderables a real listing has
(action fields, target groups, languages, a location with district and coordinates,
opening hours, contacts, sometimes a closure). With ``locales=("de", "en", ...)`` every
organisation and listing also gets a translation in each further locale that already has a
translation of the German directory page (translations share ``translation_key``, as
wagtail-localize makes them).

Pages are inserted with computed tree paths (``base.bulk_pages``) instead of ``add_child``
(which asks the database for the last child before every insert), the orderables with
``bulk_create``, all
inside ``search.bulk.bulk_writes()``, which indexes the new pages once at the end. The page
tree stays valid: ``Page.find_problems()`` finds nothing afterwards.
"""

import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from datetime import time as clock
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page

from base.bulk_pages import append_children
from base.content_cache import content_changed
from base.languages import SOURCE_LANGUAGE
from directory.models import (
    ActionField,
    Closure,
    DirectoryIndexPage,
    District,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    ListingTag,
    ListingTargetGroup,
    OpeningHours,
    OrganisationKind,
    OrganisationPage,
    ProjectPage,
    ResidenceStatus,
    ServicePage,
    TargetGroup,
)
from search.bulk import bulk_writes

MAGDEBURG = (52.1205, 11.6276)

# Topics of generated listings: (action field codes, title per language). The first action
# field is always used, so cards and filters look plausible.
TOPICS = [
    (
        ["soziale-integration-partizipation", "oeffnung-regelangebote"],
        {
            "de": "Migrationsberatung für Erwachsene",
            "en": "Migration counselling for adults",
            "ar": "استشارات الهجرة للبالغين",
            "fa": "مشاوره مهاجرت برای بزرگسالان",
            "uk": "Міграційна консультація для дорослих",
            "ru": "Миграционная консультация для взрослых",
            "tr": "Yetişkinler için göç danışmanlığı",
        },
    ),
    (
        ["sprache", "interkulturelle-arbeit"],
        {
            "de": "Sprachcafé",
            "en": "Language café",
            "ar": "مقهى اللغة",
            "fa": "کافه زبان",
            "uk": "Мовне кафе",
            "ru": "Языковое кафе",
            "tr": "Dil kafesi",
        },
    ),
    (
        ["sprache", "schule-bildung"],
        {
            "de": "Integrationskurs",
            "en": "Integration course",
            "ar": "دورة الاندماج",
            "fa": "دوره ادغام",
            "uk": "Інтеграційний курс",
            "ru": "Интеграционный курс",
            "tr": "Uyum kursu",
        },
    ),
    (
        ["arbeit-ausbildung"],
        {
            "de": "Bewerbungshilfe",
            "en": "Help with job applications",
            "ar": "المساعدة في طلبات العمل",
            "fa": "کمک برای درخواست کار",
            "uk": "Допомога з пошуком роботи",
            "ru": "Помощь в поиске работы",
            "tr": "İş başvurusu yardımı",
        },
    ),
    (
        ["jugend-soziales", "kultur-religion"],
        {
            "de": "Jugendtreff",
            "en": "Youth club",
            "ar": "نادي الشباب",
            "fa": "باشگاه جوانان",
            "uk": "Молодіжний клуб",
            "ru": "Молодёжный клуб",
            "tr": "Gençlik kulübü",
        },
    ),
    (
        ["frauen-maedchen", "soziale-integration-partizipation"],
        {
            "de": "Frauentreff",
            "en": "Women's meeting point",
            "ar": "ملتقى النساء",
            "fa": "محل دیدار زنان",
            "uk": "Жіночий клуб",
            "ru": "Женский клуб",
            "tr": "Kadın buluşma noktası",
        },
    ),
    (
        ["schule-bildung", "jugend-soziales"],
        {
            "de": "Hausaufgabenhilfe",
            "en": "Homework help",
            "ar": "المساعدة في الواجبات المدرسية",
            "fa": "کمک در تکالیف مدرسه",
            "uk": "Допомога з домашніми завданнями",
            "ru": "Помощь с домашними заданиями",
            "tr": "Ödev yardımı",
        },
    ),
    (
        ["wohnen-nachbarschaft"],
        {
            "de": "Wohnungsberatung",
            "en": "Housing advice",
            "ar": "استشارات السكن",
            "fa": "مشاوره مسکن",
            "uk": "Консультація з питань житла",
            "ru": "Консультация по жилищным вопросам",
            "tr": "Konut danışmanlığı",
        },
    ),
    (
        ["wohnen-nachbarschaft", "interkulturelle-arbeit"],
        {
            "de": "Nachbarschaftsmediation",
            "en": "Neighbourhood mediation",
            "ar": "الوساطة بين الجيران",
            "fa": "میانجی‌گری همسایگی",
            "uk": "Медіація між сусідами",
            "ru": "Посредничество между соседями",
            "tr": "Komşuluk arabuluculuğu",
        },
    ),
    (
        ["kultur-religion", "interkulturelle-arbeit"],
        {
            "de": "Interkulturelles Fest",
            "en": "Intercultural festival",
            "ar": "مهرجان بين الثقافات",
            "fa": "جشنواره بین‌فرهنگی",
            "uk": "Міжкультурне свято",
            "ru": "Межкультурный праздник",
            "tr": "Kültürlerarası festival",
        },
    ),
    (
        ["soziale-integration-partizipation", "jugend-soziales"],
        {
            "de": "Sozialberatung",
            "en": "Social counselling",
            "ar": "الاستشارات الاجتماعية",
            "fa": "مشاوره اجتماعی",
            "uk": "Соціальна консультація",
            "ru": "Социальная консультация",
            "tr": "Sosyal danışmanlık",
        },
    ),
    (
        ["arbeit-ausbildung", "oeffnung-regelangebote"],
        {
            "de": "Anerkennungsberatung für ausländische Abschlüsse",
            "en": "Recognition of foreign qualifications",
            "ar": "الاعتراف بالشهادات الأجنبية",
            "fa": "به رسمیت شناختن مدارک خارجی",
            "uk": "Визнання іноземних дипломів",
            "ru": "Признание иностранных дипломов",
            "tr": "Yabancı diplomaların tanınması",
        },
    ),
    (
        ["schule-bildung", "frauen-maedchen"],
        {
            "de": "Eltern-Kind-Gruppe",
            "en": "Parent and child group",
            "ar": "مجموعة الآباء والأطفال",
            "fa": "گروه والدین و کودکان",
            "uk": "Група для батьків і дітей",
            "ru": "Группа для родителей и детей",
            "tr": "Anne-baba ve çocuk grubu",
        },
    ),
    (
        ["politische-partizipation", "soziale-integration-partizipation"],
        {
            "de": "Beteiligungswerkstatt",
            "en": "Civic participation workshop",
            "ar": "ورشة المشاركة المدنية",
            "fa": "کارگاه مشارکت مدنی",
            "uk": "Майстерня громадської участі",
            "ru": "Мастерская гражданского участия",
            "tr": "Sivil katılım atölyesi",
        },
    ),
]

# Summary and description sentences per language; "{topic}" and "{district}" are filled in.
SUMMARY = {
    "de": "{topic} – Magdeburg, {district}. Wir beraten vertraulich und helfen bei Anträgen, "
    "Briefen und Terminen.",
    "en": "{topic} – Magdeburg, {district}. We advise confidentially and help with "
    "applications, letters and appointments.",
    "ar": "{topic} – ماغدبورغ، {district}. نقدم استشارات سرية ونساعد في الطلبات والرسائل "
    "والمواعيد.",
    "fa": "{topic} – ماگدبورگ، {district}. ما به صورت محرمانه مشاوره می‌دهیم و در "
    "درخواست‌ها، نامه‌ها و وقت‌های ملاقات کمک می‌کنیم.",
    "uk": "{topic} – Магдебург, {district}. Ми консультуємо конфіденційно й допомагаємо "
    "із заявами, листами та записами на прийом.",
    "ru": "{topic} – Магдебург, {district}. Мы консультируем конфиденциально и помогаем "
    "с заявлениями, письмами и записью на приём.",
    "tr": "{topic} – Magdeburg, {district}. Gizli danışmanlık yapıyor; başvurular, "
    "mektuplar ve randevular konusunda yardım ediyoruz.",
}
DESCRIPTION = {
    "de": "Bitte bringen Sie Ihren Ausweis und wichtige Briefe mit. Wenn nötig, holen wir "
    "eine Sprachmittlerin oder einen Sprachmittler dazu.",
    "en": "Please bring your ID and important letters. If needed, we bring in an interpreter.",
    "ar": "يرجى إحضار بطاقة الهوية والرسائل المهمة. عند الحاجة نستعين بمترجم.",
    "fa": "لطفاً کارت شناسایی و نامه‌های مهم خود را همراه بیاورید. در صورت نیاز یک مترجم "
    "دعوت می‌کنیم.",
    "uk": "Будь ласка, візьміть із собою посвідчення особи та важливі листи. За потреби "
    "ми запросимо перекладача.",
    "ru": "Пожалуйста, возьмите с собой удостоверение личности и важные письма. При "
    "необходимости мы пригласим переводчика.",
    "tr": "Lütfen kimliğinizi ve önemli mektuplarınızı yanınızda getirin. Gerekirse bir "
    "tercüman çağırıyoruz.",
}
CONTACT_ROLES = {
    "de": ["Beraterin", "Berater", "Projektleitung", "Sozialarbeiterin"],
    "en": ["Counsellor", "Counsellor", "Project lead", "Social worker"],
    "ar": ["مستشارة", "مستشار", "إدارة المشروع", "أخصائية اجتماعية"],
    "fa": ["مشاور", "مشاور", "مدیر پروژه", "مددکار اجتماعی"],
    "uk": ["Консультантка", "Консультант", "Керівництво проєкту", "Соціальна працівниця"],
    "ru": ["Консультант", "Консультант", "Руководство проекта", "Социальный работник"],
    "tr": ["Danışman", "Danışman", "Proje yönetimi", "Sosyal hizmet uzmanı"],
}
ORGANISATION_WORDS = [
    ("Beratungszentrum", OrganisationKind.COUNSELLING_CENTRE),
    ("Begegnungsstätte", OrganisationKind.ASSOCIATION),
    ("Bildungswerk", OrganisationKind.EDUCATION_PROVIDER),
    ("Familienzentrum", OrganisationKind.WELFARE_ASSOCIATION),
    ("Initiative Brücke", OrganisationKind.INITIATIVE),
    ("Stadtteilbüro", OrganisationKind.CITY_OFFICE),
    ("Kulturverein", OrganisationKind.MIGRANT_ORGANISATION),
    ("Nachbarschaftshaus", OrganisationKind.ASSOCIATION),
]
FIRST_NAMES = [
    "Anna",
    "Mehmet",
    "Olena",
    "Ahmad",
    "Fatemeh",
    "Jonas",
    "Leyla",
    "Dmitri",
    "Sara",
    "Yusuf",
    "Katharina",
    "Tamara",
    "Samir",
    "Ines",
]
LAST_NAMES = [
    "Schulz",
    "Yilmaz",
    "Kovalenko",
    "Haidari",
    "Rahimi",
    "Becker",
    "Petrov",
    "Hoffmann",
    "Al-Hassan",
    "Neumann",
    "Demir",
    "Krüger",
]
STREETS = [
    "Breiter Weg",
    "Otto-von-Guericke-Straße",
    "Große Diesdorfer Straße",
    "Halberstädter Straße",
    "Lübecker Straße",
    "Leipziger Straße",
    "Schönebecker Straße",
    "Olvenstedter Straße",
    "Ernst-Reuter-Allee",
    "Jakobstraße",
    "Hegelstraße",
    "Liebknechtstraße",
    "Alt Salbke",
    "Kastanienstraße",
]
POSTCODES = [
    "39104",
    "39106",
    "39108",
    "39110",
    "39112",
    "39114",
    "39116",
    "39118",
    "39120",
    "39122",
    "39124",
    "39126",
    "39128",
    "39130",
]
FUNDING_BODIES = [
    "Europäischer Sozialfonds Plus (ESF+)",
    "Landeshauptstadt Magdeburg",
    "Bundesamt für Migration und Flüchtlinge (BAMF)",
    "Land Sachsen-Anhalt",
    "Aktion Mensch",
]
KEYWORDS = [
    "Beratung",
    "Deutschkurs",
    "Aufenthalt",
    "Bewerbung",
    "Kinder",
    "Familie",
    "Wohnung",
    "Frauen",
    "Ehrenamt",
    "Treffpunkt",
    "Dolmetschen",
    "Schule",
]
# Languages staff speak besides German, roughly by how often they occur in Magdeburg.
SPOKEN = [
    "ar",
    "ar",
    "ar",
    "uk",
    "uk",
    "ru",
    "ru",
    "fa",
    "fa",
    "en",
    "en",
    "tr",
    "prs",
    "kmr",
    "ti",
    "so",
    "fr",
    "ps",
    "ckb",
]

# Used when the database has no districts or target groups yet (e.g. without load_demo).
FALLBACK_DISTRICTS = {
    "altstadt": ("Altstadt", (52.1310, 11.6390)),
    "stadtfeld-ost": ("Stadtfeld Ost", (52.1280, 11.6100)),
    "stadtfeld-west": ("Stadtfeld West", (52.1280, 11.5850)),
    "sudenburg": ("Sudenburg", (52.1140, 11.6080)),
    "neue-neustadt": ("Neue Neustadt", (52.1550, 11.6280)),
    "alte-neustadt": ("Alte Neustadt", (52.1450, 11.6400)),
    "buckau": ("Buckau", (52.1090, 11.6380)),
    "leipziger-strasse": ("Leipziger Straße", (52.1100, 11.6200)),
    "neu-olvenstedt": ("Neu Olvenstedt", (52.1450, 11.5600)),
    "kannenstieg": ("Kannenstieg", (52.1700, 11.6150)),
    "reform": ("Reform", (52.0890, 11.6050)),
    "cracau": ("Cracau", (52.1200, 11.6650)),
}
FALLBACK_TARGET_GROUPS = {
    "gefluechtete": "Geflüchtete",
    "frauen": "Frauen",
    "jugendliche": "Jugendliche",
    "familien": "Familien",
    "kinder": "Kinder",
    "senioren": "Seniorinnen und Senioren",
}


@dataclass
class GenerationResult:
    """What ``generate_listings`` made and how long it took."""

    organisations: int
    listings: int
    translations: int
    seconds: float


class _Terms:
    """Taxonomy terms by locale and code; falls back to the German term if untranslated."""

    def __init__(self, model, source_locale):
        self.source_locale = source_locale
        self.by_locale: dict[int, dict[str, object]] = {}
        for term in model.objects.all():
            self.by_locale.setdefault(term.locale_id, {})[term.code] = term
        self.codes = sorted(self.by_locale.get(source_locale.id, {}))

    def get(self, code, locale):
        return (
            self.by_locale.get(locale.id, {}).get(code)
            or self.by_locale[self.source_locale.id][code]
        )


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _ensure_taxonomy(source_locale):
    """Create a few districts and target groups if the database has none (bare databases)."""
    if not District.objects.filter(locale=source_locale).exists():
        District.objects.bulk_create(
            [
                District(code=code, name=name, sort_order=i, locale=source_locale)
                for i, (code, (name, _coords)) in enumerate(FALLBACK_DISTRICTS.items())
            ]
        )
    if not TargetGroup.objects.filter(locale=source_locale).exists():
        TargetGroup.objects.bulk_create(
            [
                TargetGroup(code=code, name=name, sort_order=i, locale=source_locale)
                for i, (code, name) in enumerate(FALLBACK_TARGET_GROUPS.items())
            ]
        )


def _page_defaults(now):
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }


def _plan_listing(
    rng: random.Random,
    index: int,
    districts: list[str],
    groups: list[str],
    action_fields: list[str],
    today: date,
) -> dict:
    """The language-independent shape of one listing (texts are chosen per locale later)."""
    topic_index = rng.randrange(len(TOPICS))
    topic_fields, _titles = TOPICS[topic_index]
    fields = [code for code in topic_fields if code in action_fields][:1] or [
        rng.choice(action_fields)
    ]
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        code = rng.choice(action_fields)
        if code not in fields:
            fields.append(code)
    district = rng.choice(districts)
    centre = FALLBACK_DISTRICTS.get(district, (None, None))[1]
    spread = 0.01 if centre else 0.04
    lat, lon = centre or MAGDEBURG
    status = rng.choices(
        [ListingStatus.ACTIVE, ListingStatus.TEMPORARILY_CLOSED, ListingStatus.ENDED],
        weights=[92, 5, 3],
    )[0]
    min_age = rng.choice([None, None, None, 6, 12, 16, 18, 27])
    max_age = None
    if min_age is not None and min_age < 18 and rng.random() < 0.7:
        max_age = min_age + rng.choice([6, 9, 12])
    hours = []
    pattern = rng.random()
    if pattern < 0.45:
        for day in range(5):
            hours.append((day, clock(9), clock(12)))
        for day in rng.sample(range(5), 2):
            hours.append((day, clock(13), clock(rng.choice([16, 17, 18]))))
    elif pattern < 0.9:
        for day in sorted(rng.sample(range(6), rng.randint(1, 3))):
            start = rng.choice([8, 9, 10, 14, 15, 16])
            hours.append((day, clock(start), clock(start + rng.choice([2, 3, 4]), 30)))
    elif pattern < 0.95:
        hours.append((4, clock(20), clock(2)))  # across midnight, e.g. a youth night café
    closures = []
    if rng.random() < 0.1:
        start = today + timedelta(days=rng.randint(-20, 40))
        closures.append((start, start + timedelta(days=rng.randint(0, 14))))
    contacts = []
    for _ in range(rng.choice([1, 1, 2])):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        contacts.append(
            {
                "name": f"{first} {last}",
                "role_index": rng.randrange(4),
                "phone": f"0391 {rng.randint(200, 799)} {rng.randint(1000, 9999)}",
                "email": f"{slugify(first)}.{slugify(last)}@beispiel-{index % 97}.example",
            }
        )
    start_date = today - timedelta(days=rng.randint(0, 700))
    return {
        "kind": ProjectPage if rng.random() < 0.3 else ServicePage,
        "topic": topic_index,
        "slug": f"{slugify(TOPICS[topic_index][1]['de'])}-{index + 1}",
        "action_fields": fields,
        "target_groups": rng.sample(groups, k=min(len(groups), rng.choice([0, 1, 1, 2, 3]))),
        "languages": ["de", *dict.fromkeys(rng.sample(SPOKEN, k=rng.choice([0, 1, 2, 3])))],
        "keywords": rng.sample(KEYWORDS, k=rng.choice([0, 1, 2, 3])),
        "district": district,
        "street": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        "postcode": rng.choice(POSTCODES),
        "latitude": Decimal(f"{lat + rng.uniform(-spread, spread):.6f}"),
        "longitude": Decimal(f"{lon + rng.uniform(-spread, spread):.6f}"),
        "wheelchair": rng.random() < 0.4,
        "hours": hours,
        "closures": closures,
        "contacts": contacts,
        "fields": {
            "is_free": rng.random() < 0.85,
            "appointment_required": rng.random() < 0.4,
            "by_appointment": rng.random() < 0.3,
            "phone_counselling": rng.random() < 0.3,
            "online_counselling": rng.random() < 0.2,
            "interpreters_on_request": rng.random() < 0.3,
            "min_age": min_age,
            "max_age": max_age,
            "women_only": TOPICS[topic_index][0][0] == "frauen-maedchen" or rng.random() < 0.03,
            "residence_status": rng.choices(
                list(ResidenceStatus.values), weights=[70, 10, 5, 5, 8, 2]
            )[0],
            "status": status,
            "last_reviewed": today - timedelta(days=rng.randint(0, 500)),
            "external_id": _uuid(rng),
        },
        "project": {
            "start_date": start_date,
            "end_date": start_date + timedelta(days=rng.randint(365, 1100)),
            "funding_body": rng.choice(FUNDING_BODIES),
        },
        "translation_key": _uuid(rng),
        "row_keys": [_uuid(rng) for _ in range(32)],
    }


def _build_listing(plan: dict, language: str, district_name: str, now, locale) -> Page:
    """An unsaved service or project page for ``plan`` in one language."""
    topic = TOPICS[plan["topic"]][1].get(language) or TOPICS[plan["topic"]][1]["de"]
    summary = SUMMARY.get(language, SUMMARY["de"]).format(topic=topic, district=district_name)
    description = DESCRIPTION.get(language, DESCRIPTION["de"])
    extra = plan["project"] if plan["kind"] is ProjectPage else {}
    title = f"{topic} {district_name}"
    return plan["kind"](
        title=title,
        draft_title=title,
        slug=plan["slug"],
        summary=summary[:300],
        description=f"<p>{summary}</p><p>{description}</p>",
        locale=locale,
        translation_key=plan["translation_key"],
        **_page_defaults(now),
        **plan["fields"],
        **extra,
    )


def _listing_rows(plan: dict, page, locale, language: str, terms: dict, org_name: str) -> dict:
    """The orderables of one listing in one locale, unsaved, grouped by model."""
    keys = iter(plan["row_keys"])
    common = {"page_id": page.pk, "locale": locale}

    def row(model, sort_order, **values):
        return model(translation_key=next(keys), sort_order=sort_order, **common, **values)

    roles = CONTACT_ROLES.get(language, CONTACT_ROLES["de"])
    return {
        ListingActionField: [
            row(ListingActionField, i, action_field=terms["action"].get(code, locale))
            for i, code in enumerate(plan["action_fields"])
        ],
        ListingTargetGroup: [
            row(ListingTargetGroup, i, target_group=terms["group"].get(code, locale))
            for i, code in enumerate(plan["target_groups"])
        ],
        ListingLanguage: [
            row(ListingLanguage, i, language=code) for i, code in enumerate(plan["languages"])
        ],
        ListingLocation: [
            row(
                ListingLocation,
                0,
                name=org_name,
                street=plan["street"],
                postcode=plan["postcode"],
                district=terms["district"].get(plan["district"], locale),
                latitude=plan["latitude"],
                longitude=plan["longitude"],
                wheelchair_accessible=plan["wheelchair"],
            )
        ],
        OpeningHours: [
            row(OpeningHours, i, weekday=day, opens=opens, closes=closes)
            for i, (day, opens, closes) in enumerate(plan["hours"])
        ],
        Closure: [
            row(Closure, i, start_date=start, end_date=end)
            for i, (start, end) in enumerate(plan["closures"])
        ],
        ListingContact: [
            row(
                ListingContact,
                i,
                name=c["name"],
                role=roles[c["role_index"]],
                phone=c["phone"],
                email=c["email"],
            )
            for i, c in enumerate(plan["contacts"])
        ],
    }


def _create_block(ctx: dict, block: list[dict], number: int) -> None:
    """One organisation with the listings of ``block``, in the source and every target tree."""
    rng, terms = ctx["rng"], ctx["terms"]
    word, kind = ORGANISATION_WORDS[rng.randrange(len(ORGANISATION_WORDS))]
    district_code = rng.choice(terms["district"].codes)
    org_key = _uuid(rng)
    # Synchronised fields: the same in every translation.
    org_fields = {
        "kind": kind,
        "street": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        "postcode": rng.choice(POSTCODES),
        "phone": f"0391 540 {rng.randint(1000, 9999)}",
        "email": f"kontakt@generiert-{number}.example",
        **_page_defaults(ctx["now"]),
    }
    rows: dict = {}
    for language, locale, parent in ctx["trees"]:
        district_name = terms["district"].get(district_code, locale).name
        org_name = f"{word} {district_name} {number}"
        about = SUMMARY.get(language, SUMMARY["de"]).format(topic=word, district=district_name)
        org = OrganisationPage(
            title=org_name,
            draft_title=org_name,
            slug=f"generiert-{number}",
            locale=locale,
            translation_key=org_key,
            description=f"<p>{about}</p>",
            **org_fields,
        )
        append_children(parent, [org])
        ctx["pages"][OrganisationPage].append(org.pk)
        listings = [
            _build_listing(
                plan,
                language,
                terms["district"].get(plan["district"], locale).name,
                ctx["now"],
                locale,
            )
            for plan in block
        ]
        append_children(org, listings)
        for plan, page in zip(block, listings, strict=True):
            ctx["pages"][type(page)].append(page.pk)
            for model, objs in _listing_rows(plan, page, locale, language, terms, org_name).items():
                rows.setdefault(model, []).extend(objs)
            rows.setdefault(ListingTag, []).extend(
                ListingTag(content_object_id=page.pk, tag=ctx["tags"][name])
                for name in plan["keywords"]
            )
    for model, objs in rows.items():
        model.objects.bulk_create(objs, batch_size=500)


def _target_trees(locales: Sequence[str], directory: DirectoryIndexPage) -> list[tuple]:
    """(language, locale, directory page) for each requested translation language."""
    trees = []
    for code in locales:
        if code == SOURCE_LANGUAGE:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        target = (
            locale
            and DirectoryIndexPage.objects.filter(
                locale=locale, translation_key=directory.translation_key
            ).first()
        )
        if not target:
            raise ValueError(
                f"No directory page in locale {code!r}: translate the German directory "
                "into that language first."
            )
        trees.append((code, locale, target))
    return trees


def generate_listings(
    count: int,
    *,
    locales: Sequence[str] = (SOURCE_LANGUAGE,),
    per_organisation: int = 20,
    seed: int = 42,
    progress: Callable[[str], None] | None = None,
    index: bool = True,
) -> GenerationResult:
    """Add ``count`` listings in ``per_organisation`` blocks under new organisations.

    ``locales``: the German source is always made; every further language code gets
    translations, which needs that locale's translation of the directory page.
    The same ``seed`` on the same database gives the same content. The new pages are
    indexed at the end (the project's search index, Wagtail's admin search and reference
    index); ``index=False`` leaves that to the caller (``bench/search.py`` times
    ``search.indexing.rebuild_index`` itself).
    """
    started = time.perf_counter()
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    # A second call on the same database must not repeat the first one's translation keys.
    existing = ListingPage.objects.filter(locale=source_locale).count()
    rng = random.Random(seed * 1_000_003 + existing)
    directory = DirectoryIndexPage.objects.filter(locale=source_locale).first()
    if directory is None:
        raise ValueError("No German directory page: run load_demo (or create one) first.")
    trees = [(SOURCE_LANGUAGE, source_locale, directory), *_target_trees(locales, directory)]
    _ensure_taxonomy(source_locale)
    terms = {
        "action": _Terms(ActionField, source_locale),
        "group": _Terms(TargetGroup, source_locale),
        "district": _Terms(District, source_locale),
    }
    if not terms["action"].codes:
        raise ValueError("No action fields in the German locale: run the migrations first.")
    today = timezone.localdate()
    ctx = {
        "rng": rng,
        "terms": terms,
        "trees": trees,
        "now": timezone.now(),
        "tags": {
            name: Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in KEYWORDS
        },
        "pages": {ServicePage: [], ProjectPage: [], OrganisationPage: []},
    }
    plans = [
        _plan_listing(
            rng, i, terms["district"].codes, terms["group"].codes, terms["action"].codes, today
        )
        for i in range(count)
    ]
    first_number = OrganisationPage.objects.child_of(directory).count() + 1
    blocks = [plans[i : i + per_organisation] for i in range(0, count, per_organisation)]

    with bulk_writes() as batch:
        for made, block in enumerate(blocks, start=1):
            _create_block(ctx, block, first_number + made - 1)
            if progress and (made % 10 == 0 or made == len(blocks)):
                done = min(made * per_organisation, count)
                progress(
                    f"  {done}/{count} listings in {made} organisations "
                    f"({time.perf_counter() - started:.0f} s)"
                )
        # Rows were inserted without signals: note them for the end of the block.
        content_changed()
        if index:
            for model, ids in ctx["pages"].items():
                batch.written(model, ids)
    return GenerationResult(
        organisations=len(blocks),
        listings=count,
        translations=(len(trees) - 1) * (count + len(blocks)),
        seconds=time.perf_counter() - started,
    )
