import Foundation
import Testing
@testable import SpiegelContent

/// The handbook material kinds as the reader checks them, on small inline files.
@Suite("Handbook material is checked when read")
struct MaterialReadingTests {
    private func read(_ yaml: String) -> Result<ContentSet, ContentErrors> {
        ContentReader().readKnowledge(yaml, file: "t.yaml")
    }

    private func messages(_ yaml: String) -> [String] {
        guard case .failure(let errors) = read(yaml) else { return [] }
        return errors.diagnostics.map(\.message)
    }

    private static func turns(_ count: Int) -> String {
        (0..<count).map { "        - \($0 % 2 == 0 ? "customer" : "employee"): {en: \"Turn \($0)\", nl: \"Beurt \($0)\"}" }
            .joined(separator: "\n")
    }

    private static func dialogue(poor: Int, good: Int, speaker: String = "customer") -> String {
        """
        nodes:
          - id: d
            kind: dialogue
            name: {en: D, nl: D}
            summary: {en: At the desk, nl: Aan de balie}
            from: spiegel
            for: [boundaries]
            poor:
              turns:
        \(turns(poor).replacingOccurrences(of: "customer", with: speaker))
              comment: {en: Rushed, nl: Gehaast}
            good:
              turns:
        \(turns(good))
              comment: {en: Calm, nl: Rustig}
        """
    }

    @Test func aDialogueHasAPoorAndAGoodVersionWithTurnsBySpeakers() throws {
        guard case .success(let content) = read(Self.dialogue(poor: 6, good: 8)) else {
            Issue.record("a good dialogue was refused: \(messages(Self.dialogue(poor: 6, good: 8)))")
            return
        }
        let node = try #require(content.nodes.first)
        #expect(node.isOwn)
        #expect(node.teaches("boundaries") && node.edges.count == 1)
        #expect(node.material.versions.map(\.quality) == [.poor, .good])
        #expect(node.material.versions[1].turns.count == 8)
        #expect(node.material.versions[0].turns[0].speaker == .customer)
        #expect(node.material.versions[0].turns[1].text.nl == "Beurt 1")
    }

    @Test func aDialogueWithTooFewTurnsOrAnUnknownSpeakerIsRefused() {
        #expect(messages(Self.dialogue(poor: 4, good: 6)) == ["a dialogue version has 6 to 12 turns, not 4"])
        #expect(messages(Self.dialogue(poor: 6, good: 6, speaker: "custmer")).contains(
            "unknown speaker 'custmer' (did you mean 'customer'?); one of customer, employee, colleague"))
    }

    @Test func aTableHasRowsOfTwoCells() {
        let rows = (0..<6).map { "      - {do: {en: \"Do \($0)\", nl: \"Wel \($0)\"}, dont: {en: \"No \($0)\", nl: \"Niet \($0)\"}}" }
        let table = """
        nodes:
          - id: t
            kind: do-dont
            name: {en: T, nl: T}
            summary: {en: T, nl: T}
            from: spiegel
            for: [boundaries]
            rows:
        \(rows.joined(separator: "\n"))
        """
        guard case .success(let content) = read(table) else {
            Issue.record("a good table was refused: \(messages(table))")
            return
        }
        #expect(content.nodes.first?.material.rows.count == 6)
        let threeCells = table.replacingOccurrences(of: "dont: {en: \"No 2\", nl: \"Niet 2\"}}",
                                                    with: "dont: {en: \"No 2\", nl: \"Niet 2\"}, also: {en: x, nl: x}}")
        #expect(messages(threeCells) == ["unknown field 'also'"])
        let oneCell = table.replacingOccurrences(of: ", dont: {en: \"No 3\", nl: \"Niet 3\"}}", with: "}")
        #expect(messages(oneCell) == ["missing 'dont'"])
    }

    @Test func aRolePlayCardHasThreeRoles() {
        let card = """
        nodes:
          - id: r
            kind: role-play
            name: {en: R, nl: R}
            summary: {en: R, nl: R}
            from: spiegel
            for: [boundaries]
            card:
              customer: {en: C, nl: K}
              employee: {en: E, nl: M}
        """
        #expect(messages(card) == ["missing 'observer'"])
    }

    @Test func materialFieldsBelongToTheirKindAndMaterialTeachesSomething() {
        let principle = """
        nodes:
          - id: p
            kind: principle
            name: {en: P, nl: P}
            summary: {en: P, nl: P}
            from: spiegel
            questions:
              - {en: Why?, nl: Waarom?}
        """
        #expect(messages(principle) == ["unknown field 'questions'"])
        let reflection = """
        nodes:
          - id: q
            kind: reflection
            name: {en: Q, nl: Q}
            summary: {en: Q, nl: Q}
            from: spiegel
            questions:
              - {en: Why?, nl: Waarom?}
              - {en: How?, nl: Hoe?}
              - {en: When?, nl: Wanneer?}
        """
        guard case .success(let content) = read(reflection) else {
            Issue.record("a reflection was refused: \(messages(reflection))")
            return
        }
        guard case .failure(let errors) = ContentValidator(requiresCorePrinciples: false).validate(content) else {
            Issue.record("material without 'for' was accepted")
            return
        }
        #expect(errors.diagnostics.map(\.message) == [
            "'q' teaches nothing: add 'for: [id]' (the principle, practice or idea it is material for)"])
    }

    @Test func aNodeOfOurOwnNeedsNoSourceButOneWithoutEitherIsRefused() {
        let own = Node(id: "rule", kind: .practice, name: LocalizedText(en: "R", nl: "R"), summary: LocalizedText(en: "R", nl: "R"),
                       isOwn: true)
        if case .failure(let errors) = ContentValidator(requiresCorePrinciples: false).validate(ContentSet(nodes: [own])) {
            Issue.record("a node of Spiegel's own was refused: \(errors)")
        }
        var orphan = own
        orphan.isOwn = false
        guard case .failure(let errors) = ContentValidator(requiresCorePrinciples: false).validate(ContentSet(nodes: [orphan])) else {
            Issue.record("a node without a source was accepted")
            return
        }
        #expect(errors.diagnostics.map(\.message).first?.contains("'from: [spiegel]'") == true)
    }

    @Test func aSessionPlanAddsUpItsMinutes() {
        let plan = """
        nodes:
          - id: s
            kind: session-plan
            name: {en: S, nl: S}
            summary: {en: S, nl: S}
            from: spiegel
            for: [boundaries]
            plan:
              roles: [{en: Host, nl: Gastheer}]
              materials: [{en: Paper, nl: Papier}]
              steps:
                - {minutes: 20, text: {en: Start, nl: Begin}}
                - {minutes: 5, text: {en: End, nl: Eind}}
              debrief: [{en: What?, nl: Wat?}]
        """
        #expect(messages(plan) == ["a session plan runs 30 to 180 minutes, not 25"])
        guard case .success(let content) = read(plan.replacingOccurrences(of: "minutes: 5,", with: "minutes: 40,")) else {
            Issue.record("a 60-minute plan was refused")
            return
        }
        #expect(content.nodes.first?.material.plan?.minutes == 60)
    }

    @Test func anAnswerKeyMustNameAnOptionAndGiveItsReason() {
        let exercise = """
        id: drill
        version: 1
        title: {en: D, nl: D}
        intro: {en: D, nl: D}
        minutes: 5
        principles: [interest]
        from: spiegel
        steps:
          - id: case
            kind: choice
            prompt: {en: Which?, nl: Welke?}
            options:
              - {id: a, label: {en: A, nl: A}}
              - {id: b, label: {en: B, nl: B}}
            answer: c
            why: {en: Because, nl: Omdat}
          - id: confidence
            kind: rating
            prompt: {en: Sure?, nl: Zeker?}
            scale: {min: 1, max: 5}
        """
        guard case .failure(let errors) = ContentReader().readExercise(exercise, file: "e.yaml") else {
            Issue.record("an answer that is no option was accepted")
            return
        }
        #expect(errors.diagnostics.map(\.message) == ["the answer 'c' is not one of the options (did you mean 'a'?)"])
        guard case .success(let read) = ContentReader().readExercise(exercise.replacingOccurrences(of: "answer: c", with: "answer: b"),
                                                                      file: "e.yaml") else {
            Issue.record("a good answer key was refused")
            return
        }
        #expect(read.isOwn && read.sources.isEmpty)
        #expect(read.steps[0].answer == "b" && read.steps[0].why?.nl == "Omdat")
    }
}

/// The curated content as a handbook: faithful, in good Dutch and English, and deep enough to train with.
@Suite("The curated content reads as a handbook")
struct HandbookTests {
    static let content: ContentSet = {
        switch ContentLoader().load(directories: [CuratedSources.packageRoot.path]).flatMap({ ContentValidator().validate($0) }) {
        case .failure(let errors): fatalError("\(errors)")
        case .success(let content): return content
        }
    }()

    private static func all(_ language: Language) -> [(place: String, text: String)] {
        (try? CuratedSources())?.ownTexts.filter { $0.place.hasSuffix("[\(language.rawValue)]") } ?? []
    }

    /// Phrases the sources do not support, or Dutch and English a native editor struck out.
    static let struck: [(phrase: String, why: String)] = [
        ("genomineerden van van dalen", "the seed says only that Van Dalen gathered tips in interviews with nominees"),
        ("nominees of van dalen", "idem"), ("van dalen's nominees", "idem"), ("award", "the seed names no award"),
        ("prijs voor klantgerichtheid", "the seed names no award"), ("zes eerlijke vragen", "not Van Dalen's label"),
        ("six honest questions", "not Van Dalen's label"), ("drie uur 's nachts", "not in the seed"),
        ("three in the morning", "not in the seed"), ("laws of helping", "Burgers' laws are of customer-centricity"),
        ("wetten van helpen", "idem"), ("bekendste misser", "not in the seed"), ("most common mismatch", "not in the seed"),
        ("four-step", "the mantra is quoted, not rebuilt"), ("vier stappen", "idem"), ("bijna altijd", "the seed says 'always'"),
        ("almost always", "idem"), ("adviseurs leiden", "the seed gives no session format"),
        ("colours the memory", "not in the seed"), ("pacifier", "British English: dummy"),
        ("één van ", "een van"), ("doet ertoe", "calque"), ("doen ertoe", "calque"), ("ertoe doen", "calque"), ("een weg vooruit", "calque"),
        ("mede-eigenaar", "calque"), ("geef jezelf de eer", "calque"), ("leg het hiernaast", "calque"),
        ("een behulpzaam nee", "calque"), ("kijk onder de eis", "calque"), ("schuldenbrief", "calque"), ("wrijving", "calque"),
        ("in praktijk brengen", "Belgian"), ("in praktijk te brengen", "Belgian"), ("een bruikbare volgorde", "the mantra is quoted, not rebuilt"), ("schikt het je", "Belgian"), ("als gast vragen we u", "dangling"),
        ("as our guest, we ask", "dangling"), ("sending mode", "broadcast mode"), ("impress you", "affect you"),
        ("geef me een minuutje", "u, not je, to a customer"),
    ]

    @Test func noInventedAttributionsDistortionsOrStruckPhrases() throws {
        for (place, text) in try CuratedSources().ownTexts {
            let folded = text.lowercased()
            for (phrase, why) in Self.struck where folded.contains(phrase) {
                Issue.record("\(place) says '\(phrase)' (\(why))")
            }
        }
    }

    @Test func ourOwnRulesOfThumbSayWhoseTheyAre() {
        let own = Self.content.nodes.filter { $0.isOwn && !$0.edges.contains { $0.kind == .from } }
        #expect(own.contains { $0.id == "need-cues" })
        for node in own where !NodeKind.materialKinds.contains(node.kind) {
            let nl = [node.summary.nl, node.body?.nl].compactMap { $0 }.joined(separator: " ")
            let en = [node.summary.en, node.body?.en].compactMap { $0 }.joined(separator: " ")
            #expect(nl.contains("Spiegel"), "\(node.id): say in Dutch that this is Spiegel's own ('In Spiegel gebruiken we …')")
            #expect(en.contains("Spiegel") || en.contains("we use"), "\(node.id): say in English that this is ours ('A rule of thumb we use')")
        }
    }

    @Test func theSeedsBestLinesAreQuotedWithTheirAuthors() {
        let quotes = Self.content.nodes.flatMap(\.quotations)
        let wanted: [(start: String, author: String)] = [
            ("Ah, mevrouw Welzijn", "Welzijn"), ("Ik was onder de indruk van uw levensverhaal", "Máxima"),
            ("Hoe denkt ú over de aanpak van dakloosheid", "Welzijn"), ("Meneer, ik begrijp goed", "Van Kelst"),
            ("U bent hier inderdaad te gast", "Van Kelst"), ("“Te gast zijn” betekent ook", "Van Kelst"),
            ("Je doet nou wel dit", "Flore"), ("Een flesje water voor onderweg", "Flore"),
            ("Mag ik het vandaag voor jou zijn", "Flore"), ("Maak aantekeningen", "Welzijn"),
            ("Mijn goede voornemen is dan ook meer Oranje", "Welzijn"),
        ]
        for (start, author) in wanted {
            let match = quotes.first { $0.text.contains(start) }
            #expect(match != nil, "no quotation with '\(start)'")
            #expect(match?.author.contains(author) == true, "'\(start)' is not attributed to \(author)")
        }
    }

    @Test func thePitfallTemplateIsTheExceptionNotTheRule() {
        let bodies = Self.content.nodes.compactMap(\.body)
        let dutch = bodies.filter { $0.nl?.contains("De valkuil is") == true }.count
        let english = bodies.filter { $0.en?.contains("The pitfall is") == true }.count
        #expect(dutch * 4 <= bodies.count, "'De valkuil is' in \(dutch) of \(bodies.count) bodies")
        #expect(english * 4 <= bodies.count, "'The pitfall is' in \(english) of \(bodies.count) bodies")
    }

    private func material(_ kind: NodeKind, for principle: String) -> [Node] {
        Self.content.nodes.filter { $0.kind == kind && $0.teaches(principle) }
    }

    @Test(arguments: ContentValidator.corePrinciples)
    func everyPrincipleHasItsHandbookMaterial(_ principle: String) {
        let dialogues = material(.dialogue, for: principle)
        #expect(!dialogues.isEmpty, "\(principle): no dialogue")
        for dialogue in dialogues {
            #expect(dialogue.material.versions.map(\.quality) == [.poor, .good])
            for version in dialogue.material.versions {
                #expect(ContentReader.dialogueTurns.contains(version.turns.count))
                #expect(Set(version.turns.map(\.speaker)).isSuperset(of: [.customer, .employee]))
                for turn in version.turns where turn.speaker == .employee {
                    let words = Set((turn.text.nl ?? "").lowercased().split { !$0.isLetter }.map(String.init))
                    #expect(words.isDisjoint(with: ["je", "jij", "jou", "jouw", "jullie"]),
                            "\(dialogue.id): the employee says 'je' to a customer: \(turn.text.nl ?? "")")
                }
            }
        }
        let tables = material(.doDont, for: principle)
        #expect(tables.count >= 1 && tables.allSatisfy { ContentReader.tableRows.contains($0.material.rows.count) },
                "\(principle): no do/don't table of 6 to 10 rows")
        #expect(material(.rolePlay, for: principle).count >= 2, "\(principle): fewer than two role-play cards")
        #expect(material(.reflection, for: principle).count >= 1, "\(principle): no reflection questions")
    }

    @Test func theExperienceGameHasAGroupSessionPlan() throws {
        let plan = try #require(Self.content.nodes.first { $0.kind == .sessionPlan && $0.teaches("experience-game-method") })
        let minutes = try #require(plan.material.plan?.minutes)
        #expect((60...90).contains(minutes), "the session runs \(minutes) minutes")
        #expect(plan.material.plan.map { !$0.roles.isEmpty && !$0.materials.isEmpty && $0.debrief.count >= 3 } == true)
    }

    @Test func thereIsGuidanceForTheHardCases() {
        let guidance = Self.content.nodes.filter { $0.kind == .guidance }.map(\.id)
        for id in ["escalation-and-safety", "low-literacy", "little-dutch", "complaints-procedure"] {
            #expect(guidance.contains(id), "no guidance '\(id)'")
        }
    }

    @Test func whichNeedHasAnAnswerKeyTheHintDoesNotGiveAway() throws {
        let exercise = try #require(Self.content.exercises.first { $0.id == "which-need" })
        let choices = exercise.steps.filter { $0.kind == .choice }
        #expect(choices.count == 5)
        for step in choices {
            let answer = try #require(step.answer, "\(step.id) has no answer")
            #expect(step.why != nil)
            let label = try #require(step.options.first { $0.id == answer }?.label)
            for language in Language.allCases {
                let help = (step.help?[language] ?? "").lowercased()
                #expect(!help.contains((label[language] ?? "").lowercased()), "\(step.id): the hint names the answer")
            }
        }
    }
}

extension Node {
    /// Whether this node is material `for` the node `id`.
    func teaches(_ id: String) -> Bool { edges.contains { $0.kind == .teaches && $0.target == id } }
}
