/// Places, firms, public bodies and landmarks of the Netherlands and Belgium whose names look like a
/// person's (`Albert Heijn`, `De Lijn`, `Anne Frank Huis`, `Hotel De Wereld`, `Sint-Niklaas`): the name
/// detector never masks them. Compiled by hand for Spiegel from the municipalities, chains, transport
/// companies and public services a Dutch or Flemish front desk names most; compared in lower case, word
/// by word (a place of several words is matched as a whole). Languages and nationalities, and the authors
/// that customer-service texts cite, are here too: naming them is no one's personal data.
enum NotPeople {
    static let all: Set<String> = Set(list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        .filter { !$0.isEmpty })
    /// The longest entry in words: how far ahead the detector looks.
    static let longest = all.map { $0.split(separator: " ").count }.max() ?? 1
    /// Words that open the name of a place or an institution: what follows with capitals is not a person
    /// (`Hotel Duc de Bourgogne`, `Dienst Wonen`, `Stichting De Brug`, `Basisschool De Regenboog`).
    static let openers: Set<String> = [
        "hotel", "restaurant", "café", "cafe", "brasserie", "camping", "residentie", "residence", "stichting",
        "vereniging", "vzw", "zorgcentrum", "woonzorgcentrum", "wzc", "basisschool", "school", "kliniek", "ziekenhuis",
        "apotheek", "bakkerij", "garage", "dienst", "agentschap", "huize", "villa", "sporthal", "sportcentrum",
        "bibliotheek", "gemeente", "stad", "provincie", "universiteit", "hogeschool", "museum", "theater", "kerk",
        "moskee", "station", "hospital", "college", "lyceum", "gymnasium", "atheneum", "buurthuis", "wijkcentrum",
        "cultuurcentrum", "gemeenschapscentrum", "zwembad", "winkelcentrum", "hotelschool", "kinderopvang",
        "crèche", "creche", "bedrijf", "firma", "ploeg", "dienstverlening", "centrum", "kantoor", "bureau", "loket", "winkel", "school", "bv", "nv", "groep", "afdeling", "team", "project", "programma",
        "zaal", "kamer", "lokaal", "gebouw", "blok", "toren", "paviljoen", "vleugel", "wing", "building", "room",
        "hall", "unit", "ward", "department", "university", "hotels", "company", "society", "foundation",
    ]
    private static let compoundOpeners = openers.filter { $0.count >= 5 }

    /// An opener, or a compound that ends in one (`onderhoudsfirma`, `woonzorgcentrum`).
    static func isOpener(_ lower: String) -> Bool {
        openers.contains(lower) || (lower.count > 5 && compoundOpeners.contains { lower.count > $0.count && lower.hasSuffix($0) })
    }

    /// Languages and nationalities that are also given names (`Frans`): not a name after `het`, `in`, `spreekt`.
    static let languageNames: Set<String> = ["frans", "duits", "roman"]

    private static let list = """
    Albert Heijn
    Jumbo
    Lidl
    Aldi
    Colruyt
    Delhaize
    Carrefour
    Spar
    Plus
    Dirk van den Broek
    Hoogvliet
    Kruidvat
    Etos
    Action
    Hema
    Blokker
    Gamma
    Praxis
    Karwei
    Hornbach
    Brico
    Ikea
    Bol
    Coolblue
    MediaMarkt
    Zeeman
    Wibra
    Primark
    Zara
    Hunkemöller
    De Bijenkorf
    Vroom & Dreesmann
    McDonald's
    Burger King
    Starbucks
    Douwe Egberts
    Albert Schweitzer
    De Lijn
    NMBS
    SNCB
    NS
    GVB
    RET
    HTM
    Arriva
    Connexxion
    Qbuzz
    Keolis
    Flixbus
    Schiphol
    Zaventem
    PostNL
    Bpost
    KPN
    Vodafone
    Ziggo
    Odido
    Proximus
    Telenet
    Orange
    Base
    Eneco
    Vattenfall
    Essent
    Engie
    Luminus
    Fluvius
    Vitens
    Evides
    Waternet
    ING
    ABN AMRO
    Rabobank
    SNS
    ASN
    Triodos
    Belfius
    KBC
    BNP Paribas Fortis
    Argenta
    Bunq
    Knab
    Anne Frank Huis
    Anne Frankhuis
    Anne Frank House
    Anne Frank Museum
    Rijksmuseum
    Van Gogh Museum
    Stedelijk Museum
    Concertgebouw
    Ziggo Dome
    Johan Cruijff ArenA
    Johan Cruijff Arena
    De Kuip
    Philips Stadion
    Efteling
    Madurodam
    Artis
    Blijdorp
    Hotel De Wereld
    Hotel De Zwaan
    Hotel Van der Valk
    Van der Valk
    Fletcher
    Bastion
    Hilton
    Marriott
    Ibis
    Novotel
    Holiday Inn
    Radisson
    Erasmus MC
    Erasmus Universiteit
    Erasmus
    Radboud
    Radboudumc
    Amsterdam UMC
    UMC Utrecht
    Maastricht UMC
    Antonius
    Sint Antonius
    Sint Maartenskliniek
    Jeroen Bosch Ziekenhuis
    Isala
    Rijnstate
    Gelre
    Spaarne Gasthuis
    Onze Lieve Vrouwe Gasthuis
    OLVG
    UZ Leuven
    UZ Gent
    UZA
    ZNA
    AZ Sint-Jan
    AZ Groeninge
    GZA
    Jessa
    Sint-Jan
    Sint-Lucas
    Sint-Niklaas
    Sint-Truiden
    Sint-Pieters-Leeuw
    Sint-Genesius-Rode
    Sint-Katelijne-Waver
    Sint-Michiels
    Sint-Amandsberg
    Sint-Andries
    Sint-Gillis
    Sint-Joost-ten-Node
    Sint-Jans-Molenbeek
    Sint-Lambrechts-Woluwe
    Sint-Pieters-Woluwe
    Sint-Agatha-Berchem
    Sint-Martens-Latem
    Sint Maarten
    Sint Eustatius
    Sint Nicolaas
    Sint Jansteen
    Sint-Oedenrode
    Sint Anthonis
    Sint-Michielsgestel
    Sinterklaas
    Zwarte Piet
    Kerstman
    Den Haag
    Den Bosch
    Den Helder
    Den Burg
    Den Dolder
    Den Ham
    Den Hoorn
    Den Dungen
    De Bilt
    De Meern
    De Lier
    De Koog
    De Rijp
    De Wijk
    De Kwakel
    De Lutte
    De Steeg
    De Panne
    De Haan
    De Pinte
    De Klinge
    Ter Apel
    Ter Aar
    Ten Boer
    Bergen op Zoom
    Alphen aan den Rijn
    Capelle aan den IJssel
    Krimpen aan den IJssel
    Nieuwerkerk aan den IJssel
    Ouderkerk aan de Amstel
    Koog aan de Zaan
    Wijk aan Zee
    Egmond aan Zee
    Bergen aan Zee
    Katwijk aan Zee
    Noordwijk aan Zee
    Castricum aan Zee
    Hoek van Holland
    Nieuw Vennep
    Nieuw-Vennep
    Nieuwegein
    Nieuw-West
    Amsterdam
    Rotterdam
    Utrecht
    Eindhoven
    Groningen
    Tilburg
    Almere
    Breda
    Nijmegen
    Apeldoorn
    Haarlem
    Arnhem
    Enschede
    Amersfoort
    Zaandam
    Zaanstad
    Haarlemmermeer
    Zwolle
    Zoetermeer
    Leiden
    Maastricht
    Dordrecht
    Ede
    Emmen
    Westland
    Venlo
    Delft
    Deventer
    Leeuwarden
    Alkmaar
    Helmond
    Heerlen
    Hilversum
    Oss
    Hengelo
    Purmerend
    Roosendaal
    Schiedam
    Lelystad
    Gouda
    Vlaardingen
    Hoorn
    Assen
    Kampen
    Middelburg
    Vlissingen
    Goes
    Terneuzen
    Zutphen
    Doetinchem
    Harderwijk
    Veenendaal
    Wageningen
    Tiel
    Culemborg
    Gorinchem
    Spijkenisse
    Hoofddorp
    Amstelveen
    Diemen
    Zeist
    Houten
    Woerden
    Weert
    Roermond
    Sittard
    Geleen
    Kerkrade
    Brunssum
    Valkenburg
    Texel
    Vlieland
    Terschelling
    Ameland
    Schiermonnikoog
    Veluwe
    Drenthe
    Friesland
    Fryslân
    Gelderland
    Overijssel
    Flevoland
    Zeeland
    Limburg
    Brabant
    Noord-Brabant
    Noord-Holland
    Zuid-Holland
    Holland
    Nederland
    België
    Belgium
    Vlaanderen
    Wallonië
    Brussel
    Bruxelles
    Brussels
    Antwerpen
    Antwerp
    Gent
    Ghent
    Brugge
    Bruges
    Leuven
    Mechelen
    Aalst
    Kortrijk
    Hasselt
    Genk
    Oostende
    Ostend
    Roeselare
    Turnhout
    Lier
    Dendermonde
    Beveren
    Lokeren
    Geel
    Mol
    Herentals
    Vilvoorde
    Halle
    Asse
    Ninove
    Zottegem
    Oudenaarde
    Ronse
    Waregem
    Tielt
    Ieper
    Poperinge
    Diksmuide
    Veurne
    Knokke
    Knokke-Heist
    Blankenberge
    Tienen
    Aarschot
    Diest
    Tongeren
    Bilzen
    Maaseik
    Lommel
    Beringen
    Heusden-Zolder
    Schoten
    Brasschaat
    Kapellen
    Mortsel
    Edegem
    Kontich
    Boom
    Wilrijk
    Berchem
    Borgerhout
    Deurne
    Merksem
    Hoboken
    Ekeren
    Schaerbeek
    Schaarbeek
    Anderlecht
    Molenbeek
    Elsene
    Ixelles
    Ukkel
    Uccle
    Etterbeek
    Vorst
    Jette
    Evere
    Luik
    Liège
    Namen
    Namur
    Bergen
    Mons
    Charleroi
    Doornik
    Tournai
    Waver
    Wavre
    Nijvel
    Nivelles
    Aarlen
    Arlon
    Eupen
    Lille
    Parijs
    Paris
    Londen
    London
    Keulen
    Aken
    Düsseldorf
    Berlijn
    Marokko
    Turkije
    Suriname
    Curaçao
    Aruba
    Bonaire
    Polen
    Syrië
    Indonesië
    Gemeente
    OCMW
    CPAS
    OCMW Gent
    OCMW Antwerpen
    VDAB
    Actiris
    Forem
    RVA
    RIZIV
    CM
    Mutualiteit
    Partena
    Helan
    Kind en Gezin
    Opgroeien
    Wonen in Vlaanderen
    Woonhaven
    Woonpunt
    Ymere
    Eigen Haard
    Stadgenoot
    De Key
    Rochdale
    Vestia
    Havensteder
    Woonstad Rotterdam
    Portaal
    Mitros
    Bo-Ex
    Woonbron
    Staedion
    Haag Wonen
    Vidomes
    Woonzorg Nederland
    Humanitas
    Leger des Heils
    Rode Kruis
    Voedselbank
    Schuldhulpmaatjes
    Vluchtelingenwerk
    UWV
    SVB
    DUO
    CJIB
    CAK
    GGD
    GGZ
    IND
    COA
    Belastingdienst
    Toeslagen
    Rijkswaterstaat
    Kadaster
    KvK
    Kamer van Koophandel
    RDW
    CBR
    ANWB
    Politie
    Marechaussee
    Brandweer
    Veiligheidsregio
    Thuiszorg
    Buurtzorg
    Zilveren Kruis
    Menzis
    CZ
    VGZ
    Achmea
    Interpolis
    Centraal Beheer
    Ohra
    Nationale-Nederlanden
    Aegon
    Ethias
    AG Insurance
    Nationale Ombudsman
    Ombudsman
    Tweede Kamer
    Eerste Kamer
    Binnenhof
    Koning Willem-Alexander
    Willem-Alexander
    Koningin Máxima
    Máxima
    Koning Filip
    Koningsdag
    Moederdag
    Vaderdag
    Pasen
    Pinksteren
    Kerstmis
    Oud en Nieuw
    Ramadan
    Suikerfeest
    Offerfeest
    Keti Koti
    Carnaval
    Google
    Microsoft
    Outlook
    Gmail
    WhatsApp
    Facebook
    Instagram
    Teams
    Zoom
    Excel
    Word
    Windows
    Apple
    iPhone
    Samsung
    DigiD
    MijnOverheid
    Itsme
    Spiegel
    Microsoft Teams
    Veilig Thuis
    Juridisch Loket
    Het Juridisch Loket
    Sociaal Loket
    Zorgloket
    Wmo-loket
    Buckingham Palace
    Hulst
    Sluis
    Terneuzen
    Oostburg
    Axel
    Google Maps
    Brits
    Britse
    Engelse
    Franse
    Duitse
    Poolse
    Turkse
    Marokkaanse
    Belgische
    Nederlandse
    Vlaamse
    Spaanse
    Italiaanse
    Portugese
    Amerikaanse
    Syrische
    Oekraïense
    Japanse
    Russische
    Roemeense
    Bulgaarse
    Surinaamse
    Antilliaanse
    Eritrese
    Somalische
    Afghaanse
    Indiase
    Ghanese
    Nigeriaanse
    Engels
    English
    French
    British
    Duits
    German
    Spaans
    Spanish
    Pools
    Polish
    Turks
    Turkish
    Arabisch
    Arabic
    Marokkaans
    Moroccan
    Nederlands
    Dutch
    Vlaams
    Flemish
    Italiaans
    Italian
    Portugees
    Portuguese
    Russisch
    Russian
    Chinees
    Chinese
    Amerikaans
    American
    Belgisch
    Belgian
    Oekraïens
    Ukrainian
    Syrisch
    Syrian
    Somalisch
    Somali
    Eritrees
    Eritrean
    Tigrinya
    Koerdisch
    Kurdish
    Berbers
    Tamazight
    Roemeens
    Romanian
    Bulgaars
    Bulgarian
    Surinaams
    Surinamese
    Antilliaans
    Papiaments
    Fries
    Frisian
    Europees
    European
    Afrikaans
    African
    Aziatisch
    Asian
    Hans van Dalen
    Van Dalen
    Philip Van Kelst
    Van Kelst
    Jos Burgers
    Irma Flore
    Flore
    Experience Game
    Merlien Welzijn
    Danny Meyer
    Shep Hyken
    Jan Carlzon
    Will Guidara
    Ron Kaufman
    Ken Blanchard
    Marshall Rosenberg
    Maya Angelou
    Daniel Ofman
    Ofman
    Tony Hsieh
    Horst Schulze
    Simon Sinek
    Brené Brown
    Stephen Covey
    Fred Reichheld
    Frederick Reichheld
    Jeanne Bliss
    Chip Bell
    Joseph Pine
    James Gilmore
    Daniel Kahneman
    Fred Lee
    Isadore Sharp
    Dale Carnegie
    Peter Drucker
    Theodore Levitt
    Leonard Berry
    Valarie Zeithaml
    Thomas Gordon
    Carl Rogers
    Steve de Shazer
    Insoo Kim Berg
    """
}
