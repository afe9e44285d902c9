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
        abstract: helpText(en: "Print the site's layer schema: the headings, kinds and metrics a map may use.", ru: "Выводит схему слоёв сайта: заголовки, виды слоёв и метрики, которые может использовать карта."),
        discussion: helpText(en: """
            `--format yaml` prints a schema.yml that reproduces the active schema, to start a custom one from; \
            `tropa schema --default --output schema.yml` writes the built-in one into a new (or empty) schema.yml. \
            An empty schema.yml counts as none here, so `tropa schema --format yaml > schema.yml` works too.
            """, ru: """
            `--format yaml` выводит schema.yml, повторяющий действующую схему, — с него удобно начать свою; \
            `tropa schema --default --output schema.yml` записывает встроенную схему в новый (или пустой) schema.yml. \
            Пустой schema.yml здесь считается отсутствующим, так что `tropa schema --format yaml > schema.yml` тоже \
            работает.
            """)
    )

    @Argument(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @Option(help: .init(en: "markdown (an overview) or yaml (a schema.yml); with --output, yaml for a .yml or .yaml file.", ru: "markdown (обзор) или yaml (schema.yml); с --output для файла .yml или .yaml — yaml."))
    var format: Format?

    @Flag(name: .customLong("default"), help: .init(en: "The built-in schema, whatever the site has; the site is not read.", ru: "Встроенная схема, какая бы ни была у сайта; сайт не читается."))
    var builtIn = false

    @Option(name: .shortAndLong,
            help: .init(en: "Write the schema to this file (relative to the current folder); an existing file is never overwritten unless it is empty.", ru: "Записать схему в этот файл (путь относительно текущей папки); существующий файл перезаписывается, только если он пустой."),
            completion: .file())
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let (schema, language) = builtIn ? (LayerSchema.default, language.or(.en)) : try siteSchema()
        let chosen = format ?? (output.map(Self.namesYAML) == true ? .yaml : .markdown)
        let text = chosen == .yaml ? SchemaDescription.yaml(schema) : SchemaDescription.markdown(schema, language: language)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try write(text, to: output, language: language)
    }

    /// The schema the site uses, and the language to tell of it in; an empty schema file (what `> schema.yml`
    /// leaves before tropa runs) is none.
    private func siteSchema() throws -> (LayerSchema, Language) {
        let result = try Terminal.run(language: language.lang) {
            try SiteChecker().settings(root: siteDirectory, emptySchemaIsDefault: true)
        }
        let language = language.or(result.language)
        guard let (_, schema) = result.settings else {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: .theSchema,
                            language: language)
            Terminal.printError(.defaultSchemaHint, language: language)
            throw ExitCode(1)
        }
        if let empty = result.emptySchema {
            Terminal.printError(.emptySchemaNote(empty), language: language)
        }
        return (schema, language)
    }

    private static func namesYAML(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".yml") || name.hasSuffix(".yaml")
    }

    /// Writes `text` to `path`, which must not exist or be empty: an author's file is never overwritten.
    private func write(_ text: String, to path: String, language: Language) throws {
        let fileSystem = DiskFileSystem()
        switch fileSystem.kind(at: path) {
        case .directory:
            Terminal.printError(.errorLine(.outputIsFolder(path)), language: language)
            throw ExitCode(2)
        case .file:
            let bytes = try Terminal.run(language: language) { try fileSystem.read(path) }
            guard String(decoding: bytes, as: UTF8.self).allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) else {
                Terminal.printError(.errorLine(.outputNotEmpty(path)), language: language)
                throw ExitCode(2)
            }
        case nil:
            break
        }
        try Terminal.run(language: language) { try fileSystem.write(text: text, to: path) }
        Terminal.printLine(Message.wrote(path).text(in: language))
    }
}
