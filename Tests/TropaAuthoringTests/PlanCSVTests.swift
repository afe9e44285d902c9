import Foundation
import Testing
@testable import TropaOutput
import TropaTesting

/// The action plan as a spreadsheet reads it: UTF-8 with a byte-order mark, read back by Python's `csv`.
@Suite struct PlanCSVTests {
    @Test func thePlanReadsBackRowByRowWithItsByteOrderMark() throws {
        let built = try InterchangeTests.build("render/segments")
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let bytes = try #require(built.files["plan/plan.csv"])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let folder = try InterchangeTests.onDisk(built)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try InterchangeTests.python(["-c", """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.reader(f))))
            """, folder.appendingPathComponent("plan/plan.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
        #expect(rows.first == ["Вид", "Ответственный", "Действие", "Карта пути", "Этап", "Конверсия, %", "Эмоция", "Ссылка"])
        #expect(rows.count == 1 + 16)
        #expect(rows.allSatisfy { $0.count == 8 })
        // The schema's kinds come in its order (Сайт, SMM, Контакт-центр, Общие), the actions without one last;
        // within a kind and owner, the most painful stage first: "Выбор" (−2) before "Покупка" (−1).
        #expect(rows.dropFirst().map(\.[0]) == ["Сайт", "Сайт", "Сайт", "Сайт", "Сайт", "SMM", "SMM", "SMM",
                                                "Контакт-центр", "Контакт-центр", "Общие", "Общие", "Общие", "", "", ""])
        // Owners by name; an owner's actions by their stage's emotion: −1 before +1.
        // Figures are plain numbers a spreadsheet sorts; each action links to its stage's column.
        #expect(rows[1] == ["Сайт", "ecom", "Отслеживание заказа по СМС", "Пенсионерка покупает пылесос по телефону", "Покупка",
                            "70", "-1", "volta/pensionery/index.html#stage-pokupka"])
        #expect(rows[2] == ["Сайт", "ecom", "Корпоративные карты", "Офис закупает пылесосы", "Оплата (Карта)", "90", "1",
                            "volta/ofis/index.html#stage-oplata-karta"])
        #expect(rows.contains(["Сайт", "product", "Сравнение моделей в таблице", "Семья выбирает робот-пылесос", "Выбор",
                               "28", "-2", "volta/semya/index.html#stage-vybor"]))
    }

    /// Formats without badges keep an action's kind and owner as the author wrote them; the JSON has them apart.
    @Test func aMapsOwnFilesKeepTheKindAndOwner() throws {
        let built = try InterchangeTests.build("render/segments")
        let csv = try #require(built.text("volta/semya/journey.csv"))
        #expect(csv.contains("[SMM] Ролики «день с роботом» @marketing"))
        // Markdown escapes the brackets, which read as a link otherwise.
        #expect(try #require(built.text("volta/semya/outline.md")).contains("\\[Сайт\\] Сравнение моделей в таблице @product"))
        let json = try #require(built.text("volta/semya/journey.json"))
        #expect(json.contains("\"kind\" : \"SMM\""))
        #expect(json.contains("\"owner\" : \"marketing\""))
    }

    /// With `base_url`, the plan's links are addresses a spreadsheet can open.
    @Test func withABaseURLThePlanLinksAreAbsolute() throws {
        let memory = try RenderFixtures.memory(folder: Fixtures.root.appendingPathComponent("render/segments"))
        try memory.write(Array("title: Вольта\nlanguage: ru\nbase_url: https://cjm.example.org/volta/\n".utf8),
                         to: RenderBuild.root + "/tropa.yml")
        let built = try RenderBuild.build(memory)
        let csv = try #require(built.text("plan/plan.csv"))
        #expect(csv.contains(",https://cjm.example.org/volta/volta/semya/index.html#stage-vybor\r\n"))
    }
}
