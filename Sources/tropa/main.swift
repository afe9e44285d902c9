import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

/// `tropa`: builds customer journey map reports from Markdown.
struct TropaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tropa",
        abstract: helpText(en: "Build customer journey map reports from Markdown.", ru: "Собирает отчёты по картам пути клиента из Markdown."),
        version: Tropa.version,
        subcommands: [InitCommand.self, NewCommand.self, ImportCommand.self, CheckCommand.self, BuildCommand.self, ReportCommand.self,
                      ServeCommand.self, SchemaCommand.self, ThemeCommand.self, DiffCommand.self]
    )
}

/// `tropa help NAME` of a command that does not exist is a usage error: ArgumentParser prints the general help and
/// exits with 0, as if NAME were a command.
let arguments = CommandLine.arguments.dropFirst()
let commands = TropaCommand.configuration.subcommands.map { $0._commandName }
if arguments.first == "help", let name = arguments.dropFirst().first, !name.hasPrefix("-"), !(commands + ["help"]).contains(name) {
    // In the language of the help it stands for.
    FileHandle.standardError.write(Data((Message.unknownCommand(name, commands: commands).text(in: HelpLanguage.current) + "\n").utf8))
    exit(2)
}

do {
    var command = try TropaCommand.parseAsRoot()
    try command.run()
} catch {
    TropaCommand.exitTelling(error)
}
