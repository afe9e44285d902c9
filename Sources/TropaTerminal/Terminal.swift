import TropaModel
import TropaAuthoring
import ArgumentParser
import Foundation

/// Where the CLI meets the terminal: printing reports and choosing exit codes.
public enum Terminal {
    /// Runs `body`; a problem with folders or files prints one line and exits with 2. It is told in `language`
    /// (`--lang`), else in the site's when its settings were read, else in English.
    /// In `--format github|json`, the problem is also on standard output, where a program reading the report looks.
    public static func run<T>(language: Language? = nil, format: DiagnosticFormat = .text, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SiteError {
            printError(error, language: language)
            if format != .text {
                let formatter = DiagnosticFormatter(format: format, colored: false, language: language ?? error.language ?? .en)
                FileHandle.standardOutput.write(Data(formatter.failure(error.message, help: error.help).utf8))
            }
            throw ExitCode(2)
        }
    }

    /// "error: cannot read …", in `language`, else as `run` says.
    public static func printError(_ error: SiteError, language: Language?) {
        let language = language ?? error.language ?? .en
        if let help = error.help {
            printError(error.message, help: help, language: language)
        } else {
            printError(.errorLine(error.message), language: language)
        }
    }

    /// A message of tropa's own, in `language`.
    public static func printError(_ message: Message, language: Language) {
        printError(message.text(in: language))
    }

    /// "error: …" and under it "  help: …", as a report prints a problem.
    public static func printError(_ message: Message, help: Message, language: Language) {
        printError(Message.errorLine(message).text(in: language) + "\n  " + Message.helpLabel.text(in: language)
                   + ": " + help.text(in: language))
    }

    /// What a build says beside its summary ("note: 1 draft left out …"), a line each.
    public static func printNotes(_ notes: [Message], language: Language) {
        for note in notes { printError(note, language: language) }
    }

    public static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    public static func colored(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// A text report (problems and the summary line) goes to standard error, like every message, so standard
    /// output holds only what a command makes; `github` and `json` reports are what `check` and `build` make, so
    /// they go to standard output. A text report without `checked` (`--quiet`) is the problems alone.
    public static func report(_ diagnostics: [Diagnostic], sources: [String: SourceText], format: DiagnosticFormat,
                              checked: Message?, strict: Bool = false, language: Language, siteFolder: String = "") {
        let (handle, descriptor) = format == .text
            ? (FileHandle.standardError, STDERR_FILENO) : (FileHandle.standardOutput, STDOUT_FILENO)
        let formatter = DiagnosticFormatter(format: format, colored: colored(descriptor), language: language,
                                            siteFolder: siteFolder)
        var output = formatter.format(diagnostics, sources: sources)
        if format == .text {
            output += checked.map { formatter.summary(diagnostics, checked: $0, strict: strict) }
                ?? formatter.quietEnd(diagnostics, strict: strict)
        }
        handle.write(Data(output.utf8))
    }

    /// Exit 1 on errors, or on warnings with `--strict`.
    public static func exit(for diagnostics: [Diagnostic], strict: Bool) throws {
        if diagnostics.failBuild(strict: strict) { throw ExitCode(1) }
    }
}

extension Language: ExpressibleByArgument {}

/// `--lang`: the language of messages, over the site's `language`.
public struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: .init(en: "The language of messages: en or ru (default: the site's `language`).", ru: "Язык сообщений: en или ru (по умолчанию — `language` сайта)."))
    public var lang: Language?

    public init() {}

    /// The language asked for, else the site's.
    public func or(_ site: Language) -> Language { lang ?? site }
}

/// The options of `tropa serve`, read by `tropa` and handed on to `tropa-serve`.
public struct ServeOptions: ParsableArguments {
    @Argument(help: .init(en: "The site folder.", ru: "Папка сайта."), completion: .directory)
    public var siteDirectory: String = "."

    @Option(help: .init(en: "The port to listen on (0 picks a free one).", ru: "Порт (0 — любой свободный)."))
    public var port: UInt16 = 1313

    @Option(help: .init(en: "The address to listen on; 127.0.0.1 keeps the preview on this machine.", ru: "Адрес; с 127.0.0.1 просмотр доступен только на этом компьютере."))
    public var host = "127.0.0.1"

    @Flag(help: .init(en: "Include maps marked `draft: true`.", ru: "Включить карты с `draft: true`."))
    public var drafts = false

    @Flag(help: .init(en: "Treat warnings as errors.", ru: "Считать предупреждения ошибками."))
    public var strict = false

    @OptionGroup public var language: LanguageOption

    public init() {}

    /// The same options as arguments, to start `tropa-serve` with.
    public var arguments: [String] {
        [siteDirectory, "--port", String(port), "--host", host] + (drafts ? ["--drafts"] : [])
            + (strict ? ["--strict"] : []) + (language.lang.map { ["--lang", $0.rawValue] } ?? [])
    }

    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: helpText(en: "Build the site in memory, serve it, and rebuild and reload open pages on every save.", ru: "Собирает сайт в памяти, раздаёт его, пересобирает и обновляет открытые страницы при каждом сохранении."),
        discussion: helpText(en: "Watches tropa.yml, the schema, content/ and templates/. Pages with errors show them instead of stale content. Nothing is written to disk; stop with Ctrl-C.", ru: "Следит за tropa.yml, схемой, content/ и templates/. Страницы с ошибками показывают их вместо устаревшего содержимого. На диск ничего не пишется; остановка — Ctrl-C.")
    )
}
