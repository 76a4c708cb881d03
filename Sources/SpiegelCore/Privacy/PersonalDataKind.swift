/// The kinds of personal data the redactor masks. Each is replaced by its `label`, an ASCII code that
/// reads the same in every language of an export.
public enum PersonalDataKind: String, Codable, Sendable, CaseIterable {
    case phone, email, iban, bsn
    /// The Belgian rijksregisternummer (INSZ).
    case nationalNumber = "national number"
    case postcode, address
    case dateOfBirth = "date of birth"
    case plate, name

    /// What replaces the masked text: `[phone]`, `[date of birth]`, …
    public var label: String { "[\(rawValue)]" }
}
