"""Demo listings of working group 2: social support, housing, women's rights, open services."""

from .specs import FR, MO, TH, TU, WE, Closure, Listing, Project

LISTINGS = [
    Listing(
        org="awo",
        slug="migrationsberatung-erwachsene",
        title="Migrationsberatung für Erwachsene (MBE)",
        summary=(
            "Beratung für Zugewanderte ab 27 Jahren zu Aufenthalt, Arbeit, Wohnen, "
            "Gesundheit, Familie und Deutschkursen. Kostenlos und vertraulich."
        ),
        description=(
            "<p>Die Migrationsberatung hilft in den ersten Jahren in Deutschland. Wir "
            "erklären Briefe von Ämtern, helfen bei Anträgen und suchen mit Ihnen den "
            "passenden Deutschkurs.</p>"
            "<p>Zusammen machen wir einen Plan: Was ist jetzt wichtig, was später? Wenn "
            "nötig, vermitteln wir an Fachstellen weiter.</p>"
            "<p>Die Beratung gibt es in Stadtfeld und in Neue Neustadt. Bitte rufen Sie "
            "vorher an, dann müssen Sie nicht warten.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "arbeit-ausbildung"),
        target_groups=("erwachsene", "eu-buerger", "gefluechtete"),
        keywords=("MBE", "Beratung", "Aufenthalt", "Familie", "Anträge"),
        languages=(
            ("de", ""),
            ("en", ""),
            ("ar", "Arabisch donnerstags"),
            ("ru", ""),
            ("tr", "Türkisch in Neue Neustadt"),
        ),
        places=("awo-zentrum", "awo-nord"),
        hours=(
            (MO, "09:00", "12:00"),
            (TU, "13:00", "17:00"),
            (TH, "09:00", "12:00"),
            (TH, "13:00", "18:00", "Neue Neustadt"),
        ),
        contacts=(
            ("Petra Lehmann", "Migrationsberaterin", "0391 2345611", "mbe@awo-magdeburg.example"),
            ("Yusuf Demir", "Migrationsberater", "0391 2345612", "mbe@awo-magdeburg.example"),
        ),
        by_appointment=True,
        phone_counselling=True,
        min_age=27,
        reviewed_days_ago=30,
    ),
    Listing(
        org="awo",
        slug="mieterberatung",
        title="Mieterberatung für Zugewanderte",
        summary=(
            "Hilfe rund um die Wohnung: Mietvertrag, Nebenkosten, Mängel, Kündigung und "
            "Wohnungssuche. Mit Übersetzung wichtiger Briefe."
        ),
        description=(
            "<p>Sie verstehen Ihren Mietvertrag nicht oder die Nebenkosten sind sehr hoch? "
            "Wir lesen mit Ihnen die Unterlagen, erklären Ihre Rechte und Pflichten und "
            "schreiben, wenn nötig, an den Vermieter.</p>"
            "<p>Wir helfen auch bei der Suche nach einer Wohnung und beim Antrag auf "
            "Wohnberechtigungsschein oder Wohngeld.</p>"
        ),
        action_fields=("wohnen-nachbarschaft",),
        target_groups=("erwachsene", "kinder-familien", "gefluechtete"),
        keywords=("Miete", "Wohnung", "Nebenkosten", "Mietvertrag", "Wohngeld"),
        languages=(("de", ""), ("ar", ""), ("ru", "")),
        places=("awo-nord",),
        hours=((TU, "09:00", "12:00"), (WE, "14:00", "17:00")),
        contacts=(
            ("Andreas Wagner", "Wohnberater", "0391 2345613", "wohnen@awo-magdeburg.example"),
        ),
        closures=(Closure(-2, 5, "Urlaub des Beratungsteams"),),
        phone_counselling=True,
        reviewed_days_ago=260,
    ),
    Listing(
        org="caritas",
        slug="asylverfahrensberatung",
        title="Asylverfahrensberatung",
        summary=(
            "Unabhängige Beratung im Asylverfahren: Wir bereiten Sie auf die Anhörung vor "
            "und erklären Bescheide und Fristen."
        ),
        description=(
            "<p>Die Anhörung beim Bundesamt ist der wichtigste Termin im Asylverfahren. Wir "
            "erklären, wie sie abläuft, was Sie erzählen sollten und welche Rechte Sie "
            "haben.</p>"
            "<p>Nach dem Bescheid prüfen wir mit Ihnen, was er bedeutet und welche Fristen "
            "laufen. Wenn nötig, vermitteln wir an Anwältinnen und Anwälte.</p>"
            "<p>Die Beratung ist vertraulich und unabhängig vom Bundesamt.</p>"
        ),
        action_fields=("soziale-integration-partizipation",),
        target_groups=("gefluechtete",),
        keywords=("Asyl", "Anhörung", "Asylverfahren", "Bescheid"),
        languages=(("de", ""), ("en", ""), ("fr", ""), ("ar", ""), ("fa", "")),
        places=("caritas-haus", "brueckfeld"),
        hours=((MO, "09:00", "13:00"), (WE, "13:00", "17:00", "Sprechstunde in Brückfeld")),
        contacts=(
            (
                "Marie Dubois",
                "Asylverfahrensberaterin",
                "0391 2345621",
                "asyl@caritas-magdeburg.example",
            ),
        ),
        by_appointment=True,
        interpreters_on_request=True,
        residence_status="asylum_seekers",
        reviewed_days_ago=55,
    ),
    Listing(
        org="caritas",
        slug="frauentreff-aurora",
        title="Frauentreff Aurora",
        summary=(
            "Ein Treffpunkt nur für Frauen: Kaffee trinken, Deutsch sprechen, Neues lernen "
            "und Rat bekommen. Kinder können mitkommen."
        ),
        description=(
            "<p>Im Frauentreff Aurora treffen sich Frauen aus vielen Ländern. Wir reden, "
            "kochen, nähen und machen Ausflüge. Einmal im Monat kommt eine Expertin zu "
            "Themen wie Gesundheit, Geld oder Schule.</p>"
            "<p>Eine Sozialarbeiterin ist immer da und hilft bei Fragen – auch vertraulich, "
            "zum Beispiel bei Gewalt in der Familie.</p>"
        ),
        action_fields=("frauen-maedchen", "soziale-integration-partizipation"),
        target_groups=("frauen-maedchen",),
        keywords=("Frauentreff", "Frauencafé", "Begegnung", "Kinderbetreuung"),
        languages=(("de", ""), ("ar", ""), ("fa", ""), ("uk", "")),
        places=("frauentreff-sudenburg",),
        hours=((TU, "15:00", "18:00"), (TH, "09:30", "12:00", "mit Kinderbetreuung")),
        contacts=(
            (
                "Hanna Richter",
                "Sozialarbeiterin",
                "0391 2345622",
                "aurora@caritas-magdeburg.example",
            ),
        ),
        women_only=True,
        reviewed_days_ago=110,
    ),
    Listing(
        org="caritas",
        slug="starke-maedchen",
        title="Starke Mädchen",
        summary=(
            "Eine Gruppe für Mädchen von 12 bis 18 Jahren: selbstbewusst werden, eigene "
            "Ziele finden, Sport und Ausflüge."
        ),
        description=(
            "<p>Bei „Starke Mädchen“ treffen sich Mädchen mit und ohne Migrationsgeschichte. "
            "Wir machen Selbstbehauptung, Sport, Theater und sprechen über Schule, Beruf und "
            "Rechte.</p>"
            "<p>Die Gruppe leiten zwei Pädagoginnen. Ein Elternabend stellt das Projekt "
            "vor.</p>"
        ),
        action_fields=("frauen-maedchen", "jugend-soziales"),
        target_groups=("frauen-maedchen", "jugendliche"),
        keywords=("Mädchen", "Empowerment", "Selbstbehauptung"),
        languages=(("de", ""), ("ar", ""), ("fa", "")),
        places=("frauentreff-sudenburg",),
        hours=((WE, "16:00", "18:30"),),
        contacts=(
            (
                "Hanna Richter",
                "Projektleitung",
                "0391 2345622",
                "maedchen@caritas-magdeburg.example",
            ),
        ),
        women_only=True,
        min_age=12,
        max_age=18,
        project=Project(-3, 21, "Aktion Mensch"),
        reviewed_days_ago=40,
    ),
    Listing(
        org="psychosoziales-zentrum",
        slug="psychosoziale-beratung",
        title="Psychosoziale Beratung und Therapie",
        summary=(
            "Hilfe für Geflüchtete, die Krieg, Flucht oder Gewalt erlebt haben und schlecht "
            "schlafen, Angst haben oder traurig sind. Mit Dolmetschenden."
        ),
        description=(
            "<p>Viele Geflüchtete tragen schwere Erlebnisse mit sich. Wir hören zu, beraten "
            "und bieten – wenn nötig – Psychotherapie an. Es gibt auch Gruppen für Frauen "
            "und für Jugendliche.</p>"
            "<p>Dolmetschende übersetzen im Gespräch. Alles bleibt vertraulich.</p>"
            "<p>Rufen Sie an oder kommen Sie in die offene Sprechstunde am Dienstag.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "jugend-soziales"),
        target_groups=("gefluechtete", "kinder-familien", "jugendliche"),
        keywords=("Trauma", "Psychotherapie", "Gesundheit", "Krise"),
        languages=(("de", ""), ("en", ""), ("ar", ""), ("fa", ""), ("kmr", "")),
        places=("psz",),
        hours=((TU, "10:00", "13:00", "Offene Sprechstunde"), (TH, "09:00", "16:00")),
        contacts=(
            (
                "Dr. Miriam Sommer",
                "Psychologische Psychotherapeutin",
                "0391 2345691",
                "kontakt@psz-magdeburg.example",
            ),
        ),
        appointment_required=True,
        by_appointment=True,
        phone_counselling=True,
        interpreters_on_request=True,
        residence_status="any",
        reviewed_days_ago=90,
    ),
    Listing(
        org="perspektive-bleiben",
        slug="beratung-duldung-bleiberecht",
        title="Beratung zu Duldung und Bleiberecht",
        summary=(
            "Sie haben eine Duldung? Wir prüfen mit Ihnen, welche Wege zu einem sicheren "
            "Aufenthalt es gibt – zum Beispiel über Ausbildung oder Arbeit."
        ),
        description=(
            "<p>Mit einer Duldung ist das Leben unsicher. Es gibt aber Wege zu einer "
            "Aufenthaltserlaubnis: über Ausbildung, Beschäftigung, gute Integration oder "
            "das Chancen-Aufenthaltsrecht.</p>"
            "<p>Wir prüfen Ihre Unterlagen, erklären Ihre Möglichkeiten und begleiten Sie "
            "zur Ausländerbehörde.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "arbeit-ausbildung"),
        target_groups=("gefluechtete",),
        keywords=("Duldung", "Bleiberecht", "Ausbildungsduldung", "Aufenthaltserlaubnis"),
        languages=(("de", ""), ("en", ""), ("ar", ""), ("prs", ""), ("so", "")),
        places=("perspektive",),
        hours=((MO, "10:00", "14:00"), (TH, "14:00", "18:00")),
        contacts=(
            ("Lukas Becker", "Berater", "0391 2345711", "beratung@perspektive-bleiben.example"),
        ),
        appointment_required=True,
        phone_counselling=True,
        residence_status="tolerated",
        reviewed_days_ago=180,
    ),
    Listing(
        org="amt-soziales-wohnen",
        slug="wohnraumhilfe-gefluechtete",
        title="Wohnraumhilfe: Von der Unterkunft in die eigene Wohnung",
        summary=(
            "Das Amt hilft Geflüchteten beim Umzug aus der Gemeinschaftsunterkunft in eine "
            "eigene Wohnung: Suche, Mietübernahme und Erstausstattung."
        ),
        description=(
            "<p>Wer aus der Gemeinschaftsunterkunft ausziehen darf, bekommt hier Hilfe bei "
            "der Wohnungssuche. Wir klären, welche Miete übernommen wird, und stellen die "
            "Mietübernahmebescheinigung aus.</p>"
            "<p>Für Möbel und Haushaltsgeräte gibt es eine Erstausstattung.</p>"
        ),
        action_fields=("wohnen-nachbarschaft", "oeffnung-regelangebote"),
        target_groups=("gefluechtete", "ukraine", "kinder-familien"),
        keywords=("Wohnung", "Umzug", "Gemeinschaftsunterkunft", "Mietübernahme"),
        languages=(("de", ""), ("en", ""), ("uk", "")),
        places=("sozialamt",),
        hours=((TU, "08:30", "12:00"), (TH, "13:00", "17:30")),
        contacts=(
            ("Sachgebiet Wohnraumhilfe", "", "0391 540-0031", "wohnraumhilfe@magdeburg.example"),
        ),
        appointment_required=True,
        interpreters_on_request=True,
        reviewed_days_ago=230,
    ),
    Listing(
        org="nachbarschaftsverein-olvenstedt",
        slug="nachbarschaftsmediation",
        title="Nachbarschaftsmediation",
        summary=(
            "Streit mit den Nachbarn wegen Lärm, Müll oder Kindern im Hof? Geschulte "
            "Mediatorinnen und Mediatoren helfen, eine Lösung zu finden."
        ),
        description=(
            "<p>Konflikte im Haus belasten alle. In der Mediation sprechen die Beteiligten "
            "mit Hilfe von zwei neutralen Personen miteinander und suchen gemeinsam eine "
            "Lösung.</p>"
            "<p>Die Mediatorinnen und Mediatoren sprechen mehrere Sprachen und kennen "
            "unterschiedliche Kulturen. Wir kommen auch zu Ihnen ins Haus.</p>"
        ),
        action_fields=("wohnen-nachbarschaft", "interkulturelle-arbeit"),
        target_groups=("erwachsene", "kinder-familien"),
        keywords=("Nachbarschaft", "Streit", "Mediation", "Lärm"),
        languages=(("de", ""), ("ru", ""), ("ar", ""), ("tr", "")),
        places=("nachbarschaft-olvenstedt",),
        hours=((WE, "16:00", "19:00"),),
        contacts=(
            (
                "Elena Sokolova",
                "Mediatorin",
                "0391 2345731",
                "mediation@nachbarschaft-olvenstedt.example",
            ),
        ),
        by_appointment=True,
        phone_counselling=True,
        reviewed_days_ago=140,
    ),
    Listing(
        org="paritaetischer",
        slug="nachbarschaft-verbindet",
        title="Nachbarschaft verbindet",
        summary=(
            "Stadtteilmoderation in Neustädter See und Rothensee: Hoffeste, "
            "Mietergespräche und Hilfe, wenn es im Haus Konflikte gibt."
        ),
        description=(
            "<p>Das Projekt bringt alte und neue Nachbarinnen und Nachbarn zusammen. Wir "
            "organisieren Hoffeste, Mietertreffen und gemeinsame Aktionen im Stadtteil.</p>"
            "<p>Mit Wohnungsunternehmen und Stadtteilbüros suchen wir Lösungen, wenn es "
            "Streit gibt – bevor er groß wird.</p>"
        ),
        action_fields=(
            "wohnen-nachbarschaft",
            "interkulturelle-arbeit",
            "soziale-integration-partizipation",
        ),
        target_groups=("erwachsene", "kinder-familien", "senioren"),
        keywords=("Nachbarschaft", "Stadtteil", "Hoffest"),
        languages=(("de", ""), ("ar", ""), ("ru", ""), ("vi", "")),
        places=("nachbarschaft-see", "rothensee"),
        hours=((MO, "13:00", "17:00", "Neustädter See"), (TH, "10:00", "14:00", "Rothensee")),
        contacts=(
            (
                "Tuan Nguyen",
                "Stadtteilmoderator",
                "0391 2345651",
                "nachbarschaft@paritaet-magdeburg.example",
            ),
        ),
        project=Project(-10, 14, "Europäischer Sozialfonds Plus"),
        reviewed_days_ago=65,
    ),
    Listing(
        org="paritaetischer",
        slug="ehrenamtskoordination",
        title="Ehrenamt in der Flüchtlingshilfe",
        summary=(
            "Sie möchten helfen? Wir vermitteln Ehrenamtliche an Patenschaften, "
            "Sprachcafés, Hausaufgabenhilfe und Begleitung zu Ämtern – mit Schulung."
        ),
        description=(
            "<p>Viele Vereine im Netzwerk suchen Menschen, die mithelfen. Im "
            "Erstgespräch finden wir heraus, was zu Ihnen passt und wie viel Zeit Sie "
            "haben.</p>"
            "<p>Es gibt regelmäßig kostenlose Schulungen, zum Beispiel zu Asylrecht, "
            "einfacher Sprache und Umgang mit Belastung.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "interkulturelle-arbeit"),
        target_groups=("ehrenamtliche",),
        keywords=("Ehrenamt", "Patenschaft", "Engagement", "Freiwillige"),
        languages=(("de", ""), ("en", "")),
        places=("paritaet-haus",),
        hours=((TU, "10:00", "16:00"),),
        contacts=(
            (
                "Frank Schubert",
                "Ehrenamtskoordination",
                "0391 2345652",
                "ehrenamt@paritaet-magdeburg.example",
            ),
        ),
        online_counselling=True,
        reviewed_days_ago=330,
    ),
    Listing(
        org="paritaetischer",
        slug="beratung-behinderung-migration",
        title="Beratung für Menschen mit Behinderung und Migrationsgeschichte",
        summary=(
            "Unabhängige Beratung zu Teilhabe, Schwerbehindertenausweis, Hilfsmitteln und "
            "Pflege – auch in Gebärdensprache."
        ),
        description=(
            "<p>Wir beraten Menschen mit Behinderung und ihre Familien: Welche Leistungen "
            "gibt es? Wie beantrage ich einen Schwerbehindertenausweis oder einen "
            "Pflegegrad? Welche Schule passt zu meinem Kind?</p>"
            "<p>Einige Beraterinnen und Berater haben selbst eine Behinderung. Die "
            "Beratungsräume sind barrierefrei.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "oeffnung-regelangebote"),
        target_groups=("menschen-mit-behinderung", "kinder-familien"),
        keywords=("Behinderung", "Teilhabe", "Schwerbehindertenausweis", "Pflege"),
        languages=(("de", ""), ("sgn-de", ""), ("ar", ""), ("ru", "")),
        places=("paritaet-haus",),
        hours=((MO, "09:00", "15:00"), (WE, "09:00", "15:00")),
        contacts=(
            (
                "Sandra Voigt",
                "Peer-Beraterin",
                "0391 2345653",
                "teilhabe@paritaet-magdeburg.example",
            ),
        ),
        by_appointment=True,
        phone_counselling=True,
        online_counselling=True,
        reviewed_days_ago=85,
    ),
    Listing(
        org="paritaetischer",
        slug="internationaler-seniorentreff",
        title="Internationaler Seniorentreff",
        summary=(
            "Ältere Menschen aus vielen Ländern treffen sich zu Kaffee, Spielen, Gymnastik "
            "und Gesprächen über das Älterwerden in Deutschland."
        ),
        description=(
            "<p>Im Seniorentreff kommen ältere Zugewanderte und Einheimische zusammen. Wir "
            "spielen, singen, machen Sitzgymnastik und laden Fachleute zu Rente, Pflege und "
            "Gesundheit ein.</p>"
            "<p>Gespräche auf Russisch und Vietnamesisch sind möglich.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "kultur-religion"),
        target_groups=("senioren",),
        keywords=("Senioren", "Begegnung", "Rente"),
        languages=(("de", ""), ("ru", ""), ("vi", "")),
        places=("seniorentreff-cracau",),
        hours=((TU, "14:00", "17:00"), (FR, "14:00", "17:00")),
        contacts=(
            ("Brigitte Horn", "Leitung", "0391 2345654", "senioren@paritaet-magdeburg.example"),
        ),
        min_age=60,
        status="temporarily_closed",
        status_note=(
            "Das Begegnungszentrum wird renoviert. Der Treff öffnet voraussichtlich in drei "
            "Monaten wieder."
        ),
        reviewed_days_ago=520,
    ),
    Listing(
        org="drk",
        slug="beratung-ukraine",
        title="Beratung für Menschen aus der Ukraine",
        summary=(
            "Fragen zu Aufenthalt nach § 24, Bürgergeld, Wohnung, Kita und Schule? Wir "
            "beraten auf Ukrainisch und Russisch."
        ),
        description=(
            "<p>Die Beratungsstelle hilft Menschen, die wegen des Krieges aus der Ukraine "
            "gekommen sind. Wir erklären den Aufenthalt mit vorübergehendem Schutz, helfen "
            "bei Anträgen und vermitteln Deutschkurse.</p>"
            "<p>Jeden Freitag gibt es eine offene Sprechstunde ohne Termin.</p>"
        ),
        action_fields=("soziale-integration-partizipation", "oeffnung-regelangebote"),
        target_groups=("ukraine", "kinder-familien"),
        keywords=("Ukraine", "Aufenthaltserlaubnis", "Bürgergeld", "Vorübergehender Schutz"),
        languages=(("uk", ""), ("ru", ""), ("de", "")),
        places=("drk-zentrum",),
        hours=(
            (MO, "10:00", "16:00"),
            (WE, "10:00", "16:00"),
            (FR, "10:00", "13:00", "Offene Sprechstunde"),
        ),
        contacts=(
            ("Oksana Shevchenko", "Beraterin", "0391 2345641", "ukraine@drk-magdeburg.example"),
        ),
        phone_counselling=True,
        residence_status="temporary_protection",
        reviewed_days_ago=5,
    ),
    Listing(
        org="frauennetzwerk-salam",
        slug="frauencafe-salam",
        title="Frauencafé Salam",
        summary=(
            "Jeden Mittwoch: Frühstück, Gespräche und Beratung von Frauen für Frauen – auf "
            "Arabisch, Persisch, Dari und Deutsch. Mit Kinderbetreuung."
        ),
        description=(
            "<p>Im Frauencafé treffen sich Frauen, um sich auszutauschen und gegenseitig zu "
            "helfen. Erfahrene Frauen aus dem Verein erklären, wie Ämter, Schule und "
            "Gesundheitssystem funktionieren.</p>"
            "<p>Einmal im Monat gibt es einen Workshop, zum Beispiel Fahrradfahren, "
            "Bewerbung oder Frauenrechte.</p>"
        ),
        action_fields=("frauen-maedchen", "soziale-integration-partizipation"),
        target_groups=("frauen-maedchen",),
        keywords=("Frauencafé", "Frauen", "Begegnung", "Kinderbetreuung"),
        languages=(
            ("ar", ""),
            ("fa", ""),
            ("prs", ""),
            ("ti", "Tigrinya jeden zweiten Mittwoch"),
            ("de", ""),
        ),
        places=("salam",),
        hours=((WE, "10:00", "13:00"),),
        contacts=(
            ("Rana Al-Khatib", "Vorsitzende", "0391 2345771", "cafe@frauennetzwerk-salam.example"),
        ),
        women_only=True,
        reviewed_days_ago=75,
    ),
    Listing(
        org="frauennetzwerk-salam",
        slug="elternlotsinnen",
        title="Elternberatung zur Schule: Elternlotsinnen",
        summary=(
            "Elternlotsinnen erklären das deutsche Schulsystem, übersetzen bei "
            "Elterngesprächen und helfen bei der Wahl der weiterführenden Schule."
        ),
        description=(
            "<p>Welche Schule nach der Grundschule? Was bedeutet das Zeugnis? Die "
            "Elternlotsinnen sind selbst Mütter mit Migrationsgeschichte und kennen die "
            "Fragen von Eltern gut.</p>"
            "<p>Sie kommen mit zu Gesprächen mit Lehrkräften und übersetzen. Sprechstunden "
            "gibt es in der Grundschule Am Kirschweg und im Frauenzentrum.</p>"
        ),
        action_fields=("schule-bildung", "frauen-maedchen"),
        target_groups=("kinder-familien",),
        keywords=("Elternberatung", "Schule", "Schulsystem", "Elterngespräch"),
        languages=(("ar", ""), ("fa", ""), ("prs", ""), ("kmr", ""), ("de", "")),
        places=("salam-reform", "salam"),
        hours=(
            (MO, "08:00", "10:00", "Grundschule Am Kirschweg"),
            (TH, "15:00", "17:00", "Frauenzentrum"),
        ),
        contacts=(
            ("Zahra Ahmadi", "Elternlotsin", "0391 2345772", "eltern@frauennetzwerk-salam.example"),
        ),
        by_appointment=True,
        phone_counselling=True,
        reviewed_days_ago=160,
    ),
]
