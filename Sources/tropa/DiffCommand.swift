import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: helpText(en: "Print what changed in a map between two versions, in journey terms: stages, items, scores, metrics.", ru: "Выводит, что изменилось в карте между двумя версиями, в терминах карты: этапы, пункты, оценки, метрики."),
        discussion: helpText(en: "Without revisions, the last commit (HEAD) against the file as it is; with one, that revision against the file; with two, the first against the second. The map is a path relative to the site folder. text is for a terminal, markdown for a pull request, json for programs.", ru: "Без ревизий — последний коммит (HEAD) против файла как он есть; с одной — эта ревизия против файла; с двумя — первая против второй. Карта — путь относительно папки сайта. text — для терминала, markdown — для pull request, json — для программ.")
    )

    @Argument(help: .init(en: "The map, relative to the site folder (content/…/map.md).", ru: "Карта, путь относительно папки сайта (content/…/map.md)."))
    var map: String

    @Argument(help: .init(en: "Up to two git revisions.", ru: "До двух ревизий git."))
    var revisions: [String] = []

    @Option(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var site: String = "."

    @Option(help: .init(en: "text, markdown or json.", ru: "text, markdown или json."))
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard revisions.count <= 2 else { throw ValidationError(helpText(en: "give at most two revisions", ru: "укажите не больше двух ревизий")) }
    }

    func run() throws {
        let (diff, settings) = try Terminal.run(language: language.lang) {
            try MapDiff.read(root: site, map: map, revisions: revisions, git: GitCommand(folder: site),
                             language: language.lang)
        }
        guard let diff else {
            Terminal.report(settings.diagnostics, sources: settings.sources, format: .text, checked: .siteSettings,
                            language: language.or(settings.language))
            throw ExitCode(1)
        }
        // On standard error, as `check` prints them: the diff on standard output stays what it says.
        Terminal.report(diff.problems, sources: diff.sources, format: .text, checked: nil,
                        language: language.or(settings.language))
        FileHandle.standardOutput.write(Data(diff.render(format).utf8))
    }
}
