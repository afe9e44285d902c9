import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Recommendations with kinds and owners, `priority`, `revenue` and `compare` in front-matter, and a schema that
/// extends the default one.
@Suite struct PlanAndCompareTests {
    private static func recommendations(_ items: String, schema: LayerSchema = .default)
        -> (items: [ListItem], diagnostics: [Diagnostic]) {
        let (journey, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + "\n### Рекомендации\n" + items),
                                                   schema: schema)
        guard case .list(let items)? = journey.stages.first?.layer(id: "recommendations")?.content else { return ([], diagnostics) }
        return (items, diagnostics)
    }

    @Test func aKindInBracketsAndAnOwnerAfterAtAreTakenOutOfTheText() {
        let (items, diagnostics) = Self.recommendations("""
            - [SMM] Серия постов о *доставке* @marketing
            - [Сайт] Упростить форму
            - Позвонить клиенту @sales-team
            - Написать на info@volta.ru
            - [ ] Не вид: после скобок нужен текст
            - [R&D] Прототип @lab
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(items.map(\.kind) == ["SMM", "Сайт", nil, nil, nil, "R&D"])
        #expect(items.map(\.owner) == ["marketing", nil, "sales-team", nil, nil, "lab"])
        #expect(items[5].text.html == "Прототип")
        #expect(items[0].text.html == "Серия постов о <em>доставке</em>")
        #expect(items[0].text.plain == "Серия постов о доставке")
        #expect(items[2].text.plain == "Позвонить клиенту")
        // An address is no owner: `@` must follow a space.
        #expect(items[3].text.plain == "Написать на info@volta.ru")
        #expect(items[4].text.plain == "[ ] Не вид: после скобок нужен текст")
    }

    /// Only the last word is an owner: one written before more text is said not to be read, and the text is kept.
    @Test func anOwnerBeforeMoreTextIsAWarning() throws {
        let (items, diagnostics) = Self.recommendations("""
            - [Сайт] Опубликовать цены @marketing до 2025-04-15
            - Написать на info@volta.ru до пятницы
            - Один звонок вместо пяти @sales
            - Позвонить @ivan.
            - Ввести `@code` в поле
            - Обзвонить базу @ops

              и разобрать отказы
            """)
        #expect(diagnostics.found == [Found(.misplacedOwner, .warning, 16, 28), Found(.misplacedOwner, .warning, 19, 13),
                                      Found(.misplacedOwner, .warning, 21, 18)])
        #expect(diagnostics.map { $0.message(in: .ru) } == ["marketing", "ivan", "ops"].map {
            "«@\($0)» не стал ответственным: ответственного пишут последним словом пункта, без знаков после него"
        })
        #expect(diagnostics.map { $0.suggestion(in: .ru) } == [
            "закончите пункт на «@marketing», без знаков после него", "закончите пункт на «@ivan», без знаков после него",
            "ответственного читают только в пункте из одного абзаца: сделайте пункт одним абзацем и закончите его ответственным",
        ])
        #expect(items.map(\.owner) == [nil, nil, "sales", nil, nil, nil])
        #expect(items[0].text.plain == "Опубликовать цены @marketing до 2025-04-15")
    }

    @Test func kindsAndOwnersAreReadOnPlanLayersOnly() {
        let (journey, _) = Check.journey(Check.oneStage(Check.requiredLayers + "\n### Барьеры\n- [SMM] Нет отзывов @marketing\n"))
        guard case .list(let items)? = journey.stages[0].layer(id: "barriers")?.content else {
            Issue.record("no barriers")
            return
        }
        #expect(items[0].kind == nil && items[0].owner == nil)
        #expect(items[0].text.plain == "[SMM] Нет отзывов @marketing")
    }

    @Test func aKindTheSchemaDoesNotListIsAWarningWithTheClosestKind() throws {
        var layers = LayerSchema.default.layers
        let index = try #require(layers.firstIndex { $0.id == "recommendations" })
        layers[index].kinds = ["Общие", "SMM", "Сайт"]
        let schema = LayerSchema(scale: LayerSchema.default.scale, layers: layers, metrics: LayerSchema.default.metrics)
        let (items, diagnostics) = Self.recommendations("- [smm] Посты\n- [Сайтт] Форма\n- [Радио] Реклама\n", schema: schema)
        // A listed kind in another case takes the schema's spelling.
        #expect(items.map(\.kind) == ["SMM", "Сайтт", "Радио"])
        // Line 1 of the layers is line 6; the required layers take 9 lines, the heading one more.
        #expect(diagnostics.found == [Found(.unknownActionKind, .warning, 17, 3), Found(.unknownActionKind, .warning, 18, 3)])
        #expect(diagnostics[0].message(in: .ru) == "в схеме у слоя «Рекомендации» нет вида «Сайтт»")
        #expect(diagnostics[0].suggestion(in: .en) == "did you mean \"Сайт\"?")
        #expect(diagnostics[1].suggestion(in: .en) == "the kinds are: Общие, SMM, Сайт")
    }

    private static func map(_ keys: String) -> (journey: Journey, diagnostics: [Diagnostic]) {
        Check.journey("---\ntitle: Карта\n\(keys)\n---\n\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n")
    }

    @Test(arguments: [("priority: high", Priority.high), ("priority: Средний", .medium), ("priority: низкий", .low)])
    func priorityInEnglishOrRussian(key: String, priority: Priority) {
        let (journey, diagnostics) = Self.map(key)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.priority == priority)
    }

    @Test func anUnknownPriorityListsTheWords() {
        let (journey, diagnostics) = Self.map("priority: срочно")
        #expect(journey.priority == nil)
        #expect(diagnostics.found == [Found(.frontMatterType, .error, 3, 11)])
        #expect(diagnostics[0].suggestion(in: .ru) == "подойдёт одно из: высокий, средний, низкий")
        // A word in another form (`высокая` with «важность» in mind) or misspelt: the word meant.
        #expect(Self.map("priority: высокая").1.first?.suggestion(in: .ru) == "может быть, «высокий»?")
        #expect(Self.map("priority: hihg").1.first?.suggestion(in: .ru) == "может быть, «high»?")
    }

    @Test(arguments: [("revenue: 1200000", 1_200_000.0), ("revenue: 1 200 000", 1_200_000), ("revenue: 0", 0)])
    func revenueIsAWholeSum(key: String, revenue: Double) {
        let (journey, diagnostics) = Self.map(key)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.revenue == revenue)
    }

    @Test(arguments: ["revenue: много", "revenue: -5", "revenue: 1.5"])
    func aRevenueThatIsNoSumIsATypeError(key: String) {
        let (journey, diagnostics) = Self.map(key)
        #expect(journey.revenue == nil)
        #expect(diagnostics.found == [Found(.frontMatterType, .error, 3, 10)])
        #expect(diagnostics[0].suggestion(in: .en) == "write the pair's potential revenue as a whole number, e.g. \"revenue: 1200000\"")
    }

    @Test func compareNamesMapsWithWhereEachIsWritten() {
        let (journey, diagnostics) = Self.map("compare:\n  - retail/sofa\n  - retail/sofa-2024.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.compare.map(\.text) == ["retail/sofa", "retail/sofa-2024.md"])
        #expect(journey.compare.map(\.location.line) == [4, 5])
        #expect(journey.compare.map { $0.path(inContent: "content") } == ["content/retail/sofa.md", "content/retail/sofa-2024.md"])
    }

    @Test func anUnknownMapToCompareWithIsAnErrorAtItsLineWithTheClosestMap() throws {
        let body = "\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n"
        let result = try Check.site([
            "content/retail/sofa.md": "---\ntitle: Диван\ncompare: [retail/sofa-2024, retail/sofa-2025]\n---\n" + body,
            "content/retail/sofa-2024.md": "---\ntitle: Диван, 2024\ndraft: true\n---\n" + body,
        ])
        // A draft counts: last year's version may stay out of the catalogue.
        #expect(result.diagnostics.found == [Found(.unknownMap, .error, 3, 29)])
        #expect(result.diagnostics[0].message(in: .ru) == "нет карты «retail/sofa-2025», с которой сравнивать")
        #expect(result.diagnostics[0].suggestion(in: .en) == "did you mean \"retail/sofa-2024\"?")
    }

    /// A typo in the folder with the file named short finds the map of that folder; a name near no map gets a map
    /// of the site as the example, never the map itself; a site of one map is told it has no other.
    @Test func anUnknownMapFarFromAnyIsHelpedWithAMapOfTheSite() throws {
        let body = "\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n"
        func help(_ compare: String, others: [String: String] = ["content/python/python-s-nulya.md": "---\ntitle: Python\n---\n" + body,
                                                                  "content/python/intensive.md": "---\ntitle: Интенсив\n---\n" + body]) throws -> String? {
            let result = try Check.site(others.merging(["content/front/map.md": "---\ntitle: Фронтенд\ncompare: [\(compare)]\n---\n" + body]) { $1 })
            #expect(result.diagnostics.map(\.code) == [.unknownMap])
            return result.diagnostics.first?.suggestion(in: .ru)
        }
        #expect(try help("pyton/python") == "может быть, «python/python-s-nulya»?")
        #expect(try help("pyton/intensiv") == "может быть, «python/intensive»?")
        #expect(try help("marketing/landing") == "назовите карту по её файлу в content/ без .md, например «python/intensive»")
        // A typo of the folder with a file name near no map of it, or of the top folder: no map of it guessed.
        #expect(try help("pyton/kitchen") == "назовите карту по её файлу в content/ без .md, например «python/intensive»")
        #expect(try help("x/sofaa", others: ["content/sofa.md": "---\ntitle: Диван\n---\n" + body])
                    == "назовите карту по её файлу в content/ без .md, например «sofa»")
        #expect(try help("marketing/landing", others: [:])
                    == "других карт на сайте пока нет: создайте карту для сравнения (`tropa new`) или уберите название")
    }

    /// The site's own folders hold pages that depend on every map: a static file there would replace one unseen.
    @Test(arguments: ["content/plan/plan.csv", "content/dashboard/index.html", "content/tags/notes.txt"])
    func aStaticFileInTheSitesOwnFoldersIsAConflict(_ path: String) throws {
        let body = "\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n"
        let result = try Check.site(["content/map.md": "---\ntitle: Карта\n---\n" + body, path: "x"])
        #expect(result.diagnostics.found == [Found(.outputConflict, .error, 1, 1)])
        #expect(result.diagnostics.first?.location.file == path)
    }

    /// A static file where a map's files, the catalogue or `maps.json` are written is a conflict; one beside a map's
    /// files, under a name tropa does not write, is copied.
    @Test(arguments: [("content/map/journey.json", true), ("content/map/index.html", true), ("content/index.html", true),
                      ("content/maps.json", true), ("content/map/outline.opml", true), ("content/map/photo.png", false),
                      ("content/map/more/index.html", false), ("content/other/journey.json", false)])
    func aStaticFileWhereAPageIsWrittenIsAConflict(_ path: String, conflicts: Bool) throws {
        let body = "\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n"
        let result = try Check.site(["content/map.md": "---\ntitle: Карта\n---\n" + body, path: "x"])
        #expect(result.diagnostics.found == (conflicts ? [Found(.outputConflict, .error, 1, 1)] : []))
    }

    // MARK: - extends

    private static func schema(_ text: String) -> (LayerSchema?, [Diagnostic]) {
        SchemaParser.parse(SourceText(path: "schema.yml", text: text))
    }

    @Test func extendingTheDefaultAddsLayersWhereTheySayAndAliasesToInheritedOnes() throws {
        let (schema, diagnostics) = Self.schema("""
            extends: default
            scale: [-3, 3]
            layers:
              - id: thoughts
                title: { ru: Мысли, en: Thoughts }
                kind: list
                after: emotions
              - id: recommendations
                aliases: [Что сделать]
                kinds: [Общие, SMM]
              - id: sales-channels
                title: Каналы продаж
                kind: list
            metrics:
              - id: ltv
                title: LTV
              - id: nps
                aliases: [Индекс лояльности]
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let result = try #require(schema)
        let ids = LayerSchema.default.layers.map(\.id)
        let emotions = try #require(ids.firstIndex(of: "emotions"))
        #expect(result.layers.map(\.id) == Array(ids[...emotions]) + ["thoughts"] + Array(ids[(emotions + 1)...]) + ["sales-channels"])
        #expect(result.scale == -3...3)
        let recommendations = try #require(result.layer(id: "recommendations"))
        #expect(recommendations.aliases == LayerSchema.default.layer(id: "recommendations")!.aliases + ["Что сделать"])
        #expect(recommendations.title == LayerSchema.default.layer(id: "recommendations")!.title)
        #expect(recommendations.plan && recommendations.kinds == ["Общие", "SMM"] && recommendations.owners.isEmpty)
        #expect(result.layer(named: "Что сделать")?.id == "recommendations")
        #expect(result.metrics.map(\.id) == LayerSchema.default.metrics.map(\.id) + ["ltv"])
        #expect(result.metric(named: "Индекс лояльности")?.role == .nps)
    }

    /// An action's owner is checked against the owners the schema lists (written with or without `@`): one in
    /// another case takes the schema's spelling, a misspelt one is a warning with the closest, and the item keeps it.
    @Test func ownersTheSchemaLists() throws {
        let (schema, diagnostics) = Self.schema("extends: default\nlayers:\n  - id: proposals\n    title: Поручения\n    kind: list\n    owners: [\"@ecom\", Marketing]\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let ideas = try #require(schema?.layer(id: "proposals"))
        #expect(ideas.plan && ideas.owners == ["ecom", "Marketing"])
        let body = "\n## Этап\n### Цель\nЦель.\n### Действия\n- Шаг\n### Эмоции\n0\n### Поручения\n- Фильтр @ECOM\n- Рассылка @markting\n- Звонок @sales\n"
        let result = try Check.site(["schema.yml": "extends: default\nlayers:\n  - id: proposals\n    title: Поручения\n    kind: list\n    owners: [\"@ecom\", Marketing]\n",
                                     "content/map.md": "---\ntitle: Карта\n---\n" + body])
        #expect(result.diagnostics.found == [Found(.unknownOwner, .warning, 14, 12), Found(.unknownOwner, .warning, 15, 10)])
        #expect(result.diagnostics.first?.message(in: .ru) == "в схеме у слоя «Поручения» нет ответственного «@markting»")
        #expect(result.diagnostics.map { $0.suggestion(in: .en) } == ["did you mean \"@Marketing\"?", "the owners are: @ecom, @Marketing"])
        guard case .list(let items) = try #require(result.site?.journeys.first?.stages.first?.layer(id: "proposals")).content else {
            Issue.record("the ideas are no list")
            return
        }
        #expect(items.map(\.owner) == ["ecom", "markting", "sales"])

        // A misspelt owner with a full stop after it is no owner: the help writes the one meant at the item's end.
        let stopped = try Check.site(["schema.yml": "extends: default\nlayers:\n  - id: proposals\n    title: Поручения\n    kind: list\n    owners: [\"@ecom\", Marketing]\n",
                                      "content/map.md": "---\ntitle: Карта\n---\n" + body.replacingOccurrences(of: "@markting\n", with: "@markting.\n")])
        let misplaced = try #require(stopped.diagnostics.first { $0.code == .misplacedOwner })
        #expect(misplaced.suggestion(in: .ru)?.contains("«@Marketing»") == true, "\(misplaced.suggestion(in: .ru) ?? "")")
    }

    @Test(arguments: [
        // Only the default schema can be extended.
        ("extends: basic\nlayers: []\n", 1, 1, "a schema can extend only \"default\", not \"basic\""),
        // `after` places among inherited layers: without `extends` there are none.
        ("layers:\n  - id: a\n    title: A\n    after: goal\n", 4, 5, "\"after\" places a layer among inherited ones, and this schema extends none"),
        ("extends: default\nlayers:\n  - id: a\n    title: A\n    after: emotion\n", 5, 12, "no other layer \"emotion\" to place this one after"),
        ("extends: default\nlayers:\n  - id: a\n    title: A\n    after: a\n", 5, 12, "no other layer \"a\" to place this one after"),
        // An inherited layer keeps its kind: maps written for it would stop reading.
        ("extends: default\nlayers:\n  - id: goal\n    kind: list\n", 4, 5, "the inherited layer \"goal\" is of kind text and stays so"),
        // A new layer cannot take an inherited layer's name.
        ("extends: default\nlayers:\n  - id: steps\n    title: Действия\n", 4, 5, "\"Действия\" names both layer \"actions\" and \"steps\""),
        // Nor a new metric an inherited role.
        ("extends: default\nmetrics:\n  - id: transitions\n    title: Переходы\n    role: conversion\n", 5, 11,
         "the metrics \"conversion\" and \"transitions\" both have the role \"conversion\""),
        ("extends: default\nlayers:\n  - id: ideas2\n    title: Идеи 2\n    kind: text\n    kinds: [SMM]\n", 6, 5, "\"kinds\" is for list layers, and this layer is of kind text"),
        ("extends: default\nlayers:\n  - id: recommendations\n    kinds: [SMM, \"[Сайт]\"]\n", 4, 5, "no action can name the kind \"[Сайт]\""),
        ("extends: default\nlayers:\n  - id: recommendations\n    owners: [ecom, отдел продаж]\n", 4, 5, "no action can name the owner \"отдел продаж\""),
        ("extends: default\nlayers:\n  - id: recommendations\n    owners: [ivan.]\n", 4, 5, "no action can name the owner \"ivan.\""),
        ("extends: default\nlayers:\n  - id: goal\n    owners: [ecom]\n", 4, 5, "\"owners\" is for list layers, and this layer is of kind text"),
    ])
    func everyProblemOfAnExtendingSchemaIsAtItsLine(text: String, line: Int, column: Int, message: String) {
        let (schema, diagnostics) = Self.schema(text)
        #expect(schema == nil)
        #expect(diagnostics.map(\.code) == [.schemaInvalid])
        #expect(diagnostics.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (line, column))
        #expect(diagnostics.first?.message(in: .en) == message)
    }
}
