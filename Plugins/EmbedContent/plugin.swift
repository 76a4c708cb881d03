import Foundation
import PackagePlugin

/// Compiles the package's top-level knowledge/ and prompts/ into Swift source for the target.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = ["knowledge", "prompts"].flatMap { folder -> [URL] in
            let url = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { url.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        return [
            .buildCommand(
                displayName: "Compiling knowledge and prompts (\(inputs.count) files)",
                executable: try context.tool(named: "ContentCompiler").url,
                arguments: ["--output", output.path, root.path],
                inputFiles: inputs + [root.appending(path: "knowledge"), root.appending(path: "prompts")],
                outputFiles: [output]
            )
        ]
    }
}
