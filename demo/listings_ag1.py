"""Demo listings of working group 1: language, school and education, work and youth."""

from .specs import FR, MO, SA, TH, TU, WE, Closure, Listing, Project

LISTINGS = [
    Listing(
        org="volkshochschule",
        slug="integrationskurse",
        title="Integrationskurse",
        summary=(
            "Deutsch lernen von A1 bis B1 und den Orientierungskurs über Leben, Recht und "
            "Kultur in Deutschland besuchen. Mit Abschlussprüfung."
        ),
        description=(
            "<p>Im Integrationskurs lernen Sie Deutsch für den Alltag und für die Arbeit. Der "
            "Kurs hat 600 Stunden Sprachunterricht und 100 Stunden Orientierungskurs. Am "
            "Ende machen Sie den „Deutsch-Test für Zuwanderer“ und den Test „Leben in "
            "Deutschland“.</p>"
            "<p>Es gibt Kurse am Vormittag, am Nachmittag und in Olvenstedt auch einen Kurs "
            "mit Kinderbetreuung.</p>"
            "<p>Kommen Sie zur Einstufung in die Sprechstunde. Bringen Sie Ihren Ausweis und "
            "– wenn Sie haben – die Berechtigung oder Verpflichtung zum Kurs mit.</p>"
        ),
        action_fields=("sprache",),
        target_groups=("erwachsene", "gefluechtete", "eu-buerger"),
        keywords=("Deutschkurs", "Integrationskurs", "Orientierungskurs", "BAMF"),
        languages=(("de", ""), ("en", ""), ("ar", "Anmeldung auf Arabisch dienstags")),
        places=("vhs", "vhs-olvenstedt"),
        hours=(
            (MO, "09:00", "12:30"),
            (TU, "14:00", "18:00", "Einstufung ohne Termin"),
            (TH, "09:00", "12:30"),
        ),
        contacts=(
            (
                "Sabine Krüger",
                "Fachbereich Deutsch als Zweitsprache",
                "0391 2345671",
                "integrationskurse@vhs-magdeburg.example",
            ),
        ),
        is_free=False,
        cost_details=(
            "Kostenbeitrag je Unterrichtsstunde; mit Bürgergeld oder Leistungen nach dem "
            "AsylbLG kostenlos."
        ),
        reviewed_days_ago=45,
    ),
    Listing(
        org="volkshochschule",
        slug="alphabetisierungskurs",
        title="Alphabetisierungskurs",
        summary=(
            "Lesen und Schreiben lernen – auch wenn Sie noch nie eine Schule besucht haben "
            "oder ein anderes Alphabet kennen. Langsames Tempo, kleine Gruppen."
        ),
        description=(
            "<p>Der Alphabetisierungskurs ist ein Integrationskurs für Menschen, die das "
            "lateinische Alphabet noch lernen. Sie lernen Buchstaben, Wörter und einfache "
            "Sätze und sprechen viel Deutsch.</p>"
            "<p>Die Gruppen sind klein. Eine Kursbegleiterin spricht Tigrinya und Arabisch "
            "und hilft bei Fragen.</p>"
        ),
        action_fields=("sprache", "schule-bildung"),
        target_groups=("erwachsene", "gefluechtete"),
        keywords=("Alphabetisierung", "Lesen und Schreiben", "Deutschkurs"),
        languages=(("de", ""), ("ar", ""), ("ti", "Kursbegleitung auf Tigrinya mittwochs")),
        places=("vhs-olvenstedt",),
        hours=((MO, "08:30", "11:45"), (WE, "08:30", "11:45"), (FR, "08:30", "11:45")),
        contacts=(
            ("Mehari Tesfay", "Kursbegleitung", "0391 2345672", "alpha@vhs-magdeburg.example"),
        ),
        cost_details="Mit Berechtigung vom BAMF kostenlos.",
        reviewed_days_ago=120,
    ),
    Listing(
        org="volkshochschule",
        slug="mama-lernt-deutsch",
        title="Mama lernt Deutsch",
        summary=(
            "Deutschkurs für Mütter am Vormittag, während die Kinder nebenan betreut "
            "werden. Einstieg jederzeit möglich."
        ),
        description=(
            "<p>Viele Mütter schaffen keinen Kurs, weil niemand auf die Kinder aufpasst. Bei "
            "„Mama lernt Deutsch“ ist das anders: Die Kinder spielen nebenan mit "
            "Erzieherinnen, die Mütter lernen Deutsch für Kita, Schule, Arzt und Einkauf.</p>"
            "<p>Der Kurs findet im Familienzentrum Hopfengarten statt. Sie brauchen keine "
            "Vorkenntnisse.</p>"
        ),
        action_fields=("sprache", "frauen-maedchen"),
        target_groups=("frauen-maedchen", "kinder-familien"),
        keywords=("Deutschkurs", "Kinderbetreuung", "Mütter"),
        languages=(("de", ""), ("ar", ""), ("fa", ""), ("uk", "")),
        places=("hopfengarten",),
        hours=((MO, "09:00", "11:30"), (WE, "09:00", "11:30")),
        contacts=(("Leyla Hosseini", "Kursleitung", "0391 2345673", "mama@vhs-magdeburg.example"),),
        women_only=True,
        project=Project(-8, 16, "Land Sachsen-Anhalt"),
        reviewed_days_ago=60,
    ),
    Listing(
        org="sprachschule-elbufer",
        slug="berufssprachkurse",
        title="Berufssprachkurse (B1 bis C1)",
        summary=(
            "Deutsch für den Beruf: Fachwortschatz, Bewerbung, Telefonate und E-Mails im "
            "Job. Kurse am Abend, auch neben der Arbeit."
        ),
        description=(
            "<p>Die Berufssprachkurse bauen auf dem Integrationskurs auf. Sie lernen die "
            "Sprache, die Sie im Beruf brauchen, und bereiten sich auf eine anerkannte "
            "Prüfung vor.</p>"
            "<p>Es gibt Spezialkurse für Pflege und Gesundheit sowie für Handwerk und "
            "Technik.</p>"
            "<p>Die Kurse werden vom Bund gefördert. Das Jobcenter oder die Agentur für "
            "Arbeit stellt Ihnen die Berechtigung aus.</p>"
        ),
        action_fields=("sprache", "arbeit-ausbildung"),
        target_groups=("erwachsene", "fachkraefte-auslaendischer-abschluss"),
        keywords=("Berufssprachkurs", "Deutschkurs", "Job", "Pflege"),
        languages=(("de", ""), ("en", ""), ("ru", "")),
        places=("sprachschule",),
        hours=((MO, "17:30", "20:45"), (TU, "17:30", "20:45"), (TH, "17:30", "20:45")),
        contacts=(
            (
                "Dr. Jana Wolff",
                "Schulleitung",
                "0391 2345681",
                "beruf@sprachschule-elbufer.example",
            ),
        ),
        cost_details="Mit Berechtigung kostenlos; wer gut verdient, zahlt einen Anteil.",
        online_counselling=True,
        reviewed_days_ago=20,
    ),
    Listing(
        org="sprachschule-elbufer",
        slug="jugendintegrationskurs",
        title="Jugendintegrationskurs",
        summary=(
            "Deutschkurs für junge Menschen bis 27 Jahre: Deutsch lernen und dabei Schule, "
            "Ausbildung und Berufe kennenlernen."
        ),
        description=(
            "<p>Im Jugendintegrationskurs lernen junge Menschen gemeinsam Deutsch. Dazu "
            "gehören Ausflüge zu Betrieben, Berufsschulen und Beratungsstellen.</p>"
            "<p>Eine Sozialpädagogin hilft bei Fragen zu Schule und Ausbildung.</p>"
        ),
        action_fields=("sprache", "jugend-soziales", "schule-bildung"),
        target_groups=("jugendliche",),
        keywords=("Deutschkurs", "Jugendintegrationskurs", "Ausbildung"),
        languages=(("de", ""), ("en", ""), ("fa", "")),
        places=("sprachschule",),
        hours=(
            (MO, "09:00", "13:00"),
            (TU, "09:00", "13:00"),
            (WE, "09:00", "13:00"),
            (TH, "09:00", "13:00"),
        ),
        contacts=(
            (
                "Paula Neumann",
                "Sozialpädagogische Begleitung",
                "0391 2345682",
                "jugend@sprachschule-elbufer.example",
            ),
        ),
        min_age=16,
        max_age=27,
        reviewed_days_ago=200,
    ),
    Listing(
        org="diakonie",
        slug="jugendmigrationsdienst",
        title="Jugendmigrationsdienst (JMD)",
        summary=(
            "Beratung für junge Zugewanderte von 12 bis 27 Jahren: Schule, Ausbildung, "
            "Studium, Arbeit und alles, was sonst wichtig ist."
        ),
        description=(
            "<p>Der Jugendmigrationsdienst begleitet junge Menschen, die neu in Magdeburg "
            "sind. Wir helfen bei der Wahl der Schule, bei Bewerbungen und bei Anträgen – "
            "und hören zu, wenn es Probleme gibt.</p>"
            "<p>Gemeinsam machen wir einen Plan für Ihren Weg. Auch Eltern können sich "
            "beraten lassen.</p>"
            "<p>Die Beratung ist kostenlos und vertraulich. Sie können uns auch per Telefon "
            "oder Video-Chat erreichen.</p>"
        ),
        action_fields=("jugend-soziales", "schule-bildung", "arbeit-ausbildung"),
        target_groups=("jugendliche",),
        keywords=("JMD", "Ausbildung", "Schule", "Bewerbung"),
        languages=(("de", ""), ("en", ""), ("ar", ""), ("fa", ""), ("ru", "")),
        places=("diakonie-stadtfeld",),
        hours=((MO, "10:00", "16:00"), (TU, "10:00", "18:00"), (TH, "10:00", "16:00")),
        contacts=(
            ("Jonas Hartmann", "Berater", "0391 2345631", "jmd@diakonie-magdeburg.example"),
            ("Amal Haddad", "Beraterin", "0391 2345632", "jmd@diakonie-magdeburg.example"),
        ),
        by_appointment=True,
        phone_counselling=True,
        online_counselling=True,
        min_age=12,
        max_age=27,
        reviewed_days_ago=15,
    ),
    Listing(
        org="diakonie",
        slug="hausaufgabenhilfe",
        title="Hausaufgabenhilfe im Kannenstieg",
        summary=(
            "Ehrenamtliche helfen Schulkindern von der 1. bis zur 10. Klasse bei den "
            "Hausaufgaben. Ohne Anmeldung, mit Obst und Tee."
        ),
        description=(
            "<p>Nach der Schule kommen die Kinder in den Jugendtreff und machen ihre "
            "Hausaufgaben. Ehrenamtliche und Studierende helfen bei Mathe, Deutsch und "
            "Englisch.</p>"
            "<p>Eltern sind willkommen und können Fragen zur Schule stellen.</p>"
        ),
        action_fields=("schule-bildung", "jugend-soziales"),
        target_groups=("kinder-familien", "jugendliche"),
        keywords=("Hausaufgaben", "Nachhilfe", "Schule"),
        languages=(("de", ""), ("ar", ""), ("ru", "")),
        places=("diakonie-kannenstieg",),
        hours=(
            (MO, "14:00", "16:30"),
            (TU, "14:00", "16:30"),
            (WE, "14:00", "16:30"),
            (TH, "14:00", "16:30"),
        ),
        contacts=(
            (
                "Greta Schulze",
                "Koordination",
                "0391 2345633",
                "hausaufgaben@diakonie-magdeburg.example",
            ),
        ),
        closures=(Closure(12, 33, "Schulferien: Die Hausaufgabenhilfe macht Pause."),),
        min_age=6,
        max_age=16,
        reviewed_days_ago=410,
    ),
    Listing(
        org="diakonie",
        slug="schulstart-paten",
        title="Schulstart-Paten",
        summary=(
            "Ehrenamtliche Patinnen und Paten begleiten neu zugewanderte Familien durch "
            "das erste Schuljahr ihrer Kinder."
        ),
        description=(
            "<p>Was steht im Elternbrief? Was gehört in den Ranzen? Wie läuft ein "
            "Elternabend? Die Schulstart-Paten erklären, begleiten zu Gesprächen und sind "
            "ein Jahr lang Ansprechpartner für die Familie.</p>"
            "<p>Wir suchen weitere Ehrenamtliche. Eine Schulung gibt es vorher.</p>"
        ),
        action_fields=("schule-bildung", "jugend-soziales"),
        target_groups=("kinder-familien", "ehrenamtliche"),
        keywords=("Patenschaft", "Einschulung", "Ehrenamt"),
        languages=(("de", ""), ("ar", ""), ("uk", "")),
        places=("diakonie-stadtfeld",),
        hours=((WE, "15:00", "18:00"),),
        contacts=(
            ("Greta Schulze", "Koordination", "0391 2345633", "paten@diakonie-magdeburg.example"),
        ),
        by_appointment=True,
        project=Project(-14, 10, "Europäischer Sozialfonds Plus"),
        reviewed_days_ago=95,
    ),
    Listing(
        org="jobcenter",
        slug="beratung-buergergeld",
        title="Beratung zu Bürgergeld und Arbeit",
        summary=(
            "Das Team Migration im Jobcenter berät zu Bürgergeld, Arbeitssuche, "
            "Deutschkursen und Weiterbildung. Bitte vorher einen Termin machen."
        ),
        description=(
            "<p>Wenn Sie Bürgergeld bekommen oder beantragen möchten, ist das Team "
            "Migration für Sie da. Wir helfen beim Antrag, erklären Bescheide und planen mit "
            "Ihnen den Weg in Arbeit.</p>"
            "<p>Für viele Sprachen kann das Jobcenter eine Dolmetscherin oder einen "
            "Dolmetscher bestellen. Sagen Sie bei der Terminvergabe Bescheid.</p>"
        ),
        action_fields=("arbeit-ausbildung", "oeffnung-regelangebote"),
        target_groups=("erwachsene", "gefluechtete", "ukraine"),
        keywords=("Bürgergeld", "Arbeit", "Antrag", "Jobsuche"),
        languages=(
            ("de", ""),
            ("en", ""),
            ("ar", ""),
            ("uk", "Ukrainisch und Russisch mit Dolmetscherin nach Termin"),
            ("ru", ""),
        ),
        places=("jobcenter",),
        hours=(
            (MO, "08:00", "12:00"),
            (TU, "08:00", "12:00"),
            (TH, "08:00", "18:00"),
            (FR, "08:00", "12:00"),
        ),
        contacts=(
            (
                "Team Migration",
                "Terminvergabe",
                "0391 2345661",
                "migration@jobcenter-magdeburg.example",
            ),
        ),
        appointment_required=True,
        phone_counselling=True,
        interpreters_on_request=True,
        residence_status="recognised",
        eligibility_notes="Für Menschen, die Bürgergeld beziehen oder beantragen.",
        reviewed_days_ago=70,
    ),
    Listing(
        org="jobcenter",
        slug="ausbildung-junge-zugewanderte",
        title="Ausbildungsberatung für junge Zugewanderte",
        summary=(
            "Welche Ausbildung passt zu mir? Beratung, Praktika und Hilfe bei der "
            "Bewerbung für junge Menschen von 15 bis 25 Jahren."
        ),
        description=(
            "<p>In der Jugendberufsagentur arbeiten Jobcenter, Arbeitsagentur und Jugendamt "
            "zusammen. Wir finden mit Ihnen einen Praktikumsplatz, üben Bewerbungsgespräche "
            "und suchen eine passende Ausbildung.</p>"
            "<p>Auch wenn Ihr Schulabschluss aus dem Ausland noch nicht anerkannt ist: "
            "Kommen Sie vorbei.</p>"
        ),
        action_fields=("arbeit-ausbildung", "jugend-soziales", "schule-bildung"),
        target_groups=("jugendliche",),
        keywords=("Ausbildung", "Praktikum", "Berufsorientierung", "Bewerbung"),
        languages=(("de", ""), ("en", ""), ("ar", "")),
        places=("jobcenter",),
        hours=((TU, "13:00", "17:00"), (TH, "13:00", "17:00")),
        contacts=(
            (
                "Kevin Lorenz",
                "Berufsberater",
                "0391 2345662",
                "ausbildung@jobcenter-magdeburg.example",
            ),
        ),
        by_appointment=True,
        min_age=15,
        max_age=25,
        reviewed_days_ago=150,
    ),
    Listing(
        org="jobcenter",
        slug="job-start-magdeburg",
        title="Job-Start Magdeburg: Arbeit und Deutsch zusammen",
        summary=(
            "Arbeiten und gleichzeitig Deutsch lernen: Das Projekt vermittelt Geflüchtete "
            "in Betriebe und begleitet die ersten Monate im Job."
        ),
        description=(
            "<p>Job-Start bringt Geflüchtete und Betriebe zusammen. Coaches helfen bei der "
            "Suche, beim Vertrag und in den ersten Monaten. Den Deutschkurs gibt es "
            "berufsbegleitend am Abend.</p>"
            "<p>Betriebe, die Mitarbeitende suchen, können sich ebenfalls melden.</p>"
        ),
        action_fields=("arbeit-ausbildung", "sprache"),
        target_groups=("gefluechtete", "ukraine"),
        keywords=("Job", "Arbeit", "Coaching", "Deutschkurs"),
        languages=(("de", ""), ("en", ""), ("uk", ""), ("ar", "")),
        places=("jobcenter",),
        hours=((WE, "09:00", "15:00"),),
        contacts=(
            (
                "Olena Marchenko",
                "Job-Coach",
                "0391 2345663",
                "jobstart@jobcenter-magdeburg.example",
            ),
        ),
        appointment_required=True,
        project=Project(-5, 19, "Europäischer Sozialfonds Plus"),
        reviewed_days_ago=25,
    ),
    Listing(
        org="beratungszentrum-anerkennung",
        slug="anerkennungsberatung",
        title="Anerkennungsberatung",
        summary=(
            "Sie haben einen Beruf oder ein Studium im Ausland abgeschlossen? Wir sagen "
            "Ihnen, welche Stelle Ihren Abschluss anerkennt und was Sie dafür brauchen."
        ),
        description=(
            "<p>Ein anerkannter Abschluss öffnet den Weg in Ihren Beruf. Wir prüfen mit "
            "Ihnen, ob eine Anerkennung nötig ist, welche Stelle zuständig ist und welche "
            "Unterlagen Sie brauchen.</p>"
            "<p>Wir helfen beim Antrag, bei Übersetzungen und bei den Kosten. Wenn nur "
            "Teile anerkannt werden, suchen wir eine passende Anpassungsqualifizierung.</p>"
            "<p>Die Beratung gibt es vor Ort, am Telefon und per Video.</p>"
        ),
        action_fields=("arbeit-ausbildung",),
        target_groups=("fachkraefte-auslaendischer-abschluss", "eu-buerger"),
        keywords=("Anerkennung", "Abschluss", "Zeugnis", "Berufsanerkennung"),
        languages=(
            ("de", ""),
            ("en", ""),
            ("ar", ""),
            ("ru", ""),
            ("es", "Spanisch nach Vereinbarung"),
        ),
        places=("anerkennung",),
        hours=((MO, "09:00", "15:00"), (WE, "09:00", "15:00"), (TH, "12:00", "18:00")),
        contacts=(
            (
                "Dr. Karim Mansour",
                "Berater",
                "0391 2345701",
                "beratung@anerkennung-magdeburg.example",
            ),
            (
                "Natalia Popescu",
                "Beraterin",
                "0391 2345702",
                "beratung@anerkennung-magdeburg.example",
            ),
        ),
        appointment_required=True,
        phone_counselling=True,
        online_counselling=True,
        reviewed_days_ago=10,
    ),
    Listing(
        org="beratungszentrum-anerkennung",
        slug="brueckenkurs-pflege",
        title="Brückenkurs Pflege: Anpassungsqualifizierung",
        summary=(
            "Für Pflegekräfte mit ausländischem Abschluss: Theorie, Praxis im Krankenhaus "
            "und Fachsprache bis zur vollen Anerkennung."
        ),
        description=(
            "<p>Wenn Ihr Pflegeabschluss nur teilweise anerkannt ist, schließt der "
            "Brückenkurs die Lücke. Sie lernen im Kurs und arbeiten im Praxiseinsatz in "
            "Magdeburger Kliniken und Pflegeheimen.</p>"
            "<p>Am Ende steht die Kenntnisprüfung oder die Anerkennung ohne Prüfung.</p>"
        ),
        action_fields=("arbeit-ausbildung", "sprache"),
        target_groups=("fachkraefte-auslaendischer-abschluss",),
        keywords=("Pflege", "Anerkennung", "Kenntnisprüfung"),
        languages=(("de", ""), ("en", "")),
        places=("anerkennung",),
        hours=((TU, "08:00", "15:30"), (TH, "08:00", "15:30")),
        contacts=(
            (
                "Natalia Popescu",
                "Projektleitung",
                "0391 2345702",
                "pflege@anerkennung-magdeburg.example",
            ),
        ),
        project=Project(
            -20, 4, "Europäischer Sozialfonds Plus und Bundesministerium für Arbeit und Soziales"
        ),
        reviewed_days_ago=300,
    ),
    Listing(
        org="jugendkulturverein-kompass",
        slug="nachtcafe",
        title="Nachtcafé im Kompass",
        summary=(
            "Freitag und Samstag bis 1 Uhr nachts: Musik, Tischkicker, Gespräche und "
            "alkoholfreie Getränke für Jugendliche ab 14 Jahren."
        ),
        description=(
            "<p>Am Wochenende ist das Kompass bis nach Mitternacht offen. Junge Leute aus "
            "ganz Magdeburg treffen sich hier, hören Musik, spielen und reden – ohne "
            "Alkohol, ohne Eintritt.</p>"
            "<p>Das Team ist ansprechbar, wenn es Stress zu Hause, in der Schule oder mit "
            "der Polizei gibt. Mittwochs gibt es Bandprobe und Tonstudio.</p>"
        ),
        action_fields=("jugend-soziales", "kultur-religion"),
        target_groups=("jugendliche",),
        keywords=("Jugendtreff", "Freizeit", "Musik", "Nachtcafé"),
        languages=(("de", ""), ("ar", ""), ("kmr", ""), ("en", "")),
        places=("kompass",),
        hours=(
            (WE, "16:00", "21:00", "Bandprobe und Tonstudio"),
            (FR, "20:00", "01:00"),
            (SA, "20:00", "01:00"),
        ),
        contacts=(
            (
                "Deniz Aydın",
                "Jugendarbeiter",
                "0391 2345741",
                "nachtcafe@kompass-magdeburg.example",
            ),
        ),
        min_age=14,
        max_age=21,
        reviewed_days_ago=35,
    ),
    Listing(
        org="kulturverein-mriya",
        slug="samstagsschule",
        title="Ukrainische Samstagsschule",
        summary=(
            "Jeden Samstag lernen Kinder von 6 bis 14 Jahren Ukrainisch, Geschichte und "
            "Kultur – und machen gemeinsam Hausaufgaben für die deutsche Schule."
        ),
        description=(
            "<p>Die Samstagsschule hilft Kindern aus der Ukraine, ihre Muttersprache zu "
            "behalten und in der deutschen Schule gut mitzukommen.</p>"
            "<p>Während der Schule treffen sich die Eltern zum Austausch; eine "
            "Ehrenamtliche beantwortet Fragen zu Kita und Schule in Magdeburg.</p>"
        ),
        action_fields=("schule-bildung", "kultur-religion"),
        target_groups=("kinder-familien", "ukraine"),
        keywords=("Muttersprache", "Schule", "Ukraine"),
        languages=(("uk", ""), ("ru", ""), ("de", "")),
        places=("mriya",),
        hours=((SA, "10:00", "13:00"),),
        contacts=(
            (
                "Iryna Kovalenko",
                "Leiterin der Samstagsschule",
                "0391 2345781",
                "schule@mriya-magdeburg.example",
            ),
        ),
        is_free=False,
        cost_details="10 € im Monat für Material; Geschwister zahlen die Hälfte.",
        min_age=6,
        max_age=14,
        reviewed_days_ago=80,
    ),
]
