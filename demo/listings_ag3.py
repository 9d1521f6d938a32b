"""Demo listings of working group 3: participation, culture and religion, intercultural work."""

from .specs import FR, MO, SA, TH, TU, WE, Closure, Listing, Project

LISTINGS = [
    Listing(
        org="integrationsbeauftragte",
        slug="sprechstunde-integrationsbeauftragte",
        title="Sprechstunde der Integrationsbeauftragten",
        summary=(
            "Sie wurden benachteiligt oder wissen nicht weiter? Die Integrationsbeauftragte "
            "hört zu, vermittelt und hilft bei Beschwerden über Diskriminierung."
        ),
        description=(
            "<p>Die Integrationsbeauftragte ist für alle da, die in Magdeburg Fragen zum "
            "Zusammenleben haben – Zugewanderte, Vereine und Mitarbeitende der "
            "Verwaltung.</p>"
            "<p>Wenn Sie Diskriminierung erlebt haben, zum Beispiel bei der Wohnungssuche, "
            "in der Schule oder bei einem Amt, nehmen wir Ihre Beschwerde auf und "
            "vermitteln.</p>"
        ),
        action_fields=(
            "oeffnung-regelangebote",
            "interkulturelle-arbeit",
            "soziale-integration-partizipation",
        ),
        target_groups=("erwachsene", "fachkraefte-einrichtungen"),
        keywords=("Diskriminierung", "Beschwerde", "Integration"),
        languages=(("de", ""), ("en", ""), ("ar", "")),
        places=("rathaus",),
        hours=((TU, "14:00", "17:00"), (TH, "09:00", "12:00")),
        contacts=(
            (
                "Dr. Aylin Schäfer",
                "Integrationsbeauftragte",
                "0391 540-0011",
                "integrationsbeauftragte@magdeburg.example",
            ),
        ),
        by_appointment=True,
        phone_counselling=True,
        reviewed_days_ago=100,
    ),
    Listing(
        org="integrationsbeauftragte",
        slug="interkulturelle-oeffnung-fortbildung",
        title="Interkulturelle Öffnung: Fortbildung für Verwaltung und Einrichtungen",
        summary=(
            "Eintägige Workshops für Mitarbeitende von Ämtern, Schulen und Kitas: "
            "einfache Sprache, Arbeit mit Dolmetschenden, Vorurteile erkennen."
        ),
        description=(
            "<p>Damit Ämter und Einrichtungen für alle gut erreichbar sind, bietet die "
            "Integrationsbeauftragte eine Fortbildungsreihe an. Die Workshops sind "
            "praktisch: Fälle aus dem Alltag, Übungen, Material für die eigene Arbeit.</p>"
            "<p>Themen sind unter anderem Leichte und einfache Sprache, Gespräche mit "
            "Dolmetschenden, Aufenthaltsrecht in Grundzügen und Schutz vor "
            "Diskriminierung.</p>"
        ),
        action_fields=("oeffnung-regelangebote", "interkulturelle-arbeit"),
        target_groups=("fachkraefte-einrichtungen",),
        keywords=("Fortbildung", "Interkulturelle Öffnung", "Verwaltung", "Einfache Sprache"),
        languages=(("de", ""),),
        places=("rathaus",),
        hours=((WE, "09:00", "15:30", "an ausgewählten Terminen"),),
        contacts=(
            (
                "Maximilian Roth",
                "Projektkoordination",
                "0391 540-0012",
                "fortbildung@magdeburg.example",
            ),
        ),
        is_free=False,
        cost_details="Für Beschäftigte der Stadt kostenlos; andere Einrichtungen 40 € je Tag.",
        appointment_required=True,
        project=Project(-12, 12, "Land Sachsen-Anhalt"),
        reviewed_days_ago=50,
    ),
    Listing(
        org="auslaenderbehoerde",
        slug="aufenthaltstitel",
        title="Beratung zu Aufenthaltstitel und Aufenthaltsrecht",
        summary=(
            "Aufenthaltserlaubnis beantragen oder verlängern, Niederlassungserlaubnis, "
            "Familiennachzug: Die Ausländerbehörde berät nach Termin."
        ),
        description=(
            "<p>Hier beantragen Sie einen Aufenthaltstitel oder verlängern ihn. Wir sagen "
            "Ihnen, welche Unterlagen Sie brauchen, und prüfen, ob Sie eine "
            "Niederlassungserlaubnis bekommen können.</p>"
            "<p>Bitte beantragen Sie die Verlängerung spätestens acht Wochen vor Ablauf "
            "Ihres Titels. Termine gibt es online oder am Telefon.</p>"
        ),
        action_fields=("oeffnung-regelangebote", "soziale-integration-partizipation"),
        target_groups=("erwachsene", "gefluechtete", "fachkraefte-auslaendischer-abschluss"),
        keywords=(
            "Aufenthaltstitel",
            "Aufenthaltserlaubnis",
            "Niederlassungserlaubnis",
            "Verlängerung",
        ),
        languages=(("de", ""), ("en", "")),
        places=("buergerbuero-mitte",),
        hours=((MO, "08:00", "12:00"), (TU, "13:00", "18:00"), (TH, "08:00", "12:00")),
        contacts=(
            (
                "Servicetelefon Ausländerbehörde",
                "",
                "0391 540-0021",
                "termine.auslaenderbehoerde@magdeburg.example",
            ),
        ),
        is_free=False,
        cost_details="Die Beratung ist kostenlos; für den Titel fallen Gebühren an.",
        appointment_required=True,
        interpreters_on_request=True,
        reviewed_days_ago=210,
    ),
    Listing(
        org="auslaenderbehoerde",
        slug="einbuergerungsberatung",
        title="Einbürgerungsberatung",
        summary=(
            "Deutsche Staatsangehörigkeit: Wer kann sich einbürgern lassen, welche "
            "Unterlagen sind nötig und wie läuft der Einbürgerungstest?"
        ),
        description=(
            "<p>Mit der Einbürgerung können Sie wählen und haben alle Rechte einer "
            "deutschen Staatsbürgerin oder eines Staatsbürgers. In der Beratung prüfen wir, "
            "ob Sie die Voraussetzungen erfüllen.</p>"
            "<p>Wir erklären den Antrag, den Sprachnachweis und den Einbürgerungstest. Die "
            "Beratung ist kostenlos, für den Antrag fällt eine Gebühr an.</p>"
        ),
        action_fields=("politische-partizipation", "oeffnung-regelangebote"),
        target_groups=("erwachsene", "eu-buerger"),
        keywords=("Einbürgerung", "Staatsangehörigkeit", "Einbürgerungstest"),
        languages=(("de", ""), ("en", "")),
        places=("buergerbuero-mitte",),
        hours=((WE, "08:00", "12:00"), (WE, "13:00", "16:00")),
        contacts=(("Einbürgerungsteam", "", "0391 540-0022", "einbuergerung@magdeburg.example"),),
        is_free=False,
        cost_details="Beratung kostenlos; Gebühr für den Einbürgerungsantrag 255 €.",
        appointment_required=True,
        online_counselling=True,
        min_age=16,
        reviewed_days_ago=380,
    ),
    Listing(
        org="beirat-integration-migration",
        slug="sitzungen-beirat",
        title="Beirat für Integration und Migration: Sitzungen und Sprechstunde",
        summary=(
            "Mitreden in der Stadtpolitik: Die Sitzungen des Beirats sind öffentlich. In "
            "der Sprechstunde nehmen Mitglieder Ihre Anliegen auf."
        ),
        description=(
            "<p>Der Beirat berät den Stadtrat in allen Fragen, die Zugewanderte betreffen. "
            "Er gibt Stellungnahmen ab und macht eigene Vorschläge.</p>"
            "<p>Zu den öffentlichen Sitzungen im Alten Rathaus können alle kommen. Bringen "
            "Sie Ihre Fragen mit – am Anfang jeder Sitzung gibt es eine "
            "Einwohnerfragestunde.</p>"
        ),
        action_fields=("politische-partizipation",),
        target_groups=("erwachsene", "jugendliche"),
        keywords=("Beirat", "Mitbestimmung", "Stadtrat", "Politik"),
        languages=(("de", ""), ("ar", ""), ("ru", ""), ("tr", "")),
        places=("beirat",),
        hours=(
            (TH, "17:00", "19:30", "Sitzung, jeden zweiten Donnerstag im Monat"),
            (MO, "16:00", "18:00", "Sprechstunde"),
        ),
        contacts=(
            (
                "Ahmad Rahimi",
                "Vorsitzender des Beirats",
                "0391 540-0041",
                "beirat@magdeburg.example",
            ),
        ),
        reviewed_days_ago=20,
    ),
    Listing(
        org="beirat-integration-migration",
        slug="mitreden-politische-bildung",
        title="Mitreden! Politische Bildung für Zugewanderte",
        summary=(
            "Wie funktionieren Stadtrat, Landtag und Bundestag? Workshops, Besuche und "
            "Gespräche mit Politikerinnen und Politikern – in einfacher Sprache."
        ),
        description=(
            "<p>Das Projekt lädt ein, die Politik in Magdeburg kennenzulernen: mit "
            "Besuchen im Stadtrat und Landtag, Gesprächen mit Abgeordneten und Workshops "
            "zu Wahlen, Vereinen und Bürgerbeteiligung.</p>"
            "<p>Teilnehmende können später selbst für den Beirat kandidieren oder in "
            "Stadtteilgremien mitarbeiten.</p>"
        ),
        action_fields=("politische-partizipation", "soziale-integration-partizipation"),
        target_groups=("erwachsene", "jugendliche"),
        keywords=("Politik", "Wahlen", "Beteiligung", "Demokratie"),
        languages=(("de", ""), ("ar", ""), ("fa", ""), ("uk", "")),
        places=("rathaus",),
        hours=((SA, "10:00", "14:00", "einmal im Monat"),),
        contacts=(
            ("Ahmad Rahimi", "Projektleitung", "0391 540-0041", "mitreden@magdeburg.example"),
        ),
        min_age=16,
        project=Project(-6, 18, "Bundesprogramm „Demokratie leben!“"),
        reviewed_days_ago=30,
    ),
    Listing(
        org="bruecke-der-kulturen",
        slug="kulturabende",
        title="Kulturabende im Kulturhaus Brücke",
        summary=(
            "Jeden Freitag Musik, Lesungen, Filme oder Kochen aus aller Welt – vorbereitet "
            "von Menschen aus Magdeburg mit Wurzeln in vielen Ländern."
        ),
        description=(
            "<p>Bei den Kulturabenden stellen Magdeburgerinnen und Magdeburger die Kultur "
            "ihrer Herkunftsländer vor: mit Konzerten, Filmen, Lesungen und Essen.</p>"
            "<p>Wer selbst einen Abend gestalten möchte, meldet sich beim Verein. Wir helfen "
            "bei der Planung.</p>"
        ),
        action_fields=("kultur-religion", "interkulturelle-arbeit"),
        target_groups=("erwachsene", "senioren", "jugendliche"),
        keywords=("Kultur", "Musik", "Begegnung", "Veranstaltung"),
        languages=(("de", ""), ("en", ""), ("es", ""), ("ar", "")),
        places=("kulturverein",),
        hours=((FR, "19:00", "22:30"),),
        contacts=(
            ("Carlos Méndez", "Programm", "0391 2345721", "programm@bruecke-der-kulturen.example"),
        ),
        is_free=False,
        cost_details="Eintritt 5 €; mit Magdeburg-Pass und für Geflüchtete frei.",
        reviewed_days_ago=430,
    ),
    Listing(
        org="bruecke-der-kulturen",
        slug="fest-magdeburg-feiert-vielfalt",
        title="Interkulturelles Fest „Magdeburg feiert Vielfalt“",
        summary=(
            "Das große Fest im Stadtpark: Bühne, Essen aus vielen Ländern, Spiele für "
            "Kinder und die Stände der Vereine aus dem Netzwerk. Eintritt frei."
        ),
        description=(
            "<p>Einmal im Jahr feiert Magdeburg seine Vielfalt. Vereine, "
            "Migrantenorganisationen und Beratungsstellen stellen sich vor, auf der Bühne "
            "gibt es Musik und Tanz, und an den Ständen wird gekocht.</p>"
            "<p>Vereine und Gruppen, die mitmachen möchten, melden sich bis acht Wochen "
            "vorher beim Verein.</p>"
        ),
        action_fields=(
            "kultur-religion",
            "interkulturelle-arbeit",
            "soziale-integration-partizipation",
        ),
        target_groups=("kinder-familien", "erwachsene", "ehrenamtliche"),
        keywords=("Fest", "Vielfalt", "Interkulturelle Woche", "Familie"),
        languages=(("de", ""), ("en", ""), ("ar", ""), ("uk", ""), ("vi", "")),
        places=("festwiese-werder",),
        hours=((SA, "12:00", "22:00", "am Festtag"),),
        contacts=(
            (
                "Carlos Méndez",
                "Festorganisation",
                "0391 2345721",
                "fest@bruecke-der-kulturen.example",
            ),
        ),
        project=Project(-2, 10, "Landeshauptstadt Magdeburg und Land Sachsen-Anhalt"),
        reviewed_days_ago=12,
    ),
    Listing(
        org="interreligioeser-dialogkreis",
        slug="gespraeche-der-religionen",
        title="Gespräche der Religionen",
        summary=(
            "Einmal im Monat sprechen Menschen verschiedener Religionen über Feste, "
            "Glauben und Alltag – und besuchen Kirche, Moschee und Synagoge."
        ),
        description=(
            "<p>Der Dialogkreis lädt jeden ersten Donnerstag im Monat zum Gespräch ein. "
            "Jedes Mal stellt eine Gemeinde ein Thema vor, danach gibt es Tee und Zeit für "
            "Fragen.</p>"
            "<p>Mehrmals im Jahr besuchen wir gemeinsam Gotteshäuser in Magdeburg. Alle "
            "sind willkommen, auch ohne Religion.</p>"
        ),
        action_fields=("kultur-religion", "interkulturelle-arbeit"),
        target_groups=("erwachsene", "jugendliche", "senioren"),
        keywords=("Religion", "Dialog", "Glauben", "Begegnung"),
        languages=(("de", ""), ("ar", ""), ("tr", "")),
        places=("dialog",),
        hours=((TH, "18:30", "20:30", "jeden ersten Donnerstag im Monat"),),
        contacts=(
            (
                "Pfarrerin Ruth Engel",
                "Sprecherin",
                "0391 2345761",
                "dialog@dialogkreis-magdeburg.example",
            ),
            (
                "Imam Hassan Omar",
                "Sprecher",
                "0391 2345762",
                "dialog@dialogkreis-magdeburg.example",
            ),
        ),
        reviewed_days_ago=240,
    ),
    Listing(
        org="willkommen-in-sudenburg",
        slug="sprachcafe-sudenburg",
        title="Sprachcafé Sudenburg",
        summary=(
            "Deutsch sprechen ohne Druck: Bei Kaffee und Kuchen üben Sie mit "
            "Ehrenamtlichen. Für alle Niveaus, ohne Anmeldung."
        ),
        description=(
            "<p>Im Sprachcafé sitzen Lernende und Ehrenamtliche an kleinen Tischen und "
            "unterhalten sich auf Deutsch – über das Wetter, die Arbeit, die Familie.</p>"
            "<p>Wer Hilfe bei einem Brief braucht, kann ihn mitbringen.</p>"
        ),
        action_fields=("sprache", "soziale-integration-partizipation"),
        target_groups=("erwachsene", "ehrenamtliche"),
        keywords=("Sprachcafé", "Deutsch üben", "Begegnung"),
        languages=(("de", ""), ("en", ""), ("fa", "")),
        places=("initiative-sudenburg",),
        hours=((TH, "17:00", "19:00"),),
        contacts=(
            (
                "Christine Vogel",
                "Ehrenamtliche",
                "0391 2345751",
                "sprachcafe@willkommen-sudenburg.example",
            ),
        ),
        closures=(Closure(40, 54, "Pause: Die Ehrenamtlichen sind im Urlaub."),),
        reviewed_days_ago=390,
    ),
    Listing(
        org="willkommen-in-sudenburg",
        slug="lotsen-aemter",
        title="Lotsen: Begleitung zu Ämtern und Ärzten",
        summary=(
            "Ehrenamtliche Lotsinnen und Lotsen begleiten Sie zu Terminen bei Ämtern, "
            "Ärzten und Schulen und helfen, Briefe zu verstehen."
        ),
        description=(
            "<p>Ein Termin bei einem Amt ist oft schwierig, wenn man die Sprache noch nicht "
            "gut kann. Unsere Lotsinnen und Lotsen kommen mit, helfen beim Verstehen und "
            "erklären danach, was zu tun ist.</p>"
            "<p>Melden Sie sich mindestens eine Woche vor dem Termin.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "interkulturelle-arbeit"),
        target_groups=("gefluechtete", "erwachsene", "ehrenamtliche"),
        keywords=("Begleitung", "Ämter", "Ehrenamt", "Lotsen"),
        languages=(("de", ""), ("en", ""), ("ar", ""), ("fa", "")),
        places=("initiative-sudenburg", "diesdorf"),
        contacts=(
            (
                "Christine Vogel",
                "Koordination",
                "0391 2345751",
                "lotsen@willkommen-sudenburg.example",
            ),
        ),
        by_appointment=True,
        phone_counselling=True,
        reviewed_days_ago=170,
    ),
    Listing(
        org="drk",
        slug="sprachmittlerpool",
        title="Sprachmittler- und Dolmetscherpool",
        summary=(
            "Geschulte Sprachmittlerinnen und Sprachmittler für Gespräche in Beratung, "
            "Schule, Kita und Gesundheit. Für Einrichtungen und Ratsuchende."
        ),
        description=(
            "<p>Der Pool vermittelt Sprachmittlerinnen und Sprachmittler in mehr als 20 "
            "Sprachen. Sie sind geschult, zur Verschwiegenheit verpflichtet und "
            "übersetzen neutral.</p>"
            "<p>Einrichtungen im Netzwerk buchen den Einsatz telefonisch oder per E-Mail, "
            "möglichst drei Tage vorher. Ratsuchende können über ihre Beratungsstelle "
            "anfragen.</p>"
        ),
        action_fields=("interkulturelle-arbeit", "oeffnung-regelangebote"),
        target_groups=("fachkraefte-einrichtungen", "gefluechtete"),
        keywords=("Dolmetscher", "Sprachmittlung", "Übersetzung"),
        languages=(("ar", ""), ("fa", ""), ("ps", ""), ("ti", ""), ("so", "")),
        places=("drk-zentrum",),
        hours=(
            (MO, "08:00", "16:00"),
            (TU, "08:00", "16:00"),
            (WE, "08:00", "16:00"),
            (TH, "08:00", "16:00"),
            (FR, "08:00", "13:00"),
        ),
        contacts=(
            (
                "Samir Aziz",
                "Einsatzplanung",
                "0391 2345642",
                "sprachmittlung@drk-magdeburg.example",
            ),
        ),
        is_free=False,
        cost_details="Für Ratsuchende kostenlos; Einrichtungen zahlen 30 € je Stunde.",
        phone_counselling=True,
        reviewed_days_ago=140,
    ),
    Listing(
        org="drk",
        slug="gesundheitslotsen",
        title="Gesundheitslotsen: Mit Migranten für Migranten",
        summary=(
            "Geschulte Lotsinnen und Lotsen erklären in Ihrer Sprache, wie das "
            "Gesundheitssystem funktioniert: Hausarzt, Krankenkasse, Vorsorge, Impfungen."
        ),
        description=(
            "<p>Gesundheitslotsinnen und -lotsen haben selbst eine Migrationsgeschichte. "
            "Nach einer Schulung geben sie Informationsveranstaltungen in ihrer "
            "Muttersprache – in Vereinen, Unterkünften und Moscheegemeinden.</p>"
            "<p>Vereine können eine Veranstaltung kostenlos anfragen. Wer selbst Lotsin "
            "oder Lotse werden möchte, meldet sich für die nächste Schulung.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "oeffnung-regelangebote"),
        target_groups=("erwachsene", "gefluechtete", "ehrenamtliche"),
        keywords=("Gesundheit", "Krankenkasse", "Vorsorge", "Lotsen"),
        languages=(("ar", ""), ("ru", ""), ("tr", ""), ("uk", ""), ("de", "")),
        places=("drk-zentrum",),
        hours=((TU, "16:00", "19:00", "Schulungen und Sprechstunde"),),
        contacts=(
            (
                "Dr. Lina Haddad",
                "Projektleitung",
                "0391 2345643",
                "gesundheit@drk-magdeburg.example",
            ),
        ),
        by_appointment=True,
        project=Project(-16, 8, "Land Sachsen-Anhalt"),
        reviewed_days_ago=400,
    ),
]
