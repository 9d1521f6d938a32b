"""The network's partner organisations in the demo.

Names that stand for a real institution carry "(Demo)": the contact details are invented
(``.example`` domains, made-up numbers) and must never be taken for the real ones.
"""

from .specs import Organisation

AG1 = "ag-sprache-bildung-arbeit"
AG2 = "ag-soziales-wohnen-gleichberechtigung"
AG3 = "ag-partizipation-kultur"

ORGANISATIONS = [
    Organisation(
        slug="integrationsbeauftragte",
        title="Integrationsbeauftragte der Landeshauptstadt Magdeburg (Demo)",
        kind="city_office",
        description=(
            "<p>Die Integrationsbeauftragte ist Ansprechpartnerin für Zugewanderte, Vereine "
            "und Verwaltung. Sie berät die Stadtspitze, setzt sich gegen Diskriminierung "
            "ein und treibt die interkulturelle Öffnung der Ämter voran.</p>"
        ),
        website="https://integration.magdeburg.example",
        email="integrationsbeauftragte@magdeburg.example",
        phone="0391 540-0010",
        street="Alter Markt 6",
        postcode="39104",
        working_groups=(AG2, AG3),
    ),
    Organisation(
        slug="auslaenderbehoerde",
        title="Ausländerbehörde Magdeburg – Team Aufenthalt und Einbürgerung (Demo)",
        kind="city_office",
        description=(
            "<p>Die Ausländerbehörde erteilt und verlängert Aufenthaltstitel, bearbeitet "
            "Anträge auf Einbürgerung und informiert über die Voraussetzungen. Termine "
            "werden online oder telefonisch vergeben.</p>"
        ),
        website="https://auslaenderbehoerde.magdeburg.example",
        email="auslaenderbehoerde@magdeburg.example",
        phone="0391 540-0020",
        street="Breiter Weg 222",
        postcode="39104",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="amt-soziales-wohnen",
        title="Amt für Soziales und Wohnen Magdeburg (Demo)",
        kind="city_office",
        description=(
            "<p>Das Amt ist zuständig für die Unterbringung von Geflüchteten, für "
            "Leistungen nach dem Asylbewerberleistungsgesetz und für die Wohnraumhilfe. Es "
            "unterstützt beim Umzug aus der Gemeinschaftsunterkunft in eine eigene "
            "Wohnung.</p>"
        ),
        website="https://soziales.magdeburg.example",
        email="wohnen@magdeburg.example",
        phone="0391 540-0030",
        street="Julius-Bremer-Straße 8",
        postcode="39104",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="beirat-integration-migration",
        title="Beirat für Integration und Migration (Demo)",
        kind="other",
        description=(
            "<p>Der Beirat vertritt die Interessen der Zugewanderten gegenüber Stadtrat und "
            "Verwaltung. Seine Mitglieder werden gewählt oder von Vereinen entsandt. Er "
            "gibt Stellungnahmen ab und bringt eigene Vorschläge in den Stadtrat ein.</p>"
        ),
        website="https://beirat.magdeburg.example",
        email="beirat@magdeburg.example",
        phone="0391 540-0040",
        street="Alter Markt 6",
        postcode="39104",
        working_groups=(AG3,),
    ),
    Organisation(
        slug="awo",
        title="AWO Kreisverband Magdeburg (Demo)",
        kind="welfare_association",
        description=(
            "<p>Die Arbeiterwohlfahrt berät Zugewanderte zu allen Fragen des Ankommens, zu "
            "Wohnen, Arbeit und Familie. Ihre Beratungsstellen gibt es in Stadtfeld und in "
            "Neue Neustadt.</p>"
        ),
        website="https://awo-magdeburg.example",
        email="migration@awo-magdeburg.example",
        phone="0391 2345610",
        street="Große Diesdorfer Straße 58",
        postcode="39110",
        working_groups=(AG1, AG2),
    ),
    Organisation(
        slug="caritas",
        title="Caritasverband Magdeburg (Demo)",
        kind="welfare_association",
        description=(
            "<p>Der Caritasverband berät Geflüchtete im Asylverfahren, begleitet Familien "
            "und betreibt einen Treffpunkt für Frauen in Sudenburg. Die Beratung ist "
            "kostenlos und vertraulich.</p>"
        ),
        website="https://caritas-magdeburg.example",
        email="migrationsdienst@caritas-magdeburg.example",
        phone="0391 2345620",
        street="Max-Josef-Metzger-Straße 3",
        postcode="39104",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="diakonie",
        title="Diakonie Magdeburg (Demo)",
        kind="welfare_association",
        description=(
            "<p>Die Diakonie unterstützt junge Zugewanderte beim Weg in Schule, Ausbildung "
            "und Beruf und bietet Hausaufgabenhilfe und Lernpatenschaften an.</p>"
        ),
        website="https://diakonie-magdeburg.example",
        email="jmd@diakonie-magdeburg.example",
        phone="0391 2345630",
        street="Liebknechtstraße 59",
        postcode="39108",
        working_groups=(AG1,),
    ),
    Organisation(
        slug="drk",
        title="DRK Kreisverband Magdeburg (Demo)",
        kind="welfare_association",
        description=(
            "<p>Das Rote Kreuz berät Menschen aus der Ukraine, vermittelt ehrenamtliche "
            "Sprachmittlerinnen und Sprachmittler und bildet Gesundheitslotsen aus.</p>"
        ),
        website="https://drk-magdeburg.example",
        email="integration@drk-magdeburg.example",
        phone="0391 2345640",
        street="Thiemstraße 13",
        postcode="39104",
        working_groups=(AG2, AG3),
    ),
    Organisation(
        slug="paritaetischer",
        title="Paritätischer Wohlfahrtsverband, Regionalstelle Magdeburg (Demo)",
        kind="welfare_association",
        description=(
            "<p>Der Paritätische ist Dachverband vieler kleiner Vereine. In Magdeburg "
            "koordiniert er das Ehrenamt in der Flüchtlingshilfe, berät Menschen mit "
            "Behinderung und begleitet Nachbarschaftsprojekte.</p>"
        ),
        website="https://paritaet-magdeburg.example",
        email="magdeburg@paritaet-magdeburg.example",
        phone="0391 2345650",
        street="Wiener Straße 2",
        postcode="39112",
        working_groups=(AG2, AG3),
    ),
    Organisation(
        slug="jobcenter",
        title="Jobcenter Magdeburg (Demo)",
        kind="jobcenter",
        description=(
            "<p>Das Jobcenter zahlt Bürgergeld und unterstützt bei der Suche nach Arbeit "
            "und Ausbildung. Ein eigenes Team berät Zugewanderte, auch mit Dolmetschenden.</p>"
        ),
        website="https://jobcenter-magdeburg.example",
        email="migration@jobcenter-magdeburg.example",
        phone="0391 2345660",
        street="Otto-von-Guericke-Straße 15",
        postcode="39104",
        working_groups=(AG1,),
    ),
    Organisation(
        slug="volkshochschule",
        title="Volkshochschule Magdeburg (Demo)",
        kind="education_provider",
        description=(
            "<p>Die Volkshochschule bietet Integrationskurse, Alphabetisierungskurse und "
            "den Test „Leben in Deutschland“ an – am Leibnizplatz und in Olvenstedt.</p>"
        ),
        website="https://vhs-magdeburg.example",
        email="deutsch@vhs-magdeburg.example",
        phone="0391 2345670",
        street="Leibnizstraße 23",
        postcode="39104",
        working_groups=(AG1,),
    ),
    Organisation(
        slug="sprachschule-elbufer",
        title="Sprachschule Elbufer",
        kind="education_provider",
        description=(
            "<p>Die Sprachschule am Elbufer ist zugelassener Träger für Berufssprachkurse "
            "und Jugendintegrationskurse. Kleine Gruppen, auch am Abend.</p>"
        ),
        website="https://sprachschule-elbufer.example",
        email="info@sprachschule-elbufer.example",
        phone="0391 2345680",
        street="Schleinufer 18",
        postcode="39104",
        working_groups=(AG1,),
    ),
    Organisation(
        slug="psychosoziales-zentrum",
        title="Psychosoziales Zentrum für Geflüchtete (Demo)",
        kind="counselling_centre",
        description=(
            "<p>Das Psychosoziale Zentrum hilft Geflüchteten, die Krieg, Flucht oder Gewalt "
            "erlebt haben. Es bietet Beratung, Therapie und Gruppen an, mit "
            "Dolmetschenden.</p>"
        ),
        website="https://psz-magdeburg.example",
        email="kontakt@psz-magdeburg.example",
        phone="0391 2345690",
        street="Goethestraße 43",
        postcode="39108",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="beratungszentrum-anerkennung",
        title="Beratungszentrum Anerkennung und Arbeit",
        kind="counselling_centre",
        description=(
            "<p>Das Beratungszentrum hilft dabei, ausländische Berufs- und "
            "Studienabschlüsse anerkennen zu lassen, und vermittelt passende "
            "Anpassungsqualifizierungen.</p>"
        ),
        website="https://anerkennung-magdeburg.example",
        email="beratung@anerkennung-magdeburg.example",
        phone="0391 2345700",
        street="Walther-Rathenau-Straße 30",
        postcode="39106",
        working_groups=(AG1,),
    ),
    Organisation(
        slug="perspektive-bleiben",
        title="Beratungsstelle Perspektive Bleiben",
        kind="counselling_centre",
        description=(
            "<p>Die unabhängige Beratungsstelle berät Geflüchtete zu Asylverfahren, Duldung "
            "und Bleiberecht und begleitet sie zu Anhörungen und Behörden.</p>"
        ),
        website="https://perspektive-bleiben.example",
        email="beratung@perspektive-bleiben.example",
        phone="0391 2345710",
        street="Leipziger Straße 43",
        postcode="39120",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="bruecke-der-kulturen",
        title="Brücke der Kulturen e. V.",
        kind="association",
        description=(
            "<p>Der Kulturverein bringt Menschen aus vielen Ländern zusammen: mit "
            "Konzerten, Lesungen, Kochabenden und dem jährlichen Fest „Magdeburg feiert "
            "Vielfalt“.</p>"
        ),
        website="https://bruecke-der-kulturen.example",
        email="hallo@bruecke-der-kulturen.example",
        phone="0391 2345720",
        street="Einsteinstraße 9",
        postcode="39104",
        working_groups=(AG3,),
    ),
    Organisation(
        slug="nachbarschaftsverein-olvenstedt",
        title="Nachbarschaftsverein Olvenstedt e. V.",
        kind="association",
        description=(
            "<p>Der Verein betreibt das Nachbarschaftshaus in Neu Olvenstedt. Hier treffen "
            "sich alte und neue Nachbarinnen und Nachbarn, und hier hilft die "
            "Nachbarschaftsmediation bei Streit im Haus.</p>"
        ),
        website="https://nachbarschaft-olvenstedt.example",
        email="haus@nachbarschaft-olvenstedt.example",
        phone="0391 2345730",
        street="Bruno-Taut-Ring 45",
        postcode="39130",
        working_groups=(AG2,),
    ),
    Organisation(
        slug="jugendkulturverein-kompass",
        title="Jugendkulturverein Kompass e. V.",
        kind="association",
        description=(
            "<p>Kompass ist ein offener Treff für junge Menschen in Buckau: Musik, Sport, "
            "Beratung und am Wochenende das Nachtcafé.</p>"
        ),
        website="https://kompass-magdeburg.example",
        email="team@kompass-magdeburg.example",
        phone="0391 2345740",
        street="Schönebecker Straße 102",
        postcode="39104",
        working_groups=(AG1, AG3),
    ),
    Organisation(
        slug="willkommen-in-sudenburg",
        title="Initiative Willkommen in Sudenburg",
        kind="initiative",
        description=(
            "<p>Ehrenamtliche aus Sudenburg begleiten neu Zugewanderte bei den ersten "
            "Schritten, laden zum Sprachcafé ein und helfen bei Briefen von Ämtern.</p>"
        ),
        website="https://willkommen-sudenburg.example",
        email="kontakt@willkommen-sudenburg.example",
        phone="0391 2345750",
        street="Ackerstraße 5",
        postcode="39112",
        working_groups=(AG1, AG3),
    ),
    Organisation(
        slug="interreligioeser-dialogkreis",
        title="Interreligiöser Dialogkreis Magdeburg",
        kind="initiative",
        description=(
            "<p>Christinnen, Muslime, Juden, Buddhistinnen und Menschen ohne Religion "
            "laden gemeinsam zu Gesprächen, Besuchen in Gotteshäusern und zum Friedensgebet "
            "ein.</p>"
        ),
        website="https://dialogkreis-magdeburg.example",
        email="dialog@dialogkreis-magdeburg.example",
        phone="0391 2345760",
        street="Regierungsstraße 37",
        postcode="39104",
        working_groups=(AG3,),
    ),
    Organisation(
        slug="frauennetzwerk-salam",
        title="Frauennetzwerk Salam e. V.",
        kind="migrant_organisation",
        description=(
            "<p>Frauen aus Syrien, Afghanistan, Irak und Eritrea haben den Verein "
            "gegründet. Er stärkt Frauen und Mütter mit Treffpunkten, Kursen und "
            "Elternlotsinnen an Schulen.</p>"
        ),
        website="https://frauennetzwerk-salam.example",
        email="info@frauennetzwerk-salam.example",
        phone="0391 2345770",
        street="Olvenstedter Straße 27",
        postcode="39108",
        working_groups=(AG2, AG3),
    ),
    Organisation(
        slug="kulturverein-mriya",
        title="Ukrainischer Kulturverein Mriya e. V.",
        kind="migrant_organisation",
        description=(
            "<p>Mriya heißt „Traum“. Der Verein von Ukrainerinnen und Ukrainern in "
            "Magdeburg bietet eine Samstagsschule, Beratung auf Ukrainisch und Kulturabende "
            "an.</p>"
        ),
        website="https://mriya-magdeburg.example",
        email="info@mriya-magdeburg.example",
        phone="0391 2345780",
        street="Pechauer Straße 4",
        postcode="39114",
        working_groups=(AG1, AG3),
    ),
]
