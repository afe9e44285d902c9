import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: helpText(en: "Write a draft map from a Mermaid user-journey diagram (.mmd).", ru: "Создаёт черновик карты из диаграммы Mermaid user journey (.mmd)."),
        discussion: helpText(en: """
            A stage per section; each task becomes an action and an emotion point labelled with its text, its score \
            mapped from 1..5 onto the schema's scale. Every other required layer is an empty heading to fill in. \
            An existing file is never overwritten.
            """, ru: """
            Каждая секция становится этапом, каждая задача — действием и точкой эмоций с её текстом; оценка задачи \
            переводится с 1..5 на шкалу схемы. Остальные обязательные слои — пустые заголовки, их нужно заполнить. \
            Существующий файл никогда не перезаписывается.
            """)
    )

    @Argument(help: .init(en: "The Mermaid file.", ru: "Файл Mermaid."), completion: .file(extensions: ["mmd", "mermaid"]))
    var file: String

    @Option(help: .init(en: "Where to write the map: a .md file in the content folder, relative to the site folder (default: content/<slug of the title>.md).", ru: "Куда записать карту: .md-файл в папке content, путь относительно папки сайта (по умолчанию content/<название латиницей>.md)."))
    var output: String?

    @Option(help: .init(en: "The persona's id (a file in content/personas/); without it, an actor named like a persona is matched.", ru: "Идентификатор персоны (файл в content/personas/); без него берётся персона, названная как актор диаграммы."))
    var persona: String?

    @Option(name: .customLong("site"), help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let (config, schema, language) = try lang.siteSettings(siteDirectory)
        let fileSystem = DiskFileSystem()
        let bytes = try Terminal.run(language: language) { try fileSystem.read(file) }
        // Decoded as a map is: a file not in UTF-8 is a diagnostic, not text with replacement characters.
        let source: SourceText
        switch SourceText.decode(path: file, bytes: bytes) {
        case .success(let decoded): source = decoded
        case .failure(let problem):
            Terminal.report([problem], sources: [:], format: .text, checked: .theDiagram, language: language)
            throw ExitCode(1)
        }
        let importer = MermaidImport(path: file)
        let (diagram, diagnostics) = importer.parse(source.text)
        guard let diagram, !diagnostics.contains(where: { $0.severity == .error }) else {
            Terminal.report(diagnostics, sources: [file: source], format: .text, checked: .theDiagram, language: language)
            throw ExitCode(1)
        }
        let personas = (try? SiteChecker().check(root: siteDirectory, keepingMaps: false).site?.personas) ?? []
        if let persona, !personas.contains(where: { $0.id == persona }) {
            Terminal.printError(.unknownPersona(persona), help: SiteValidator.personaHelp(for: persona, among: personas.map { ($0.id, $0.name) }),
                                language: language)
            throw ExitCode(2)
        }
        let fallback = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let title = diagram.title.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        let path = try Terminal.run(language: language) {
            try MermaidImport.mapPath(output: output, title: title, site: siteDirectory, config: config)
        }
        guard fileSystem.kind(at: path) == nil else {
            Terminal.printError(.errorLine(.mapExists(path)), language: language)
            throw ExitCode(2)
        }
        // The diagram's warnings once the map is to be written: a refused import says only why.
        if !diagnostics.isEmpty {
            Terminal.report(diagnostics, sources: [file: source], format: .text, checked: .theDiagram, language: language)
        }
        let map = importer.map(diagram, schema: schema, language: config.language, personas: personas,
                               personaID: persona, fallbackTitle: fallback)
        try Terminal.run(language: language) { try fileSystem.write(Array(map.utf8), to: path) }
        print(Message.created(path).text(in: language))
    }
}
