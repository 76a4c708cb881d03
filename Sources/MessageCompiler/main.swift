// Build-time tool: reads one message catalog per language (Localization/LANG.messages in the target) and
// writes the `Messages` type: one function per phrase, answering in the session's language. A phrase
// missing in a language, a stray one, a placeholder one language has and the other lacks, or a plural
// without both forms fails the build with FILE:LINE.
// Usage: MessageCompiler --output FILE CATALOG...
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, arguments[0] == "--output" else {
    FileHandle.standardError.write(Data("usage: MessageCompiler --output FILE CATALOG...\n".utf8))
    exit(64)
}
let output = arguments[1]
var catalogs: [Catalog] = []
var problems: [String] = []
for path in arguments.dropFirst(2).sorted() {
    do {
        catalogs.append(try Catalog.read(path))
    } catch let problem as CatalogProblem {
        problems.append(problem.description)
    } catch {
        problems.append("\(path): error: \(error)")
    }
}
problems += Catalog.compare(catalogs)
if !problems.isEmpty {
    for problem in problems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
    exit(65)
}
do {
    try SwiftMessages.emit(catalogs).write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
