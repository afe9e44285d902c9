import TropaModel
import ArgumentParser
import Foundation

/// The language of the commands' own help and usage errors, which ArgumentParser prints before any site is read:
/// `--lang`, else the `language:` of the site's `tropa.yml`, else, outside a site, the locale's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`).
public enum HelpLanguage {
    public static let current = detect(arguments: Array(CommandLine.arguments.dropFirst()),
                                       environment: ProcessInfo.processInfo.environment,
                                       settings: { try? String(contentsOfFile: $0.appendingPath("tropa.yml"), encoding: .utf8) })

    /// The options whose next argument is their value, not a site folder.
    private static let valued: Set<String> = ["--lang", "--site", "--output", "-o", "--format", "--port", "--host",
                                               "--persona", "--stages", "--branches", "--language"]

    /// `settings` reads a folder's `tropa.yml`, nil when it has none. The site is the folder after `--site`, else
    /// the first argument (not an option's value) that is a site's folder, else the current one: the help is asked
    /// for before the arguments are parsed.
    package static func detect(arguments: [String], environment: [String: String],
                               settings: (String) -> String?) -> Language {
        if let asked = value(of: "--lang", in: arguments).flatMap(Language.init(rawValue:)) { return asked }
        let positional = arguments.indices.filter { !arguments[$0].hasPrefix("-") && ($0 == 0 || !valued.contains(arguments[$0 - 1])) }
        let folders = [value(of: "--site", in: arguments)].compactMap { $0 } + positional.map { arguments[$0] } + ["."]
        // The first site found decides, as its messages are in its language (`en` when it names none).
        if let text = folders.lazy.compactMap(settings).first { return SiteConfig.languageLine(in: text) ?? SiteConfig().language }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale?.lowercased().hasPrefix("ru") == true ? .ru : .en
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }

    /// ArgumentParser's own words in its help and usage errors, in `language`; a command's texts are already in it.
    public static func localized(_ text: String, in language: Language) -> String {
        guard language == .ru else { return text }
        var text = text
        for (pattern, template) in russian {
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                    withTemplate: template)
        }
        return text
    }

    private static let russian: [(NSRegularExpression, String)] = [
        ("^OVERVIEW: ", "ОПИСАНИЕ: "), ("^USAGE: ", "ИСПОЛЬЗОВАНИЕ: "), ("^ARGUMENTS:$", "АРГУМЕНТЫ:"),
        ("^OPTIONS:$", "ПАРАМЕТРЫ:"), ("^SUBCOMMANDS:$", "КОМАНДЫ:"),
        ("See '(.+) <subcommand>' for detailed help\\.", "Справка по команде: $1 <команда>."),
        ("<subcommand>", "<команда>"),
        ("Show help information\\.", "Показать эту справку."), ("Show the version\\.", "Показать версию."),
        // Help is wrapped at 80 columns before it is translated: a space may be a line break and its indent.
        ("\\(values:(\\s+)([^;)]+);(\\s+)default:(\\s+)([^)]+)\\)", "(значения:$1$2;$3по умолчанию:$4$5)"),
        ("\\(values:(\\s+)([^)]+)\\)", "(значения:$1$2)"), ("\\(default:(\\s+)([^)]+)\\)", "(по умолчанию:$1$2)"),
        ("^Error: ", "ошибка: "), ("^Help:  ", "  подсказка: "), ("^Usage: ", "использование: "),
        ("See '(.+)' for more information\\.", "Подробнее: $1."),
        ("Missing expected argument '(.+)'", "не хватает аргумента «$1»"),
        ("Unknown option '([^']+)'\\. Did you mean '([^']+)'\\?", "неизвестный параметр «$1»; может быть, «$2»?"),
        ("Unknown option '([^']+)'", "неизвестный параметр «$1»"),
        ("Missing value for '([^']+)'", "нет значения для «$1»"),
        ("The value '([^']*)' is invalid for '([^']+)'\\. Please provide one of (.+)\\.",
         "значение «$1» не подходит для «$2»; допустимы: $3."),
        ("The value '([^']*)' is invalid for '([^']+)'", "значение «$1» не подходит для «$2»"),
        ("Unexpected argument '([^']+)'", "лишний аргумент «$1»"),
        ("([0-9]+) unexpected arguments: (.+)", "лишние аргументы ($1): $2"),
        ("The option '([^']+)' does not take any value, but '([^']*)' was specified\\.",
         "параметр «$1» пишется без значения, а здесь «$2»."),
        ("Value to be set with (.+) had already been set with (.+)", "значение для $1 уже задано: $2"),
        ("Missing one of: (.+)", "не хватает одного из: $1"),
        ("(допустимы: .*) (or|and) ", "$1 или "), ("'([^'\\s]+)'", "«$1»"),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: .anchorsMatchLines), $0.1) }
}

extension ParsableCommand {
    /// Prints what ArgumentParser says of `error` (help, a usage error) in the language of the help, and exits:
    /// with 2 for a usage error, as the format promises, instead of ArgumentParser's 64.
    public static func exitTelling(_ error: Error) -> Never {
        let code = exitCode(for: error)
        // What programs read (a completion script, the help as JSON) is printed as ArgumentParser makes it.
        let forPrograms = CommandLine.arguments.contains {
            $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" || $0.hasPrefix("---completion")
        }
        let message = forPrograms ? fullMessage(for: error) : HelpLanguage.localized(fullMessage(for: error), in: HelpLanguage.current)
        if !message.isEmpty {
            (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(Data((message + "\n").utf8))
        }
        Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
}

extension ArgumentHelp {
    /// A command's help in the language of its help (`HelpLanguage`).
    public init(en: String, ru: String) {
        self.init(helpText(en: en, ru: ru))
    }
}

/// A command's text (an abstract, a discussion, a usage error) in the language of its help.
public func helpText(en: String, ru: String) -> String {
    HelpLanguage.current == .ru ? ru : en
}
