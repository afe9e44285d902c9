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

/// What the HTML pages say: the table, the faces, figures, the persona and the catalogue.
@Suite struct RenderPageTests {
    /// Every match of `pattern`'s capture groups in `text`.
    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// (score, face) of every emotion in the table, in reading order: the face is the theme's drawing, named by
    /// its mood (`positive`), hidden from screen readers, which read the score beside it.
    static func faces(_ page: String) throws -> [String] {
        try matches("<li><svg class=\"face face-([a-z-]+)\" [^>]*aria-hidden=\"true\">(?:(?!</svg>).)*</svg> <span class=\"score\">([^<]*)</span>", in: page)
            .map { "\($0[1]) \($0[0])" }
    }

    /// The curve rings the sharpest pain only where it is not also the weakest stage, as the header marks and the
    /// advice do: one stage is not named twice.
    @Test func theSharpestPainIsRingedOnlyApartFromTheWeakestStage() throws {
        let stages = { (firstScore: String, secondScore: String) in
            RenderBuild.stage("Поиск", score: firstScore, extra: "### Метрики\n- Конверсия: 20%\n")
                + RenderBuild.stage("Покупка", score: secondScore, extra: "### Метрики\n- Конверсия: 60%\n")
        }
        let same = try RenderBuild.site(["content/m.md": RenderBuild.russianMap(body: stages("-2 Боль", "1 Хорошо"))])
        let apart = try RenderBuild.site(["content/m.md": RenderBuild.russianMap(body: stages("1 Хорошо", "-2 Боль"))])
        let samePage = try #require(same.text("m/index.html")), apartPage = try #require(apart.text("m/index.html"))
        #expect(!samePage.contains("class=\"ring\""))
        #expect(!samePage.contains("mark-pain"))
        #expect(apartPage.components(separatedBy: "class=\"ring\"").count == 2)
        #expect(apartPage.contains("mark-pain"))
    }

    /// The quadrants are split at the map's averages: the better stage of a map whose NPS is below zero everywhere
    /// is told that its NPS is below zero all the same, and the worse of one above zero that it is above.
    @Test func theBetterHalfBelowZeroSaysSo() throws {
        let stage = { (name: String, conversion: Int, nps: Int) in
            RenderBuild.stage(name, extra: "### Метрики\n- Конверсия: \(conversion)%\n- NPS: \(nps)\n")
        }
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/m.md": RenderBuild.russianMap(
            body: stage("Заявка", 80, -10) + stage("Монтаж", 40, -30))])
        #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
        let page = try #require(built.text("m/index.html"))
        #expect(page.contains("<li value=\"1\" class=\"both-high\"><strong>Заявка</strong> (конверсия 80\u{00A0}%, NPS −10): "
            + "И конверсия, и NPS не ниже средних по карте: ищите больше таких клиентов. "
            + "Но NPS ниже нуля: критиков и здесь больше, чем сторонников.</li>"))
        #expect(page.contains("<li value=\"2\" class=\"both-low\"><strong>Монтаж</strong> (конверсия 40\u{00A0}%, NPS −30): "
            + "И конверсия, и NPS ниже средних по карте: здесь нужно менять всё.</li>"))
        #expect(page.contains(">Лучшие на карте</text>"))
        // The mirror: the lower NPS of a map whose NPS is above zero everywhere.
        let above = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/m.md": RenderBuild.russianMap(
            body: stage("Заявка", 80, 10) + stage("Монтаж", 40, 50))])
        #expect(try #require(above.text("m/index.html")).contains("(конверсия 80\u{00A0}%, NPS 10): Что-то уникальное удерживает клиентов, "
            + "несмотря на недовольство: идеальная точка роста. Но NPS выше нуля: сторонников здесь больше, чем критиков.</li>"))
    }

    /// The total length: of a map that forks, said to be along the longest way; of one that does not, with the
    /// stages of the way that have a duration counted.
    @Test func theTotalLengthSaysItsWay() throws {
        let days = { (name: String, count: Int?) in
            RenderBuild.stage(name, extra: count.map { "### Метрики\n- Длительность: \($0) дня\n" } ?? "")
        }
        let straight = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/m.md": RenderBuild.russianMap(
            body: days("Поиск", 2) + days("Выбор", 3) + days("Покупка", nil))])
        let forked = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/m.md": RenderBuild.russianMap(
            body: days("Поиск", 2) + days("Выбор {Онлайн}", 3) + days("Выбор {Офлайн}", 4) + days("Покупка", 2))])
        #expect(straight.diagnostics.isEmpty, "\(straight.diagnostics)")
        #expect(try #require(straight.text("m/index.html")).contains("<p class=\"total\">Всего 5\u{00A0}дней, по 2 из 3 этапов.</p>"))
        #expect(try #require(forked.text("m/index.html")).contains("<p class=\"total\">Всего 8\u{00A0}дней по самому длинному пути.</p>"))
    }

    @Test func facesOnTheDefaultScale() throws {
        let page = try #require(try RenderBuild.fixture("en-multi").text("onboarding/index.html"))
        #expect(try Self.faces(page) == ["+1 positive", "−1 negative", "+2 very-positive", "−2 very-negative",
                                         "+0.5 positive", "+1 positive", "0 neutral", "−1 negative", "+2 very-positive"])
    }

    /// On a 0..10 scale, 0 is the worst a customer can feel and 10 the best: the faces follow the schema's scale,
    /// and scores carry no `+`, since no score is negative.
    @Test func facesFollowTheSchemasScale() throws {
        let page = try #require(try RenderBuild.fixture("custom-scale").text("zapis/index.html"))
        #expect(try Self.faces(page) == ["3 negative", "0 very-negative", "5 neutral", "10 very-positive", "8,5 positive"])
    }

    /// A machine without a colour emoji font shows 🙁 and 🙂 as empty boxes, on screen and in a PDF: the page
    /// prints no emoji face, only drawings, each face's shape its own and the same wherever it appears.
    @Test func facesAreDrawnNotLeftToAnEmojiFont() throws {
        for (fixture, path) in [("en-multi", "onboarding/index.html"), ("custom-scale", "zapis/index.html"),
                                ("ru-persona", "lumus/skripty/index.html")] {
            let page = try #require(try RenderBuild.fixture(fixture).text(path))
            for face in SitePresenter.faces { #expect(!page.contains(face), "\(fixture) prints \(face)") }
            let drawings = try Self.matches("(<svg class=\"face face-([a-z-]+)\".*?</svg>)", in: page)
            #expect(!drawings.isEmpty, "\(fixture) draws its faces")
            for drawing in drawings {
                #expect(drawing[0] == FaceSVG.markup(drawing[1]))
                #expect(throws: Never.self) { _ = try RenderXML.parse(drawing[0]) }
            }
        }
        let shapes = SitePresenter.moods.map(FaceSVG.markup)
        #expect(Set(shapes).count == 5, "five faces, each its own")
        #expect(shapes.allSatisfy { $0.contains("aria-hidden=\"true\"") && $0.contains("currentColor") })
    }

    @Test func theTableHasAColumnPerStageAndARowPerUsedLayerInSchemaOrder() throws {
        let page = try #require(try RenderBuild.fixture("ru-persona").text("lumus/skripty/index.html"))
        #expect(try Self.matches("<th scope=\"col\" id=\"stage-[a-z0-9-]+\">([^<]*)(?: <span class=\"mark[^<]*</span>)*</th>", in: page).map { $0[0] }
            == ["Осознание потребности", "Поиск решения", "Покупка"])
        // The weakest stage says so in its header, in words.
        #expect(page.contains("<th scope=\"col\" id=\"stage-osoznanie-potrebnosti\">Осознание потребности <span class=\"mark mark-weakest\">самая низкая конверсия</span></th>"))
        #expect(page.contains("<colgroup><col class=\"layer-column\"><col class=\"stage-column\"><col class=\"stage-column\"><col class=\"stage-column\"></colgroup>"))
        let rows = try Self.matches("<tr class=\"layer layer-([a-z]+)( sparse)?\" id=\"layer-([a-z-]+)\"><th scope=\"row\">([^<]*)</th>(.*?)</tr>", in: page)
            .map { [$0[0], $0[2], $0[3], $0[4]] }
        #expect(rows.map { $0[1] } == ["goal", "actions", "questions", "touchpoints", "expectations", "emotions",
                                       "experience", "barriers", "metrics", "recommendations"])
        #expect(rows.map { $0[0] } == ["text", "list", "list", "list", "text", "emotion", "list", "list", "metrics", "list"])
        #expect(rows.map { $0[2] } == ["Цель", "Действия", "Вопросы", "Точки контакта", "Ожидания", "Эмоции", "Опыт",
                                       "Барьеры", "Метрики", "Рекомендации"])
        for row in rows {
            #expect(row[3].components(separatedBy: "<td>").count - 1 == 3, "row \(row[1]) has a cell per stage")
        }
        let questions = try #require(rows.first { $0[1] == "questions" })[3]
        #expect(questions.hasPrefix("<td><ul class=\"items\"><li>Дело в людях или в скрипте?</li></ul>\n</td><td>\n</td>"),
                "an empty cell stays empty")
        let experience = try #require(rows.first { $0[1] == "experience" })[3]
        #expect(experience.contains("<li class=\"positive\"><span class=\"tone\" title=\"позитивный\">позитивный: </span>Записи звонков уже есть в CRM</li>"))
        #expect(experience.contains("<li class=\"negative\"><span class=\"tone\" title=\"негативный\">негативный: </span>Слушать их долго</li>"))
        let expectations = try #require(rows.first { $0[1] == "expectations" })[3]
        #expect(expectations.contains("<p>Готовые скрипты для B2B, которые можно <em>сразу</em> дать менеджерам.</p>"))
    }

    /// A row empty in more than half of its stages is marked `sparse`, for the theme to set it tighter.
    @Test func rowsEmptyInMostStagesAreSparse() throws {
        let page = try #require(try RenderBuild.fixture("ru-persona").text("lumus/skripty/index.html"))
        let rows = try Self.matches("<tr class=\"layer layer-[a-z]+( sparse)?\" id=\"layer-([a-z-]+)\">(.*?)</tr>", in: page)
        #expect(rows.count == 10)
        var sparse: [String] = []
        for row in rows {
            let cells = row[2].components(separatedBy: "<td>").dropFirst()
            let empty = cells.count { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "</td>" }
            #expect(!row[0].isEmpty == (empty * 2 > cells.count), "\(row[1]): \(empty) of \(cells.count) empty")
            if !row[0].isEmpty { sparse.append(row[1]) }
        }
        #expect(!sparse.isEmpty && sparse.count < rows.count, "\(sparse)")
        // One stage of three has a description.
        #expect(page.contains("<tr class=\"stage-descriptions sparse\"><th scope=\"row\">Описание этапа</th>"))
        #expect(SitePresenter.isSparse(filled: 1, of: 3) && SitePresenter.isSparse(filled: 3, of: 7))
        #expect(!SitePresenter.isSparse(filled: 2, of: 4) && !SitePresenter.isSparse(filled: 2, of: 3))
    }

    @Test func aCustomSchemaGivesItsOwnRowsAndTitles() throws {
        let page = try #require(try RenderBuild.fixture("custom-scale").text("zapis/index.html"))
        let rows = try Self.matches("<tr class=\"layer layer-[a-z]+(?: sparse)?\" id=\"layer-([a-z-]+)\"><th scope=\"row\">([^<]*)</th>", in: page)
        #expect(rows.map { $0[0] } == ["situation", "steps", "mood", "pains", "kpi"])
        #expect(rows.map { $0[1] } == ["Ситуация", "Шаги пациента", "Самочувствие", "Боли пациента", "Показатели клиники"])
        #expect(page.contains("<tr class=\"curve-row\"><th scope=\"row\">Кривая эмоций</th><td class=\"curve-cell\" colspan=\"3\">"))
    }

    @Test func metricsAreFormattedForTheSiteLanguage() throws {
        let nbsp = "\u{00A0}"
        let ru = try #require(try RenderBuild.fixture("ru-persona").text("lumus/skripty/index.html"))
        // A range as written, and a missed target beside its value.
        #expect(ru.contains("<div class=\"missed\"><dt>Конверсия</dt><dd>18\(nbsp)% <span class=\"target\">(цель 25\(nbsp)%, не достигнута)</span></dd></div>"))
        for (name, value) in [("Длительность", "2–3\(nbsp)недели"), ("Конверсия", "35\(nbsp)%"),
                              ("NPS", "20"), ("Длительность", "1\(nbsp)месяц"), ("CSAT", "90\(nbsp)%"),
                              ("Средний чек", "45\(nbsp)000\(nbsp)₽"), ("Длительность", "3\(nbsp)дня")] {
            #expect(ru.contains("<dt>\(name)</dt><dd>\(value)</dd>"), "\(name): \(value)")
        }
        let en = try #require(try RenderBuild.fixture("en-multi").text("onboarding/index.html"))
        #expect(en.contains("<div class=\"missed\"><dt>Conversion</dt><dd>30% <span class=\"target\">(target 35%, missed)</span></dd></div>"))
        for (name, value) in [("Conversion", "62.5%"), ("Duration", "3\(nbsp)minutes"), ("NPS", "−15"), ("CSAT", "71%"),
                              ("Conversion", "40–50%"), ("Duration", "1–2\(nbsp)days")] {
            #expect(en.contains("<dt>\(name)</dt><dd>\(value)</dd>"), "\(name): \(value)")
        }
        let custom = try #require(try RenderBuild.fixture("custom-scale").text("zapis/index.html"))
        for (name, value) in [("Звонки в колл-центр", "320"), ("Ожидание приёма", "4\(nbsp)дня"), ("Доходимость", "87\(nbsp)%")] {
            #expect(custom.contains("<dt>\(name)</dt><dd>\(value)</dd>"), "\(name): \(value)")
        }
    }

    @Test func theHeaderShowsTheFrontMatterFacts() throws {
        let page = try #require(try RenderBuild.fixture("ru-persona").text("lumus/skripty/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(page.contains("<title>РОП выбирает конструктор скриптов — Карты Lumus</title>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../../_tropa/style.css\">"))
        #expect(page.contains("<div><dt>Продукт</dt><dd>Lumus</dd></div>"))
        #expect(page.contains("<div><dt>Сегмент</dt><dd><a href=\"../../segments/b2b/index.html\">B2B</a></dd></div>"))
        #expect(page.contains("<div><dt>Обновлено</dt><dd>1 марта 2024</dd></div>"))
        #expect(page.contains("<ul class=\"tags\"><li><a href=\"../../tags/saas/index.html\">saas</a></li>"
            + "<li><a href=\"../../tags/skripty-prodazh/index.html\">скрипты продаж</a></li></ul>"))
        #expect(page.contains("<p>Карта по 12 интервью, весна 2024 года. Цифры из <strong>amoCRM</strong>.</p>"))
        let en = try #require(try RenderBuild.fixture("en-multi").text("onboarding/index.html"))
        #expect(en.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!en.contains("<dt>Persona</dt>"), "no persona, no persona fact")
        #expect(!en.contains("persona-card"))
    }

    @Test func thePersonaCardAndPageLinkBothWays() throws {
        let built = try RenderBuild.fixture("ru-persona")
        let page = try #require(built.text("lumus/skripty/index.html"))
        #expect(page.contains("<div><dt>Персона</dt><dd><a href=\"../../personas/rop/index.html\">Руководитель отдела продаж</a></dd></div>"))
        #expect(page.contains("<aside class=\"persona-card\" aria-label=\"Персона\">"))
        #expect(page.contains("<p class=\"role\">B2B, отдел из 10 менеджеров</p>"))
        for section in ["Мотивы", "Сценарии", "Драйверы", "Барьеры"] {
            #expect(page.contains("<section><h3>\(section)</h3>"), "\(section)")
        }
        let persona = try #require(built.text("personas/rop/index.html"))
        #expect(persona.contains("<h1>Руководитель отдела продаж</h1>"))
        #expect(persona.contains("<p>Отвечает за план продаж и решает о покупке сервисов до 50 000 ₽ в месяц.</p>"))
        #expect(persona.contains("<li><a href=\"../../lumus/skripty/index.html\">РОП выбирает конструктор скриптов</a></li>"))
        #expect(persona.contains("<link rel=\"stylesheet\" href=\"../../_tropa/style.css\">"))
    }

    /// A persona's maps and the catalogue's personas are in the order of titles every list of maps has: small and
    /// capital letters alike, Ё as Е («Ёлка» after «Дом», not first by its code point), Latin before Cyrillic.
    @Test func personasAndTheirMapsAreInTheCataloguesOrder() throws {
        var files: [String: String] = [:]
        for (id, name) in [("yo", "Ёжиков"), ("an", "анна"), ("bo", "Борис")] {
            files["content/personas/\(id).md"] = "---\nname: \(name)\n---\n\nОписание.\n"
        }
        for (file, title) in [("yolka", "Ёлка"), ("arbuz", "арбуз"), ("dom", "Дом"), ("zebra", "Zebra"), ("apple", "apple")] {
            files["content/\(file).md"] = RenderBuild.russianMap(title: title, extraFrontMatter: "persona: yo\n",
                                                                  body: RenderBuild.stage("Поиск"))
        }
        let built = try RenderBuild.site(files)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        let links = { (page: String) in
            (built.text(page) ?? "").matches(of: /<li><a href="[^"]*">([^<]*)<\/a><\/li>/).map { String($0.1) }
        }
        #expect(links("personas/yo/index.html") == ["apple", "Zebra", "арбуз", "Дом", "Ёлка"])
        #expect(links("index.html").filter { ["Ёжиков", "анна", "Борис"].contains($0) } == ["анна", "Борис", "Ёжиков"])
    }

    /// A measurement with the map's own value is told by its date alone.
    @Test func aMeasurementOfTheMapsValueIsToldByItsDate() throws {
        let page = try #require(try RenderBuild.fixture("branched").text("divan/index.html"))
        #expect(page.contains("<dt>NPS</dt><dd>60 <span class=\"measured\">замер 1 апреля 2024</span></dd>"))
    }

    /// A branch's stage is named with its branch in brackets: the figure beside it is not bracketed again.
    @Test func aBranchsWeakestStageHasOnePairOfBrackets() throws {
        let built = try RenderBuild.fixture("branched")
        #expect(try #require(built.text("index.html"))
            .contains("<dt>Слабый этап</dt><dd>Каталог на сайте (Онлайн), 30\u{00A0}%</dd>"))
        #expect(try #require(built.text("dashboard/index.html"))
            .contains("<td>Каталог на сайте (Онлайн), <span class=\"figure\">30\u{00A0}%</span></td>"))
    }

    @Test func theCatalogueListsEveryMapWithASparkline() throws {
        let built = try RenderBuild.fixture("ru-persona")
        let catalogue = try #require(built.text("index.html"))
        #expect(catalogue.contains("<h1>Карты Lumus</h1>"))
        #expect(catalogue.contains("<section class=\"product\">\n<h2>Lumus</h2>"))
        #expect(catalogue.contains("<a class=\"card-link\" href=\"lumus/skripty/index.html\">РОП выбирает конструктор скриптов</a>"))
        // Each card names its segment (the product is the heading), its persona, stages and date, and its figures.
        #expect(catalogue.contains("<p class=\"card-facts\"><span>B2B</span> · <span>Руководитель отдела продаж</span> · "
            + "<span>3 этапа</span> · <span>Обновлено <time datetime=\"2024-03-01\">1 марта 2024</time></span></p>"))
        #expect(catalogue.contains("<div><dt>Доходят до конца</dt><dd>5,7\u{00A0}%</dd></div>"))
        #expect(catalogue.contains("<div><dt>Слабый этап</dt><dd>Осознание потребности, 18\u{00A0}%</dd></div>"))
        #expect(catalogue.contains("<div><dt>Средний NPS</dt><dd>+18,3</dd></div>"))
        #expect(catalogue.contains("<li><a href=\"tags/saas/index.html\">saas</a></li>"))
        #expect(catalogue.contains("<div class=\"sparkline\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tropa-sparkline\""))
        #expect(catalogue.contains("aria-label=\"Кривая эмоций: РОП выбирает конструктор скриптов\""))
        #expect(catalogue.contains("<li><a href=\"personas/rop/index.html\">Руководитель отдела продаж</a></li>"))
        let en = try #require(try RenderBuild.fixture("en-multi").text("index.html"))
        #expect(en.contains("<span>3 stages</span>"))
        #expect(en.contains("<h1>Acme journeys</h1>"))
        // A map with no product goes in the "no product" group; the custom one is named.
        let custom = try #require(try RenderBuild.fixture("custom-scale").text("index.html"))
        #expect(custom.contains("<h2>Клиника «Здоровье»</h2>"))
        #expect(custom.contains("<th scope=\"col\">Без сегмента</th>"))
    }

    @Test func theDownloadsLinkTheFilesBesideThePage() throws {
        let built = try RenderBuild.fixture("en-multi")
        let page = try #require(built.text("onboarding/index.html"))
        #expect(page.contains("<li><a href=\"emotions.svg\" download>Emotion curve (SVG)</a></li>"))
        #expect(page.contains("<li><a href=\"outline.opml\" download>Outline (OPML)</a></li>"))
        #expect(page.contains("<li><a href=\"outline.mm\" download>Mind map (FreeMind)</a></li>"))
    }

    @Test func theOutlineOnThePageShowsTheWholeTree() throws {
        let page = try #require(try RenderBuild.fixture("ru-persona").text("lumus/skripty/index.html"))
        #expect(page.contains("<details open><summary>РОП выбирает конструктор скриптов</summary><ul>"))
        #expect(page.contains("<details open><summary>Персона: Руководитель отдела продаж</summary>"))
        for stage in ["Осознание потребности", "Поиск решения", "Покупка"] {
            #expect(page.contains("<details open><summary>\(stage)</summary>"), "\(stage)")
        }
        #expect(page.contains("<span>−2 Раздражение: ошибки повторяются</span>"))
        #expect(page.contains("<span>Средний чек: 45\u{00A0}000\u{00A0}₽</span>"))
    }
}
