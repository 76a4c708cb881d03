import CStemmer
import SpiegelContent

/// A Snowball stemmer for one language (libstemmer): `wachten`, `wachtte` and `wacht` share a stem.
/// Not shareable between threads: each report makes its own.
final class Stemmer {
    private let handle: OpaquePointer?

    init(_ language: Language) {
        handle = sb_stemmer_new(language == .nl ? "dutch" : "english", "UTF_8")
    }

    deinit { if let handle { sb_stemmer_delete(handle) } }

    /// The stem of a lowercased word (the word itself if the stemmer is not available).
    func stem(_ word: String) -> String {
        guard let handle else { return word }
        let bytes = Array(word.utf8)
        guard let out = bytes.withUnsafeBufferPointer({ sb_stemmer_stem(handle, $0.baseAddress, Int32($0.count)) }) else { return word }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
}
