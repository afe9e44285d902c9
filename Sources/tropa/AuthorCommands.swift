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
        abstract: helpText(en: "Create a new site: tropa.yml, a persona, an example map and a GitHub Actions workflow.", ru: "Создаёт новый сайт: tropa.yml, персону, пример карты и workflow для GitHub Actions."),
        discussion: helpText(en: "The folder must be empty or not exist yet.", ru: "Папка должна быть пустой или ещё не существовать.")
    )

    @Argument(help: .init(en: "The folder of the new site.", ru: "Папка нового сайта."), completion: .directory)
    var directory: String = "."

    @Option(help: .init(en: "The language of the theme and of the example: en or ru.", ru: "Язык темы и примера: en или ru."))
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
        abstract: helpText(en: "Write a new map under content/ with every layer of the schema as an empty heading.", ru: "Создаёт новую карту в content/, где каждый слой схемы — пустой заголовок."),
        discussion: helpText(en: "The file is named after the title's slug, in the content folder or the folder --folder names under it; an existing file is never overwritten.", ru: "Имя файла берётся из названия карты, в папке content/ или в той, что указана в --folder; существующий файл никогда не перезаписывается.")
    )

    @Argument(help: .init(en: "The map's title.", ru: "Название карты."))
    var title: String

    @Option(help: .init(en: "The persona's id (a file in content/personas/).", ru: "Идентификатор персоны (файл в content/personas/)."))
    var persona: String?

    @Option(help: .init(en: "How many stages to write.", ru: "Сколько этапов создать."))
    var stages: Int = 3

    @Option(help: .init(en: "A folder under content/ to write the map in (\"b2b\"), made if need be.", ru: "Папка внутри content/, куда положить карту («b2b»); создаётся, если её нет."))
    var folder: String?

    @Option(help: .init(en: "Labels of a fork after the stages, separated by commas (\"Онлайн,Офлайн\"): a stage per branch, then one where they meet.", ru: "Метки развилки после этапов через запятую («Онлайн,Офлайн»): по этапу на ветку, затем этап, где ветки сходятся."))
    var branches: String?

    private var branchLabels: [String] {
        branches.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }

    @Option(name: .customLong("site"), help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        // A usage error, in the language of the help.
        let language = HelpLanguage.current
        guard (1...50).contains(stages) else { throw ValidationError(Message.stagesRange.text(in: language)) }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Message.emptyTitle.text(in: language))
        }
        if branches != nil, let problem = MapScaffold.problem(with: branchLabels) {
            throw ValidationError(problem.text(in: language))
        }
        if let folder, !MapScaffold.isMapFolder(folder) {
            throw ValidationError(Message.notMapFolder(folder).text(in: language))
        }
    }

    func run() throws {
        let (config, schema, language) = try lang.siteSettings(siteDirectory)
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
        let path = siteDirectory + "/" + config.contentPath + "/" + (folder.map { $0 + "/" } ?? "") + scaffold.fileName
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
