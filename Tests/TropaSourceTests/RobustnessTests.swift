import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Degenerate and huge files give diagnostics, never a crash or a silent pass.
@Suite struct RobustnessTests {
    /// One problem, said as it is, not a front-matter and stages missing apart.
    @Test func anEmptyFile() throws {
        let result = try Check.site(["content/empty.md": ""])
        #expect(result.diagnostics.found == [Found(.frontMatterMissing, .error, 1, 1)])
        #expect(result.diagnostics.first?.message(in: .ru) == "файл карты пуст")
    }

    @Test(arguments: ["---", "---\n", "---\n\n\n"])
    func onlyAnOpeningFence(text: String) throws {
        let result = try Check.site(["content/dashes.md": text])
        #expect(result.diagnostics.found == [Found(.frontMatterSyntax, .error, 1, 1)])
        #expect(result.diagnostics.first?.message(in: .en) == "the front-matter that starts here is never closed")
    }

    @Test func aFrontMatterThatIsNeverClosed() throws {
        let text = "---\ntitle: Клиент выбирает CRM\npersona: rop\n\n## Поиск решения\n\n### Цель\nНайти CRM.\n"
        let result = try Check.site(["content/open.md": text])
        #expect(result.diagnostics.found == [Found(.frontMatterSyntax, .error, 1, 1)])
        #expect(result.diagnostics.first?.suggestion(in: .en) == "add a line \"---\" after the last front-matter key")
    }

    @Test func onlyTwoFences() throws {
        let result = try Check.site(["content/fences.md": "---\n---\n"])
        #expect(result.diagnostics.found == [Found(.missingTitle, .error, 1, 1), Found(.noStages, .error, 2, 1)])
    }

    @Test func onlyWhiteSpace() throws {
        let result = try Check.site(["content/blank.md": "\n\n   \n\t\n"])
        #expect(result.diagnostics.found == [Found(.frontMatterMissing, .error, 1, 1)])
        #expect(result.diagnostics.first?.text == .mapFileEmpty)
    }

    @Test func binaryContentWithAnMdName() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        let result = try Check.site(bytes: ["content/picture.md": png])
        #expect(result.diagnostics.codes == [.invalidEncoding])
        #expect(result.site?.journeys.isEmpty == true)
    }

    @Test func headingsWithoutText() throws {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\n---\n##\n###\n#\n")
        #expect(journey.stages.map(\.name) == [""])
        #expect(diagnostics.found == [
            Found(.misplacedHeading, .error, 4, 3), Found(.missingLayer, .error, 4, 3), Found(.missingLayer, .error, 4, 3), Found(.missingLayer, .error, 4, 3),
            Found(.unknownLayer, .error, 5, 4), Found(.misplacedHeading, .error, 6, 2),
        ])
    }

    /// About 5 MB of Russian text: 8 000 stages with every layer kind, and mistakes near the end.
    static func hugeMap() -> (text: String, lastLine: Int) {
        var lines = ["---", "title: Очень большая карта", "---", ""]
        for index in 1...8_000 {
            lines += [
                "## Этап \(index)", "",
                "Описание этапа \(index): клиент сравнивает предложения и читает отзывы на нескольких площадках.", "",
                "### Цель", "Найти подходящий сервис для отдела из десяти менеджеров, не переплачивая за лишнее.", "",
                "### Действия", "- Читает обзоры и сравнительные таблицы", "- Спрашивает коллег в профессиональном чате", "",
                "### Эмоции", "- -1 Сомнение: слишком много вариантов", "- +1 Интерес: нашёл понятный тариф", "",
                "### Опыт", "- + Быстрый ответ поддержки", "- − Долгая регистрация", "",
                "### Метрики", "- Конверсия: 35%", "- Длительность: 2 недели", "- Средний чек: 45 000 ₽", "",
            ]
        }
        lines += ["## Финал", "", "### Цель", "Купить.", "", "### Действия", "- Платит", "", "### Эмоции", "+7 Восторг", ""]
        return (lines.joined(separator: "\n"), lines.count - 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFiveMegabyteMap() throws {
        let (text, lastLine) = Self.hugeMap()
        #expect(text.utf8.count > 5_000_000)
        let result = try Check.site(["content/huge.md": text])
        #expect(result.diagnostics.found == [Found(.emotionOutOfRange, .error, lastLine, 1)])
        let journey = try #require(result.site?.journeys.first)
        #expect(journey.stages.count == 8_001)
        #expect(journey.stages[7_999].name == "Этап 8000")
        #expect(journey.stages[7_999].layer(id: "metrics")?.content.values?.map(\.value) == [35, 2, 45_000])
    }

    @Test func aFiveMegabyteLine() throws {
        let line = String(repeating: "Очень длинная строка без переносов. ", count: 75_000)
        let text = "---\ntitle: Карта\n---\n## Этап\n### Цель\n\(line)\n### Действия\n- Ищет\n### Эмоции\n\(line)\n"
        #expect(text.utf8.count > 5_000_000)
        let result = try Check.site(["content/line.md": text])
        #expect(result.diagnostics.found == [Found(.emotionSyntax, .error, 10, 1)])
    }

    @Test func manyMapsAreCheckedInParallelInOrder() throws {
        var files: [String: String] = [:]
        for index in 0..<200 {
            files[String(format: "content/map-%03d.md", index)] = "---\ntitle: Карта \(index)\n---\n## Этап\n### Эмоцйи\n0 x\n"
        }
        let result = try Check.site(files)
        #expect(result.site?.journeys.count == 200)
        #expect(result.site?.journeys.map(\.title) == (0..<200).map { "Карта \($0)" })
        // Per map: the unknown layer, and the two required layers it lacks besides the one it was meant to be.
        #expect(result.diagnostics.count == 600)
        #expect(result.diagnostics.map(\.location.file) == result.diagnostics.map(\.location.file).sorted())
    }
}
