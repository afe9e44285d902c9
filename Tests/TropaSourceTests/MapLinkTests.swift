import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Links between maps: resolved where the HTML is made, checked by the site.
@Suite struct MapLinkTests {
    /// A map in a nested folder with a link in its introduction, its stage description and every layer kind.
    static let robot = """
        ---
        title: Робот-пылесос
        ---

        Как [в салоне](../retail/sofa.md), но [онлайн](<./Отзывы/робот до.md#Выбор>); [почта](mailto:a@example.com),
        [сайт](https://example.com/a.md), [корень](/about.md), [фото](img/фото%201.png?v=2#x).

        ## Выбор
        См. [оплату](../retail/sofa.md#%D0%BE%D0%BF%D0%BB%D0%B0%D1%82%D0%B0).

        ### Цель
        Понять, [что выбрать](#оплата).

        ### Действия
        - Читает [обзор](../retail/sofa.md#Визит-в-шоурум-Офлайн)
        - Смотрит [видео](../../outside.md)

        ### Эмоции
        +1 [Нашёл](../retail/sofa.md#выбор) модель

        ### Метрики
        - [NPS](../retail/sofa.md#оплата): 20

        ## Оплата

        ### Цель
        Оплатить.

        ### Действия
        - Платит

        ### Эмоции
        0
        """

    @Test func linksInEveryLayerKindLeadToPagesFromANestedFolder() throws {
        let (journey, _) = Check.journey(Self.robot, path: "content/ecommerce/robot.md")
        let intro = journey.introduction.html
        #expect(intro.contains("href=\"../../retail/sofa/index.html\""))
        #expect(intro.contains("href=\"../../ecommerce/otzyvy/robot-do/index.html#stage-vybor\""))
        #expect(intro.contains("href=\"mailto:a@example.com\""))
        #expect(intro.contains("href=\"https://example.com/a.md\""))
        #expect(intro.contains("href=\"/about.md\""))
        // A static file is copied to its path under content/: from the page, two folders up and back down.
        #expect(intro.contains("href=\"../../ecommerce/img/%D1%84%D0%BE%D1%82%D0%BE%201.png?v=2#x\""))
        let stage = try #require(journey.stages.first)
        #expect(stage.description.html.contains("href=\"../../retail/sofa/index.html#stage-oplata\""))
        #expect(stage.layer(id: "goal")?.content.richText?.html.contains("href=\"#stage-oplata\"") == true)
        let actions = try #require(stage.layer(id: "actions")?.content.items)
        #expect(actions[0].text.html.contains("href=\"../../retail/sofa/index.html#stage-vizit-v-shourum-oflayn\""))
        #expect(stage.layer(id: "emotions")?.content.points?.first?.label == "Нашёл модель")
        #expect(stage.layer(id: "metrics")?.content.values?.first?.metricID == "nps")
        // Every link to a map's file or another file is kept with where it starts, for the site to check.
        #expect(journey.links.map(\.target) == [
            "content/retail/sofa.md", "content/ecommerce/Отзывы/робот до.md", "content/ecommerce/img/фото 1.png",
            "content/retail/sofa.md", "content/ecommerce/robot.md", "content/retail/sofa.md", "../outside.md",
            "content/retail/sofa.md", "content/retail/sofa.md",
        ])
        #expect(journey.links.map(\.leadsToFile) == [false, false, true, false, false, false, false, false, false])
        #expect(journey.links.map(\.anchor) == [nil, "Выбор", nil, "оплата", "оплата", "Визит-в-шоурум-Офлайн", nil, "выбор", "оплата"])
        #expect(journey.links.map { "\($0.location.line):\($0.location.column)" } == [
            "5:5", "5:39", "6:56", "9:5", "12:9", "15:10", "16:11", "19:4", "22:3",
        ])
    }

    /// cmark counts a link's column on a paragraph's later line as if the line began where the paragraph does: the
    /// link is found where it is on the line as written, past spaces and quote marks of any width.
    @Test func aLinkOnAnIndentedLaterLineIsAtItsColumn() {
        let (journey, _) = Check.journey("""
            ---
            title: Карта
            ---

            Первая строка
               текст [покупки](a.md)

            ## Этап

            ### Цель
            Найти.

            ### Действия
            - Сравнивает счета
                за [месяц](b.md)
            - Пункт
              > цитата
              > и [ещё](c.md)
              >    и [ещё](d.md)
              >и [ещё](e.md)

            ### Эмоции
            0 Спокойно
            """)
        #expect(journey.links.map { "\($0.location.line):\($0.location.column)" }
            == ["6:10", "15:8", "18:7", "19:10", "20:6"])
    }

    @Test func aFileLinkFromTheMarkdownFileLeadsToTheCopyAndOneLeavingContentIsKept() {
        let resolver = MapLinks(path: "content/b2b/Лумус.md", contentPath: "content")
        let at = SourceLocation(file: "content/b2b/Лумус.md", line: 1)
        #expect(resolver.resolve("../images/cjm.png", at: at)?.href == "../../images/cjm.png")
        #expect(resolver.resolve("схемы/", at: at)?.href == "../../b2b/схемы/")
        #expect(resolver.resolve("100%25%20%231.png", at: at)?.href == "../../b2b/100%25 %231.png")
        // Written from the page's folder, or naming something beside the site: as written.
        #expect(resolver.resolve("../../images/cjm.png", at: at) == nil)
        // Out of `content/` and back into it: the same as written from inside it.
        #expect(resolver.resolve("../../content/b2b/схемы/a.png", at: at)?.href == "../../b2b/схемы/a.png")
        #expect(resolver.resolve("../../content/b2b/Лумус.md", at: at)?.href == "../../b2b/lumus/index.html")
        #expect(resolver.resolve("?page=2", at: at) == nil)
        #expect(resolver.resolve("tel:+7999", at: at) == nil)
        #expect(resolver.resolve("//cdn.example.com/a.png", at: at) == nil)
        #expect(resolver.resolve("#", at: at) == nil)
        #expect(resolver.resolve("Лумус.md", at: at)?.href == "../../b2b/lumus/index.html")
    }

    static let sofa = """
        ---
        title: Диван
        ---

        ## Выбор
        ### Цель
        Выбрать.
        ### Действия
        - Смотрит
        ### Эмоции
        0

        ## Визит в шоурум {Офлайн}
        ### Цель
        Посмотреть.
        ### Действия
        - Едет
        ### Эмоции
        0

        ## Оплата
        ### Цель
        Оплатить.
        ### Действия
        - Платит
        ### Эмоции
        0
        """

    static func link(_ markdown: String) -> String {
        "---\ntitle: Робот\n---\n\nСм. \(markdown).\n\n## Этап\n" + Check.requiredLayers
    }

    @Test(arguments: ["[а](../retail/sofa.md)", "[а](../retail/sofa.md#оплата)", "[а](../retail/sofa.md#ОПЛАТА:)",
                      "[а](../retail/sofa.md#oplata)", "[а](<../retail/sofa.md#визит в шоурум {офлайн}>)",
                      "[а](../retail/sofa.md#визит-в-шоурум-офлайн)", "[а](#этап)", "[а](../personas/buyer.md)",
                      "[а](robot.md#Этап)", "[а](img/a.png)", "[а](img/a.png?v=2#x)", "[а](../price.pdf)", "[а](img/)",
                      "[а](img)", "[а](../retail)", "[а](../../missing.png)", "[а](../../content/retail/sofa.md)",
                      "[а](../../content/personas/buyer.md)",
                      // What tropa writes: a map's files and folder, the site's pages.
                      "[а](../retail/sofa/journey.csv)", "[а](../index.html)",
                      "[а](../dashboard/index.html)", "[а](../personas/buyer/index.html)", "[а](../tags/b2b/index.html)"])
    func linksToMapsStagesPersonasAndFilesThatExistAreFine(markdown: String) throws {
        let result = try Check.site([
            "content/ecommerce/robot.md": Self.link(markdown), "content/retail/sofa.md": Self.sofa,
            "content/personas/buyer.md": "---\nname: Покупатель\n---\n",
            "content/ecommerce/img/a.png": "png", "content/price.pdf": "pdf",
            "content/retail/other.md": Self.sofa.replacingOccurrences(of: "title: Диван", with: "title: Другой\ntags: [B2B]"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test(arguments: [
        ("[а](../retail/sfa.md)", "the link leads to no map: \"../retail/sfa.md\"", "did you mean \"../retail/sofa.md\"?"),
        // A map renamed since, with words taken away.
        ("[а](../retail/sofa-v-salone.md#оплата)", "the link leads to no map: \"../retail/sofa-v-salone.md\"",
         "did you mean \"../retail/sofa.md\"?"),
        ("[а](../retail/sofa.md#оплатаа)", "the map \"../retail/sofa.md\" has no stage \"оплатаа\"", "did you mean \"#оплата\"?"),
        ("[а](../retail/sofa.md#визит-в-шоурум)", "the map \"../retail/sofa.md\" has no stage \"визит-в-шоурум\"",
         "did you mean \"#визит-в-шоурум-офлайн\"?"),
        ("[а](../retail/sofa.md#доставка)", "the map \"../retail/sofa.md\" has no stage \"доставка\"",
         "its stages: #выбор, #визит-в-шоурум-офлайн, #оплата"),
        // Stages renamed since the link was written: words added, words taken away.
        ("[а](../retail/sofa.md#шоурум)", "the map \"../retail/sofa.md\" has no stage \"шоурум\"",
         "did you mean \"#визит-в-шоурум-офлайн\"?"),
        ("[а](../retail/sofa.md#выбор-модели-дивана)", "the map \"../retail/sofa.md\" has no stage \"выбор-модели-дивана\"",
         "did you mean \"#выбор\"?"),
        // One word of several replaced.
        ("[а](../retail/sofa.md#визит-в-салон-офлайн)", "the map \"../retail/sofa.md\" has no stage \"визит-в-салон-офлайн\"",
         "did you mean \"#визит-в-шоурум-офлайн\"?"),
        // Words of two stages: neither is suggested over the other.
        ("[а](../retail/sofa.md#выбор-и-оплата)", "the map \"../retail/sofa.md\" has no stage \"выбор-и-оплата\"",
         "its stages: #выбор, #визит-в-шоурум-офлайн, #оплата"),
        ("[а](#этапп)", "the map \"robot.md\" has no stage \"этапп\"", "did you mean \"#этап\"?"),
        ("[а](../personas/seler.md)", "the link leads to no persona: \"../personas/seler.md\"",
         "did you mean \"../personas/seller.md\"?"),
        ("[а](../personas/manager.md)", "the link leads to no persona: \"../personas/manager.md\"",
         "personas of this site: ../personas/seller.md"),
    ])
    func aLinkToNoMapOrStageIsABrokenLinkAtItsPosition(markdown: String, message: String, help: String) throws {
        let result = try Check.site([
            "content/ecommerce/robot.md": Self.link(markdown), "content/retail/sofa.md": Self.sofa,
            "content/personas/seller.md": "---\nname: Продавец\n---\n",
        ])
        #expect(result.diagnostics.found == [Found(.brokenLink, .error, 5, 5)])
        #expect(result.diagnostics.first?.message(in: .en) == message)
        #expect(result.diagnostics.first?.suggestion(in: .en) == help)
    }

    /// Nothing close, nor a map named with one word of its name replaced (another map, not this one renamed): a map of
    /// the site is the example of how to link.
    @Test(arguments: ["../retail/sofa-bed.md", "../crm/vnedrenie.md", "kitchen.md"])
    func aMapOfTheSiteIsTheExample(target: String) throws {
        let result = try Check.site(["content/ecommerce/robot.md": Self.link("[а](\(target))"), "content/retail/sofa-corner.md": Self.sofa])
        #expect(result.diagnostics.found == [Found(.brokenLink, .error, 5, 5)])
        #expect(result.diagnostics.first?.suggestion(in: .en) == "link to a map by its file, relative to this one, e.g. \"../retail/sofa-corner.md\"")
    }

    /// On a site of one map, a link to another says there is none yet, not how to link to one the site lacks.
    @Test func aLinkToAnotherMapOfASiteOfOne() throws {
        let result = try Check.site(["content/ecommerce/robot.md": Self.link("[а](../crm/vnedrenie.md)")])
        #expect(result.diagnostics.found == [Found(.brokenLink, .error, 5, 5)])
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "других карт на сайте пока нет: создайте карту, на которую ведёт ссылка (`tropa new`), или уберите ссылку")
    }

    @Test(arguments: [
        // A map's file written without `.md` leads to no page.
        ("[а](../retail/sofa#оплата)", "the link leads to no file: \"../retail/sofa\"", "did you mean \"../retail/sofa.md#оплата\"?"),
        ("[а](img/b.png)", "the link leads to no file: \"img/b.png\"", "did you mean \"img/a.png\"?"),
        ("[а](../price.doc?v=1)", "the link leads to no file: \"../price.doc?v=1\"", "did you mean \"../price.pdf\"?"),
        ("[а](../retail/sofa?v=2#оплата)", "the link leads to no file: \"../retail/sofa?v=2\"",
         "did you mean \"../retail/sofa.md?v=2#оплата\"?"),
        ("[а](../personas/buyer)", "the link leads to no file: \"../personas/buyer\"", "did you mean \"../personas/buyer.md\"?"),
        ("[а](img/%D1%84%D0%BE%D1%82%D0%BE.pngg)", "the link leads to no file: \"img/%D1%84%D0%BE%D1%82%D0%BE.pngg\"",
         "did you mean \"img/фото.png\"?"),
        ("[а](отчёт.docx)", "the link leads to no file: \"отчёт.docx\"",
         "put the file at content/ecommerce/отчёт.docx, or link to it by its full address (https://…)"),
        ("[а](../retail/sofa.csv)",
         "the link leads to \"../retail/sofa.csv\", a map's measurements: the site reads them and does not publish the file",
         "to publish the file, link to a copy of it under another name, or to where it is hosted (https://…)"),
        ("[а](../../README.md)", "the link leads out of the site's content, to \"../../README.md\": the site has no page for it",
         "link to it by its full address (https://…)"),
    ])
    func aLinkToAFileTheSiteDoesNotCopyIsABrokenLink(markdown: String, message: String, help: String) throws {
        let sofa = Self.sofa.replacingOccurrences(of: "title: Диван", with: "title: Диван\nmeasurements: sofa.csv")
        let result = try Check.site([
            "content/ecommerce/robot.md": Self.link(markdown), "content/retail/sofa.md": sofa,
            "content/retail/sofa.csv": "date,stage,metric,value\n", "content/ecommerce/img/a.png": "png",
            "content/ecommerce/img/фото.png": "png", "content/price.pdf": "pdf", "content/personas/buyer.md": "---\nname: Покупатель\n---\n",
        ])
        #expect(result.diagnostics.found == [Found(.brokenLink, .error, 5, 5)])
        #expect(result.diagnostics.first?.message(in: .en) == message)
        #expect(result.diagnostics.first?.suggestion(in: .en) == help)
    }

    /// A stage two branches have, named without a label: each is offered, not the first alone.
    @Test func aStageOfTwoBranchesNamedWithoutALabelOffersBoth() throws {
        let forked = Self.sofa.replacingOccurrences(of: "## Оплата", with: "## Визит в шоурум {Онлайн}\n### Цель\nСмотрит.\n### Действия\n- Смотрит\n### Эмоции\n0\n\n## Оплата")
        let result = try Check.site(["content/ecommerce/robot.md": Self.link("[а](../retail/sofa.md#визит-в-шоурум)"),
                                     "content/retail/sofa.md": forked])
        #expect(result.diagnostics.found == [Found(.brokenLink, .error, 5, 5)])
        #expect(result.diagnostics.first?.suggestion(in: .ru)
            == "этап есть в нескольких ветках; назовите его с меткой ветки: #визит-в-шоурум-офлайн, #визит-в-шоурум-онлайн")
    }

    @Test func aBrokenFileLinkIsWordedInRussian() throws {
        let result = try Check.site(["content/ecommerce/robot.md": Self.link("[а](../retail/sofa)"), "content/retail/sofa.md": Self.sofa])
        #expect(result.diagnostics.first?.message(in: .ru) == "ссылка ведёт к несуществующему файлу «../retail/sofa»")
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "может быть, «../retail/sofa.md»?")
    }

    @Test func aBrokenLinkIsWordedInRussian() throws {
        let result = try Check.site([
            "content/ecommerce/robot.md": Self.link("[а](../retail/sofa.md#оплатаа)"), "content/retail/sofa.md": Self.sofa,
        ])
        #expect(result.diagnostics.first?.message(in: .ru) == "в карте «../retail/sofa.md» нет этапа «оплатаа»")
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "может быть, «#оплата»?")
    }

    @Test func stageColumnsHaveOneIdEach() {
        let ids = [StageID(name: "Оплата"), StageID(name: "оплата!"), StageID(name: "Оплата", branch: "Онлайн"),
                   StageID(name: "Ёлка")]
        // Two names that slug alike keep apart; ё is read as е, as names are compared.
        #expect(StageID.anchors(ids) == ["stage-oplata", "stage-oplata-2", "stage-oplata-onlayn", "stage-elka"])
        #expect(StageID.anchor(fragment: "ёлка") == "stage-elka")
    }
}
