/// A short passage quoted word for word from a source text, with the person it belongs to.
///
/// Quotations are the only texts in the content that are not written in our own words, so they are
/// kept apart from names, summaries and bodies, and always carry their author.
public struct Quotation: Codable, Sendable, Hashable {
    /// The quoted words exactly as the source gives them.
    public var text: String
    /// The language of `text`.
    public var language: Language
    /// Our translation into the other language (required in the curated content).
    public var translation: String?
    /// Who said or wrote the words.
    public var author: String
    /// The work the author wrote them in, when the source names one (e.g. a book it cites).
    public var work: String?
    /// The id of the source node the words were taken from.
    public var source: String
    public var location: SourceLocation?

    public init(text: String, language: Language, translation: String? = nil, author: String, work: String? = nil,
                source: String, location: SourceLocation? = nil) {
        self.text = text
        self.language = language
        self.translation = translation
        self.author = author
        self.work = work
        self.source = source
        self.location = location
    }

    /// The quotation for a reader of `language`: the words themselves, and our translation when they are
    /// in the other language.
    public func resolved(_ language: Language) -> (text: String, translation: String?) {
        (text, language == self.language ? nil : translation)
    }
}
