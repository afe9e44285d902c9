import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

extension DiagnosticFormat: ExpressibleByArgument {}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Argument(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @Option(help: .init(en: "How to print problems: text, github (Actions annotations) or json.", ru: "Как выводить проблемы: text, github (аннотации GitHub Actions) или json."))
    var format: DiagnosticFormat = .text

    @Flag(help: .init(en: "Treat warnings as errors.", ru: "Считать предупреждения ошибками."))
    var strict = false

    @Flag(name: .shortAndLong, help: .init(en: "Print only the problems: no progress line, notes or summary.", ru: "Выводить только проблемы: без строки хода сборки, заметок и итога."))
    var quiet = false

    @OptionGroup var language: LanguageOption

    /// The summary line to print after the problems, unless `--quiet`.
    func summary(_ message: Message) -> Message? { quiet ? nil : message }

    /// The site folder from the repository's root in GitHub Actions, else from the current folder: annotations name
    /// files from there.
    var siteFolder: String {
        DiagnosticFormatter.siteFolder(siteDirectory, from: FileManager.default.currentDirectoryPath,
                                       root: ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"])
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: helpText(en: "Validate every map, persona and the schema of a site, without writing anything.", ru: "Проверяет все карты, персоны и схему сайта, ничего не записывая.")
    )

    @OptionGroup var options: SiteOptions

    @Flag(help: .init(en: "Check as `build --drafts` builds: links to drafts lead to pages then.", ru: "Проверять так, как собирает `build --drafts`: тогда ссылки на черновики ведут на страницы."))
    var drafts = false

    func run() throws {
        let result = try Terminal.run(language: options.language.lang, format: options.format) {
            try ProgressLine.showing(.check, format: options.format, quiet: options.quiet,
                                     language: options.language.lang) { progress in
                try SiteChecker().check(root: options.siteDirectory, includeDrafts: drafts, day: Self.day(),
                                        keepingMaps: false, progress: progress)
            }
        }
        let checked = result.site.map { Message.checked(maps: result.mapCount, personas: $0.personas.count) }
        Terminal.report(result.diagnostics, sources: result.sources, format: options.format,
                        checked: options.summary(checked ?? .checkedSite), strict: options.strict,
                        language: options.language.or(result.language), siteFolder: options.siteFolder)
        try Terminal.exit(for: result.diagnostics, strict: options.strict)
    }
}

extension CheckCommand {
    /// The day reviews are due by: `SOURCE_DATE_EPOCH`'s when it is set (reproducible checks), otherwise today, in UTC.
    static func day(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> CalendarDay {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return CalendarDay(secondsSince1970: seconds ?? Int(now.timeIntervalSince1970.rounded(.down)))
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: helpText(en: "Check the site, then write it as a static site (default: public/).", ru: "Проверяет сайт и записывает его как статический сайт (по умолчанию в public/)."),
        discussion: helpText(en: "Nothing is written when the site has errors. The new output is built beside the old one and swapped in, so a failed build leaves the previous output whole.", ru: "Если в сайте есть ошибки, ничего не записывается. Новый вывод собирается рядом со старым и заменяет его целиком, так что неудачная сборка оставляет прежний вывод как был.")
    )

    @OptionGroup var options: SiteOptions

    @Option(name: .shortAndLong, help: .init(en: "The output folder (default: the site's `output` setting, public/).", ru: "Папка вывода (по умолчанию — настройка `output` сайта, public/)."),
            completion: .directory)
    var output: String?

    @Flag(help: .init(en: "Include maps marked `draft: true`.", ru: "Включить карты с `draft: true`."))
    var drafts = false

    @Flag(help: .init(en: "Build no history pages, even inside a git work tree.", ru: "Не собирать страницы истории, даже в рабочей копии git."))
    var noHistory = false

    func run() throws {
        let git = noHistory ? nil : GitCommand(folder: options.siteDirectory)
        let result = try Terminal.run(language: options.language.lang, format: options.format) {
            try ProgressLine.showing(.build, format: options.format, quiet: options.quiet,
                                     language: options.language.lang) { progress in
                let chosen = options.language.lang
                let waiting: @Sendable (String, Language) -> Void = { output, site in
                    Terminal.printNotes([.waitingForBuild(output)], language: chosen ?? site)
                }
                let buildOptions = BuildOptions(output: output, includeDrafts: drafts, strict: options.strict,
                                                progress: progress, whenWaiting: options.quiet ? nil : waiting,
                                                program: ProgramBuild.id)
                return try SiteBuilder(git: git).build(root: options.siteDirectory, options: buildOptions)
            }
        }
        if !options.quiet { Terminal.printNotes(result.notes, language: options.language.or(result.check.language)) }
        let summary = result.outputPath.map { output in
            if result.upToDate { return Message.upToDate(maps: result.mapCount, files: result.fileCount, output: output) }
            guard let update = result.update else { return .built(maps: result.mapCount, files: result.fileCount, output: output) }
            return .updated(maps: update.maps, of: result.mapCount, written: update.written, files: result.fileCount, output: output)
        }
        Terminal.report(result.check.diagnostics, sources: result.check.sources, format: options.format,
                        checked: options.summary(summary ?? .nothingWritten), strict: options.strict,
                        language: options.language.or(result.check.language), siteFolder: options.siteFolder)
        try Terminal.exit(for: result.check.diagnostics, strict: options.strict)
    }
}

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: helpText(en: "Print every map's evaluation — funnel, weakest stage, NPS against conversion — without building pages.", ru: "Выводит оценку каждой карты — воронку, самый слабый этап, NPS против конверсии — без сборки страниц."),
        discussion: helpText(en: "text is for a terminal, markdown for a CI job summary (append it to $GITHUB_STEP_SUMMARY), json for programs (its fields: docs/analysis.md). Problems in the site go to standard error; with errors nothing is printed and tropa exits with 1.", ru: "text — для терминала, markdown — для сводки задачи CI (допишите его в $GITHUB_STEP_SUMMARY), json — для программ (его поля: docs/analysis.md). Проблемы сайта выводятся в поток ошибок; при ошибках ничего не выводится и tropa завершается с кодом 1.")
    )

    @Argument(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @Option(help: .init(en: "text, markdown or json.", ru: "text, markdown или json."))
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOption

    func run() throws {
        let result = try Terminal.run(language: language.lang) { try SiteChecker().check(root: siteDirectory) }
        if !result.diagnostics.isEmpty {
            Terminal.report(result.diagnostics, sources: result.sources, format: .text, checked: .checkedSite,
                            language: language.or(result.language))
        }
        guard var site = result.site, !result.diagnostics.hasErrors else { throw ExitCode(1) }
        // The report is read like the messages: its words and numbers follow `--lang` too.
        site.config.language = language.or(site.config.language)
        FileHandle.standardOutput.write(Data(JourneyReport(site: site, facts: result.facts).render(format).utf8))
    }
}
