import Foundation
import Testing

@Suite("Version")
struct VersionTests {
    /// One line, a Debian-compatible version: a development build says X.Y.Z-dev, a package its own version.
    @Test func versionIsOneLineThatStartsWithADigit() throws {
        let result = try spiegel(["--version"], sandbox: Sandbox())
        #expect(result.status == 0, "\(result)")
        let version = result.stdout.trimmingCharacters(in: .newlines)
        #expect(!version.contains("\n"), "\(result)")
        #expect(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+([-+~][A-Za-z0-9.+~]+)?$"#, options: .regularExpression) != nil,
                "\(result)")
    }
}
