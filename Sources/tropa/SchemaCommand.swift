import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

struct SchemaCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case yaml
    }

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the site's layer schema: the headings, kinds and metrics a map may use.",
        discussion: "`--format yaml` prints a schema.yml that reproduces the active schema, to start a custom one from."
    )

    @Argument(help: "The site folder.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "markdown (an overview) or yaml (a schema.yml).")
    var format: Format = .markdown

    func run() throws {
        let result = try Terminal.run { try SiteChecker().settings(root: siteDirectory) }
        guard let (_, schema) = result.settings else {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: "the schema")
            throw ExitCode(1)
        }
        let text = format == .yaml ? SchemaDescription.yaml(schema) : SchemaDescription.markdown(schema)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
