/// Dutch postcodes: four digits (not starting with 0) and two capital letters, with or without a
/// space (`1015 CJ`, `3581AB`; `1015cj` when written together). SA, SD and SS are never issued.
enum PostcodeDetector {
    private static let spaced = Pattern(Pattern.before + #"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"# + Pattern.after)
    private static let joined = Pattern(Pattern.before + #"[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}"# + Pattern.after)

    static let detector = PatternDetector(kind: .postcode, patterns: [spaced, joined])
}
