/// The languages Spiegel speaks.
public enum Language: String, Codable, Sendable, CaseIterable {
    case en, nl
}

/// A text in English and Dutch. Either may be missing in a run-time pack; the curated content has both.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var en: String?
    public var nl: String?

    public init(en: String? = nil, nl: String? = nil) {
        self.en = en
        self.nl = nl
    }

    public subscript(language: Language) -> String? {
        switch language {
        case .en: en
        case .nl: nl
        }
    }

    /// The text in `language`, falling back to the other language; `isFallback` tells which happened.
    public func resolved(_ language: Language) -> (text: String, isFallback: Bool) {
        if let own = self[language], !own.isEmpty { return (own, false) }
        let other: Language = language == .en ? .nl : .en
        return (self[other] ?? "", true)
    }

    /// Overlays the texts present in `other` on top of these.
    public func overlaid(with other: LocalizedText?) -> LocalizedText {
        guard let other else { return self }
        return LocalizedText(en: other.en ?? en, nl: other.nl ?? nl)
    }
}
