// Build-time tool: validates the curated knowledge/ and prompts/ and writes them out as Swift source,
// so the binary carries its content and start-up parses nothing.
// Usage: ContentCompiler --output FILE CONTENT_DIR
import Foundation
import SpiegelContent

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3, arguments.first == "--output" else {
    FileHandle.standardError.write(Data("usage: ContentCompiler --output FILE CONTENT_DIR\n".utf8))
    exit(64)
}
let output = arguments[arguments.startIndex + 1]
let directory = arguments[arguments.startIndex + 2]

switch ContentLoader().load(directories: [directory]).flatMap({ ContentValidator().validate($0) }) {
case .failure(let errors):
    for problem in errors.diagnostics {
        FileHandle.standardError.write(Data("\(problem.location): error: \(problem.message)\n".utf8))
    }
    exit(65)
case .success(let content):
    let source = SwiftEmitter().emit(content)
    do {
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
        exit(73)
    }
}
