import Foundation
import SpiegelCore

/// What a recall figure is about: a kind of personal data, with names split by how they are written.
enum RecallCategory: String, CaseIterable, Sendable {
    case phone, email, iban, bsn, postcode, address, dateOfBirth = "date of birth", plate
    case nameAfterTitle = "name after a title"
    case initialsAndSurname = "initials + surname"
    case firstAndLastName = "first + last name"
    case particleSurname = "surname opening with a particle"
    /// First and last names both chosen without looking at the shipped lists or their supplements.
    case heldOutName = "first + last name, held out"
    case wordListName = "word-list name"

    var label: String {
        switch self {
        case .phone: "[phone]"
        case .email: "[email]"
        case .iban: "[iban]"
        case .bsn: "[bsn]"
        case .postcode: "[postcode]"
        case .address: "[address]"
        case .dateOfBirth: "[date of birth]"
        case .plate: "[plate]"
        default: "[name]"
        }
    }

    /// The share of samples that must be masked completely, from the issue.
    var goal: Double {
        switch self {
        case .nameAfterTitle, .initialsAndSurname: 0.95
        case .firstAndLastName, .particleSurname: 0.90
        case .heldOutName: 0.70
        case .wordListName: 0.99
        default: 1.0
        }
    }
}

/// One sentence holding one piece of personal data.
struct RedactionSample {
    var category: RecallCategory
    var text: String
    /// The letters-and-digits runs that must not survive (whole tokens, any case).
    var secrets: [String]
    /// The word list the sample is redacted with (word-list names only).
    var words: [String] = []
}

/// Generates realistic Dutch and English sentences with personal data in many spellings, from a seed.
struct RedactionCorpus {
    private var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func samples(perCategory count: Int) -> [RedactionSample] {
        RecallCategory.allCases.flatMap { category in (0..<count).map { _ in sample(category) } }
    }

    mutating func sample(_ category: RecallCategory) -> RedactionSample {
        switch category {
        case .phone: return embed(category, phone(), Self.phoneTemplates)
        case .email: return embed(category, email(), Self.emailTemplates)
        case .iban: return embed(category, iban(), Self.ibanTemplates)
        case .bsn: return embed(category, bsn(), Self.bsnTemplates)
        case .postcode: return embed(category, postcode(), Self.postcodeTemplates)
        case .address: return embed(category, address(), Self.addressTemplates)
        case .dateOfBirth: return embed(category, dateOfBirth(), Self.birthTemplates)
        case .plate: return embed(category, plate(), Self.plateTemplates)
        case .nameAfterTitle: return nameAfterTitle()
        case .initialsAndSurname: return embed(category, initials() + " " + pick(Self.surnames), Self.nameTemplates)
        case .firstAndLastName: return embed(category, pick(Self.firstNames) + " " + pick(Self.surnames), Self.nameTemplates)
        case .particleSurname: return embed(category, pick(Self.particleSurnames), Self.innerNameTemplates)
        case .heldOutName:
            return embed(category, pick(Self.heldOutFirstNames) + " " + pick(Self.heldOutSurnames), Self.nameTemplates)
        case .wordListName: return wordListName()
        }
    }

    // MARK: Values

    mutating func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(int(10))) }) }

    mutating func phone() -> String {
        let mobile = digits(8), area = pick(["20", "10", "30", "70", "40", "50", "13", "24"]), local = digits(7)
        let (a, b, c, d) = (mobile.prefix(2), mobile.dropFirst(2).prefix(2), mobile.dropFirst(4).prefix(2), mobile.suffix(2))
        let us = "\(int(8) + 2)\(digits(2))", usLocal = digits(7)
        let forms = [
            "06-\(mobile)", "06 \(mobile)", "06–\(mobile)", "06 - \(a) \(b) \(c) \(d)", "06 \(mobile.prefix(4)) \(mobile.suffix(4))",
            "+31 6 \(mobile)", "+31 (0)6 \(mobile.prefix(4)) \(mobile.suffix(4))", "+316\(mobile)", "0031 6 \(mobile)",
            "(06) \(mobile)", "06.\(mobile)", "0\(area) - \(local.prefix(3)) \(local.dropFirst(3).prefix(2)) \(local.suffix(2))",
            "(0\(area)) \(local.prefix(3)) \(local.suffix(4))", "0\(area)-\(local)",
            "0\(area) \(local.prefix(3)) \(local.dropFirst(3).prefix(2)) \(local.suffix(2))",
            "0\(area)–\(local)", "+31 \(area) \(local.prefix(3)) \(local.suffix(4))", "+31(0)\(area)-\(local)",
            "+44 20 \(digits(4)) \(digits(4))", "020 \(digits(4)) \(digits(4))", "07700 \(digits(6))", "+44 7700 \(digits(6))",
            "(\(us)) \(usLocal.prefix(3))-\(usLocal.suffix(4))", "\(us)-\(usLocal.prefix(3))-\(usLocal.suffix(4))",
            "\(us).\(usLocal.prefix(3)).\(usLocal.suffix(4))", "+1 \(us) \(usLocal.prefix(3)) \(usLocal.suffix(4))",
            "+1 (\(us)) \(usLocal.prefix(3))-\(usLocal.suffix(4))", "0800-\(digits(4))", "0900 \(digits(7))",
        ]
        return pick(forms)
    }

    mutating func email() -> String {
        let user = pick(["jan", "s.bakker", "pieter.devries", "info", "m_ozdemir", "f.elamrani", "anna-lisa", "k.jansen84", "ravi.ramdin"])
        let domain = pick(["example", "gemeente-utrecht", "outlook", "ziggo", "kpnmail", "woonstad", "hotmail"])
        let top = pick(["nl", "com", "be", "org", "co.uk", "net"])
        let dotted = top.replacingOccurrences(of: ".", with: " dot ")
        let forms = [
            "\(user)@\(domain).\(top)", "\(user.uppercased())@\(domain.uppercased()).\(top.uppercased())",
            "\(user) at \(domain) dot \(dotted)", "\(user) [at] \(domain) [dot] \(top)", "\(user)(at)\(domain)(dot)\(top)",
            "\(user) apenstaartje \(domain) punt \(top.replacingOccurrences(of: ".", with: " punt "))",
            "\(user) at \(domain).\(top)", "\(user) AT \(domain) DOT \(dotted.uppercased())", "\(user) @ \(domain).\(top)",
            "\(user) {at} \(domain) {dot} \(top)",
        ]
        return pick(forms)
    }

    mutating func iban() -> String {
        let country = pick(["NL", "NL", "NL", "BE", "DE", "GB"])
        let body: String
        switch country {
        case "NL": body = pick(["ABNA", "RABO", "INGB", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"]) + digits(10)
        case "BE": body = digits(12)
        case "DE": body = digits(18)
        default: body = pick(["NWBK", "BARC", "HBUK", "LOYD"]) + digits(14)
        }
        let check = 98 - Self.mod97(body + country + "00")
        let iban = country + String(format: "%02d", check) + body
        let groups = stride(from: 0, to: iban.count, by: 4).map { start in
            String(iban.dropFirst(start).prefix(4))
        }
        let forms = [
            iban, groups.joined(separator: " "), groups.joined(separator: "-"), iban.lowercased(),
            groups.joined(separator: " ").lowercased(), groups.joined(separator: "-").lowercased(),
            String(iban.prefix(2)).lowercased() + iban.dropFirst(2),
        ]
        return pick(forms)
    }

    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            let value = character.isNumber ? character.wholeNumberValue! : Int(character.asciiValue!) - 55
            for digit in String(value) { remainder = (remainder * 10 + digit.wholeNumberValue!) % 97 }
        }
        return remainder
    }

    mutating func bsn() -> String {
        while true {
            let number = digits(9)
            let values = number.compactMap(\.wholeNumberValue)
            let sum = (0..<8).reduce(0) { $0 + values[$1] * (9 - $1) } - values[8]
            guard sum % 11 == 0, number.first != "0" || int(2) == 0 else { continue }
            return pick([
                number, "\(number.prefix(3)) \(number.dropFirst(3).prefix(3)) \(number.suffix(3))",
                "\(number.prefix(3)).\(number.dropFirst(3).prefix(3)).\(number.suffix(3))",
                "\(number.prefix(4)).\(number.dropFirst(4).prefix(2)).\(number.suffix(3))",
                "\(number.prefix(3))-\(number.dropFirst(3).prefix(3))-\(number.suffix(3))",
            ])
        }
    }

    mutating func postcode() -> String {
        var letters = ""
        repeat {
            letters = String((0..<2).map { _ in Character(UnicodeScalar(65 + int(26))!) })
        } while ["SA", "SD", "SS"].contains(letters)
        let number = "\(int(9) + 1)\(digits(3))"
        return pick(["\(number) \(letters)", "\(number)\(letters)", "\(number)\(letters.lowercased())"])
    }

    mutating func address() -> String {
        let number = "\(int(300) + 1)"
        let addition = pick(["", "", "a", "A", "-II", " hs", " bis", "-1", " b", "B", "-3"])
        if int(3) == 0 {
            let street = pick(["Downing", "Baker", "Elm", "High", "Church", "Victoria", "Station", "Mill", "Oak Tree"])
            let word = pick(["Street", "Road", "Lane", "Avenue", "Drive", "Close", "Way", "Place", "Crescent", "St.", "Rd"])
            return pick(["\(number) \(street) \(word)", "\(number)B \(street) \(word)", "Flat 2, \(number) \(street) \(word)",
                         "\(street) \(word) \(number)"])
        }
        let stem = pick(["Keizers", "Dorps", "Kerk", "Molen", "School", "Stations", "Hoofd", "Juliana", "Prinsen", "Heeren",
                         "Beuk", "Eiken", "Wilhelmina", "Nieuwe", "Oude", "Lange"])
        let word = pick(["straat", "laan", "weg", "gracht", "kade", "plein", "dreef", "singel", "dijk", "hof", "pad", "steeg"])
        let forms = [
            stem + word, stem + word, "Burgemeester de Vlugt" + word, "Van Baerle" + word, "Laan van Meerdervoort",
            "Oude " + word.capitalized, "Prins Hendrik" + word, "Sint Jans" + word,
        ]
        return pick(forms) + " " + number + addition
    }

    mutating func dateOfBirth() -> (trigger: String, date: String) {
        let day = int(28) + 1, month = int(12) + 1, year = 1930 + int(75)
        let dutch = Self.dutchMonths[month - 1], english = Self.englishMonths[month - 1]
        let suffix = [1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"][day] ?? "th"
        let date = pick([
            String(format: "%02d-%02d-%d", day, month, year), "\(day)-\(month)-\(year)", String(format: "%02d/%02d/%d", day, month, year),
            "\(day).\(month).\(year)", String(format: "%d-%02d-%02d", year, month, day), "\(day) \(dutch) \(year)",
            "\(day) \(Self.dutchAbbreviations[month - 1]). \(year)", "\(day) \(english.prefix(3)) \(year)", "\(day) \(english) \(year)",
            "\(english) \(day), \(year)", "the \(day)\(suffix) of \(english) \(year)", "\(day)\(suffix) \(english) \(year)",
            "\(day)-\(month)-'\(year % 100 < 10 ? "0" : "")\(year % 100)", "\(day) \(dutch)",
        ])
        return (pick(["geboren", "geboren op", "geb.", "Geboortedatum:", "born", "born on", "DOB", "DOB:", "date of birth"]), date)
    }

    mutating func plate() -> String {
        let codes = ["LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
                     "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"]
        let consonants = Array("BDFGHJKLNPRSTVXZ")
        let plate = String(pick(codes).map { symbol -> Character in
            switch symbol {
            case "L": return consonants[int(consonants.count)]
            case "D": return Character(String(int(10)))
            default: return "-"
            }
        })
        return int(4) == 0 ? plate.lowercased() : plate
    }

    mutating func initials() -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTW")
        return (0..<(int(3) + 1)).map { _ in "\(letters[int(letters.count)])." }.joined()
    }

    mutating func nameAfterTitle() -> RedactionSample {
        let surname = pick(Self.surnames)
        let title = pick(["mevrouw", "meneer", "mw.", "dhr.", "de heer", "juffrouw", "mevr.", "Mr", "Mr.", "Mrs", "Ms",
                          "Dr", "dr.", "Miss", "mr.", "Mevrouw", "Meneer"])
        let name = pick([surname, surname, initials() + " " + surname, pick(Self.firstNames) + " " + surname])
        let template = title.first!.isUppercase && int(2) == 0
            ? pick(["{v} belde vanochtend terug.", "{v} called back this morning."])
            : pick(Self.nameTemplates)
        return sample(.nameAfterTitle, template.replacingOccurrences(of: "{v}", with: title + " " + name), name)
    }

    mutating func wordListName() -> RedactionSample {
        let listed = [pick(Self.firstNames) + " " + pick(Self.surnames), pick(Self.surnames), "Groenewoud", "Anne-Marie Peeters",
                      "Özdemir", "van der Zee", "Wijnaldum"]
        let name = pick(listed)
        let parts = name.split(separator: " ").map(String.init)
        let meaningful = parts.filter { !["van", "de", "der", "den", "ter", "el", "ben"].contains($0.lowercased()) }
        let surname = parts.count > 1 && parts[0].first!.isUppercase && !parts[1].first!.isUppercase
            ? parts.dropFirst().joined(separator: " ") : parts.last!
        let form = pick([
            name, name.lowercased(), name.uppercased(), name.replacingOccurrences(of: " ", with: "   "), meaningful.first!,
            meaningful.last!, surname, meaningful.last! + "s", meaningful.last! + "'s", meaningful.last! + "’s",
            name.decomposedStringWithCanonicalMapping,
        ])
        var list = ["# klanten", "", pick([name, name.decomposedStringWithCanonicalMapping, "  " + name + "  ", name.uppercased()])]
        if int(2) == 0 { list[0] = "\u{FEFF}" + name; list.remove(at: 2) }
        var sample = sample(.wordListName, pick(Self.wordListTemplates).replacingOccurrences(of: "{v}", with: form), form)
        sample.words = list
        return sample
    }

    // MARK: Templates

    static let phoneTemplates = [
        "Bel haar terug op {v} voor vrijdag.", "Hij gaf zijn nummer: {v}.", "Mobiel: {v}", "Call him on {v} before Friday.",
        "Her number is {v}, best after five.", "({v}) is het nummer van de receptie.", "Ze belde vanaf {v}",
    ]
    static let emailTemplates = [
        "Mail naar {v} met de offerte.", "Zijn adres is {v}.", "Send the summary to {v} tomorrow.", "E-mail: {v}",
        "Ze schreef vanaf {v} dat het goed ging.", "contact via {v}, graag",
    ]
    static let ibanTemplates = [
        "Het geld moet naar {v} worden overgemaakt.", "Rekening {v} t.n.v. de klant.", "Please refund to {v}.",
        "IBAN: {v}", "Ze gaf haar rekeningnummer ({v}) door.", "Transfer it to account {v} today.",
    ]
    static let bsnTemplates = [
        "Haar BSN is {v}.", "burgerservicenummer {v} staat in het dossier", "His BSN {v} was on the form.",
        "BSN: {v}", "Ze noemde aan de balie haar sofinummer {v}.", "Citizen service number {v}, checked.",
    ]
    static let postcodeTemplates = [
        "Ze woont in {v} Amsterdam.", "Postcode {v}, naast de bakker.", "The office is at {v} Utrecht.",
        "Verhuisd naar {v} Den Haag.", "postcode: {v}",
    ]
    static let addressTemplates = [
        "Ik ben langs geweest op {v} om de sleutel te brengen.", "Het adres is {v}, bovenste bel.",
        "She lives at {v} with her sister.", "Afspraak bij de klant thuis: {v}.", "Delivered to {v} yesterday.",
        "Hij woont aan de {v} in Utrecht.",
    ]
    static let birthTemplates = [
        "Mevrouw is {t} {v} en woont alleen.", "De klant ({t} {v}) wil een gesprek.", "The client, {t} {v}, asked for help.",
        "{t} {v}, weduwe.", "Mr Smith was {t} {v} and still works.",
    ]
    static let plateTemplates = [
        "Zijn auto ({v}) stond weer voor de deur.", "Kenteken {v} staat op de parkeerlijst.", "The van with plate {v} was towed.",
        "Ze rijdt in een blauwe Polo, {v}.", "{v} is de auto van de klant.",
    ]
    static let nameTemplates = [
        "Ik sprak {v} over de klacht.", "Vanochtend belde {v} over de rekening.", "{v} was boos over de wachttijd.",
        "I met {v} at the counter.", "Yesterday {v} asked about the bill.", "{v} thanked us for the call.",
        "Samen met {v} hebben we een oplossing gevonden.", "We sent {v} a card.",
    ]
    /// The name templates where the name stands within the sentence.
    static let innerNameTemplates = nameTemplates.filter { !$0.hasPrefix("{v}") }
    static let wordListTemplates = [
        "Ik sprak {v} over de klacht.", "{v} belde vanochtend.", "Het dossier van {v} is bijgewerkt.",
        "I met {v} at the counter.", "{v} thanked us.", "Yesterday, {v} came back.",
    ]

    static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                              "oktober", "november", "december"]
    static let dutchAbbreviations = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]
    static let surnames = [
        "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van Dijk", "Schouten", "ter Horst",
        "Verhoeven", "Koster", "Prins", "Postma", "Yılmaz", "Özdemir", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız",
        "Aydın", "Öztürk", "Arslan", "Doğan", "El Amrani", "Bouzid", "El Idrissi", "Ben Ali", "Ouali", "Azzouzi",
        "Boukhari", "Tahiri", "Benali", "Chaoui", "Ramdin", "Sewdien", "Jagroep", "Kromodimedjo", "Sitaram", "Biharie",
        "Pinas", "Doelwijt", "Kartosen", "Soekhoe", "Lachman", "Pattinama", "Tahapary", "Sahetapy", "Wattimena",
        "Simatupang", "Siregar", "Nasution", "Kusuma", "Hartono", "Santoso", "Smith", "Jones", "Williams", "Brown",
        "Taylor", "Davies", "Evans", "Wilson", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker",
        "White", "Edwards", "Hughes", "Green", "Hall", "Wood", "Harris", "Lewis", "Clarke", "Turner", "Hill",
    ]
    static let firstNames = [
        "Sanne", "Pieter", "Daan", "Lotte", "Femke", "Bas", "Joost", "Wouter", "Jeroen", "Marieke", "Anouk", "Eva",
        "Emma", "Sem", "Lucas", "Noah", "Julia", "Tess", "Mila", "Finn", "Levi", "Luuk", "Thijs", "Bram", "Fleur",
        "Lisa", "Kees", "Henk", "Truus", "Annelies", "Gerrit", "Hendrik", "Willem", "Johan", "Marloes", "Ilse",
        "Wendy", "Jef", "Lieven", "Wout", "Griet", "Mehmet", "Ayşe", "Emre", "Elif", "Zeynep", "Murat", "Burak",
        "Fatma", "Hüseyin", "Özlem", "Mohamed", "Youssef", "Fatima", "Khadija", "Nadia", "Yassine", "Hamza", "Bilal",
        "Imane", "Soufiane", "Ravi", "Anand", "Soenita", "Sharda", "Errol", "Iwan", "Jerrel", "Quincy", "Kiran",
        "Shanti", "Dewi", "Budi", "Siti", "Agus", "Ratna", "Indra", "Wati", "Sari", "Joko", "Rudy", "James", "Oliver",
        "Emily", "Charlotte", "Jack", "Harry", "Sophie", "Olivia", "George", "Amelia", "Michael", "Sarah", "Jessica",
        "David", "Daniel", "Jan", "Anne", "Marleen", "Gijs", "Roos", "Noor", "Hanna", "Dirk", "Kevin", "Ingrid",
    ]
    /// Names picked for the held-out figure without looking at the shipped lists.
    static let heldOutFirstNames = [
        "Liam", "Mees", "Luca", "Milan", "Adam", "Yara", "Saar", "Nora", "Zoë", "Evi", "Liv", "Lauren", "Berk",
        "Kerem", "Eren", "Yasin", "Nisa", "Sude", "İrem", "Rayan", "Nouh", "Amir", "Iliass", "Yahya", "Safae",
        "Chaimae", "Hiba", "Shaquille", "Dion", "Rishi", "Vinod", "Sunita", "Parbati", "Djoeminah", "Wayan", "Made",
        "Putu", "Bayu", "Eka", "Rini", "Tuti", "Gerda", "Bert", "Joke", "Ans", "Rinus", "Teun", "Jelle", "Sietske",
    ]
    static let heldOutSurnames = [
        "Groenendijk", "Hoogeveen", "Kuipers", "Wolters", "Zwart", "Blom", "Timmermans", "Molenaar", "Veenstra",
        "Kramer", "Essaidi", "Haddouchi", "Ouarab", "Lakhal", "Korkmaz", "Güneş", "Polat", "Yurt", "Bisoendat",
        "Ramcharan", "Tjon", "Sumarno", "Wibowo", "van Wijk", "de Ruiter", "Hoekstra", "Boersma", "Schipper",
        "Fletcher", "Gallagher", "O'Brien", "McKenzie", "Whitfield", "Ashworth",
    ]
    static let particleSurnames = [
        "El Amrani", "El Idrissi", "Ben Ali", "El Khatib", "Ait Taleb", "Abou Zeid", "Van Dijk", "Van der Meer",
        "De Vries", "Ter Horst", "Van den Berg", "De Groot", "El Ouardi", "Ben Haddou",
    ]

    // MARK: Helpers

    private mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    private mutating func pick<T>(_ values: [T]) -> T { values[int(values.count)] }

    private mutating func embed(_ category: RecallCategory, _ value: String, _ templates: [String]) -> RedactionSample {
        sample(category, pick(templates).replacingOccurrences(of: "{v}", with: value), value)
    }

    private mutating func embed(_ category: RecallCategory, _ value: (trigger: String, date: String),
                                _ templates: [String]) -> RedactionSample {
        let text = pick(templates).replacingOccurrences(of: "{t}", with: value.trigger)
            .replacingOccurrences(of: "{v}", with: value.date)
        return sample(category, text, value.date)
    }

    private func sample(_ category: RecallCategory, _ text: String, _ value: String) -> RedactionSample {
        RedactionSample(category: category, text: text, secrets: Self.secrets(of: value, category: category))
    }

    /// The runs of letters and digits that identify the value: for names, every part but particles.
    static func secrets(of value: String, category: RecallCategory) -> [String] {
        let runs = value.precomposedStringWithCanonicalMapping
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let ignored: Set<String> = ["van", "de", "der", "den", "ter", "el", "ben", "the", "of", "at", "dot", "punt",
                                    "apenstaartje", "flat", "s", "st", "rd", "hs", "bis", "nl", "com", "be", "org",
                                    "co", "uk", "net"]
        return runs.filter { run in
            !ignored.contains(run.lowercased()) && (run.count >= 2 || category == .phone && run.count >= 2)
        }
    }
}
