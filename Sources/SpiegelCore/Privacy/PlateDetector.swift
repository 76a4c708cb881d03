/// Dutch licence plates in every side code since 1951, with dashes, in either case
/// (`XT-123-B`, `12-ABC-3`, `ab-12-cd`).
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

    static let detector = PatternDetector(kind: .plate, patterns: [pattern])

    private static func expression(_ sideCode: String) -> String {
        sideCode.split(separator: "-").map { part in
            (part.first == "L" ? "[A-Z]" : #"\d"#) + "{\(part.count)}"
        }.joined(separator: "[-–]")
    }
}
