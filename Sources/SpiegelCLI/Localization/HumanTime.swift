import Foundation
import SpiegelCore

/// Days and moments as people read them, in the local time zone and the session's language: "today 14:05",
/// "yesterday 09:12", "Mon 3 Nov", "ma 3 nov", "3 Nov 2025" for another year. JSON keeps ISO 8601.
struct HumanTime {
    let say: Messages
    let today: CalendarDay
    var timeZone: TimeZone = .current

    /// A day relative to today: "today", "tomorrow", "yesterday", else "Mon 3 Nov" (with the year when
    /// it is not this year's).
    func day(_ day: CalendarDay) -> String {
        switch today.days(until: day) {
        case 0: return say.calendarToday()
        case 1: return say.calendarTomorrow()
        case -1: return say.calendarYesterday()
        default: return date(day)
        }
    }

    /// A day by its date, never "today" or "tomorrow": "Fri 6 Mar", "vr 6 mrt" (with the year when it is
    /// not this year's).
    func date(_ day: CalendarDay) -> String {
        let weekday = Self.word(say.calendarWeekdays(), day.weekday)
        let month = Self.word(say.calendarMonths(), day.month - 1)
        return day.year == today.year ? say.calendarDay(weekday: weekday, day: day.day, month: month) : say.calendarDayYear(day: day.day, month: month, year: day.year)
    }

    /// A stored timestamp as a day and a local time: "today 14:05", "Mon 3 Nov 09:30"; text that is not
    /// a timestamp is shown as it is.
    func moment(_ timestamp: String) -> String {
        guard let date = Timestamp.date(timestamp) else { return timestamp }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return say.calendarMoment(day: day(CalendarDay(date, timeZone: timeZone)), time: time)
    }

    private static func word(_ list: String, _ index: Int) -> String {
        let words = list.split(separator: " ")
        return words.indices.contains(index) ? String(words[index]) : ""
    }
}
