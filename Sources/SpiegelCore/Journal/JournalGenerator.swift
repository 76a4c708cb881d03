import Foundation
import SpiegelContent

/// Writes a synthetic but realistic journal (for benchmarks and scale tests) through the same runner and
/// store that real exercises use: every exercise, both languages, ratings, commitments, dates over years.
public struct JournalGenerator: Sendable {
    public let graph: KnowledgeGraph

    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    static let phrases: [Language: [String]] = [
        .en: ["the guest at the front desk was in a hurry", "I asked what I could help with", "she needed a quiet room",
              "we walked the route from the car park", "he raised his voice about the invoice", "I explained the house rules calmly",
              "a glass of water before the meeting", "the lift was out of order again", "I listened before I answered",
              "the tenant wanted a repair this week", "I used her name when she came in", "coffee while they waited"],
        .nl: ["de gast aan de balie had haast", "ik vroeg waarmee ik kon helpen", "ze had een rustige kamer nodig",
              "we liepen de route vanaf de parkeerplaats", "hij verhief zijn stem over de factuur", "ik legde de huisregels rustig uit",
              "een glas water voor het gesprek", "de lift was weer kapot", "ik luisterde voordat ik antwoordde",
              "de huurder wilde deze week een reparatie", "ik noemde haar naam toen ze binnenkwam", "koffie terwijl ze wachtten"],
    ]

    /// Situations for if-then plans (one commitment in three has one).
    static let situations: [Language: [String]] = [
        .en: ["a customer waits at the desk", "someone asks where to go", "the phone rings during a conversation",
              "a guest looks lost in the hall"],
        .nl: ["een klant bij de balie wacht", "iemand vraagt waar hij heen moet", "de telefoon gaat tijdens een gesprek",
              "een gast verdwaald in de hal staat"],
    ]

    /// Generates `count` entries spread over the last `years` years before `now`; returns how many were written.
    /// Commitments get check-ins: older ones mostly done (what you did, what you learned) or dropped (why), some
    /// moved with a barrier named. With `movedBecause`, three in four commitments are moved because of that barrier.
    public func generate(count: Int, seed: UInt64, into store: JournalStore, now: Date, years: Int = 3,
                         movedBecause: CheckInBarrier? = nil, progress: ((Int) -> Void)? = nil) throws -> Int {
        try store.prepare(now: now)
        var random = SeededRandom(seed: seed)
        let span = Double(years * 365 * 86_400)
        var written = 0
        var batch: [Entry] = []
        for index in 0..<count {
            let exercise = graph.exercises[Int(random.next() % UInt64(graph.exercises.count))]
            let language: Language = random.next() % 3 == 0 ? .nl : .en
            let offset = span * Double(count - index) / Double(count) + Double(random.next() % 3600)
            let date = now.addingTimeInterval(-offset)
            let id = JournalStore.newID(at: date) + String(format: "%02x", index % 256)
            var runner = ExerciseRunner(exercise: exercise, entry: Entry(id: id, exercise: exercise, language: language,
                                                                          startedAt: Timestamp.string(date)))
            let words = Self.phrases[language]!
            func phrase() -> String { words[Int(random.next() % UInt64(words.count))] }
            let day = CalendarDay(date)
            while let slot = runner.current {
                let input: AnswerInput
                switch slot.step.kind {
                case .text: input = .text(phrase() + (random.next() % 2 == 0 ? "; " + phrase() : ""))
                case .list: input = .list((0..<Int(1 + random.next() % 3)).map { _ in phrase() })
                case .rating:
                    let scale = slot.step.scale ?? RatingScale(min: 1, max: 5, labels: [])
                    input = .rating(String(scale.min + Int(random.next() % UInt64(scale.max - scale.min + 1))))
                case .choice: input = .choice(String(1 + Int(random.next() % UInt64(max(1, slot.step.options.count)))))
                case .commitment:
                    let places = Self.situations[language]!
                    let situation = random.next() % 3 == 0 ? places[Int(random.next() % UInt64(places.count))] : nil
                    input = .commitment(situation: situation, action: phrase(), due: "in \(1 + random.next() % 14) days")
                }
                do {
                    try runner.answer(input, today: day)
                } catch {
                    try? runner.skip()
                }
            }
            var entry = runner.completedEntry(at: date.addingTimeInterval(600))
            let checkedAt = min(date.addingTimeInterval(2 * 86_400), now)
            let checkedIn = Timestamp.string(checkedAt)
            for position in entry.commitments.indices {
                let barriers = CheckInBarrier.allCases
                if let movedBecause, random.next() % 4 != 0 {
                    let commitment = entry.commitments[position]
                    let change = CommitmentChange(status: .moved, due: commitment.due.adding(days: 7),
                                                  checkIn: CheckInAnswers(barriers: [movedBecause.rawValue]))
                    entry = CommitmentCheckIn.recording(change, on: commitment.id, in: entry, at: checkedAt)?.0 ?? entry
                    continue
                }
                guard offset > 30 * 86_400, random.next() % 4 != 0 else { continue }
                var event = CommitmentEvent(at: checkedIn, status: .done)
                switch random.next() % 8 {
                case 0: event.status = .dropped; event.checkIn = CheckInAnswers(why: phrase())
                case 1:
                    event.status = .moved
                    event.due = entry.commitments[position].due.adding(days: 7)
                    event.checkIn = CheckInAnswers(barriers: [barriers[Int(random.next() % UInt64(barriers.count))].rawValue])
                default: event.checkIn = CheckInAnswers(did: phrase(), learned: random.next() % 2 == 0 ? phrase() : nil)
                }
                entry.commitments[position].status = event.status
                if let due = event.due { entry.commitments[position].due = due }
                entry.commitments[position].history.append(event)
            }
            batch.append(entry)
            // Saved through the store in batches: the same files, with one flush per thousand entries.
            if batch.count == 1000 || index == count - 1 {
                written += try store.saveNew(batch: batch)
                batch.removeAll(keepingCapacity: true)
                progress?(index + 1)
            }
        }
        return written
    }
}
