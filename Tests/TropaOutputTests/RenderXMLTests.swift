import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every SVG, OPML and FreeMind file a build writes is well-formed XML with the structure its readers expect.
@Suite struct RenderXMLTests {
    static let fixtures = ["ru-persona", "en-multi", "custom-scale"]

    /// The outline tree as (text, children) from OPML `outline text=` or FreeMind `node TEXT=` elements.
    static func tree(_ element: XMLElement, child: String, attribute: String) -> OutlineNode {
        OutlineNode(RenderXML.attribute(element, attribute) ?? "<missing \(attribute)>",
                    element.elements(forName: child).map { tree($0, child: child, attribute: attribute) })
    }

    @Test(arguments: fixtures)
    func everyXMLFileIsWellFormed(_ fixture: String) throws {
        let built = try RenderBuild.fixture(fixture)
        let xmlFiles = built.files.keys.filter { $0.hasSuffix(".svg") || $0.hasSuffix(".opml") || $0.hasSuffix(".mm") }
        #expect(xmlFiles.count == 3, "one curve and two outlines: \(xmlFiles.sorted())")
        for path in xmlFiles.sorted() {
            let text = try #require(built.text(path))
            #expect(throws: Never.self, "\(path) is not well-formed XML") { _ = try RenderXML.parse(text) }
        }
        // The catalogue's sparklines and the inline curve are XML too.
        for page in built.files.keys where page.hasSuffix(".html") {
            let html = try #require(built.text(page))
            for svg in Self.inlineSVGs(html) {
                #expect(throws: Never.self, "an inline SVG of \(page)") { _ = try RenderXML.parse(svg) }
            }
        }
        #expect(Self.inlineSVGs(try #require(built.text("index.html"))).count == 1, "one sparkline per map")
    }

    /// Every `<svg …>…</svg>` in a page.
    static func inlineSVGs(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    @Test(arguments: fixtures)
    func opmlIsOutline20WithTheMapsTree(_ fixture: String) throws {
        let built = try RenderBuild.fixture(fixture)
        let site = try #require(built.site)
        let journey = try #require(site.journeys.first)
        let document = try RenderXML.parse(try #require(built.text(journey.slug + "/outline.opml")))
        let root = try #require(document.rootElement())
        #expect(root.name == "opml")
        #expect(RenderXML.attribute(root, "version") == "2.0")
        #expect(document.characterEncoding?.uppercased() == "UTF-8")
        let head = try #require(RenderXML.child(root, "head"))
        #expect(RenderXML.child(head, "title")?.stringValue == journey.title)
        let body = try #require(RenderXML.child(root, "body"))
        let outlines = body.elements(forName: "outline")
        #expect(outlines.count == 1, "one top outline: the map")
        let top = try #require(outlines.first)
        let tree = Self.tree(top, child: "outline", attribute: "text")
        #expect(tree == SitePresenter(site: site).outline(journey))
        #expect(tree.text == journey.title)
        let stageNodes = tree.children.filter { node in journey.stages.contains { $0.name == node.text } }
        #expect(stageNodes.map(\.text) == journey.stages.map(\.name), "every stage, in order")
        for (stage, node) in zip(journey.stages, stageNodes) {
            #expect(node.children.count == stage.layers.count, "\(stage.name): one branch per layer")
            #expect(node.children.allSatisfy { !$0.children.isEmpty }, "\(stage.name): every layer has items")
        }
    }

    /// A list item is its outline's nodes, the first with the item's tone, kind and owner before or after its text:
    /// an item that starts with a nested list or code is its blocks' nodes, side by side.
    @Test func anItemIsItsOutlinesNodesWithItsToneKindAndOwnerOnTheFirst() throws {
        let text = Check.oneStage("""
            ### Цель
            Найти CRM.

            ### Действия
            - Читает обзоры
            - Сравнивает цены
              - в таблице
            - - вложенный первым
              - второй вложенный
            -     код первым

            ### Эмоции
            - 0 Спокойно

            ### Опыт
            - + Быстро
              - подробности
            - − Долго

            ### Рекомендации
            - [SMM] Серия постов @marketing
            - Просто идея
            """)
        let site = try #require(try Check.site(["content/map.md": text, "tropa.yml": "title: Сайт\nlanguage: ru\n"]).site)
        let journey = try #require(site.journeys.first)
        let stage = try #require(SitePresenter(site: site).outline(journey).children.last)
        func node(_ block: TextBlock) -> OutlineNode { OutlineNode(block.text, block.children.map(node)) }
        for id in ["actions", "experience", "recommendations"] {
            guard case .list(let items) = journey.stages[0].layer(id: id)?.content else {
                Issue.record("\(id) is no list")
                continue
            }
            let layer = site.schema.layers.first { $0.id == id }!
            let shown = try #require(stage.children.first { $0.text == layer.title.text(in: .ru, fallback: id) })
            // Each item's outline mapped, its first node made again.
            let expected = items.flatMap { item in
                var nodes = item.text.outline.map(node)
                let sign = item.tone.map { $0 == .positive ? "+ " : "− " } ?? ""
                if let first = nodes.first { nodes[0] = OutlineNode(sign + item.withKindAndOwner(first.text), first.children) }
                return nodes
            }
            #expect(shown.children == expected, "\(id)")
        }
        let actions = try #require(stage.children.first { $0.text == "Действия" })
        #expect(actions.children.map(\.text) == ["Читает обзоры", "Сравнивает цены", "вложенный первым", "второй вложенный", "код первым"])
        #expect(actions.children[1].children == [OutlineNode("в таблице")])
        let experience = try #require(stage.children.first { $0.text == "Опыт" })
        // `- + Быстро` with a list under it is two lists to Markdown, side by side in the item: read as one under the other.
        #expect(experience.children == [OutlineNode("+ Быстро", [OutlineNode("подробности")]), OutlineNode("− Долго")])
        let plan = try #require(stage.children.first { $0.text == "Рекомендации" })
        #expect(plan.children.first?.text.contains("SMM") == true && plan.children.first?.text.contains("marketing") == true)
    }

    @Test(arguments: fixtures)
    func freeMindIsAMapOfNestedNodes(_ fixture: String) throws {
        let built = try RenderBuild.fixture(fixture)
        let site = try #require(built.site)
        let journey = try #require(site.journeys.first)
        let document = try RenderXML.parse(try #require(built.text(journey.slug + "/outline.mm")))
        let root = try #require(document.rootElement())
        #expect(root.name == "map")
        #expect(RenderXML.attribute(root, "version") != nil)
        let nodes = root.elements(forName: "node")
        #expect(nodes.count == 1)
        let top = try #require(nodes.first)
        #expect(RenderXML.attribute(top, "TEXT") == journey.title)
        #expect(Self.tree(top, child: "node", attribute: "TEXT") == SitePresenter(site: site).outline(journey))
        // Ids are unique; first-level branches alternate right and left; deeper branches start folded.
        let all = [top] + RenderXML.descendants(top, named: "node")
        let ids = all.compactMap { RenderXML.attribute($0, "ID") }
        #expect(ids.count == all.count && Set(ids).count == ids.count)
        let positions = top.elements(forName: "node").map { RenderXML.attribute($0, "POSITION") ?? "" }
        #expect(positions == positions.indices.map { $0 % 2 == 0 ? "right" : "left" })
        for branch in top.elements(forName: "node") {
            for layer in branch.elements(forName: "node") where !layer.elements(forName: "node").isEmpty {
                #expect(RenderXML.attribute(layer, "FOLDED") == "true")
            }
        }
    }

    @Test(arguments: fixtures)
    func svgIsAnAccessibleImageDescribingEveryStage(_ fixture: String) throws {
        let built = try RenderBuild.fixture(fixture)
        let journey = try #require(built.site?.journeys.first)
        let root = try RenderXML.root(built.text(journey.slug + "/emotions.svg"))
        #expect(root.name == "svg")
        #expect(root.uri == "http://www.w3.org/2000/svg" || RenderXML.attribute(root, "xmlns") == "http://www.w3.org/2000/svg")
        #expect(RenderXML.attribute(root, "role") == "img")
        let title = try #require(RenderXML.child(root, "title"))
        let desc = try #require(RenderXML.child(root, "desc"))
        #expect(title.stringValue?.hasSuffix(journey.title) == true)
        let descText = try #require(desc.stringValue)
        for stage in journey.stages {
            #expect(descText.contains(stage.name + ": "), "the description names \(stage.name)")
        }
        // The file's first children name and describe it (SVG allows no aria-labelledby on a file's root); on the
        // page, aria-labelledby points at the title and the description.
        #expect(Array((root.children ?? []).compactMap { ($0 as? XMLElement)?.name }.prefix(2)) == ["title", "desc"])
        #expect(RenderXML.attribute(root, "aria-labelledby") == nil)
        let page = try #require(built.text(journey.slug + "/index.html"))
        let svg: String = try #require(Self.inlineSVGs(page).first { $0.contains("class=\"tropa-curve\"") })
        let inline = try RenderXML.root(svg)
        let ids = (RenderXML.attribute(inline, "aria-labelledby") ?? "").split(separator: " ").map(String.init)
        #expect(ids == [RenderXML.attribute(title, "id"), RenderXML.attribute(desc, "id")].compactMap { $0 })
        #expect(RenderXML.attribute(inline, "role") == "img")
        // Nothing that runs or loads: no script, no foreign object, no external reference.
        let text = try #require(built.text(journey.slug + "/emotions.svg"))
        #expect(!text.lowercased().contains("<script"))
        #expect(!text.contains("href=\"http"))
        #expect(!text.lowercased().contains("foreignobject"))
        // One point per score, each with a tooltip.
        let scores = journey.stages.flatMap { $0.layers }.compactMap { layer -> Int? in
            if case .emotion(let points) = layer.content { return points.count }
            return nil
        }.reduce(0, +)
        let groups = RenderXML.withClass(root, "point")
        #expect(groups.count == scores)
        #expect(groups.allSatisfy { RenderXML.child($0, "title") != nil && RenderXML.child($0, "circle") != nil })
    }

    @Test func ruOutlineHasThePersonaStagesLayersAndItems() throws {
        let built = try RenderBuild.fixture("ru-persona")
        let root = try RenderXML.root(built.text("lumus/skripty/outline.opml"))
        let top = try #require(RenderXML.child(RenderXML.child(root, "body"), "outline"))
        let tree = Self.tree(top, child: "outline", attribute: "text")
        #expect(tree.children.map(\.text) == ["Персона: Руководитель отдела продаж", "Осознание потребности",
                                              "Поиск решения", "Покупка"])
        #expect(tree.children[0].children.map(\.text) == ["Мотивы", "Сценарии", "Драйверы", "Барьеры"])
        let first = tree.children[1]
        #expect(first.children.map(\.text) == ["Цель", "Действия", "Вопросы", "Эмоции", "Опыт", "Метрики"])
        #expect(first.children[3].children.map(\.text) == ["−2 Раздражение: ошибки повторяются"])
        #expect(first.children[4].children.map(\.text) == ["+ Записи звонков уже есть в CRM", "− Слушать их долго"])
        #expect(first.children[5].children.map(\.text) == ["Длительность: 2–3\u{00A0}недели",
                                                            "Конверсия: 18\u{00A0}% (цель 25\u{00A0}%)", "NPS: −10"])
        let last = tree.children[3]
        #expect(last.children.first { $0.text == "Метрики" }?.children.map(\.text)
            == ["Конверсия: 90\u{00A0}%", "NPS: 45", "CSAT: 90\u{00A0}%", "Средний чек: 45\u{00A0}000\u{00A0}₽", "Длительность: 3\u{00A0}дня"])
    }

    @Test func customSchemaOutlineUsesItsRussianTitlesAndMetrics() throws {
        let built = try RenderBuild.fixture("custom-scale")
        let root = try RenderXML.root(built.text("zapis/outline.mm"))
        let tree = Self.tree(try #require(RenderXML.child(root, "node")), child: "node", attribute: "TEXT")
        #expect(tree.children.map(\.text) == ["Поиск врача", "Запись", "Приём"])
        #expect(tree.children[0].children.map(\.text) == ["Ситуация", "Шаги пациента", "Самочувствие", "Боли пациента"])
        #expect(tree.children[1].children.map(\.text) == ["Ситуация", "Шаги пациента", "Самочувствие", "Показатели клиники"])
        #expect(tree.children[1].children[2].children.map(\.text) == ["0 Злится: двадцать минут на линии", "5 Записался"])
        #expect(tree.children[1].children[3].children.map(\.text)
            == ["Звонки в колл-центр: 320", "Ожидание приёма: 4\u{00A0}дня"])
        #expect(tree.children[2].children[2].children.map(\.text) == ["10 Всё объяснили", "8,5 Дорогие анализы"])
        #expect(tree.children[2].children[3].children.map(\.text) == ["Доходимость: 87\u{00A0}%"])
    }

    /// Characters XML forbids or treats specially survive as text in every XML file.
    @Test func specialCharactersRoundTripThroughTheXML() throws {
        let title = "Кавычки \"двойные\" и 'одинарные' & <угловые>"
        let map = RenderBuild.russianMap(title: "'\(title.replacingOccurrences(of: "'", with: "''"))'",
                                         body: RenderBuild.stage("Этап & <этап>", score: "+1 Метка \"в кавычках\" & <скобки>"))
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/special.md": map])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let opml = try RenderXML.root(built.text("special/outline.opml"))
        #expect(RenderXML.child(RenderXML.child(opml, "head"), "title")?.stringValue == title)
        let top = try #require(RenderXML.child(RenderXML.child(opml, "body"), "outline"))
        #expect(RenderXML.attribute(top, "text") == title)
        let mm = try RenderXML.root(built.text("special/outline.mm"))
        #expect(RenderXML.attribute(RenderXML.child(mm, "node"), "TEXT") == title)
        let svg = try RenderXML.root(built.text("special/emotions.svg"))
        #expect(RenderXML.child(svg, "title")?.stringValue == "Кривая эмоций: " + title)
        #expect(RenderXML.child(svg, "desc")?.stringValue?.contains("Этап & <этап>: +1 (Метка \"в кавычках\" & <скобки>)") == true)
    }

    @Test func markupEscapeDropsCharactersXMLForbids() throws {
        let escaped = Markup.escape("a\u{0001}b\u{0008}c\td\ne&<>\"'\u{FFFE}")
        // A tab is a character reference too, so it survives attribute-value normalisation.
        #expect(escaped == "abc&#9;d&#10;e&amp;&lt;&gt;&quot;&#39;")
        let document = try RenderXML.parse("<x a=\"\(Markup.escape("d\ne&<>\"'"))\">\(escaped)</x>")
        #expect(document.rootElement()?.stringValue == "abc\td\ne&<>\"'")
        #expect(RenderXML.attribute(document.rootElement(), "a") == "d\ne&<>\"'", "a line break survives in an attribute")
        // U+FFFF and a carriage return go too; U+FFEF and U+FFFD, which share U+FFFE's first bytes, stay.
        #expect(Markup.escape("Путь\r\u{FFFF}\u{FFEF}\u{FFFD}") == "Путь\u{FFEF}\u{FFFD}")
        #expect(Markup.escape("Путь без знаков") == "Путь без знаков")
    }

    /// Escaping, read eight bytes at a time, changes what a reading character by character changes: every sign
    /// it escapes or drops, at every place in a word of text and beside its neighbours, in ASCII and Cyrillic
    /// text; appended to a file's bytes (as the outlines are written) and as a string, the same.
    @Test func markupEscapesAsACharacterByCharacterReading() {
        func byCharacter(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&#39;"
                case "\n": result += "&#10;"
                case "\t": result += "&#9;"
                case "\u{FFFE}", "\u{FFFF}": break
                default: if scalar.value >= 0x20 || scalar == "\u{7F}" { result.unicodeScalars.append(scalar) } else { break }
                }
            }
            return result
        }
        #expect(Markup.escape("").isEmpty)
        let signs = ["&", "<", ">", "\"", "'", "\n", "\t", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFEF}",
                     "\u{FFFD}", "#", "=", "%", "?", "\u{7F}", "\u{80}", ""]
        for filler in ["abcdefghijklmnopq", "Путь клиента"] {
            for sign in signs {
                for place in 0...16 {
                    let text = String(filler.prefix(place)) + sign + String(filler.dropFirst(place)) + sign
                    #expect(Markup.escape(text) == byCharacter(text), "\(text.unicodeScalars.map { $0.value })")
                    var bytes = ByteWriter(capacity: 16)
                    bytes.append("<x>")
                    Markup.appendEscaped(text, to: &bytes)
                    #expect(bytes.bytes == Array(("<x>" + byCharacter(text)).utf8), "\(text.unicodeScalars.map { $0.value })")
                }
            }
        }
    }

    @Test func numbersHaveOneDecimalAtMost() {
        #expect(Markup.number(0) == "0")
        #expect(Markup.number(266.666) == "266.7")
        #expect(Markup.number(-0.04) == "0")
        #expect(Markup.number(-0.25) == "-0.3")
        #expect(Markup.number(-12.5) == "-12.5")
        #expect(Markup.number(100) == "100")
        #expect(Markup.number(-1) == "-1")
        #expect(Markup.number(-0.96) == "-1")
        #expect(Markup.number(0.05) == "0.1")
        #expect(Markup.number(1_234_567.89) == "1234567.9")
        // Appended to a file's bytes, the same.
        var bytes = ByteWriter(capacity: 16)
        bytes.append("d=")
        for value in [0, -0.25, 12.5, -1_234_567.89] { Markup.appendNumber(value, to: &bytes); bytes.append(0x20) }
        let written = bytes.string
        #expect(written == "d=0 -0.3 12.5 -1234567.9 ")
    }

    /// A persona like the demo's (three motives) and a map with a nested list and a text of two paragraphs.
    static let itemsSite: [String: String] = [
        "tropa.yml": "language: ru\n",
        "content/personas/head-of-sales.md": """
            ---
            name: Руководитель отдела продаж
            ---
            ## Мотивы
            - Выполнить квартальный план без расширения штата
            - Быстрее вводить новичков в работу
            - Видеть, на каком этапе теряются сделки

            ## Барьеры
            Опыт «внедрили CRM — никто не пользуется».

            """,
        "content/b2b/lumus.md": RenderBuild.russianMap(title: "РОП выбирает конструктор скриптов",
                                                       extraFrontMatter: "persona: head-of-sales\n", body: """
            ## Поиск решения

            ### Цель
            Найти способ улучшить скрипты.

            Не обучать команду заново.

            ### Действия
            - Ищет статьи о скриптах
              - на vc.ru
              - в Telegram-чатах
            - Читает форумы

            ### Эмоции
            0 Рабочая задача

            """),
    ]

    @Test func everyItemAndParagraphIsANodeOfItsOwnInEveryOutline() throws {
        let built = try RenderBuild.site(Self.itemsSite)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let opml = try RenderXML.root(built.text("b2b/lumus/outline.opml"))
        let mm = try RenderXML.root(built.text("b2b/lumus/outline.mm"))
        let trees = [
            Self.tree(try #require(RenderXML.child(RenderXML.child(opml, "body"), "outline")), child: "outline", attribute: "text"),
            Self.tree(try #require(RenderXML.child(mm, "node")), child: "node", attribute: "TEXT"),
        ]
        #expect(trees[0] == trees[1])
        for tree in trees {
            let persona = try #require(tree.children.first)
            #expect(persona.text == "Персона: Руководитель отдела продаж")
            #expect(persona.children == [
                OutlineNode("Мотивы", [
                    OutlineNode("Выполнить квартальный план без расширения штата"),
                    OutlineNode("Быстрее вводить новичков в работу"),
                    OutlineNode("Видеть, на каком этапе теряются сделки"),
                ]),
                OutlineNode("Барьеры", [OutlineNode("Опыт «внедрили CRM — никто не пользуется».")]),
            ])
            let stage = try #require(tree.children.last)
            #expect(stage.children.map(\.text) == ["Цель", "Действия", "Эмоции"])
            #expect(stage.children[0].children == [OutlineNode("Найти способ улучшить скрипты."),
                                                   OutlineNode("Не обучать команду заново.")])
            #expect(stage.children[1].children == [
                OutlineNode("Ищет статьи о скриптах", [OutlineNode("на vc.ru"), OutlineNode("в Telegram-чатах")]),
                OutlineNode("Читает форумы"),
            ])
        }
        // The page's outline is the same tree: the motives are three items, the nested list a branch of its item.
        let page = try #require(built.text("b2b/lumus/index.html"))
        #expect(page.contains("<details open><summary>Мотивы</summary><ul><li><span>Выполнить квартальный план без "
            + "расширения штата</span>\n</li><li><span>Быстрее вводить новичков в работу</span>\n</li>"))
        #expect(page.contains("<details open><summary>Ищет статьи о скриптах</summary><ul><li><span>на vc.ru</span>\n</li>"))
    }
}

/// An action's links lead from its map's page; on the plan's pages they lead to the same places.
@Suite struct RebasedLinkTests {
    @Test(arguments: [
        // Another map, a file, a persona: from the map's root to the plan page's.
        ("<a href=\"../../volta/ofis/index.html#stage-vybor\">Офис</a>", "../", "<a href=\"../volta/ofis/index.html#stage-vybor\">Офис</a>"),
        ("<a href=\"../../volta/ofis/index.html\">Офис</a>", "../../../", "<a href=\"../../../volta/ofis/index.html\">Офис</a>"),
        ("<img src=\"../../img/a.png\" alt=\"a\" />", "../", "<img src=\"../img/a.png\" alt=\"a\" />"),
        // A stage of the same map: its page.
        ("<a href=\"#stage-oplata\">оплата</a>", "../../../", "<a href=\"../../../volta/semya/index.html#stage-oplata\">оплата</a>"),
        // Beside the site, out of it, from the output's root: as the map's page would lead.
        ("<a href=\"../../../beside.pdf\">x</a>", "../", "<a href=\"../../beside.pdf\">x</a>"),
        ("<a href=\"https://example.com/?a=1&amp;b=2\">x</a> <a href=\"mailto:a@b.ru\">m</a>", "../",
         "<a href=\"https://example.com/?a=1&amp;b=2\">x</a> <a href=\"mailto:a@b.ru\">m</a>"),
        ("<a href=\"/docs/\">x</a>", "../", "<a href=\"/docs/\">x</a>"),
        ("Без ссылок, href= в тексте", "../", "Без ссылок, href= в тексте"),
        // Both attributes after text of more than one byte a letter, each led from the plan; an address left open.
        ("Ёлка <img src=\"a.png\" alt=\"\" /> и <a href=\"b.html\">б</a>", "../",
         "Ёлка <img src=\"../volta/semya/a.png\" alt=\"\" /> и <a href=\"../volta/semya/b.html\">б</a>"),
        ("<a href=\"#stage-vybor", "../", "<a href=\"../volta/semya/index.html#stage-vybor"),
    ])
    func linksLeadWhereTheyLedFromTheMap(html: String, root: String, expected: String) {
        #expect(Markup.rebasingLinks(html, from: "volta/semya", to: root) == expected)
    }
}
