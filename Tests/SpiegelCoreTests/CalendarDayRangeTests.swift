import Testing
@testable import SpiegelCore

/// Dates keep four-digit years, as ISO 8601 and iCalendar write them: years 0 and 99999 are no dates.
@Suite struct CalendarDayRangeTests {
    @Test func yearsOutsideFourDigitsAreRefused() {
        #expect(CalendarDay("0000-01-01") == nil)
        #expect(CalendarDay("99999-12-31") == nil)
        #expect(CalendarDay("2026-12-31") == CalendarDay(year: 2026, month: 12, day: 31))
        let today = CalendarDay(year: 2026, month: 12, day: 7)
        #expect(CalendarDay.parseDue("in 9999999 days", today: today) == nil)
        #expect(CalendarDay.parseDue("in 7 days", today: today) == CalendarDay(year: 2026, month: 12, day: 14))
    }
}
