import Foundation
import SpiegelContent

/// Commitments as iCalendar to-dos (RFC 5545 VTODO), so they appear in the calendar and task apps people
/// already use: CRLF line ends, lines folded at 75 octets, text escaped, one stable UID per commitment.
public enum ICalendarExport {
    /// The words the export writes around the person's own text (given by the caller, in its language).
    public struct Labels: Sendable {
        public var calendarName: String
        /// "From the exercise %@" (the exercise's title is put in place of %@).
        public var fromExercise: String
        public var reflection: String
        /// The commitment as one sentence: the if-then plan ("When X, I will Y") or the action alone.
        public var plan: @Sendable (Commitment, Language) -> String
        /// A check-in's answers, one line each, worded ("Learned: …").
        public var checkIn: @Sendable (CommitmentEvent) -> [String]
        /// The principles' names for CATEGORIES, by id (an id not named stays as it is).
        public var principleNames: [String: String]

        public init(calendarName: String, fromExercise: String, reflection: String,
                    plan: @escaping @Sendable (Commitment, Language) -> String = { commitment, language in
                        IfThenPlan(commitment, entryLanguage: language).sentence
                    },
                    checkIn: @escaping @Sendable (CommitmentEvent) -> [String] = { _ in [] }, principleNames: [String: String] = [:]) {
            self.principleNames = principleNames
            self.calendarName = calendarName
            self.fromExercise = fromExercise
            self.reflection = reflection
            self.plan = plan
            self.checkIn = checkIn
        }
    }

    /// One VCALENDAR with a VTODO for every commitment of `entries`, open and finished.
    public static func render(_ entries: [Entry], exportedAt: Date, labels: Labels) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Spiegel//Spiegel//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(labels.calendarName)]
        let stamp = utc(exportedAt)
        for entry in entries {
            for commitment in entry.commitments {
                lines += todo(commitment, in: entry, stamp: stamp, labels: labels)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func todo(_ commitment: Commitment, in entry: Entry, stamp: String, labels: Labels) -> [String] {
        var lines = ["BEGIN:VTODO", "UID:" + escape(commitment.id) + "@spiegel", "DTSTAMP:" + stamp]
        if let created = Timestamp.date(entry.completedAt ?? entry.startedAt) { lines.append("CREATED:" + utc(created)) }
        let plan = labels.plan(commitment, entry.language)
        lines.append("SUMMARY:" + escape(plan))
        lines.append("DUE;VALUE=DATE:" + date(commitment.due))
        switch commitment.status {
        case .open, .moved: lines.append("STATUS:NEEDS-ACTION")
        case .dropped: lines.append("STATUS:CANCELLED")
        case .done:
            lines.append("STATUS:COMPLETED")
            if let done = commitment.history.last(where: { $0.status == .done }), let at = Timestamp.date(done.at) {
                lines.append("COMPLETED:" + utc(at))
            }
        }
        var description = (commitment.situation == nil ? "" : plan + "\n")
            + labels.fromExercise.replacingOccurrences(of: "%@", with: entry.exerciseTitle)
        for event in commitment.history {
            if let reflection = event.reflection, !reflection.isEmpty {
                description += "\n" + labels.reflection + " (" + event.status.rawValue + "): " + reflection
            }
            for line in labels.checkIn(event) { description += "\n" + line }
        }
        lines.append("DESCRIPTION:" + escape(description))
        if !entry.principles.isEmpty { lines.append("CATEGORIES:" + entry.principles.map { escape(labels.principleNames[$0] ?? $0) }.joined(separator: ",")) }
        lines.append("END:VTODO")
        return lines
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines; other control
    /// characters are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }

    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDay(ordinal: seconds.floorDiv(86_400))
        let second = seconds - seconds.floorDiv(86_400) * 86_400
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", day.year, day.month, day.day, second / 3600, second % 3600 / 60, second % 60)
    }

    static func date(_ day: CalendarDay) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }
}
