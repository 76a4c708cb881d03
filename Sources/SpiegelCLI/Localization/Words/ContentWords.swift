import SpiegelContent
import SpiegelCore

extension Messages {
    /// A node kind's name: "practice", "praktijk".
    func nodeKind(_ kind: NodeKind) -> String {
        switch kind {
        case .principle: nodekindPrinciple()
        case .practice: nodekindPractice()
        case .barrier: nodekindBarrier()
        case .need: nodekindNeed()
        case .concept: nodekindConcept()
        case .source: nodekindSource()
        case .exercise: nodekindExercise()
        case .dialogue: nodekindDialogue()
        case .doDont: nodekindDoDont()
        case .rolePlay: nodekindRolePlay()
        case .reflection: nodekindReflection()
        case .sessionPlan: nodekindSessionPlan()
        case .guidance: nodekindGuidance()
        }
    }

    /// Who speaks a dialogue's turn: "Klant".
    func speaker(_ speaker: Speaker) -> String {
        switch speaker {
        case .customer: speakerCustomer()
        case .employee: speakerEmployee()
        case .colleague: speakerColleague()
        }
    }

    /// A relation as read from the node shown: outgoing "builds on", incoming "foundation for".
    func edge(_ kind: EdgeKind, outgoing: Bool) -> String {
        switch (kind, outgoing) {
        case (.supports, true): edgeSupports()
        case (.supports, false): edgeSupportedBy()
        case (.counters, true): edgeCounters()
        case (.counters, false): edgeCounteredBy()
        case (.hinders, true): edgeHinders()
        case (.hinders, false): edgeHinderedBy()
        case (.buildsOn, true): edgeBuildsOn()
        case (.buildsOn, false): edgeFoundationFor()
        case (.contrastsWith, _): edgeContrastsWith()
        case (.exampleOf, true): edgeExampleOf()
        case (.exampleOf, false): edgeExamples()
        case (.addresses, true): edgeAddresses()
        case (.addresses, false): edgeAddressedBy()
        case (.broader, true): edgeBroader()
        case (.broader, false): edgeNarrower()
        case (.related, _): edgeRelated()
        case (.from, true): edgeFrom()
        case (.from, false): edgeSourceOf()
        case (.trains, true): edgeTrains()
        case (.trains, false): edgeTrainedBy()
        case (.teaches, true): edgeFor()
        case (.teaches, false): edgeMaterial()
        }
    }

    /// A commitment's status: "done", "afgerond".
    func status(_ status: CommitmentStatus) -> String {
        switch status {
        case .open: statusOpen()
        case .done: statusDone()
        case .moved: statusMoved()
        case .dropped: statusDropped()
        }
    }
}

extension Messages {
    /// A principle's one word ("verbinding" for connection), for lists and columns; a pack's own
    /// principles keep their ids.
    func principleWord(_ id: String) -> String {
        switch id {
        case "interest": principleInterest()
        case "connection": principleConnection()
        case "action": principleAction()
        case "awareness": principleAwareness()
        case "boundaries": principleBoundaries()
        default: id
        }
    }
}
