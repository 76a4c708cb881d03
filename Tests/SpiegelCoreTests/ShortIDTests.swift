import Testing
@testable import SpiegelCore

@Suite struct ShortIDTests {
    @Test func neighboursDecideTheShortestUniqueStart() {
        #expect(ShortID.prefix(of: "20261120-100000-aaaa", before: "20261119-090000-bbbb", after: "20261124-100000-cccc") == "20261120")
        #expect(ShortID.prefix(of: "20261120-100000-aaaa", before: nil, after: "20261120-100500-cccc") == "20261120-1000")
        #expect(ShortID.prefix(of: "abc", before: nil, after: nil) == "abc", "never longer than the id")
        #expect(ShortID.prefix(of: "20261120-100000-aaaa", before: nil, after: nil, minimum: 4) == "2026")
    }

    @Test func prefixesAmongAllAreUniqueAndMinimal() {
        let ids = ["20261120-100000-aaaa", "20261120-100000-abbb", "20261120-110000-cccc", "20261121-090000-dddd", "x"]
        let short = ShortID.prefixes(of: ids, among: ids)
        for id in ids {
            let prefix = try! #require(short[id])
            #expect(id.hasPrefix(prefix))
            #expect(ids.filter { $0.hasPrefix(prefix) } == [id], "\(prefix) names \(id) alone")
            if prefix.count > 8 {
                let shorter = String(prefix.dropLast())
                #expect(ids.filter { $0.hasPrefix(shorter) }.count > 1, "\(prefix) is the shortest")
            }
        }
        #expect(short["20261120-100000-aaaa"] == "20261120-100000-aa")
    }

    @Test func aCommitmentIsShortOnlyWhenItsEntryHasNoOther() {
        let commitment = Commitment(id: "20261120-100000-aaaa.1", stepId: "plan", action: "greet", due: CalendarDay("2026-11-30")!)
        #expect(ShortID.commitment(commitment, entryShortID: "20261120", commitmentsOfEntry: 1) == "20261120")
        #expect(ShortID.commitment(commitment, entryShortID: "20261120", commitmentsOfEntry: 2) == commitment.id)
        #expect(ShortID.commitment(commitment, entryShortID: nil, commitmentsOfEntry: 1) == commitment.id)
    }
}
