import Foundation

/// A calendar date without a time (due dates, streak weeks), with exact day arithmetic.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a date may have: four digits, as ISO 8601 and iCalendar write them.
    public static let years = 1000...9999

    /// Parses `YYYY-MM-DD`, rejecting impossible dates and years outside `years`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), Self.years.contains(y), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The local calendar day of an instant.
    public init(_ date: Date, timeZone: TimeZone = .current) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        self.init(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    public func days(until other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// Monday-based week number since the epoch, for streaks.
    public var weekIndex: Int { (ordinal + 3).floorDiv(7) }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day of the week: 0 Monday … 6 Sunday.
    public var weekday: Int {
        let value = (ordinal + 3) % 7
        return value < 0 ? value + 7 : value
    }

    /// Reads a due date as people type it, in English or Dutch: `YYYY-MM-DD`; `today`, `tomorrow`,
    /// `the day after tomorrow` (`vandaag`, `morgen`, `overmorgen`); `in 3 days`, `in 2 weeks`, `in a week`,
    /// `in a month` (`over 3 dagen`, `over 2 weken`, `over een week`, `over een maand`); `next week`
    /// (`volgende week`); a weekday, also `next tuesday` (`dinsdag`, `volgende dinsdag`, `aanstaande
    /// dinsdag`): the first such day after today; a day and month, day first (`3 maart`, `3 mrt`, `March 3`,
    /// `3rd of March`, `3/3`, `3-3`, `03-03-2026`, `3.3.26`): without a year the first such day from today on.
    public static func parseDue(_ text: String, today: CalendarDay) -> CalendarDay? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let (day, used) = parseDue(leading: words, today: today), used == words.count,
              years.contains(day.year) else { return nil }
        return day
    }

    /// The longest date at the start of `words` (see `parseDue(_:today:)`) and how many words it took:
    /// `moved ID in 7 days because …` gives the date and leaves the reflection.
    public static func parseDue(leading words: [String], today: CalendarDay) -> (CalendarDay, Int)? {
        let words = words.flatMap { $0.split(whereSeparator: \.isWhitespace) }.prefix(4).map { word in
            var word = word.lowercased()
            while word.count > 1, let last = word.last, ",.".contains(last) { word.removeLast() }
            return word
        }
        for count in stride(from: words.count, through: 1, by: -1) {
            if let day = phrase(Array(words.prefix(count)), today: today) { return (day, count) }
        }
        return nil
    }

    private static let weekdays: [[String]] = [
        ["monday", "mon", "maandag", "ma"], ["tuesday", "tue", "dinsdag", "di"], ["wednesday", "wed", "woensdag", "wo"],
        ["thursday", "thu", "donderdag", "do"], ["friday", "fri", "vrijdag", "vr"], ["saturday", "sat", "zaterdag", "za"],
        ["sunday", "sun", "zondag", "zo"],
    ]
    private static let numbers: [String: Int] = ["a": 1, "an": 1, "one": 1, "een": 1, "één": 1, "two": 2, "twee": 2,
                                                 "three": 3, "drie": 3, "four": 4, "vier": 4, "five": 5, "vijf": 5,
                                                 "six": 6, "zes": 6, "seven": 7, "zeven": 7, "eight": 8, "acht": 8,
                                                 "nine": 9, "negen": 9, "ten": 10, "tien": 10]
    /// Month names and their short forms, English and Dutch (January first).
    private static let months: [[String]] = [
        ["january", "jan", "januari"], ["february", "feb", "februari"], ["march", "mar", "maart", "mrt"],
        ["april", "apr"], ["may", "mei"], ["june", "jun", "juni"], ["july", "jul", "juli"],
        ["august", "aug", "augustus"], ["september", "sep", "sept"], ["october", "oct", "oktober", "okt"],
        ["november", "nov"], ["december", "dec"],
    ]

    private static func month(_ word: String) -> Int? {
        let word = word.hasSuffix(".") ? String(word.dropLast()) : word
        return months.firstIndex { $0.contains(word) }.map { $0 + 1 }
    }

    /// "3", "03", "3rd", "3e", "3de", "3ste" as a day of the month.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th", "ste", "de", "e"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = String(digits.dropLast(suffix.count))
            break
        }
        guard let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    /// A day and month with an optional year (two digits: this century); without a year the first such day
    /// from today on.
    private static func date(day: Int, month: Int, year: String?, today: CalendarDay) -> CalendarDay? {
        guard (1...12).contains(month) else { return nil }
        if let year {
            guard var y = Int(year), year.count == 2 || year.count == 4 else { return nil }
            if year.count == 2 { y += 2000 }
            guard day <= daysIn(month: month, year: y) else { return nil }
            return CalendarDay(year: y, month: month, day: day)
        }
        for y in [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]
        where day <= daysIn(month: month, year: y) {
            let candidate = CalendarDay(year: y, month: month, day: day)
            if candidate >= today { return candidate }
        }
        return nil
    }

    /// `3/3`, `3-3`, `03-03-2026`, `3.3.26`: day first.
    private static func numeric(_ word: String, today: CalendarDay) -> CalendarDay? {
        guard let separator = ["/", "-", "."].first(where: { word.contains($0) }) else { return nil }
        let parts = word.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && Int($0) != nil }),
              parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]), (1...31).contains(day)
        else { return nil }
        return date(day: day, month: month, year: parts.count == 3 ? parts[2] : nil, today: today)
    }

    /// Calendar months later, the day kept where the month has it (31 January + 1 month: 28 or 29 February).
    public func adding(months count: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + count
        let y = index.floorDiv(12), m = index - y * 12 + 1
        return CalendarDay(year: y, month: m, day: Swift.min(day, CalendarDay.daysIn(month: m, year: y)))
    }

    private static func phrase(_ words: [String], today: CalendarDay) -> CalendarDay? {
        func weekday(_ word: String) -> CalendarDay? {
            guard let index = weekdays.firstIndex(where: { $0.contains(word) }) else { return nil }
            let ahead = (index - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        switch words.count {
        case 1:
            switch words[0] {
            case "today", "vandaag": return today
            case "tomorrow", "morgen": return today.adding(days: 1)
            case "overmorgen": return today.adding(days: 2)
            default:
                if words[0].count > 3, let day = weekday(words[0]) { return day }
                return CalendarDay(words[0]) ?? numeric(words[0], today: today)
            }
        case 2:
            if ["next", "volgende", "aanstaande", "komende", "deze", "this", "on", "op"].contains(words[0]) {
                if ["week"].contains(words[1]) && !["deze", "this", "on", "op"].contains(words[0]) { return today.adding(days: 7) }
                if ["month", "maand"].contains(words[1]) && !["deze", "this", "on", "op"].contains(words[0]) { return today.adding(months: 1) }
                return weekday(words[1])
            }
            if let day = dayNumber(words[0]), let month = month(words[1]) { return date(day: day, month: month, year: nil, today: today) }
            if let month = month(words[0]), let day = dayNumber(words[1]) { return date(day: day, month: month, year: nil, today: today) }
            return nil
        case 3:
            if let day = dayNumber(words[0]), let month = month(words[1]) { return date(day: day, month: month, year: words[2], today: today) }
            if let month = month(words[0]), let day = dayNumber(words[1]) { return date(day: day, month: month, year: words[2], today: today) }
            if let day = dayNumber(words[0]), words[1] == "of", let month = month(words[2]) { return date(day: day, month: month, year: nil, today: today) }
            guard ["in", "over", "+"].contains(words[0]), let n = Int(words[1]) ?? numbers[words[1]], (0...3650).contains(n)
            else { return nil }
            switch words[2] {
            case "day", "days", "dag", "dagen": return today.adding(days: n)
            case "week", "weeks", "weken": return today.adding(days: 7 * n)
            case "month", "months", "maand", "maanden": return n <= 120 ? today.adding(months: n) : nil
            default: return nil
            }
        case 4:
            if let day = dayNumber(words[0]), words[1] == "of", let month = month(words[2]) { return date(day: day, month: month, year: words[3], today: today) }
            return words == ["the", "day", "after", "tomorrow"] ? today.adding(days: 2) : nil
        default:
            return nil
        }
    }
}

extension Int {
    func floorDiv(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
