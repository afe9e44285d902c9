import ArgumentParser
import Foundation
import TropaKit

/// `tropa`: builds customer journey map reports from Markdown.
struct TropaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tropa",
        abstract: "Build customer journey map reports from Markdown.",
        version: Tropa.version,
        subcommands: [InitCommand.self, NewCommand.self, CheckCommand.self, BuildCommand.self, ServeCommand.self,
                      SchemaCommand.self]
    )
}

/// Runs the chosen command; `serve` is the one that is asynchronous.
func runCommand() async throws {
    var command = try TropaCommand.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}

/// Usage errors exit with 2, as the format promises, instead of ArgumentParser's 64.
do {
    try await runCommand()
} catch {
    let code = TropaCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((TropaCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    TropaCommand.exit(withError: error)
}
