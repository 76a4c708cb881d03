import Foundation
import Testing
@testable import SpiegelCore

/// Recall per kind on a generated corpus of Dutch and English sentences, against the goals of the issue.
/// The table it prints is the one in the README's "Redaction" section.
@Suite struct RedactionRecallTests {
    static let samplesPerCategory = 400

    @Test func recallMeetsTheGoalOfEveryKind() {
        var corpus = RedactionCorpus(seed: 14)
        let samples = corpus.samples(perCategory: Self.samplesPerCategory)
        let plain = Redactor()
        var masked: [RecallCategory: Int] = [:]
        var misses: [RecallCategory: [String]] = [:]
        for sample in samples {
            let redactor = sample.words.isEmpty ? plain : Redactor(words: WordList(lines: sample.words))
            let output = redactor.redact(sample.text)
            if Self.isMasked(sample, in: output) {
                masked[sample.category, default: 0] += 1
            } else {
                misses[sample.category, default: []].append("\(sample.text) -> \(output)")
            }
        }
        var table = ["| Kind | Samples | Masked | Recall | Goal |", "|---|---:|---:|---:|---:|"]
        for category in RecallCategory.allCases {
            let recall = Double(masked[category] ?? 0) / Double(Self.samplesPerCategory)
            let percent = String(format: "%.1f%%", recall * 100), goal = String(format: "%.0f%%", category.goal * 100)
            table.append("| \(category.rawValue) | \(Self.samplesPerCategory) | \(masked[category] ?? 0) | \(percent) | \(goal) |")
            let missed = misses[category, default: []].prefix(8).joined(separator: "\n")
            #expect(recall >= category.goal, "\(category.rawValue): \(missed)")
        }
        print(table.joined(separator: "\n"))
        for (category, missed) in misses.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("missed (\(category.rawValue)): " + missed.prefix(5).joined(separator: " | "))
        }
    }

    /// The label is there and no part of the value is left, in any case.
    static func isMasked(_ sample: RedactionSample, in output: String) -> Bool {
        let tokens = Set(output.precomposedStringWithCanonicalMapping.lowercased()
            .split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return output.contains(sample.category.label) && !sample.secrets.contains { tokens.contains($0.lowercased()) }
    }
}
