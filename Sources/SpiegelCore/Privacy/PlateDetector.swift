/// Dutch licence plates in every side code since 1951, with dashes, in either case
/// (`XT-123-B`, `12-ABC-3`, `ab-12-cd`); Belgian plates (`1-ABC-234`, `1ABC234`, `ABC-123`). A code after
/// a word like `artikel`, `type` or `kamer` is not a plate.
enum PlateDetector {
    /// L is a letter, D a digit; side codes 1 to 14.
    private static let sideCodes = [
        "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
        "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
    ]
    private static let pattern = Pattern(
        Pattern.before + "(?:" + sideCodes.map(expression).joined(separator: "|") + ")"
            + #"(?![\p{L}\p{N}]|-[\p{L}\p{N}])"#,
        caseInsensitive: true)

    private static let belgian = Pattern(
        Pattern.before + #"(?:[1-9][-–]?[A-Z]{3}[-–]?\d{3}|[A-Z]{3}[-–]\d{3})"# + #"(?![\p{L}\p{N}]|-[\p{L}\p{N}])"#,
        caseInsensitive: true)

    /// British plates since 2001 (`LR19 XKM`), in capitals.
    private static let british = Pattern(Pattern.before + #"[A-Z]{2}\d{2} ?[A-Z]{3}"# + Pattern.after)

    static let detector = PatternDetector(kind: .plate, patterns: [pattern, belgian, british], applies: \.hasDigit,
                                          accepts: { $0.contains(where: \.isLetter) }, rejects: ContextWords.notPlate)

    private static func expression(_ sideCode: String) -> String {
        sideCode.split(separator: "-").map { part in
            (part.first == "L" ? "[A-Z]" : #"\d"#) + "{\(part.count)}"
        }.joined(separator: "[-–]")
    }
}
