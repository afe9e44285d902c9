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
        discussion: """
            `--format yaml` prints a schema.yml that reproduces the active schema, to start a custom one from; \
            `tropa schema --default --output schema.yml` writes the built-in one into a new (or empty) schema.yml. \
            An empty schema.yml counts as none here, so `tropa schema --format yaml > schema.yml` works too.
            """
    )

    @Argument(help: "The site folder.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "markdown (an overview) or yaml (a schema.yml); with --output, yaml for a .yml or .yaml file.")
    var format: Format?

    @Flag(name: .customLong("default"), help: "The built-in schema, whatever the site has; the site is not read.")
    var builtIn = false

    @Option(name: .shortAndLong,
            help: "Write the schema to this file (relative to the current folder); an existing file is never overwritten unless it is empty.",
            completion: .file())
    var output: String?

    func run() throws {
        let schema = builtIn ? LayerSchema.default : try siteSchema()
        let chosen = format ?? (output.map(Self.namesYAML) == true ? .yaml : .markdown)
        let text = chosen == .yaml ? SchemaDescription.yaml(schema) : SchemaDescription.markdown(schema)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try write(text, to: output)
    }

    /// The schema the site uses; an empty schema file (what `> schema.yml` leaves before tropa runs) is none.
    private func siteSchema() throws -> LayerSchema {
        let result = try Terminal.run { try SiteChecker().settings(root: siteDirectory, emptySchemaIsDefault: true) }
        guard let (_, schema) = result.settings else {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: "the schema")
            Terminal.printError("`tropa schema --default` prints the built-in schema")
            throw ExitCode(1)
        }
        if let empty = result.emptySchema {
            Terminal.printError("note: \(empty) is empty, so this is the default schema "
                + "(check and build stop at an empty \(empty): fill it in or delete it)")
        }
        return schema
    }

    private static func namesYAML(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".yml") || name.hasSuffix(".yaml")
    }

    /// Writes `text` to `path`, which must not exist or be empty: an author's file is never overwritten.
    private func write(_ text: String, to path: String) throws {
        let fileSystem = DiskFileSystem()
        switch fileSystem.kind(at: path) {
        case .directory:
            Terminal.printError("error: \(path) is a folder; give --output a file name")
            throw ExitCode(2)
        case .file:
            let bytes = try Terminal.run { try fileSystem.read(path) }
            guard String(decoding: bytes, as: UTF8.self).allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) else {
                Terminal.printError("error: \(path) already exists and is not empty; tropa does not overwrite it "
                    + "(choose another file, or delete it first)")
                throw ExitCode(2)
            }
        case nil:
            break
        }
        try Terminal.run { try fileSystem.write(text: text, to: path) }
        Terminal.printLine("wrote \(path)")
    }
}
