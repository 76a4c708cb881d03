/// A date next to a word that says it is a birth date (geboren, geb., geboortedatum, born, DOB, date of
/// birth, °), numeric (`04-07-1949`, `4/7/'49`, `1961-02-14`) or written in Dutch or English (`4 juli 1949`,
/// `14 Feb 1961`, `the 14th of February 1961`, `February 14, 1961`). Only the date is masked, and a
/// date without such a word (an appointment, a due date) is left alone.
enum DateOfBirthDetector {
    private static let trigger =
        #"(?:geboren|geb\.?|geboortedatum|geboortedag|°|born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|verjaardag)"#
    /// Between the word and the date: punctuation, and up to five short words of the same sentence
    /// (`geboortedatum als`, `geb. datum`, `geboortedatum in ons systeem is`).
    private static let link = #"[\s:,\-–(]*(?:[\p{L}.]{1,10}[\s:,(]+){0,5}?"#
    static let months = [
        "januari", "january", "jan", "februari", "february", "feb", "maart", "march", "mrt", "mar", "april", "apr",
        "mei", "may", "juni", "june", "jun", "juli", "july", "jul", "augustus", "august", "aug", "september",
        "sept", "sep", "oktober", "october", "okt", "oct", "november", "nov", "december", "dec",
    ]
    private static let weekdays = #"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|"#
        + #"tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"#
    private static let month = "(?:" + months.joined(separator: "|") + #")\.?"#
    private static let year = #"(?:\d{4}|['’]\d{2})"#
    private static let date = "(?:" + [
        #"\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|['’]?\d{2})"#,
        #"\d{4}-\d{1,2}-\d{1,2}"#,
        weekdays + #"(?:the\s+)?\d{1,2}(?:st|nd|rd|th|e|ste|de)?\s+(?:of\s+)?"# + month + #"(?:,?\s+"# + year + ")?",
        weekdays + month + #"\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:,?\s+"# + year + ")?",
        #"(?<=in\s)(?:19|20)\d{2}"#,
    ].joined(separator: "|") + ")"
    private static let pattern = Pattern(
        #"(?<![\p{L}\p{N}])"# + trigger + link + "(" + date + ")" + Pattern.after, caseInsensitive: true)

    static let detector = PatternDetector(kind: .dateOfBirth, patterns: [pattern])
}
