import Foundation

/// International bank account numbers in any case, grouped by spaces or dashes or not at all
/// (`NL91 ABNA 0417 1643 00`, `nl91abna0417164300`, `NL91-ABNA-0417-1643-00`), checked with mod 97.
struct IBANDetector: PersonalDataDetector {
    private static let candidate = Pattern(
        Pattern.before + #"[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){10,32}"#)
    /// Lengths of the countries whose IBANs appear most in Dutch and English text.
    private static let lengths: [String: Int] = [
        "NL": 18, "BE": 16, "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "LU": 20, "AT": 20, "CH": 21,
        "IE": 22, "PT": 25, "PL": 28, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "TR": 26, "GR": 27, "CZ": 24,
    ]

    var kind: PersonalDataKind { .iban }

    func ranges(in text: ScannedText) -> [NSRange] {
        guard text.hasDigit else { return [] }
        return Self.candidate.matches(in: text).compactMap { match in
            let candidate = text.substring(match.range)
            // The pattern may run on into the next word: the IBAN is the longest valid prefix.
            var offsets: [Int] = []  // UTF-16 offset just after each letter or digit
            var characters: [Character] = []
            var offset = 0
            for unit in candidate {
                offset += unit.utf16.count
                if unit != " " && unit != "-" {
                    characters.append(unit)
                    offsets.append(offset)
                }
            }
            for count in stride(from: min(34, characters.count), through: 15, by: -1) {
                let iban = String(characters.prefix(count)).uppercased()
                if Self.isValid(iban) {
                    let end = offsets[count - 1]
                    if let next = text.character(at: match.range.location + end), next.isLetter || next.isNumber {
                        continue
                    }
                    return NSRange(location: match.range.location, length: end)
                }
            }
            return nil
        }
    }

    /// How many characters an account number of `country` has, when it is a country this detector knows.
    static func length(of country: String) -> Int? { lengths[country] }

    /// The shapes of Dutch and Belgian account numbers: so specific that one with a mistyped digit is
    /// still an account number.
    private static let shapes: [String: String] = ["NL": #"^NL\d{2}[A-Z]{4}\d{10}$"#, "BE": #"^BE\d{14}$"#]

    /// The country's length (when known) and the ISO 7064 mod-97 check, or a Dutch or Belgian shape.
    static func isValid(_ iban: String) -> Bool {
        let country = String(iban.prefix(2))
        if let length = lengths[country], length != iban.count { return false }
        if let shape = shapes[country], iban.range(of: shape, options: .regularExpression) != nil { return true }
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value: Int
            if character.isASCIIDigit, let digit = character.wholeNumberValue {
                value = digit
            } else if let letter = letterValue(character) {
                value = letter
            } else {
                return false
            }
            for digit in String(value) {
                remainder = (remainder * 10 + digit.wholeNumberValue!) % 97
            }
        }
        return remainder == 1
    }

    private static func letterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
        return Int(ascii) - 55
    }
}
