import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: tropa.yml, a persona, an example map and a GitHub Actions workflow.",
        discussion: "The folder must be empty or not exist yet."
    )

    @Argument(help: "The folder of the new site.", completion: .directory)
    var directory: String = "."

    @Option(help: "The language of the theme and of the example: en or ru.")
    var language: Language = .en

    func run() throws {
        let fileSystem = DiskFileSystem()
        if fileSystem.kind(at: directory) == .file
            || (fileSystem.kind(at: directory) == .directory
                && !((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).isEmpty) {
            Terminal.printError(.errorLine(.folderNotEmpty(directory)), language: language)
            throw ExitCode(2)
        }
        try Terminal.run(language: language) {
            for file in SiteScaffold(language: language).files {
                try fileSystem.write(Array(file.text.utf8), to: directory.appending("/" + file.path))
            }
        }
        print(Message.createdSite(directory).text(in: language))
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new map under content/ with every layer of the schema as an empty heading.",
        discussion: "The file is named after the title's slug; an existing file is never overwritten."
    )

    @Argument(help: "The map's title.")
    var title: String

    @Option(help: "The persona's id (a file in content/personas/).")
    var persona: String?

    @Option(help: "How many stages to write.")
    var stages: Int = 3

    @Option(help: "Labels of a fork after the stages, separated by commas (\"Онлайн,Офлайн\"): a stage per branch, then one where they meet.")
    var branches: String?

    private var branchLabels: [String] {
        branches.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }

    @Option(name: .customLong("site"), help: "The site folder.", completion: .directory)
    var siteDirectory: String = "."

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        // In `--lang`, else in the site's language (its settings read for that alone), else English.
        let language = lang.lang ?? (try? SiteChecker().settings(root: siteDirectory).language) ?? .en
        guard (1...50).contains(stages) else { throw ValidationError(Message.stagesRange.text(in: language)) }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Message.emptyTitle.text(in: language))
        }
        if branches != nil, let problem = MapScaffold.problem(with: branchLabels) {
            throw ValidationError(problem.text(in: language))
        }
    }

    func run() throws {
        let result = try Terminal.run(language: lang.lang) { try SiteChecker().settings(root: siteDirectory) }
        let language = lang.or(result.language)
        guard let (config, schema) = result.settings else {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: .siteSettings,
                            language: language)
            throw ExitCode(1)
        }
        // A persona that does not exist would fail the check of the map; say so before writing it.
        if let persona {
            let ids = try Terminal.run(language: language) {
                try SiteChecker().personaIDs(root: siteDirectory, config: config)
            }
            guard ids.contains(persona) else {
                Terminal.printError(.unknownPersona(persona), help: SiteValidator.personaHelp(for: persona, among: ids.map { ($0, $0) }),
                                    language: language)
                throw ExitCode(2)
            }
        }
        let scaffold = MapScaffold(title: title, personaID: persona, stageCount: stages, date: Self.today(),
                                   branches: branchLabels)
        let path = siteDirectory + "/" + config.contentPath + "/" + scaffold.fileName
        let fileSystem = DiskFileSystem()
        guard fileSystem.kind(at: path) == nil else {
            Terminal.printError(.errorLine(.mapExists(path)), language: language)
            throw ExitCode(2)
        }
        try Terminal.run(language: language) {
            try fileSystem.write(Array(scaffold.text(schema: schema, language: config.language).utf8), to: path)
        }
        print(Message.created(path).text(in: language))
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
