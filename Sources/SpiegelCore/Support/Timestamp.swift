import Foundation

/// ISO 8601 timestamps with the local offset (`2026-11-23T09:15:02+01:00`), as stored in journals.
public enum Timestamp {
    public static func string(_ date: Date, timeZone: TimeZone = .current) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = CalendarDay(ordinal: local.floorDiv(86_400))
        let secondOfDay = local - local.floorDiv(86_400) * 86_400
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return String(format: "%@T%02d:%02d:%02d%@%02d:%02d", day.description, secondOfDay / 3600,
                      secondOfDay % 3600 / 60, secondOfDay % 60, sign, magnitude / 3600, magnitude % 3600 / 60)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (fractions of a second are ignored);
    /// a bare `YYYY-MM-DD` means local midnight.
    public static func date(_ text: String, timeZone: TimeZone = .current) -> Date? {
        let chars = Array(text.utf8)
        if chars.count == 10, let day = CalendarDay(text) {
            let midnight = Date(timeIntervalSince1970: Double(day.ordinal * 86_400))
            return midnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: midnight)))
        }
        guard chars.count >= 20, let day = CalendarDay(String(text.prefix(10))), chars[10] == UInt8(ascii: "T") else {
            return nil
        }
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= chars.count else { return nil }
            return Int(String(decoding: chars[start..<start + length], as: UTF8.self))
        }
        guard let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        var rest = 19
        if rest < chars.count, chars[rest] == UInt8(ascii: ".") {
            rest += 1
            while rest < chars.count, (48...57).contains(chars[rest]) { rest += 1 }
        }
        var offset = 0
        if rest < chars.count, chars[rest] == UInt8(ascii: "Z") {
            rest += 1
        } else if rest + 6 == chars.count, let oh = number(rest + 1, 2), let om = number(rest + 4, 2),
                  (0..<24).contains(oh), (0..<60).contains(om) {
            offset = (oh * 3600 + om * 60) * (chars[rest] == UInt8(ascii: "-") ? -1 : 1)
            rest += 6
        } else {
            return nil
        }
        guard rest == chars.count else { return nil }
        let seconds = day.ordinal * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
