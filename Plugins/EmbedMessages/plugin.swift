import Foundation
import PackagePlugin

/// Compiles the target's message catalogs (Localization/Catalogs/*.messages, one per language) into Swift source.
@main
struct EmbedMessages: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Sources/\(target.name)/Localization/Catalogs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".messages") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "Messages.swift")
        return [
            .buildCommand(
                displayName: "Compiling message catalogs (\(inputs.count) languages)",
                executable: try context.tool(named: "MessageCompiler").url,
                arguments: ["--output", output.path] + inputs.map(\.path),
                inputFiles: inputs + [folder],
                outputFiles: [output]
            )
        ]
    }
}
