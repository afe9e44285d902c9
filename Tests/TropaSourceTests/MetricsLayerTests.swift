import Testing
@testable import TropaModel
@testable import TropaSource
import TropaAnalysis
@testable import TropaBuild
import TropaTesting

/// `metrics` layers: `NAME: VALUE` items matched against the schema's metrics, with units.
@Suite struct MetricsLayerTests {
    static func value(_ item: String, schema: LayerSchema = .default) -> Result<MetricValue, MetricProblem> {
        MetricReader.read(item, schema: schema)
    }

    @Test(arguments: [
        ("Конверсия: 35%", "conversion", 35.0, ValueUnit.percent),
        ("Конверсия: 35 %", "conversion", 35, .percent),
        ("Конверсия: 35", "conversion", 35, .percent),
        ("CR: 12,5%", "conversion", 12.5, .percent),
        ("Conversion rate: 7.25%", "conversion", 7.25, .percent),
        ("NPS: 20", "nps", 20, .plain),
        ("NPS: −15", "nps", -15, .plain),
        ("NPS: +40", "nps", 40, .plain),
        ("NPS: ~30", "nps", 30, .plain),
        ("CSAT: 90%", "csat", 90, .percent),
        ("Удовлетворенность: 80%", "csat", 80, .percent),
        ("Длительность: 2 недели", "duration", 2, .duration(.week)),
        ("Длительность: 1 мес", "duration", 1, .duration(.month)),
        ("Длительность: 1 мес.", "duration", 1, .duration(.month)),
        ("Срок: 3 дня", "duration", 3, .duration(.day)),
        ("Время: 15 минут", "duration", 15, .duration(.minute)),
        ("Время: 1,5 часа", "duration", 1.5, .duration(.hour)),
        ("Duration: 2 weeks", "duration", 2, .duration(.week)),
        ("Time: 5 days", "duration", 5, .duration(.day)),
        ("Duration: 1 year", "duration", 1, .duration(.year)),
        ("Длительность: 30 сек", "duration", 30, .duration(.second)),
        // The full stop of a sentence.
        ("CSAT: 80%.", "csat", 80, .percent),
        ("NPS: 12.", "nps", 12, .plain),
    ])
    func knownMetrics(item: String, id: String, number: Double, unit: ValueUnit) throws {
        let value = try Self.value(item).get()
        #expect(value.metricID == id)
        #expect(value.name == String(item[..<item.firstIndex(of: ":")!]))
        #expect(value.value == number)
        #expect(value.unit == unit)
    }

    @Test(arguments: [
        ("Средний чек: 45 000 ₽", 45_000.0, ValueUnit.other("₽")),
        ("Заявок в месяц: 1 200", 1_200, .plain),
        ("Выручка: 1 250 000 ₽", 1_250_000, .other("₽")),
        ("Звонков в день: 12 500 звонков", 12_500, .other("звонков")),
        ("Повторные покупки: 15%", 15, .percent),
        ("Время до первого звонка: 2 weeks", 2, .duration(.week)),
        ("Обращений: 7", 7, .plain),
    ])
    func customMetricsKeepTheirUnit(item: String, number: Double, unit: ValueUnit) throws {
        let value = try Self.value(item).get()
        #expect(value.metricID == nil)
        #expect(value.value == number)
        #expect(value.unit == unit)
    }

    /// A range is counted by its midpoint and kept as written; the unit may follow either end or both.
    @Test(arguments: [
        ("Длительность: 2–3 недели", 2.0, 3.0, ValueUnit.duration(.week)),
        ("Duration: 1-2 weeks", 1, 2, .duration(.week)),
        ("Длительность: от 2 до 3 дней", 2, 3, .duration(.day)),
        ("Duration: from 1 to 3 days", 1, 3, .duration(.day)),
        ("Конверсия: 30–40%", 30, 40, .percent),
        ("Конверсия: 30%–40%", 30, 40, .percent),
        ("Конверсия: 30 — 40 %", 30, 40, .percent),
        ("NPS: -20–-10", -20, -10, .plain),
        ("Конверсия: 35..35%", 35, 35, .percent),
    ])
    func ranges(item: String, low: Double, high: Double, unit: ValueUnit) throws {
        let value = try Self.value(item).get()
        #expect(value.range == low...high)
        #expect(value.value == (low + high) / 2)
        #expect(value.unit == unit)
        #expect(value.target == nil)
    }

    /// A target in brackets, in the value's unit (a duration's converted to it).
    @Test(arguments: [
        ("Конверсия: 35% (цель 45%)", 35.0, 45.0),
        ("Conversion: 35% (target 45%)", 35, 45),
        ("Конверсия: 35 % (цель: 45 %)", 35, 45),
        ("NPS: 12 (цель 30)", 12, 30),
        ("Длительность: 2 недели (цель 7 дней)", 2, 1),
        ("Конверсия: 30–40% (план 50%)", 35, 50),
        // The full stop of a sentence after the target's bracket.
        ("NPS: 12 (цель 30).", 12, 30),
        // A dash between the word and the number separates them.
        ("NPS: 12 (цель — 30)", 12, 30),
        ("NPS: 12 (цель: – 30)", 12, 30),
        ("NPS: -12 (цель -5)", -12, -5),
    ])
    func targets(item: String, value: Double, target: Double) throws {
        let read = try Self.value(item).get()
        #expect(read.value == value)
        #expect(read.target == target)
    }

    /// Brackets that hold no target stay part of a custom metric's unit, as before.
    @Test func bracketsWithoutATargetWordAreNotATarget() throws {
        let value = try Self.value("Время ответа: 40 минут (в среднем)").get()
        #expect(value.target == nil)
        #expect(value.unit == .other("минут (в среднем)"))
    }

    /// A value written otherwise than tropa reads it: `₽45 000` as on price tags, `NPS: - 15` with the sign apart
    /// from its number. A `metric-syntax` error whose help writes the value the way it is read.
    @Test(arguments: [
        ("Средний чек: ₽45 000", MetricProblem.currencyFirst("45 000 ₽"), "напишите знак после числа: «45 000 ₽»"),
        ("Бюджет: $ 100", .currencyFirst("100 $"), "напишите знак после числа: «100 $»"),
        ("Чек: €1 200 в месяц", .currencyFirst("1 200 € в месяц"), "напишите знак после числа: «1 200 € в месяц»"),
        ("NPS: - 15", .spacedSign("-15"), "напишите «-15»"),
        // The target kept; a unit the metric has not dropped, as its own help would.
        ("NPS: − 7 (цель 20)", .spacedSign("−7 (цель 20)"), "напишите «−7 (цель 20)»"),
        ("NPS: —20%", .dashForMinus("-20"), "напишите «-20»"),
        ("NPS: —20 % (цель 10)", .dashForMinus("-20 (цель 10)"), "напишите «-20 (цель 10)»"),
        ("NPS: - 20 %.", .spacedSign("-20"), "напишите «-20»"),
        ("Рост: — 5% (цель 10%)", .spacedSign("-5% (цель 10%)"), "напишите «-5% (цель 10%)»"),
        // An em dash, as a word processor makes of a hyphen before a space: written as a minus tropa reads.
        ("NPS: — 20", .spacedSign("-20"), "напишите «-20»"),
        // The same dash right before the number: it stands where the minus goes.
        ("NPS: —20", .dashForMinus("-20"), "напишите «-20»"),
        ("NPS: —7 (цель 20)", .dashForMinus("-7 (цель 20)"), "напишите «-7 (цель 20)»"),
        // A score out of 5 where CSAT's percentage goes: kept as a metric of its own, not made a percentage.
        ("CSAT: 4,5 из 5", .scoreOnPercentMetric(metric: "CSAT", value: "4,5"), "напишите «CSAT (из 5): 4,5»"),
        ("CSAT: 5 баллов", .scoreOnPercentMetric(metric: "CSAT", value: "5"), "напишите «CSAT (из 5): 5»"),
        ("CSAT: 4,2 из 5 (цель 4,5)", .scoreOnPercentMetric(metric: "CSAT", value: "4,2 (цель 4,5)"), "напишите «CSAT (из 5): 4,2 (цель 4,5)»"),
        ("Удовлетворённость: 4,5/5", .scoreOnPercentMetric(metric: "Удовлетворённость", value: "4,5"),
         "напишите «Удовлетворённость (из 5): 4,5»"),
    ])
    func aValueWrittenOtherwiseSuggestsItAsItIsRead(item: String, problem: MetricProblem, help: String) {
        #expect(throws: problem) { try Self.value(item).get() }
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + "### Метрики\n- \(item)\n"))
        #expect(diagnostics.map(\.code) == [.metricSyntax])
        #expect(diagnostics.first?.message(in: .ru) == problem.message(item).text(in: .ru))
        #expect(diagnostics.first?.suggestion(in: .ru) == help)
    }

    @Test func aSignApartFromItsNumberIsWorded() {
        #expect(MetricProblem.spacedSign("-15").message("NPS: - 15").text(in: .ru) == "в «NPS: - 15» между знаком и числом стоит пробел")
        #expect(MetricProblem.dashForMinus("-20").message("NPS: —20").text(in: .ru) == "в «NPS: —20» вместо минуса стоит тире")
        #expect(MetricProblem.currencyFirst("100 $").help.text(in: .en) == "write the sign after the number: \"100 $\"")
    }

    /// A duration below zero is out of range; brackets whose word only starts like a target's are no target; a bare
    /// percentage may carry a target with `%`.
    @Test func durationsTargetsAndBrackets() throws {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Длительность: -5 дней
            - Время ответа: 40 минут (goalkeeper)
            - Конверсия: 35 (цель 45%)

            """))
        #expect(diagnostics.found == [Found(.metricOutOfRange, .error, 15, 3)])
        #expect(diagnostics.first?.message(in: .en) == "\"Длительность\" is a duration below zero")
        #expect(try Self.value("Конверсия: 35 (цель 45%)").get().target == 45)
        #expect(try Self.value("Время ответа: 40 минут (goalkeeper)").get().target == nil)
    }

    @Test func aReversedRangeIsAMetricSyntaxErrorAtItsLine() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Длительность: 3–2 недели

            """))
        #expect(diagnostics.found == [Found(.metricSyntax, .error, 15, 3)])
        #expect(diagnostics.first?.message(in: .en) == "the range in \"Длительность: 3–2 недели\" starts above where it ends")
        #expect(diagnostics.first?.suggestion(in: .en) == "write the smaller number first, e.g. \"2–3 недели\"")
    }

    @Test func rangeEndsAndTargetsOutsideTheMetricsRangeAreErrors() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия: 90–110%
            - NPS: 20 (цель 150)
            - CSAT: 50–60% (цель 70%)

            """))
        #expect(diagnostics.found == [Found(.metricOutOfRange, .error, 15, 3), Found(.metricOutOfRange, .error, 16, 3)])
        #expect(diagnostics.map { $0.message(in: .en) } == ["\"Конверсия\" is 110%, outside 0..100",
                                               "the target of \"NPS\" is 150, outside -100..100"])
    }

    @Test func aSpaceBeforeMoreThanThreeDigitsDoesNotGroup() {
        #expect(throws: MetricProblem.notOneNumber) { try Self.value("Заявок: 12 3456").get() }
    }

    @Test(arguments: [
        ("Конверсия 35%", MetricProblem.noColon(fix: "Конверсия: 35%")),
        ("Конверсия  45 %", .noColon(fix: "Конверсия: 45 %")),
        ("NPS -15", .noColon(fix: "NPS: -15")),
        ("Конверсия высокая", .noColon()),
        // Prose, an unknown name, a number that is no value: no fix to offer.
        ("Рост в 3 раза", .noColon()),
        ("Конверсия 2024 35%", .noColon()),
        ("Этап 2 из 5", .noColon()),
        ("Конверсия заявок 45%", .noColon()),
        ("45%", .noColon()),
        (": 35%", .noColon()),
        ("Конверсия — 35%", .noColon(fix: "Конверсия: 35%")),
        ("NPS - 20", .noColon(fix: "NPS: 20")),
        ("CSAT = 80%", .noColon(fix: "CSAT: 80%")),
        ("Конверсия:", .noValue),
        ("Конверсия: высокая", .noNumber),
        ("Длительность: 2–3–4 недели", .notOneNumber),
        ("Длительность: от 2 недель", .notOneNumber),
        ("Длительность: 3–2 недели", .reversedRange),
        ("Конверсия: 40-30%", .reversedRange),
        ("Конверсия: 35% (цель много)", .unreadableTarget),
        ("Конверсия: 35% (цель 40–45%)", .unreadableTarget),
        ("Длительность: 2 недели (цель 40%)", .unreadableTarget),
        // A dash glued to the target's number is its sign typed as a dash, not read as 10.
        ("NPS: 5 (цель —10)", .unreadableTarget),
        ("Длительность: 2", .wrongUnit(metric: "Длительность", expected: .duration, fix: nil)),
        ("Длительность: 2 попугая", .notTimeUnit(metric: "Длительность", unit: "попугая", closest: nil)),
        // A unit of time misspelt: the word it is closest to.
        ("Длительность: 3 днея", .notTimeUnit(metric: "Длительность", unit: "днея", closest: "дней")),
        ("Конверсия: 2 недели", .wrongUnit(metric: "Конверсия", expected: .percent, fix: nil)),
        ("Конверсия: 30%%", .wrongUnit(metric: "Конверсия", expected: .percent, fix: "30%")),
        ("Конверсия: 30–40 баллов", .wrongUnit(metric: "Конверсия", expected: .percent, fix: nil)),
        ("NPS: 20%", .wrongUnit(metric: "NPS", expected: .plain, fix: "20")),
        ("NPS: 2 недели", .wrongUnit(metric: "NPS", expected: .plain, fix: nil)),
        // Time in two units: one number in the smaller, the word in the form the number asks for, an abbreviation
        // as written.
        ("Длительность: 1 час 30 минут", .compoundDuration(item: "Длительность: 90 минут", value: "90 минут")),
        ("Длительность: 1 неделя 1 день", .compoundDuration(item: "Длительность: 8 дней", value: "8 дней")),
        ("Длительность: 1 год 2 месяца", .compoundDuration(item: "Длительность: 14 месяцев", value: "14 месяцев")),
        ("Время ответа: 2 ч 15 мин", .compoundDuration(item: "Время ответа: 135 мин", value: "135 мин")),
        ("Длительность: 1,5 ч 30 мин", .compoundDuration(item: "Длительность: 120 мин", value: "120 мин")),
        ("Duration: 1 hour 1 minute", .compoundDuration(item: "Duration: 61 minutes", value: "61 minutes")),
        ("Duration: 0.5 h 1 min", .compoundDuration(item: "Duration: 31 min", value: "31 min")),
        // Not a whole number of the smaller unit in the larger, or the units the wrong way round: no figure to offer.
        // The rest of the item kept: the `~`, the target.
        ("Длительность: ~1 час 30 минут (цель 1 час)", .compoundDuration(item: "Длительность: ~90 минут (цель 1 час)", value: "90 минут")),
        ("Длительность: 1 месяц 2 недели", .notOneNumber),
        ("Длительность: 30 минут 1 час", .notOneNumber),
        ("Длительность: 1–2 часа 30 минут", .notOneNumber),
    ])
    func unreadableItems(item: String, problem: MetricProblem) {
        #expect(throws: problem) { try Self.value(item).get() }
    }

    /// A percent sign written out is one for a metric in percent; for a metric of its own it is a free unit.
    @Test func percentWords() throws {
        let conversion = try Self.value("Конверсия: 30 процентов").get()
        #expect(conversion.unit == .percent && conversion.value == 30)
        let custom = try Self.value("Рост выручки: 150 процентов").get()
        #expect(custom.unit == .other("процентов") && custom.metricID == nil)
    }

    /// A bare share of one for a metric in percent: a warning with the item written as a percentage; not with a
    /// unit, a target, a range, or a schema range that ends at one.
    @Test func aShareOfOneIsWarnedOfOnlyWhenBare() throws {
        func warnings(_ item: String, schema: LayerSchema = .default) -> [String?] {
            let value = try? MetricReader.read(item, schema: schema).get()
            return [value.flatMap { MetricReader.percentWarning(item, value: $0, schema: schema, at: SourceLocation(file: "m.md", line: 1), item: true) }
                .map { $0.suggestion(in: .ru) } ?? nil].compactMap { $0 }
        }
        #expect(warnings("Конверсия: 0,3") == ["напишите «Конверсия: 30%»"])
        // The full stop of a sentence, read past as for any value.
        #expect(warnings("Конверсия: 0,3.") == ["напишите «Конверсия: 30%»"])
        #expect(warnings("Конверсия: 0.0004") == ["напишите «Конверсия: 0.04%»"])
        #expect(warnings("Конверсия: 0,355") == ["напишите «Конверсия: 35,5%»"])
        for item in ["Конверсия: 0,3 процента", "Конверсия: 0,3%", "Конверсия: 0,3 (цель 0,5)", "Конверсия: 0,2–0,4",
                     "Конверсия: 0", "Конверсия: 1", "NPS: 0,5"] {
            #expect(warnings(item).isEmpty, "\(item)")
        }
        var schema = LayerSchema.default
        let index = try #require(schema.metrics.firstIndex { $0.id == "conversion" })
        schema.metrics[index].range = 0...1
        #expect(warnings("Конверсия: 0,3", schema: schema).isEmpty)
    }

    /// A CSAT from 1 to 5 is a survey's average score read as a percentage: a warning with the score kept as a
    /// metric of its own, with its target or range when each of their numbers is from 1 to 5 too; not with a percent
    /// sign, above 5, for another metric, or for a CSAT whose schema range ends at 5.
    @Test func aCSATFromOneToFiveIsWarnedOfAsAScore() throws {
        func warning(_ item: String, schema: LayerSchema = .default, item inMap: Bool = true) -> (code: String, help: String?)? {
            let value = try? MetricReader.read(item, schema: schema).get()
            return value.flatMap { MetricReader.percentWarning(item, value: $0, schema: schema, at: SourceLocation(file: "m.md", line: 1), item: inMap) }
                .map { ($0.code.rawValue, $0.suggestion(in: .ru)) }
        }
        #expect(warning("CSAT: 4,5")?.code == "csat-as-score")
        #expect(warning("CSAT: 4,5")?.help == "напишите «CSAT (из 5): 4,5»")
        #expect(warning("Удовлетворённость: 1")?.help == "напишите «Удовлетворённость (из 5): 1»")
        #expect(warning("CSAT: 5.")?.help == "напишите «CSAT (из 5): 5»")
        #expect(warning("CSAT: 4,2", item: false)?.help
                == "назовите метрику «CSAT (из 5)» в файле и в метриках этапа или запишите долю довольных клиентов в процентах")
        #expect(warning("CSAT: 0,9")?.code == "percent-as-share", "below one, a share")
        // A note the name has already takes the scale beside it; a note that says percent means it.
        #expect(warning("CSAT (ноябрь): 4,5")?.help == "напишите «CSAT (ноябрь, из 5): 4,5»")
        #expect(warning("CSAT (%): 4") == nil && warning("CSAT (в процентах): 4") == nil)
        // With a target or a range: the help keeps them, the message names the value alone.
        #expect(warning("CSAT: 4,2 (цель 4,5)")?.help == "напишите «CSAT (из 5): 4,2 (цель 4,5)»")
        #expect(warning("CSAT: 3–4")?.help == "напишите «CSAT (из 5): 3–4»")
        #expect(warning("CSAT: 4,2 (цель 4,5).")?.code == "csat-as-score")
        let range = try MetricReader.read("CSAT: 4-5", schema: .default).get()
        let ranged = try #require(MetricReader.percentWarning("CSAT: 4-5", value: range, schema: .default,
                                                              at: SourceLocation(file: "m.md", line: 1), item: true))
        #expect(ranged.message(in: .ru).hasPrefix("«CSAT: 4-5» читается как 4-5\u{A0}%:"), "a range, not a subtraction")
        let value = try MetricReader.read("CSAT: 4,2 (цель 4,5)", schema: .default).get()
        let targeted = try #require(MetricReader.percentWarning("CSAT: 4,2 (цель 4,5)", value: value, schema: .default,
                                                                 at: SourceLocation(file: "m.md", line: 1), item: true))
        #expect(targeted.message(in: .ru) == "«CSAT: 4,2 (цель 4,5)» читается как 4,2\u{A0}%: CSAT — доля довольных клиентов, а средняя оценка по шкале до 5 — отдельная метрика")
        for item in ["CSAT: 4,5%", "CSAT: 6", "CSAT: 4,5 (цель 80%)", "CSAT: 4,5 (цель 4,8%)", "CSAT: 4 (цель 90)", "CSAT: 3–40",
                     "CSAT: 0,5–4", "CSAT: 0,8 (цель 0,9)", "CSAT (из 5): 4,6", "CSAT (из 5): 4,2 (цель 4,5)", "Конверсия: 4",
                     "Конверсия: 4 (цель 5)", "NPS: 4"] {
            #expect(warning(item) == nil, "\(item)")
        }
        var schema = LayerSchema.default
        let index = try #require(schema.metrics.firstIndex { $0.id == "csat" })
        schema.metrics[index].range = 1...5
        #expect(warning("CSAT: 4,5", schema: schema) == nil, "a schema that measures CSAT from 1 to 5")
    }

    @Test func unreadableItemsAreMetricSyntaxErrorsAtTheItem() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия 35%
            - Длительность: 2
            - NPS: 20%

            """))
        // Unreadable items are not an empty layer: only the items are reported.
        #expect(diagnostics.found == [Found(.metricSyntax, .error, 15, 3), Found(.metricSyntax, .error, 16, 3),
                                      Found(.metricSyntax, .error, 17, 3)])
        #expect(diagnostics.map { $0.message(in: .en) } == [
            "the metric \"Конверсия 35%\" is not written as NAME: VALUE",
            "\"Длительность\" is a duration, but \"Длительность: 2\" has no unit of time",
            "\"NPS\" is a plain number, but \"NPS: 20%\" has a unit",
        ])
        #expect(diagnostics.map { $0.suggestion(in: .en) } == ["Конверсия: 35%", "add a unit of time, e.g. \"3 дня\" or \"2 weeks\"",
                                                  "NPS: 20"])
        #expect(diagnostics.last?.suggestion(in: .ru) == "напишите «NPS: 20»")
    }

    @Test func timeInTwoUnitsIsToldWithTheValueInTheSmaller() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Длительность: 1 час 30 минут

            """))
        #expect(diagnostics.found == [Found(.metricSyntax, .error, 15, 3)])
        #expect(diagnostics.map { $0.message(in: .ru) } == [
            "в «Длительность: 1 час 30 минут» время записано в двух единицах, а значение — одно число в одной единице"])
        #expect(diagnostics.map { $0.suggestion(in: .ru) } == ["напишите «Длительность: 90 минут»"])
    }

    @Test func valuesOutsideTheirRangeAreErrors() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия: 100%
            - CSAT: 101%
            - NPS: -100
            - NPS: 120
            - Повторные покупки: -5%
            - Средний чек: 99 999 999 ₽

            """))
        // The second NPS is also a `duplicate-metric` warning (MetricsLayerTests.aMetricWrittenTwice).
        let ranges = diagnostics.filter { $0.code == .metricOutOfRange }
        #expect(ranges.found == [Found(.metricOutOfRange, .error, 16, 3), Found(.metricOutOfRange, .error, 18, 3),
                                      Found(.metricOutOfRange, .error, 19, 3)])
        #expect(ranges.map { $0.message(in: .en) } == ["\"CSAT\" is 101%, outside 0..100", "\"NPS\" is 120, outside -100..100",
                                               "\"Повторные покупки\" is -5%, outside 0..100"])
    }

    /// A duration too large to print is told as outside its range, not as below zero; in two units it is no crash
    /// and gets no figure to write.
    @Test func aDurationTooLargeToPrint() throws {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Длительность: 99999999999999999999 лет
            - Время ответа: 99999999999999999999 лет 1 день

            """))
        #expect(diagnostics.map(\.code) == [.metricOutOfRange, .metricSyntax])
        #expect(diagnostics.first?.message(in: .ru).contains("меньше нуля") == false)
        #expect(diagnostics.last?.suggestion(in: .en) == MetricProblem.notOneNumber.help.text(in: .en))
    }

    @Test func customSchemaRangesApply() throws {
        let schema = LayerSchema(layers: [
            LayerDefinition(id: "kpi", title: .init(["ru": "Показатели"]), kind: .metrics),
        ], metrics: [
            MetricDefinition(id: "calls", title: .init(["ru": "Звонки"]), range: 0...500),
            MetricDefinition(id: "score", title: .init(["en": "Score"]), aliases: ["Оценка"], range: 0...10),
        ])
        let (journey, diagnostics) = Check.journey(Check.oneStage("""
            ### Показатели
            - Звонки: 340
            - Оценка: 8,5
            - score: 11
            - Звонки: 1 200 звонков

            """), schema: schema)
        let values = try #require(journey.stages[0].layer(id: "kpi")?.content.values)
        #expect(values.map(\.metricID) == ["calls", "score", "score", "calls"])
        #expect(values.map(\.unit) == [.plain, .plain, .plain, .other("звонков")])
        // Each metric is written twice: a `duplicate-metric` warning each, besides the ranges.
        #expect(diagnostics.filter { $0.code == .duplicateMetric }.found == [Found(.duplicateMetric, .warning, 9, 3),
                                                                          Found(.duplicateMetric, .warning, 10, 3)])
        let ranges = diagnostics.filter { $0.code == .metricOutOfRange }
        #expect(ranges.found == [Found(.metricOutOfRange, .error, 9, 3), Found(.metricOutOfRange, .error, 10, 3)])
        #expect(ranges.map { $0.message(in: .en) } == ["\"score\" is 11, outside 0..10", "\"Звонки\" is 1200, outside 0..500"])
    }

    /// A known metric's name with a note in brackets is that metric, shown with the note: the funnel and NPS take it,
    /// and beside the same metric without a note it is the metric written twice.
    @Test func aMetricWithANoteInBrackets() throws {
        let (journey, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия (CR): 40%
            - NPS (ноябрь): 12
            - Конверсия: 50%

            """))
        #expect(diagnostics.found == [Found(.duplicateMetric, .warning, 17, 3)])
        let values = try #require(journey.stages[0].layer(id: "metrics")?.content.values)
        #expect(values.map(\.metricID) == ["conversion", "nps", "conversion"])
        #expect(values.map { LayerSchema.default.title(of: $0, in: .ru) } == ["Конверсия (CR)", "NPS (ноябрь)", "Конверсия"])
        let facts = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey)
        #expect(facts.stages[0].figures.conversion?.value == 40)
        #expect(facts.stages[0].figures.nps?.value == 12)
    }

    /// A note of a target, a plan or a scale, a value in another unit or outside the metric's range, a note alone or
    /// brackets inside the name: a metric of its own, as before, not the known one.
    @Test(arguments: ["Время (мин): 30", "Конверсия (цель): 45%", "NPS (план): 40", "CSAT (из 5): 4,6",
                      "NPS (ответов): 250", "(CR): 35%", "Конверсия (CR) заявок: 35%"])
    func aNoteThatMakesTheFigureAnother(item: String) throws {
        let value = try Self.value(item).get()
        #expect(value.metricID == nil)
        #expect(value.name == String(item[..<item.firstIndex(of: ":")!]))
    }

    /// The funnel takes a stage's first conversion: a second one is said to be left aside.
    @Test func aMetricWrittenTwice() throws {
        let (journey, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия: 40%
            - NPS: 10
            - конверсия: 10%

            """))
        #expect(diagnostics.found == [Found(.duplicateMetric, .warning, 17, 3)])
        #expect(diagnostics.first?.message(in: .ru)
            == "метрика «конверсия» записана в этом этапе второй раз; в расчётах — первая запись, в строке 15")
        #expect(diagnostics.first?.suggestion(in: .ru) == "оставьте одну запись, а повторные замеры ведите в файле measurements")
        let facts = JourneyAnalysis(schema: .default, contentPath: "content").facts(of: journey)
        #expect(facts.stages[0].figures.conversion?.value == 40)
    }

    @Test func aNameCloseToAKnownMetricIsAWarning() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсиия: 35%
            - Средний чек: 4 000 ₽

            """))
        #expect(diagnostics.found == [Found(.unknownMetric, .warning, 15, 3)])
        #expect(diagnostics.first?.suggestion(in: .en) == "did you mean \"Конверсия\"?")
    }

    @Test func positionsPointAtEachItemsName() throws {
        let values = try #require(Check.layer("metrics", "### Метрики\n-   Конверсия: 35%\n- NPS: 20\n")?.values)
        #expect(values.map(\.line) == [7, 8])
        #expect(values.map(\.column) == [5, 3])
        let numbered = try #require(Check.layer("metrics", "### Метрики\n1. Конверсия: 35%\n2. NPS: 20\n")?.values)
        #expect(numbered.map(\.column) == [4, 4])
    }

    @Test func aNestedListIsNotAValue() {
        let (_, diagnostics) = Check.journey(Check.oneStage(Check.requiredLayers + """
            ### Метрики
            - Конверсия: 35%
              - NPS: 20

            """))
        #expect(diagnostics.found == [Found(.metricSyntax, .error, 15, 3)])
    }

    @Test(arguments: [
        ("3 дня", DurationUnit.day), ("1 день", .day), ("5 дней", .day), ("2 недели", .week), ("1 нед.", .week),
        ("1 мес", .month), ("6 месяцев", .month), ("2 года", .year), ("10 лет", .year), ("4 часа", .hour),
        ("2 weeks", .week), ("1 month", .month), ("3 days", .day), ("45 min", .minute), ("2 hrs", .hour),
        ("1 Year", .year),
    ])
    func durationsInRussianAndEnglish(text: String, unit: DurationUnit) throws {
        let value = try Self.value("Длительность: " + text).get()
        #expect(value.unit == .duration(unit))
    }

    @Test(arguments: [
        ("35", 35.0, ""), ("+3", 3, ""), ("-3", -3, ""), ("−3", -3, ""), ("2.5 дня", 2.5, " дня"),
        ("2,5", 2.5, ""), ("12 500", 12, " 500"), ("0,", 0, ","),
    ])
    func numbersWithoutGrouping(text: String, number: Double, rest: String) throws {
        let (value, remainder) = try #require(NumberReader.leadingNumber(text[...]))
        #expect(value == number)
        #expect(String(remainder) == rest)
    }

    /// Read on the bytes while they are ASCII, and by characters from the first that is not: a no-break space between
    /// groups, a dash for the minus, and a mark joined to a digit, a sign or a point (which makes it no digit, sign
    /// or point) read as before.
    @Test(arguments: [
        ("12\u{A0}500 ₽", 12_500.0, " ₽"), ("12\u{202F}500", 12_500, ""), ("10 000 000", 10_000_000, ""),
        ("1 0000", 1, " 0000"), ("1 23\u{301}4", 1, " 23\u{301}4"), ("–7", -7, ""), ("-0,5%", -0.5, "%"),
        ("3.\u{301}5", 3, ".\u{301}5"), ("3,5\u{301}", 3, ",5\u{301}"), ("7.", 7, "."),
    ])
    func numbersBeyondASCIIReadByCharacters(text: String, number: Double, rest: String) throws {
        let (value, remainder) = try #require(NumberReader.leadingNumber(text[...], grouping: true))
        #expect(value == number)
        #expect(String(remainder) == rest)
    }

    /// Wherever the reading on the bytes decides, it reads what the reading by characters reads: every text of up to
    /// four pieces from digits, signs, points, spaces, marks, line ends and letters, with groups and without.
    @Test func theBytesAndTheCharactersReadTheSameNumbers() {
        let pieces = ["1", "2", "0", " ", ".", ",", "+", "-", "−", "\u{301}", "\u{A0}", "\r\n", "a", "д"]
        let texts = everyText(of: pieces, upTo: 4)
        var decided = 0
        for text in texts {
            for grouping in [false, true] {
                guard let bytes = NumberReader.asciiLeadingNumber(text[...], grouping: grouping) else { continue }
                let characters = NumberReader.characterLeadingNumber(text[...], grouping: grouping)
                #expect(bytes?.0 == characters?.0 && bytes.map { String($0.1) } == characters.map { String($0.1) },
                        "\(text.debugDescription), grouping \(grouping)")
                decided += 1
            }
        }
        #expect(decided > 10_000)
    }

    /// The colon found by its byte is the first character a walk over the characters finds that is `:` or `：`.
    @Test func theColonFoundByItsByteIsTheFirstColonCharacter() {
        let pieces = [":", "：", "я", " ", "\u{301}", "\u{FE0F}", "\u{FF01}", "😀"]
        let texts = everyText(of: pieces, upTo: 4)
        for text in texts {
            #expect(MetricReader.colon(in: text) == text.firstIndex { $0 == ":" || $0 == "：" }, "\(text.debugDescription)")
        }
        #expect(MetricReader.colon(in: "Конверсия: 18%").map { "Конверсия: 18%"[..<$0] } == "Конверсия")
    }

    @Test func aMarkJoinedToTheFirstDigitOrTheSignLeavesNoNumber() {
        #expect(NumberReader.leadingNumber("5\u{301} дней") == nil)
        #expect(NumberReader.leadingNumber("+\u{301}5") == nil)
        #expect(NumberReader.leadingNumber("") == nil)
    }

    @Test func groupingJoinsThreeDigitGroups() throws {
        let (value, rest) = try #require(NumberReader.leadingNumber("1 250 000,50 ₽", grouping: true))
        #expect(value == 1_250_000.5)
        #expect(rest == " ₽")
        #expect(NumberReader.leadingNumber("около 5") == nil)
        #expect(NumberReader.leadingNumber("-") == nil)
    }
}
