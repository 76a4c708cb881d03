import CEditLine

/// Splits a command line into words the way a shell does (quotes, backslashes), using libedit's tokenizer.
public enum Tokenizer {
    public enum Failure: Error, Equatable {
        case unbalancedQuote
    }

    public static func split(_ line: String) throws(Failure) -> [String] {
        guard let tokenizer = tok_init(nil) else { return line.split(separator: " ").map(String.init) }
        defer { tok_end(tokenizer) }
        var argc: Int32 = 0
        var argv: UnsafeMutablePointer<UnsafePointer<CChar>?>?
        let status = tok_str(tokenizer, line, &argc, &argv)
        guard status == 0 else { throw .unbalancedQuote }
        var words: [String] = []
        for index in 0..<Int(argc) {
            if let word = argv?[index] { words.append(String(cString: word)) }
        }
        return words
    }
}
