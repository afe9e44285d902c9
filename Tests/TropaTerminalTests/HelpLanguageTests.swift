import Testing
import TropaModel
@testable import TropaTerminal

/// The language of the commands' help and usage errors, found before the arguments are parsed.
@Suite struct HelpLanguageTests {
    static let sites = ["ru-site": "title: Карты\nlanguage: ru\n", "en-site": "language: \"en\" # English\n",
                        ".": "title: Без языка\n"]

    static func detect(_ arguments: [String], _ environment: [String: String] = [:],
                       sites: [String: String] = sites) -> Language {
        HelpLanguage.detect(arguments: arguments, environment: environment, settings: { sites[$0] })
    }

    @Test func langWinsOverTheSiteAndTheLocale() {
        #expect(Self.detect(["check", "ru-site", "--lang", "en"]) == .en)
        #expect(Self.detect(["check", "en-site", "--lang=ru"]) == .ru)
        #expect(Self.detect(["check", "--lang", "xx", "ru-site"]) == .ru)
    }

    @Test func theSiteNamedOnTheCommandLineThenTheCurrentFolder() {
        #expect(Self.detect(["build", "ru-site", "--help"]) == .ru)
        #expect(Self.detect(["new", "Карта", "--site", "ru-site"]) == .ru)
        #expect(Self.detect(["new", "--site=en-site"], ["LANG": "ru_RU.UTF-8"]) == .en)
        // The current folder's site names no language: English, as its messages are.
        #expect(Self.detect(["check"], ["LANG": "ru_RU.UTF-8"]) == .en)
    }

    /// An option's value is no site folder: `-o ru-site` writes there, it is not the site whose language counts.
    @Test func anOptionsValueIsNoSite() {
        #expect(Self.detect(["build", "-o", "ru-site"], sites: ["ru-site": "language: ru\n"]) == .en)
        #expect(Self.detect(["build", "--strict", "ru-site"], sites: ["ru-site": "language: ru\n"]) == .ru)
    }

    /// `language: RU` is Russian, as the site's settings read it.
    @Test func theSitesLanguageInAnyCase() {
        #expect(Self.detect(["check"], sites: [".": "language: RU\n"]) == .ru)
    }

    @Test func outsideASiteTheLocale() {
        let none: [String: String] = [:]
        #expect(Self.detect(["--help"], ["LANG": "ru_RU.UTF-8"], sites: none) == .ru)
        #expect(Self.detect(["--help"], ["LANG": "ru_RU.UTF-8", "LC_ALL": "C.UTF-8"], sites: none) == .en)
        #expect(Self.detect(["--help"], ["LANG": "en_US.UTF-8", "LC_MESSAGES": "ru_RU"], sites: none) == .ru)
        #expect(Self.detect(["--help"], ["LC_ALL": "", "LANG": "ru"], sites: none) == .ru)
        #expect(Self.detect(["--help"], [:], sites: none) == .en)
    }

    @Test func argumentParsersWordsInRussian() {
        let help = """
            OVERVIEW: Проверяет сайт.

            USAGE: tropa <subcommand>

            OPTIONS:
              --stages <stages>       Сколько этапов. (default: 3)
              --lang <lang>           Язык. (values: en, ru)
              -h, --help              Show help information.

              See 'tropa help <subcommand>' for detailed help.
            """
        #expect(HelpLanguage.localized(help, in: .ru) == """
            ОПИСАНИЕ: Проверяет сайт.

            ИСПОЛЬЗОВАНИЕ: tropa <команда>

            ПАРАМЕТРЫ:
              --stages <stages>       Сколько этапов. (по умолчанию: 3)
              --lang <lang>           Язык. (значения: en, ru)
              -h, --help              Показать эту справку.

              Справка по команде: tropa help <команда>.
            """)
        let error = """
            Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'github' or 'json'.
            Help:  --format <format>  Как выводить проблемы.
            Usage: tropa check [<site-directory>] [--format <format>]
              See 'tropa check --help' for more information.
            """
        #expect(HelpLanguage.localized(error, in: .ru) == """
            ошибка: значение «xml» не подходит для «--format <format>»; допустимы: «text», «github» или «json».
              подсказка: --format <format>  Как выводить проблемы.
            использование: tropa check [<site-directory>] [--format <format>]
              Подробнее: tropa check --help.
            """)
        #expect(HelpLanguage.localized("Error: Unknown option '--lnag'. Did you mean '--lang'?", in: .ru)
                == "ошибка: неизвестный параметр «--lnag»; может быть, «--lang»?")
        #expect(HelpLanguage.localized("Error: 2 unexpected arguments: 'b', 'c'", in: .ru)
                == "ошибка: лишние аргументы (2): «b», «c»")
        #expect(HelpLanguage.localized("Error: Missing expected argument '<title>'", in: .ru)
                == "ошибка: не хватает аргумента «<title>»")
        #expect(HelpLanguage.localized("Error: Missing value for '--persona <persona>'", in: .ru)
                == "ошибка: нет значения для «--persona <persona>»")
        #expect(HelpLanguage.localized("Error: Unexpected argument 'frob'", in: .ru) == "ошибка: лишний аргумент «frob»")
        #expect(HelpLanguage.localized(error, in: .en) == error)
        // Wrapped at 80 columns before it is translated.
        #expect(HelpLanguage.localized("  --format <format>       Как. (values: text, github, json;\n                          default: text)", in: .ru)
                == "  --format <format>       Как. (значения: text, github, json;\n                          по умолчанию: text)")
        #expect(HelpLanguage.localized("Error: The value 'xx' is invalid for '--lang <lang>'. Please provide one of 'en' and 'ru'.", in: .ru)
                == "ошибка: значение «xx» не подходит для «--lang <lang>»; допустимы: «en» или «ru».")
        #expect(HelpLanguage.localized("Error: The option '--strict' does not take any value, but 'yes' was specified.", in: .ru)
                == "ошибка: параметр «--strict» пишется без значения, а здесь «yes».")
    }
}
