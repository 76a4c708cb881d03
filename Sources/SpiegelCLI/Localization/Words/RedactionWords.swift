import SpiegelCore

/// The words of redaction in the session's language: each kind's mask (`[naam 1]`, `[phone 2]`) and the
/// fields a mask came from, for the preview.
struct RedactionWords: Sendable {
    let say: Messages

    /// How a numbered mask reads in an export.
    var label: ExportRedaction.Label {
        { [say] kind, number in say.redactionMask(kind: Self.kind(kind, say), number: number) }
    }

    func kind(_ kind: PersonalDataKind) -> String { Self.kind(kind, say) }

    private static func kind(_ kind: PersonalDataKind, _ say: Messages) -> String {
        switch kind {
        case .name: say.redactionKindName()
        case .phone: say.redactionKindPhone()
        case .email: say.redactionKindEmail()
        case .iban: say.redactionKindIban()
        case .bsn: say.redactionKindBsn()
        case .nationalNumber: say.redactionKindNationalNumber()
        case .postcode: say.redactionKindPostcode()
        case .address: say.redactionKindAddress()
        case .dateOfBirth: say.redactionKindDateOfBirth()
        case .plate: say.redactionKindPlate()
        }
    }

    func field(_ field: TypedField) -> String {
        switch field {
        case .answer: say.redactionFieldAnswer()
        case .listItem: say.redactionFieldListItem()
        case .followUpItem: say.redactionFieldFollowUpItem()
        case .followUpPrompt: say.redactionFieldFollowUpPrompt()
        case .situation: say.redactionFieldSituation()
        case .action: say.redactionFieldAction()
        case .reflection: say.redactionFieldReflection()
        case .checkInDid: say.redactionFieldCheckInDid()
        case .checkInReaction: say.redactionFieldCheckInReaction()
        case .checkInLearned: say.redactionFieldCheckInLearned()
        case .checkInNext: say.redactionFieldCheckInNext()
        case .checkInWhy: say.redactionFieldCheckInWhy()
        case .coachNote: say.redactionFieldCoachNote()
        }
    }
}
