"""The network itself: taxonomies, the home page and the network's pages.

Facts follow the city's public page on the "Magdeburger Netzwerk für Integrations- und
Ausländerarbeit"; names, phone numbers and e-mail addresses of people are invented and
every invented address uses an ``.example`` domain.
"""

from django.utils.html import escape

from .organisations import ORGANISATIONS
from .specs import Block, ContentPage

SITE_NAME = "Wegweiser Magdeburg"

# (code, name, action field codes, description)
WORKING_GROUPS = [
    (
        "ag-sprache-bildung-arbeit",
        "AG 1: Sprache, Bildung und Arbeit",
        ("sprache", "schule-bildung", "arbeit-ausbildung", "jugend-soziales"),
        "Deutschkurse, Schule, Ausbildung und der Weg in Arbeit – und was junge Menschen "
        "dafür brauchen.",
    ),
    (
        "ag-soziales-wohnen-gleichberechtigung",
        "AG 2: Soziales, Wohnen und Gleichberechtigung",
        (
            "soziale-integration-partizipation",
            "wohnen-nachbarschaft",
            "frauen-maedchen",
            "oeffnung-regelangebote",
        ),
        "Beratung und soziale Unterstützung, gutes Wohnen und Zusammenleben in der "
        "Nachbarschaft, die Rechte von Frauen und Mädchen und offene Regelangebote.",
    ),
    (
        "ag-partizipation-kultur",
        "AG 3: Partizipation, Kultur und interkulturelle Arbeit",
        ("politische-partizipation", "kultur-religion", "interkulturelle-arbeit"),
        "Mitbestimmung in der Stadtpolitik, Kultur und Religion, Begegnung und "
        "interkulturelle Kompetenz.",
    ),
]

# (code, name, description)
TARGET_GROUPS = [
    ("erwachsene", "Erwachsene", "Zugewanderte ab 27 Jahren."),
    ("jugendliche", "Jugendliche und junge Erwachsene", "Junge Menschen von 12 bis 27 Jahren."),
    ("kinder-familien", "Kinder und Familien", "Kinder, Eltern und ganze Familien."),
    ("frauen-maedchen", "Frauen und Mädchen", "Angebote nur oder vor allem für Frauen."),
    (
        "gefluechtete",
        "Geflüchtete / Asylsuchende",
        "Menschen im Asylverfahren, mit Duldung oder mit Schutzstatus.",
    ),
    ("ukraine", "Menschen aus der Ukraine", "Menschen mit vorübergehendem Schutz nach § 24."),
    (
        "fachkraefte-auslaendischer-abschluss",
        "Fachkräfte mit ausländischem Abschluss",
        "Menschen mit einem Berufs- oder Studienabschluss aus dem Ausland.",
    ),
    ("eu-buerger", "Zugewanderte aus der EU", "Menschen aus anderen Ländern der EU."),
    ("senioren", "Seniorinnen und Senioren", "Ältere Zugewanderte."),
    (
        "menschen-mit-behinderung",
        "Menschen mit Behinderung",
        "Zugewanderte mit Behinderung und ihre Angehörigen.",
    ),
    ("ehrenamtliche", "Ehrenamtliche", "Menschen, die sich freiwillig engagieren wollen."),
    (
        "fachkraefte-einrichtungen",
        "Mitarbeitende in Verwaltung und Einrichtungen",
        "Fachkräfte aus Ämtern, Schulen, Kitas und Beratungsstellen.",
    ),
]

# Magdeburg's city districts (Stadtteile): (code, name)
DISTRICTS = [
    ("altstadt", "Altstadt"),
    ("werder", "Werder"),
    ("alte-neustadt", "Alte Neustadt"),
    ("neue-neustadt", "Neue Neustadt"),
    ("neustaedter-see", "Neustädter See"),
    ("kannenstieg", "Kannenstieg"),
    ("neustaedter-feld", "Neustädter Feld"),
    ("nordwest", "Nordwest"),
    ("alt-olvenstedt", "Alt Olvenstedt"),
    ("neu-olvenstedt", "Neu Olvenstedt"),
    ("stadtfeld-ost", "Stadtfeld Ost"),
    ("stadtfeld-west", "Stadtfeld West"),
    ("diesdorf", "Diesdorf"),
    ("sudenburg", "Sudenburg"),
    ("ottersleben", "Ottersleben"),
    ("lemsdorf", "Lemsdorf"),
    ("leipziger-strasse", "Leipziger Straße"),
    ("reform", "Reform"),
    ("hopfengarten", "Hopfengarten"),
    ("buckau", "Buckau"),
    ("fermersleben", "Fermersleben"),
    ("salbke", "Salbke"),
    ("westerhuesen", "Westerhüsen"),
    ("brueckfeld", "Brückfeld"),
    ("cracau", "Cracau"),
    ("prester", "Prester"),
    ("herrenkrug", "Herrenkrug"),
    ("rothensee", "Rothensee"),
    ("berliner-chaussee", "Berliner Chaussee"),
    ("pechau", "Pechau"),
]

HOME = {
    "title": "Wegweiser Magdeburg",
    "slug": "home",
    "intro": "Beratung und Unterstützung in Magdeburg – finden Sie Angebote in Ihrer Sprache.",
    "about": (
        "<p>Im <b>Magdeburger Netzwerk für Integrations- und Ausländerarbeit</b> arbeiten "
        "seit 2005 Ämter der Landeshauptstadt, die Integrationsbeauftragte, der Beirat für "
        "Integration und Migration, die Wohlfahrtsverbände, das Jobcenter, Bildungsträger, "
        "Beratungsstellen, Vereine und Initiativen zusammen.</p>"
        "<p>Das Netzwerk will zweierlei: Menschen mit Migrationsgeschichte, die hier bleiben "
        "dürfen, sollen gute Bedingungen für ihre Integration finden. Und Menschen ohne "
        "Bleiberecht sowie Asylsuchende sollen für die Zeit ihres Aufenthalts oder bis zur "
        "Entscheidung über ihren Asylantrag besser leben können.</p>"
        "<p>Dafür</p><ul>"
        "<li>stärkt es die Teilhabe und Mitbestimmung von Zugewanderten und von freien "
        "Trägern der Integrationsarbeit,</li>"
        "<li>gibt es Empfehlungen und Stellungnahmen zur Integrationspolitik der Stadt – zu "
        "Leitlinien, Zielen und Maßnahmen,</li>"
        "<li>sorgt es für den Austausch von Erfahrungen zwischen allen Beteiligten,</li>"
        "<li>stimmt es die Öffentlichkeitsarbeit ab und</li>"
        "<li>stößt gemeinsame Projekte in allen Handlungsfeldern an und koordiniert sie.</li>"
        "</ul>"
    ),
    "coordinator_name": "Thomas Brandt",
    "coordinator_role": "Koordinator für Integration und Zuwanderung",
    "coordinator_unit": "Landeshauptstadt Magdeburg, Stabsstelle V/02",
    "coordinator_address": "Wilhelm-Höpfner-Ring 4\n39116 Magdeburg",
    "coordinator_phone": "0391 540-0000",
    "coordinator_email": "integration@magdeburg.example",
}

PRINCIPLES = ContentPage(
    slug="verbindliche-grundsaetze",
    title="Verbindliche Grundsätze",
    intro="Worauf sich alle Partner im Netzwerk verpflichtet haben.",
    body=(
        Block(
            "paragraph",
            "<p>Die Partner des Netzwerks haben Grundsätze für ihre Zusammenarbeit "
            "vereinbart. Sie gelten für alle Mitglieder, ob Amt, Verband, Verein oder "
            "Initiative.</p>",
        ),
        Block("heading", "Auf Augenhöhe"),
        Block(
            "paragraph",
            "<p>Alle Partner sind gleichberechtigt. Migrantenorganisationen und freie "
            "Träger reden und entscheiden mit – nicht nur die Verwaltung.</p>",
        ),
        Block("heading", "Im Mittelpunkt stehen die Menschen"),
        Block(
            "paragraph",
            "<p>Wir richten unsere Angebote danach aus, was Zugewanderte brauchen. Wir "
            "beraten vertraulich, unabhängig von Herkunft, Religion, Geschlecht oder "
            "Aufenthaltsstatus, und wir treten Diskriminierung entgegen.</p>",
        ),
        Block("heading", "Offen und verbindlich"),
        Block(
            "paragraph",
            "<ul><li>Wir teilen Informationen und Erfahrungen offen im Netzwerk.</li>"
            "<li>Wir halten Absprachen ein und melden, wenn sich etwas ändert.</li>"
            "<li>Wir verweisen Ratsuchende an die passende Stelle weiter, statt sie "
            "allein zu lassen.</li>"
            "<li>Wir halten unsere Angaben im Wegweiser aktuell.</li></ul>",
        ),
        Block("heading", "Gemeinsam nach außen"),
        Block(
            "paragraph",
            "<p>Stellungnahmen im Namen des Netzwerks stimmen wir vorher ab. Gemeinsame "
            "Projekte planen wir zusammen und werten sie zusammen aus.</p>",
        ),
    ),
)


def working_groups_page(action_field_names: dict[str, str]) -> ContentPage:
    """The "Arbeitsgruppen" page: each group's action fields (names by code) and members."""
    body = []
    for code, name, action_fields, description in WORKING_GROUPS:
        members = [org.title for org in ORGANISATIONS if code in org.working_groups]
        fields = "".join(f"<li>{escape(action_field_names[af])}</li>" for af in action_fields)
        body += [
            Block("heading", name),
            Block(
                "paragraph",
                f"<p>{escape(description)}</p><p>Handlungsfelder:</p><ul>{fields}</ul>"
                f"<p>Mitglieder: {escape(', '.join(members))}.</p>",
            ),
        ]
    return ContentPage(
        slug="arbeitsgruppen",
        title="Arbeitsgruppen",
        intro=(
            "Drei Arbeitsgruppen bearbeiten die elf Handlungsfelder des Netzwerks. Sie treffen "
            "sich etwa alle zwei Monate; Gäste sind nach Absprache willkommen."
        ),
        body=tuple(body),
    )


NEWS = ContentPage(
    slug="aktuelles",
    title="Aktuelles",
    intro="Neuigkeiten aus dem Netzwerk und von seinen Partnern.",
    body=(
        Block(
            "paragraph",
            "<p>Hier berichten wir über Treffen, neue Angebote und Veranstaltungen im "
            "Netzwerk.</p>",
        ),
    ),
    children=(
        ContentPage(
            slug="interkulturelle-woche",
            title="Interkulturelle Woche: Programm steht",
            intro="Mehr als 40 Veranstaltungen in der ganzen Stadt – bei Otto ist es bunt.",
            show_in_menus=False,
            body=(
                Block(
                    "paragraph",
                    "<p>Das Programm der Interkulturellen Woche ist fertig. Partner aus "
                    "dem Netzwerk laden zu Festen, Lesungen, Stadtteilspaziergängen, "
                    "Kochabenden und Gesprächen zwischen den Religionen ein.</p>",
                ),
                Block("heading", "Zum Mitmachen"),
                Block(
                    "paragraph",
                    "<p>Fast alle Veranstaltungen sind kostenlos. Viele finden in "
                    "mehreren Sprachen statt. Das ganze Programm liegt in den "
                    "Stadtteilbüros, in der Stadtbibliothek und im Rathaus aus.</p>",
                ),
            ),
        ),
        ContentPage(
            slug="netzwerktreffen-neue-partner",
            title="Netzwerktreffen: drei neue Partner",
            intro="Beim Treffen im Rathaus hat das Netzwerk drei neue Mitglieder begrüßt.",
            show_in_menus=False,
            body=(
                Block(
                    "paragraph",
                    "<p>Beim Netzwerktreffen im Alten Rathaus haben sich rund 60 "
                    "Fachleute aus Verwaltung, Verbänden und Vereinen ausgetauscht. Neu "
                    "im Netzwerk sind ein ukrainischer Kulturverein, eine "
                    "Nachbarschaftsinitiative aus Sudenburg und ein Jugendkulturverein.</p>",
                ),
                Block("heading", "Schwerpunkt Wohnen"),
                Block(
                    "paragraph",
                    "<p>Die Arbeitsgruppe 2 hat erste Empfehlungen zur Wohnungssuche "
                    "von Geflüchteten vorgestellt. Sie gehen als Stellungnahme des "
                    "Netzwerks an den Stadtrat.</p>",
                ),
            ),
        ),
    ),
)

ABOUT = ContentPage(
    slug="ueber-das-netzwerk",
    title="Über das Netzwerk",
    intro="Wer wir sind, was wir wollen und wie wir arbeiten.",
    body=(
        Block("heading", "Seit 2005 gemeinsam"),
        Block(
            "paragraph",
            "<p>Das Magdeburger Netzwerk für Integrations- und Ausländerarbeit gibt es "
            "seit 2005. Es bringt alle zusammen, die in Magdeburg mit und für "
            "Zugewanderte arbeiten: Ämter der Landeshauptstadt, die "
            "Integrationsbeauftragte, den Beirat für Integration und Migration, die "
            "Wohlfahrtsverbände, das Jobcenter, Bildungsträger, Beratungsstellen, Vereine "
            "und Initiativen.</p>",
        ),
        Block("heading", "Was wir tun"),
        Block(
            "paragraph",
            "<p>Wir tauschen Erfahrungen aus, sprechen Empfehlungen zur "
            "Integrationspolitik der Stadt aus und starten gemeinsame Projekte. Wir "
            "setzen uns dafür ein, dass Zugewanderte und freie Träger mehr mitreden und "
            "mitentscheiden können.</p>",
        ),
        Block("heading", "Koordination"),
        Block(
            "paragraph",
            "<p>Das Netzwerk wird vom Koordinator für Integration und Zuwanderung der "
            "Landeshauptstadt Magdeburg koordiniert (Stabsstelle V/02, "
            "Wilhelm-Höpfner-Ring 4, 39116 Magdeburg).</p>",
        ),
        Block("heading", "Mitmachen"),
        Block(
            "paragraph",
            "<p>Ihre Organisation arbeitet mit Zugewanderten und möchte Partner werden? "
            'Schreiben Sie an <a href="mailto:integration@magdeburg.example">'
            "integration@magdeburg.example</a>.</p>",
        ),
    ),
)
