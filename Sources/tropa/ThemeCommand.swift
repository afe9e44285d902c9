import TropaModel
import TropaBuild
import TropaAuthoring
import ArgumentParser
import TropaTerminal

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: helpText(en: "List the built-in theme's files and which the site changes; with --copy, copy them into its templates/ to change them.",
                           ru: "Перечисляет файлы встроенной темы и какие из них сайт меняет; с --copy копирует их в templates/ сайта, чтобы менять их там."),
        discussion: helpText(en: """
            `tropa theme --copy base style.css` writes the two into the site's templates folder (`--copy all`: every \
            file); a file the folder has already is never overwritten. The partials made in code (cell, card, …) are \
            written as their Mustache text, which renders the same pages.
            """, ru: """
            `tropa theme --copy base style.css` записывает оба файла в папку шаблонов сайта (`--copy all` — все \
            файлы); файл, который в папке уже есть, никогда не перезаписывается. Части страниц, которые tropa печатает \
            кодом (cell, card, …), записываются текстом Mustache, который печатает те же страницы.
            """)
    )

    @Argument(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    var siteDirectory: String = "."

    @Option(name: .customLong("copy"), parsing: .upToNextOption,
            help: .init(en: "The files to copy (base, journey.mustache, style.css; all for every file).",
                        ru: "Какие файлы скопировать (base, journey.mustache, style.css; all — все)."))
    var copy: [String] = []

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let (config, _, language) = try lang.siteSettings(siteDirectory)
        let fileSystem = DiskFileSystem()
        // Templates written into a folder that is no site would be published as static files by the site above it.
        let content = siteDirectory.appendingPath(config.contentPath)
        guard fileSystem.kind(at: content) == .directory else {
            Terminal.printError(.errorLine(.noContentFolder(content)), language: language)
            throw ExitCode(2)
        }
        let theme = ThemeCopy(folder: siteDirectory.appendingPath(config.templatesPath))
        guard !copy.isEmpty else {
            // Read as the build reads them: a byte order mark and Windows line endings change no page (a file that is
            // no UTF-8, which the build reports, is the site's own).
            let statuses = theme.statuses { path in
                guard fileSystem.kind(at: path) == .file, let bytes = try? fileSystem.read(path) else { return nil }
                guard case .success(let source) = SourceText.decode(path: path, bytes: bytes) else { return String(decoding: bytes, as: UTF8.self) }
                return source.text
            }
            let width = statuses.map(\.name.count).max() ?? 0
            for (name, status) in statuses {
                let word: Message = switch status {
                case .builtIn: .themeFileBuiltIn
                case .sameAsBuiltIn: .themeFileSame
                case .own: .themeFileOwn
                }
                Terminal.printLine(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + word.text(in: language))
            }
            return
        }
        switch theme.steps(for: copy, exists: { fileSystem.kind(at: $0) != nil }) {
        case .failure(let unknown):
            // `tropa theme --copy card site`: the site folder read as a file to copy.
            let help = fileSystem.kind(at: unknown.name) == .directory ? .siteFolderBeforeCopy(unknown.name) : unknown.help
            Terminal.printError(unknown.message, help: help, language: language)
            throw ExitCode(2)
        case .success(let steps):
            for step in steps {
                switch step {
                case .write(let path, let text):
                    try Terminal.run(language: language) { try fileSystem.write(Array(text.utf8), to: path) }
                    Terminal.printLine(Message.themeFileWritten(path).text(in: language))
                case .keep(let path):
                    Terminal.printLine(Message.themeFileKept(path).text(in: language))
                }
            }
            if steps.contains(where: { if case .write(let path, _) = $0 { path.hasSuffix(".mustache") } else { false } }) {
                Terminal.printLine(Message.themeCopiedNote.text(in: language))
            }
        }
    }
}
