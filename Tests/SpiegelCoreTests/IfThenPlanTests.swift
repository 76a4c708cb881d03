import SpiegelContent
@testable import SpiegelCore
import Testing

/// The if-then sentence: what people type at the two prompts (situation, action), and the one sentence
/// every surface shows, in the plan's own language.
@Suite("If-then sentences")
struct IfThenPlanTests {
    /// (typed situation, typed action, the sentence).
    static let english: [(String, String, String)] = [
        ("a guest waits", "I offer water", "When a guest waits, I offer water"),
        ("When a guest waits", "then I offer water", "When a guest waits, I offer water"),
        ("When a guest waits, then", "I offer water", "When a guest waits, I offer water"),
        ("When a guest waits", "then, I offer water", "When a guest waits, I offer water"),
        ("When a guest waits", "When a guest waits, I offer water", "When a guest waits, I offer water"),
        ("", "when a guest waits then I offer water", "When a guest waits, I offer water"),
        ("when a customer waits at the desk", "greet them within a minute", "When a customer waits at the desk, I will greet them within a minute"),
        ("", "When a customer waits at the desk, I will greet them within a minute", "When a customer waits at the desk, I will greet them within a minute"),
        ("When I see Maria at the morning briefing, I will ask her to observe me", "I will ask her to observe me",
         "When I see Maria at the morning briefing, I will ask her to observe me"),
        ("When I see Maria at the morning briefing, I will ask her to observe me", "",
         "When I see Maria at the morning briefing, I will ask her to observe me"),
        ("When I see Maria at the morning briefing, I will ask her to observe me", "ask her to observe me",
         "When I see Maria at the morning briefing, I will ask her to observe me"),
        ("If someone looks lost", "walk over and ask if I can help", "If someone looks lost, I will walk over and ask if I can help"),
        ("If someone looks lost,", "then I will walk over", "If someone looks lost, I will walk over"),
        ("whenever the phone rings during a talk", "I'll let it ring", "Whenever the phone rings during a talk, I'll let it ring"),
        ("As soon as the shop opens", "greet the first customer by name", "As soon as the shop opens, I will greet the first customer by name"),
        ("A customer raises their voice", "I will lower mine", "When a customer raises their voice, I will lower mine"),
        ("After the team meeting", "ask Tom for feedback", "After the team meeting, I will ask Tom for feedback"),
        ("At the morning briefing", "I'll ask Maria to observe me", "At the morning briefing, I'll ask Maria to observe me"),
        ("the phone rings while I'm with a customer", "let it go to voicemail",
         "When the phone rings while I'm with a customer, I will let it go to voicemail"),
        ("If a guest has waited more than ten minutes", "then offer water", "If a guest has waited more than ten minutes, I will offer water"),
        ("", "If a guest has waited more than ten minutes, then I offer water", "If a guest has waited more than ten minutes, I offer water"),
        ("I notice I'm rushing", "I will take a breath first", "When I notice I'm rushing, I will take a breath first"),
        ("Every time a customer thanks me", "I ask what made the difference", "Every time a customer thanks me, I ask what made the difference"),
        ("the customer seems confused", "Will explain it in other words", "When the customer seems confused, I will explain it in other words"),
        ("a client asks for something we don't offer", "say no kindly and suggest an alternative",
         "When a client asks for something we don't offer, I will say no kindly and suggest an alternative"),
        ("Mrs Jansen comes in again", "ask about her grandson Tygo", "When Mrs Jansen comes in again, I will ask about her grandson Tygo"),
        ("When Mrs Jansen comes in again,", "I'll ask about her grandson Tygo.", "When Mrs Jansen comes in again, I'll ask about her grandson Tygo"),
        ("a colleague interrupts a customer", "I won't join in", "When a colleague interrupts a customer, I won't join in"),
        ("the queue is longer than five people", "open the second desk", "When the queue is longer than five people, I will open the second desk"),
        ("the queue is longer than five people", "we open the second desk", "When the queue is longer than five people, we open the second desk"),
        ("a customer complains about the price", "Listen first, then explain",
         "When a customer complains about the price, I will listen first, then explain"),
        ("", "offer water", "offer water"),
        ("", "When the shop opens, greet the first customer by name", "When the shop opens, greet the first customer by name"),
        ("When the shop opens, greet the first customer by name", "", "When the shop opens, I will greet the first customer by name"),
        ("When the shop opens, greet the first customer by name", "greet the first customer by name",
         "When the shop opens, I will greet the first customer by name"),
        ("If I'm running late", "I'll call ahead", "If I'm running late, I'll call ahead"),
        ("when a customer hesitates", "I'm going to ask an open question", "When a customer hesitates, I'm going to ask an open question"),
        ("before a difficult call", "write down what I want to say", "Before a difficult call, I will write down what I want to say"),
        ("during the intake", "not look at my screen", "During the intake, I will not look at my screen"),
        ("on Monday mornings", "ask the team how the weekend went", "On Monday mornings, I will ask the team how the weekend went"),
        ("Someone says thank you", "then I will ask what helped", "When someone says thank you, I will ask what helped"),
        ("the moment a customer walks in", "I look up and smile", "The moment a customer walks in, I look up and smile"),
        ("I see a customer looking around", "Always walk over", "When I see a customer looking around, I will always walk over"),
        ("a customer is angry", "stay calm.", "When a customer is angry, I will stay calm"),
        ("next time Ahmed asks for help", "I'll show him instead of doing it", "Next time Ahmed asks for help, I'll show him instead of doing it"),
        ("if a call takes longer than 10 minutes, then", "I summarise what we agreed", "If a call takes longer than 10 minutes, I summarise what we agreed"),
        ("", "if a call takes longer than 10 minutes, I summarise what we agreed", "If a call takes longer than 10 minutes, I summarise what we agreed"),
    ]

    static let dutch: [(String, String, String)] = [
        ("zodra iemand langer dan tien minuten wacht", "dan bied ik water aan", "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan"),
        ("", "zodra iemand langer dan tien minuten wacht, dan bied ik water aan", "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan"),
        ("zodra iemand langer dan tien minuten wacht, dan bied ik water aan", "", "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan"),
        ("zodra iemand langer dan tien minuten wacht, dan bied ik water aan", "dan bied ik water aan",
         "Zodra iemand langer dan tien minuten wacht, dan bied ik water aan"),
        ("iemand langer dan tien minuten wacht", "bied ik water aan", "Als iemand langer dan tien minuten wacht, dan bied ik water aan"),
        ("een klant wacht", "ik bied water aan", "Als een klant wacht, dan bied ik water aan"),
        ("een klant wacht", "water aanbieden", "Als een klant wacht, dan ga ik water aanbieden"),
        ("een klant wacht", "bied water aan", "Als een klant wacht, dan bied ik water aan"),
        ("een klant wacht", "hem een kop koffie aanbieden", "Als een klant wacht, dan ga ik hem een kop koffie aanbieden"),
        ("Als een klant bij de balie wacht", "dan ga ik hem binnen een minuut begroeten", "Als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten"),
        ("", "als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten",
         "Als een klant bij de balie wacht, dan ga ik hem binnen een minuut begroeten"),
        ("mevrouw Jansen weer komt", "vraag ik naar haar kleinzoon Tygo", "Als mevrouw Jansen weer komt, dan vraag ik naar haar kleinzoon Tygo"),
        ("Mevrouw Jansen weer komt", "naar haar kleinzoon Tygo vragen", "Als mevrouw Jansen weer komt, dan ga ik naar haar kleinzoon Tygo vragen"),
        ("wanneer iemand de weg vraagt", "loop ik even mee", "Wanneer iemand de weg vraagt, dan loop ik even mee"),
        ("Zodra de lift stuk is", "hang ik een briefje op", "Zodra de lift stuk is, dan hang ik een briefje op"),
        ("Als een klant boos wordt dan", "blijf ik rustig", "Als een klant boos wordt, dan blijf ik rustig"),
        ("Als een klant boos wordt,", "rustig blijven", "Als een klant boos wordt, dan ga ik rustig blijven"),
        ("een klant boos is", "niet met hem in discussie gaan", "Als een klant boos is, dan ga ik niet met hem in discussie"),
        ("Tijdens de ochtendbriefing", "vraag ik Maria om mee te kijken", "Tijdens de ochtendbriefing vraag ik Maria om mee te kijken"),
        ("tijdens de ochtendbriefing", "Maria vragen om mee te kijken", "Tijdens de ochtendbriefing ga ik Maria vragen om mee te kijken"),
        ("Bij de balie", "kijk de klant aan", "Bij de balie kijk ik de klant aan"),
        ("ik Maria zie bij de ochtendbriefing", "vraag haar om mee te kijken", "Als ik Maria zie bij de ochtendbriefing, dan vraag ik haar om mee te kijken"),
        ("de telefoon gaat tijdens een gesprek", "laat ik hem overgaan", "Als de telefoon gaat tijdens een gesprek, dan laat ik hem overgaan"),
        ("De telefoon gaat tijdens een gesprek", "Ik laat hem overgaan.", "Als de telefoon gaat tijdens een gesprek, dan laat ik hem overgaan"),
        ("iemand er verloren uitziet", "loop ik naar hem toe", "Als iemand er verloren uitziet, dan loop ik naar hem toe"),
        ("iemand er verloren uitziet", "naar hem toe lopen", "Als iemand er verloren uitziet, dan ga ik naar hem toe lopen"),
        ("een klant bedankt", "vraag wat er hielp", "Als een klant bedankt, dan vraag ik wat er hielp"),
        ("Telkens als een klant bedankt", "vraag ik wat het verschil maakte", "Telkens als een klant bedankt, dan vraag ik wat het verschil maakte"),
        ("de rij langer is dan vijf mensen", "open ik de tweede balie", "Als de rij langer is dan vijf mensen, dan open ik de tweede balie"),
        ("de rij langer is dan vijf mensen", "de tweede balie openen", "Als de rij langer is dan vijf mensen, dan ga ik de tweede balie openen"),
        ("", "als de rij langer is dan vijf mensen dan open ik de tweede balie", "Als de rij langer is dan vijf mensen, dan open ik de tweede balie"),
        ("een klant klaagt over de prijs", "eerst luisteren, dan uitleggen", "Als een klant klaagt over de prijs, dan ga ik eerst luisteren, dan uitleggen"),
        ("ik merk dat ik haast heb", "haal ik eerst adem", "Als ik merk dat ik haast heb, dan haal ik eerst adem"),
        ("ik merk dat ik haast heb", "eerst even ademhalen", "Als ik merk dat ik haast heb, dan ga ik eerst even ademhalen"),
        ("Na het teamoverleg", "vraag Tom om feedback", "Na het teamoverleg vraag ik Tom om feedback"),
        ("Voor een moeilijk gesprek", "schrijf ik op wat ik wil zeggen", "Voor een moeilijk gesprek schrijf ik op wat ik wil zeggen"),
        ("een collega een klant onderbreekt", "ik doe niet mee", "Als een collega een klant onderbreekt, dan doe ik niet mee"),
        ("een klant twijfelt", "ik ga een open vraag stellen", "Als een klant twijfelt, dan ga ik een open vraag stellen"),
        ("een klant twijfelt", "een open vraag stellen", "Als een klant twijfelt, dan ga ik een open vraag stellen"),
        ("een klant twijfelt", "stel een open vraag", "Als een klant twijfelt, dan stel ik een open vraag"),
        ("een klant twijfelt", "Stel ik een open vraag", "Als een klant twijfelt, dan stel ik een open vraag"),
        ("een klant twijfelt", "ga ik een open vraag stellen", "Als een klant twijfelt, dan ga ik een open vraag stellen"),
        ("", "Als een klant twijfelt, stel ik een open vraag", "Als een klant twijfelt, dan stel ik een open vraag"),
        ("Als een klant binnenkomt", "dan kijk ik op en glimlach ik", "Als een klant binnenkomt, dan kijk ik op en glimlach ik"),
        ("Mocht een gast klagen", "zeg ik eerst sorry", "Mocht een gast klagen, dan zeg ik eerst sorry"),
        ("Ahmed de volgende keer om hulp vraagt", "laat ik het hem zelf doen", "Als Ahmed de volgende keer om hulp vraagt, dan laat ik het hem zelf doen"),
        ("een gesprek langer dan 10 minuten duurt", "vat ik samen wat we afspraken", "Als een gesprek langer dan 10 minuten duurt, dan vat ik samen wat we afspraken"),
        ("Elke ochtend", "groet ik iedereen bij naam", "Elke ochtend groet ik iedereen bij naam"),
        ("", "water aanbieden aan wie wacht", "water aanbieden aan wie wacht"),
    ]

    @Test func theTablesHoldAtLeastFortyPhrasingsEach() {
        #expect(Self.english.count >= 40 && Self.dutch.count >= 40)
    }

    @Test(arguments: english)
    func englishPhrasings(situation: String, action: String, sentence: String) {
        #expect(IfThenPlan(situation: situation, action: action, language: .en).sentence == sentence)
    }

    @Test(arguments: dutch)
    func dutchPhrasings(situation: String, action: String, sentence: String) {
        #expect(IfThenPlan(situation: situation, action: action, language: .nl).sentence == sentence)
    }

    /// The joining words follow the plan's language, not the screen's: a Dutch plan typed in an English
    /// session (and the other way round) reads in its own language.
    @Test(arguments: [
        ("een klant wacht", "bied ik water aan", Language.en, "Als een klant wacht, dan bied ik water aan", Language.nl),
        ("mevrouw Jansen weer komt", "vraag ik naar haar kleinzoon Tygo", .en, "Als mevrouw Jansen weer komt, dan vraag ik naar haar kleinzoon Tygo", .nl),
        ("a guest waits", "I offer water", .nl, "When a guest waits, I offer water", .en),
        ("When I see Maria", "ask her to observe me", .nl, "When I see Maria, I will ask her to observe me", .en),
    ])
    func theSentenceIsInThePlansLanguage(situation: String, action: String, session: Language, sentence: String, language: Language) {
        let plan = IfThenPlan(situation: situation, action: action, language: session)
        #expect(plan.language == language)
        #expect(plan.sentence == sentence)
        // Read back from storage with the entry's language, the sentence is the same.
        #expect(IfThenPlan(stored: plan.situation, action: plan.action, language: session).sentence == sentence)
    }

    /// The halves are kept as typed (only a whole sentence is split); nothing is said twice.
    @Test func theHalvesAreStoredAsTyped() {
        let plan = IfThenPlan(situation: "zodra iemand wacht,", action: "dan bied ik water aan", language: .nl)
        #expect(plan.situation == "zodra iemand wacht" && plan.action == "dan bied ik water aan")
        let whole = IfThenPlan(situation: "", action: "When a guest waits, I will offer a chair", language: .en)
        #expect(whole.situation == "When a guest waits" && whole.action == "I will offer a chair")
        let plain = IfThenPlan(situation: "  ", action: "  offer water; with a smile, \"always\"  ", language: .en)
        #expect(plain.situation == nil && plain.sentence == "offer water; with a smile, \"always\"")
    }

    /// Lines written as a plain commitment stay plain.
    @Test(arguments: [
        "plain action, with a comma",
        "When the shop opens, greet the first customer by name",
        "Mevrouw <script>alert(1)</script> zei: \"dank, echt\", mail jan@example.com 😊 #1 (commitment 4)",
        "when, I will",
        "als",
    ])
    func aPlainLineIsKeptAsTyped(line: String) {
        let plan = IfThenPlan(situation: nil, action: line, language: .en)
        #expect(plan.situation == nil)
        #expect(plan.sentence == line)
    }

    @Test func aWholePlanAtTheSituationPromptOffersItsAction() {
        #expect(IfThenPlan.action(offeredBy: "When I see Maria, I will ask her to observe me") == "I will ask her to observe me")
        #expect(IfThenPlan.action(offeredBy: "als een klant wacht, dan bied ik water aan") == "dan bied ik water aan")
        #expect(IfThenPlan.action(offeredBy: "a customer waits") == nil)
    }
}
