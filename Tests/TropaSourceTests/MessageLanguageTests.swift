import Testing
@testable import TropaModel
@testable import TropaSource
import TropaBuild
import TropaTesting

/// A site with `language: ru` is told its problems in Russian: the check keeps the site's language beside the
/// diagnostics, which carry their messages as values and are worded in it at the end.
@Suite struct MessageLanguageTests {
    static let map = """
        ---
        title: Карта
        tags: скидки, b2b
        ---

        ## Поиск
        ### Цель
        Найти.
        ### Эмоции
        0 Спокойно
        ### Метрики
        - Конверсия 35%

        ##Покупка
        ### Цель
        Купить.
        ### Дейсвтия
        - Платит
        ### Эмоции
        +1 Рад
        """

    private func worded(_ result: CheckResult, in language: Language) -> [String] {
        result.diagnostics.map { "\($0.code.rawValue): \($0.message(in: language)) | \($0.suggestion(in: language) ?? "")" }
    }

    @Test func aRussianSiteIsToldItsProblemsInRussian() throws {
        let result = try Check.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map])
        #expect(result.language == .ru)
        #expect(worded(result, in: result.language) == [
            "tags-as-text: в «tags» получился один тег «скидки, b2b»: запятые разделяют теги только в списке | напишите списком: tags: [скидки, b2b]",
            "missing-layer: в этапе «Поиск» нет обязательного слоя «Действия» | добавьте в этот этап «### Действия»",
            "metric-syntax: метрика «Конверсия 35%» записана не в виде «Название: значение» | напишите «Конверсия: 35%»",
            "heading-space: «##Покупка» не стал заголовком: не хватает пробела после ## | напишите «## Покупка»",
            "unknown-layer: в этапе «Покупка» неизвестный слой «Дейсвтия» | может быть, «Действия»?",
        ])
        // The same diagnostics, worded in English: what `--lang en` prints, without reading the site again.
        #expect(worded(result, in: .en)[1]
            == "missing-layer: the stage \"Поиск\" lacks the required layer \"Действия\" | add \"### Действия\" to this stage")
    }

    /// libyaml's own words are told in Russian too: the problem, not the context it was reading in. A problem the
    /// table lacks stays as libyaml wrote it rather than be lost.
    @Test(arguments: [
        ("title: Покупка кухни: онлайн", "не удаётся разобрать YAML: двоеточие с пробелом внутри значения читается как новый ключ"),
        ("title: Карта\n\tpersona: x", "не удаётся разобрать YAML: табуляция в отступе: YAML допускает только пробелы"),
        ("tags: [a, b", "не удаётся разобрать YAML: список в [ ] не закрыт или пункты в нём не разделены запятыми"),
    ])
    func yamlsOwnProblemsAreInRussian(frontMatter: String, message: String) throws {
        let (_, diagnostics) = Check.journey("---\n\(frontMatter)\n---\n## Этап\n" + Check.requiredLayers)
        #expect(diagnostics.first?.message(in: .ru) == message, "\(diagnostics)")
        #expect(Message.yamlSyntax("something new").text(in: .ru) == "не удаётся разобрать YAML: something new")
    }

    @Test func anEnglishSiteStaysEnglish() throws {
        let result = try Check.site(["content/map.md": Self.map])
        #expect(result.language == .en)
        #expect(worded(result, in: result.language)[3]
            == "heading-space: \"##Покупка\" is not a heading: put a space after ## | ## Покупка")
    }

    /// The settings are read before the site's language is known, and their problems are worded in it all the same.
    @Test func theSettingsOwnProblemsAreToldInTheSitesLanguage() throws {
        let config = try Check.site(["tropa.yml": "language: ru\ntitel: Карты\n", "content/map.md": Self.map])
        let unknown = try #require(config.diagnostics.first { $0.location.file == "tropa.yml" })
        #expect(unknown.message(in: config.language) == "неизвестный ключ «titel» в tropa.yml")
        #expect(unknown.suggestion(in: config.language) == "может быть, «title»?")

        let schema = try Check.site(["tropa.yml": "language: ru\n", "schema.yml": "scale: [2, -2]\nlayers: []\n",
                                     "content/map.md": Self.map])
        #expect(schema.site == nil)
        #expect(schema.language == .ru)
        #expect(schema.diagnostics.map { $0.message(in: schema.language) }.contains(
            "в «scale» сначала меньшее число, потом большее, а здесь [2, -2]"))
    }
}
