import ArgumentParser
import Foundation
import TropaKit

extension DiagnosticFormat: ExpressibleByArgument {}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "How to print problems: text, github (Actions annotations) or json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every map, persona and the schema of a site, without writing anything."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {
        let result = try Terminal.run { try SiteChecker().check(root: options.siteDirectory) }
        let site = result.site
        let checked = site.map { "checked " + Terminal.count($0.journeys.count, "map") + " and "
            + Terminal.count($0.personas.count, "persona") } ?? "checked"
        Terminal.report(result.diagnostics, sources: result.sources, format: options.format, checked: checked)
        try Terminal.exit(for: result.diagnostics, strict: options.strict)
    }
}
