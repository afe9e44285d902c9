import Testing
@testable import TropaModel
@testable import TropaAnalysis
import TropaTesting

/// Two versions of a map compared in journey terms.
@Suite struct JourneyDiffTests {
    static func stage(_ name: String, items: [String], score: String = "0 Рабочая задача", conversion: String = "35%") -> String {
        """
        ## \(name)

        ### Цель
        Цель этапа \(name.split(separator: " ").first!).

        ### Действия
        \(items.map { "- " + $0 }.joined(separator: "\n"))

        ### Эмоции
        \(score)

        ### Метрики
        - Конверсия: \(conversion)

        """
    }

    static func journey(_ stages: [String]) -> Journey {
        Check.journey("---\ntitle: Карта\n---\n\n" + stages.joined(separator: "\n")).journey
    }

    static let search = stage("Поиск", items: ["Читает обзоры", "Спрашивает коллег", "Смотрит рейтинги"])
    static let choice = stage("Выбор", items: ["Сравнивает тарифы", "Звонит в поддержку"])
    static let payment = stage("Оплата", items: ["Платит картой", "Получает счёт"])

    static func kinds(_ changes: [JourneyChange]) -> [String] {
        changes.map { change in
            [change.kind.rawValue, change.stage, change.previousName, change.from.map(String.init), change.to.map(String.init),
             change.layer, change.text].compactMap { $0 }.joined(separator: "|")
        }
    }

    static func measured(_ date: String, _ stage: String, _ value: Double, target: Double? = nil) -> Measurement {
        Measurement(date: date, stage: StageID(name: stage),
                    value: MetricValue(metricID: "conversion", name: "Конверсия", value: value, target: target, unit: .percent, line: 2),
                    location: SourceLocation(file: "content/metrics.csv", line: 2))
    }

    /// A row is known by its date, stage and metric; a target changed alone is a change; an equal row is none. The
    /// changes of the map's own file leave them out; all its changes list them after those.
    @Test func measurementsByDateStageAndMetric() {
        var old = Self.journey([Self.search, Self.choice]), new = old
        old.measurements = [Self.measured("2024-03-01", "Выбор", 40), Self.measured("2024-03-01", "Поиск", 30),
                            Self.measured("2024-02-01", "Поиск", 20, target: 25)]
        new.measurements = [Self.measured("2024-03-01", "Поиск", 30), Self.measured("2024-02-01", "Поиск", 20, target: 30),
                            Self.measured("2024-01-01", "Выбор", 10)]
        let changes = JourneyDiff.measurementChanges(from: old, to: new)
        #expect(changes.map { "\($0.kind.rawValue)|\($0.date ?? "")|\($0.stage)|\($0.text ?? "")" } == [
            "measurement-added|2024-01-01|Выбор|Конверсия", "measurement-changed|2024-02-01|Поиск|Конверсия",
            "measurement-removed|2024-03-01|Выбор|Конверсия",
        ])
        #expect(changes[1].valueFrom?.target == 25 && changes[1].valueTo?.target == 30)
        #expect(JourneyDiff.fileChanges(from: old, to: new).isEmpty)
        var retitled = new
        retitled.title += " 2"
        #expect(JourneyDiff.changes(from: old, to: retitled).map(\.kind) == [.mapChanged] + changes.map(\.kind))
    }

    @Test func noChange() {
        let map = Self.journey([Self.search, Self.choice])
        #expect(JourneyDiff.changes(from: map, to: map).isEmpty)
    }

    @Test func aRenamedStageIsMatchedByItsContent() {
        let old = Self.journey([Self.search, Self.choice])
        let renamed = Self.search.replacingOccurrences(of: "## Поиск", with: "## Поиск решения")
        let changes = JourneyDiff.changes(from: old, to: Self.journey([renamed, Self.choice]))
        #expect(Self.kinds(changes) == ["stage-renamed|Поиск решения|Поиск|1|1"])
    }

    @Test func aRenamedStageWithAnEditedItem() {
        let old = Self.journey([Self.search, Self.choice])
        let renamed = Self.search.replacingOccurrences(of: "## Поиск", with: "## Изучение рынка")
            .replacingOccurrences(of: "Смотрит рейтинги", with: "Читает форумы")
        #expect(Self.kinds(JourneyDiff.changes(from: old, to: Self.journey([renamed, Self.choice]))) == [
            "stage-renamed|Изучение рынка|Поиск|1|1", "item-removed|Изучение рынка|actions|Смотрит рейтинги",
            "item-added|Изучение рынка|actions|Читает форумы",
        ])
    }

    /// Each emotion label reworded at its score is a text change with both labels.
    @Test func everyLabelRewordedIsTold() {
        func map(_ scores: String) -> Journey { Self.journey([Self.stage("Поиск", items: ["Читает"], score: scores)]) }
        let changes = JourneyDiff.changes(from: map("0 Спокойно\n-1 Сомнение\n+1 Радость"), to: map("0 Спокойно\n-1 Тревога\n+1 Восторг"))
        #expect(changes.map { "\($0.kind.rawValue)|\($0.textFrom ?? "")|\($0.text ?? "")" }
            == ["text-changed|Сомнение|Тревога", "text-changed|Радость|Восторг"])
    }

    /// An item taken from one stage to another is one move, told at the stage it went to; an item added to one
    /// stage while another of the same words stays in the first is an addition; an item of another layer is no move.
    @Test func anItemMovedToAnotherStage() {
        let old = Self.journey([Self.search, Self.choice])
        let new = Self.journey([Self.search.replacingOccurrences(of: "- Спрашивает коллег\n", with: ""),
                                Self.choice.replacingOccurrences(of: "- Звонит в поддержку", with: "- Звонит в поддержку\n- спрашивает коллег")])
        let changes = JourneyDiff.changes(from: old, to: new)
        #expect(Self.kinds(changes) == ["item-moved|Выбор|Поиск|actions|спрашивает коллег"])

        let copied = Self.journey([Self.search, Self.choice.replacingOccurrences(of: "- Звонит в поддержку", with: "- Звонит в поддержку\n- Спрашивает коллег")])
        #expect(Self.kinds(JourneyDiff.changes(from: old, to: copied)) == ["item-added|Выбор|actions|Спрашивает коллег"])

        let toAnotherLayer = Self.journey([Self.search.replacingOccurrences(of: "- Спрашивает коллег\n", with: ""),
                                           Self.choice + "### Барьеры\n- Спрашивает коллег\n"])
        #expect(Self.kinds(JourneyDiff.changes(from: old, to: toAnotherLayer)) == [
            "item-removed|Поиск|actions|Спрашивает коллег", "item-added|Выбор|barriers|Спрашивает коллег",
        ])
    }

    /// A recommendation given to another owner or of another kind, and an experience turned from good to bad, are
    /// one change each (not a removal and an addition), told with what the author wrote around its text.
    @Test func anItemsKindOwnerOrToneIsPartOfIt() {
        func map(_ recommendation: String, _ experience: String) -> Journey {
            Self.journey([Self.search + "### Рекомендации\n- \(recommendation)\n\n### Опыт\n- \(experience)\n- Скрипт в Google Docs\n"])
        }
        let old = map("[Сайт] Добавить фильтр @ecom", "+ Удобно")
        #expect(JourneyDiff.changes(from: old, to: map("[Сайт] Добавить фильтр @ecom", "+ Удобно")).isEmpty)
        let changes = JourneyDiff.changes(from: old, to: map("[SMM] Добавить фильтр @marketing", "− Удобно"))
        #expect(Self.kinds(changes) == [
            "item-changed|Поиск|recommendations|[SMM] Добавить фильтр @marketing",
            "item-changed|Поиск|experience|(−) Удобно",
        ])
        #expect(changes.map(\.textFrom) == ["[Сайт] Добавить фильтр @ecom", "(+) Удобно"])
        // Of two items of one text, the one the newer differs from least is the one changed.
        func plan(_ items: [String]) -> Journey {
            Self.journey([Self.search + "### Рекомендации\n" + items.map { "- " + $0 + "\n" }.joined()])
        }
        let two = plan(["[Сайт] Фильтр @marketing", "[Сайт] Фильтр @ecom"])
        let one = JourneyDiff.changes(from: two, to: plan(["[SMM] Фильтр @ecom"]))
        #expect(Self.kinds(one) == ["item-removed|Поиск|recommendations|[Сайт] Фильтр @marketing",
                                    "item-changed|Поиск|recommendations|[SMM] Фильтр @ecom"])
        #expect(one.last?.textFrom == "[Сайт] Фильтр @ecom")
        // Another text is another item.
        #expect(Self.kinds(JourneyDiff.changes(from: old, to: map("[Сайт] Убрать фильтр @ecom", "+ Удобно"))) == [
            "item-removed|Поиск|recommendations|[Сайт] Добавить фильтр @ecom",
            "item-added|Поиск|recommendations|[Сайт] Убрать фильтр @ecom",
        ])
    }

    /// An address changed, its text not: one change of the map's links, with the addresses gone and new. A link
    /// added with its item is told as the item.
    @Test func aLinksAddressChangedAlone() {
        let old = Self.journey([Self.search.replacingOccurrences(of: "Читает обзоры", with: "Читает [обзоры](https://a.example/x) и [этап](#поиск)")])
        let moved = Self.journey([Self.search.replacingOccurrences(of: "Читает обзоры", with: "Читает [обзоры](https://a.example/y) и [этап](#поиск)")])
        let changes = JourneyDiff.changes(from: old, to: moved)
        #expect(changes.map(\.kind) == [.mapChanged] && changes.first?.field == "links")
        #expect(changes.first?.textFrom == "https://a.example/x" && changes.first?.textTo == "https://a.example/y")
        let added = Self.journey([Self.search.replacingOccurrences(of: "Читает обзоры", with: "Читает [обзоры](https://a.example/x) и [этап](#поиск)\n- Звонит [в банк](https://bank.example)")])
        #expect(JourneyDiff.changes(from: old, to: added).map(\.kind) == [.itemAdded])
    }

    @Test func aMovedStage() {
        let old = Self.journey([Self.search, Self.choice, Self.payment])
        let changes = JourneyDiff.changes(from: old, to: Self.journey([Self.search, Self.payment, Self.choice]))
        #expect(Self.kinds(changes) == ["stage-moved|Выбор|2|3"])
    }

    @Test func addedAndRemovedStages() {
        let old = Self.journey([Self.search, Self.choice])
        let delivery = Self.stage("Доставка", items: ["Ждёт курьера"])
        let changes = JourneyDiff.changes(from: old, to: Self.journey([Self.search, delivery]))
        #expect(Self.kinds(changes) == ["stage-removed|Выбор|2", "stage-added|Доставка|2"])
    }

    @Test func aRemovedItemAChangedScoreAndMetric() throws {
        let old = Self.journey([Self.search, Self.choice])
        let edited = Self.stage("Выбор", items: ["Сравнивает тарифы"], score: "+1 Рабочая задача", conversion: "42%")
        let changes = JourneyDiff.changes(from: old, to: Self.journey([Self.search, edited]))
        #expect(Self.kinds(changes) == ["item-removed|Выбор|actions|Звонит в поддержку",
                                        "score-changed|Выбор|emotions|Рабочая задача",
                                        "metric-changed|Выбор|metrics|Конверсия"])
        #expect(changes[1].scoreFrom == 0 && changes[1].scoreTo == 1)
        #expect(changes[2].valueFrom?.value == 35 && changes[2].valueTo?.value == 42 && changes[2].valueTo?.unit == .percent)
    }

    @Test func stagesOfNothingAlikeAreNoRename() {
        let old = Self.journey([Self.search])
        let other = Self.stage("Звонок", items: ["Звонит менеджеру"])
            .replacingOccurrences(of: "Рабочая задача", with: "Волнение").replacingOccurrences(of: "35%", with: "10%")
        #expect(Self.kinds(JourneyDiff.changes(from: old, to: Self.journey([other]))) == [
            "stage-removed|Поиск|1", "stage-added|Звонок|1",
        ])
    }
}
