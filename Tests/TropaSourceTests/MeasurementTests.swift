import Testing
@testable import TropaModel
@testable import TropaSource
import TropaBuild
import TropaTesting

/// A map's measurements file: a CSV read with the CSV library, its rows matched to the map's stages and the
/// schema's metrics as headings are, every problem at the CSV's line and column.
@Suite struct MeasurementTests {
    /// A map of two stages, `Поиск решения` (with its own metric `Звонков`) and `Оплата {Онлайн}`, naming `metrics.csv`.
    static let map = """
        ---
        title: Карта
        measurements: metrics.csv
        updated: 2024-03-01
        ---

        ## Поиск решения
        \(Check.requiredLayers)
        ### Метрики
        - Конверсия: 30%
        - Звонков: 12

        ## Оплата {Онлайн}
        \(Check.requiredLayers)
        """

    static func check(_ csv: String, map: String = map) throws -> CheckResult {
        try Check.site(["content/map.md": map, "content/metrics.csv": csv])
    }

    static func check(bytes: [UInt8]) throws -> CheckResult {
        try Check.site(bytes: ["content/map.md": Array(map.utf8), "content/metrics.csv": bytes])
    }

    /// The diagnostics in the CSV as `LINE:COLUMN:CODE`.
    static func found(_ result: CheckResult) -> [String] {
        result.diagnostics.filter { $0.location.file == "content/metrics.csv" }
            .map { "\($0.location.line):\($0.location.column):\($0.code.rawValue)" }
    }

    @Test func rowsAreReadWithTheirStageMetricAndUnit() throws {
        let result = try Self.check("""
            date,stage,metric,value
            2024-02-01,Поиск решения,Конверсия,35%
            2024-03-01,поиск  решения,CR,42
            2024-03-01,Оплата {Онлайн},NPS,20
            2024-03-15,Оплата (онлайн),CSAT,70%
            2024-04-01,Поиск решения,Звонков,9
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let rows = try #require(result.site?.journeys.first?.measurements)
        #expect(rows.map(\.date) == ["2024-02-01", "2024-03-01", "2024-03-01", "2024-03-15", "2024-04-01"])
        #expect(rows.map(\.stage.rawValue) == ["поиск решения", "поиск решения", "оплата {онлайн}", "оплата {онлайн}",
                                               "поиск решения"])
        #expect(rows.map(\.value.metricID) == ["conversion", "conversion", "nps", "csat", nil])
        #expect(rows[1].value.value == 42 && rows[1].value.unit == .percent)
        #expect(rows[1].location == SourceLocation(file: "content/metrics.csv", line: 3, column: 30))
    }

    /// A metric neither the schema nor the stage's layer has is a warning at its field: the row is kept.
    @Test func aMetricTheStageDoesNotHaveIsAWarning() throws {
        let result = try Self.check("date,stage,metric,value\n2024-03-15,Оплата (онлайн),Звонков,7\n2024-03-15,Поиск решения,Лиды,120\n")
        #expect(Self.found(result) == ["2:28:unknown-metric", "3:26:unknown-metric"])
        let first = try #require(result.diagnostics.first)
        #expect(first.message(in: .ru) == "метрики «Звонков» нет ни в схеме, ни в слое метрик этапа «Оплата {Онлайн}»")
        #expect(first.suggestion(in: .ru) == "добавьте «- Звонков: …» в слой метрик этапа «Оплата {Онлайн}» или исправьте название; замер и так показан в разделе замеров")
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.site?.journeys.first?.measurements.map(\.value.name) == ["Звонков", "Лиды"])
    }

    /// A quote not closed on its line is told at the quote, and the rows after it are read (and told of) as rows,
    /// not taken into its field.
    @Test func aQuoteNotClosedOnItsLineLeavesTheRowsAfterItRows() throws {
        let result = try Self.check("""
            date,stage,metric,value
            2024-03-05,"Поиск решения,NPS,25
            2024-03-05,Поиск решения,Конверсия,"0,65"
            2024-03-05,Оплат,NPS,20
            2024-03-06,Поиск решения,Конверсия,"40%"
            2024-03-07,Поиск решения,"NPS,30
            2024-03-08,"Поиск решения,NPS,40

            """)
        #expect(Self.found(result) == ["2:12:measurement-invalid", "3:36:percent-as-share", "4:12:unknown-stage",
                                       "6:26:measurement-invalid", "7:12:measurement-invalid"])
        let quote = try #require(result.diagnostics.first)
        #expect(quote.message(in: .ru) == "кавычка здесь открыта, но в этой строке не закрыта: следующие строки стали бы частью этого поля")
        #expect(quote.suggestion(in: .ru) == "закройте её такой же \" в конце значения или уберите")
        #expect(result.site?.journeys.first?.measurements.map(\.date) == ["2024-03-05", "2024-03-06"])
    }

    /// An empty date or stage is said to be missing, not written wrong; a day or month without its zero gets the date
    /// written with it.
    @Test func anEmptyFieldOrAnUnpaddedDate() throws {
        let result = try Self.check("date,stage,metric,value\n,Поиск решения,NPS,10\n2024-03-01,,NPS,10\n2024-3-5,Поиск решения,NPS,10\n")
        #expect(Self.found(result) == ["2:1:measurement-invalid", "3:12:measurement-invalid", "4:1:measurement-invalid"])
        #expect(result.diagnostics.map { $0.message(in: .ru) }.prefix(2) == ["в строке не указано поле «дата»", "в строке не указано поле «этап»"])
        #expect(result.diagnostics[1].suggestion(in: .ru)?.hasPrefix("этапы карты: «Поиск решения»") == true)
        let metric = try Self.check("date,stage,metric,value\n2024-03-05,Поиск решения,,10\n")
        #expect(Self.found(metric) == ["2:26:measurement-invalid"])
        #expect(metric.diagnostics.first?.message(in: .ru) == "в строке не указано поле «метрика»")
        #expect(metric.diagnostics.first?.suggestion(in: .ru)?.hasPrefix("напишите название метрики, например «Конверсия», «NPS»") == true)
        #expect(result.diagnostics[2].suggestion(in: .ru) == "напишите «2024-03-05»")
        // A day the month lacks is not offered.
        let none = try Self.check("date,stage,metric,value\n2024-2-30,Поиск решения,NPS,10\n")
        #expect(none.diagnostics.first?.suggestion(in: .ru) == "напишите дату в виде ГГГГ-ММ-ДД")
    }

    /// A column's name misspelt is told at it, with the name meant.
    @Test func aMisspeltColumnIsToldAtIt() throws {
        let result = try Self.check("date,stage,metrc,value\n2024-03-15,Поиск решения,NPS,10\n")
        #expect(Self.found(result) == ["1:12:measurement-invalid"])
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "может быть, «metric»?")
        let russian = try Self.check("дата,этпа,метрика,значение\n2024-03-15,Поиск решения,NPS,10\n")
        #expect(Self.found(russian) == ["1:6:measurement-invalid"])
        #expect(russian.diagnostics.first?.suggestion(in: .ru) == "может быть, «этап»?")
    }

    /// Measurements before `updated` are warned of only where the evaluation loses a figure: not for the map's own
    /// figure measured (in another unit of time, too), nor for a metric without a role; a range is compared by its
    /// ends. The help's date lets every one of them count.
    @Test func measurementsBeforeTheMapsDateAreToldWhereTheEvaluationLosesThem() throws {
        let map = Self.map.replacingOccurrences(of: "- Звонков: 12\n", with: "- Звонков: 12\n- Длительность: 2 недели\n- NPS: 10–20\n")
        func warned(_ rows: String) throws -> [String] {
            try Self.check("date,stage,metric,value\n" + rows, map: map).diagnostics
                .filter { $0.code == .measurementsBeforeUpdated }.map { "\($0.location.line):\($0.suggestion(in: .en) ?? "")" }
        }
        #expect(try warned("2024-02-01,Поиск решения,Конверсия,30%\n2024-02-01,Поиск решения,Длительность,14 дней\n"
                           + "2024-02-01,Поиск решения,Звонков,15\n2024-02-01,Поиск решения,NPS,10–20\n").isEmpty)
        let help = "if the map's figures have not changed since, write \"updated: 2024-01-15\"; if they have, add them to the measurements file"
        #expect(try warned("2024-01-15,Поиск решения,Длительность,2 дня\n2024-02-20,Поиск решения,NPS,12–18\n") == ["4:" + help])
        // Measured on the day of `updated` or after: counted, nothing to tell.
        #expect(try warned("2024-03-01,Поиск решения,Конверсия,45%\n").isEmpty)
    }

    @Test func aRussianHeaderInAnyOrder() throws {
        let result = try Self.check("значение,Этап,метрика,ДАТА\n35%,Поиск решения,Конверсия,2024-03-15\n")
        #expect(result.diagnostics.isEmpty)
        let row = try #require(result.site?.journeys.first?.measurements.first)
        #expect(row.date == "2024-03-15" && row.value.value == 35 && row.value.metricID == "conversion")
    }

    @Test func aBOMAndCRLFShiftNeitherLinesNorColumns() throws {
        let text = "date,stage,metric,value\r\n2024-02-01,Поиск решения,Конверсия,35%\r\n2024-13-01,Поиск решения,Конверсия,40%\r\n"
        let result = try Self.check(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(Self.found(result) == ["3:1:measurement-invalid"])
        #expect(result.site?.journeys.first?.measurements.count == 1)
    }

    @Test func aDayTheMonthLacksIsSaidToBeMissing() throws {
        let result = try Self.check("date,stage,metric,value\n2025-04-31,Поиск решения,Конверсия,33%\n")
        #expect(Self.found(result) == ["2:1:measurement-invalid"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message(in: .ru) == "даты «2025-04-31» нет: в апреле 2025 года нет 31-го числа")
        #expect(diagnostic.suggestion(in: .ru) == "последний день этого месяца — 2025-04-30")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let result = try Self.check(#"""
            date,stage,metric,value
            2024-02-01,"Поиск решения",Конверсия,"12,5%"
            "2024-02-02","Поиск ""решения""",NPS,abc
            2024-02-03,"Поиск
            решения",NPS,20
            2024-02-04,Поиск решения,NPS,xyz
            """#)
        // The second row's stage is another name; its value is never reached. A line break inside a stage's name is
        // white space, as in a heading; after it, the lines are counted on.
        #expect(Self.found(result) == ["3:14:unknown-stage", "6:30:measurement-invalid"])
        let rows = try #require(result.site?.journeys.first?.measurements)
        #expect(rows.first?.value.value == 12.5)
        #expect(rows.map(\.date) == ["2024-02-01", "2024-02-03"])
    }

    @Test func everyProblemAtItsField() throws {
        let result = try Self.check("""
            date,stage,metric,value
            01.03.2024,Поиск решения,Конверсия,35%
            2024-03-01,Поиск решеня,Конверсия,35%
            2024-03-01,Поиск решения,Конвертация,35%
            2024-03-01,Поиск решения,Конверсия,135%
            2024-03-01,Поиск решения,Конверсия,много
            2024-03-01,Поиск решения,Конверсия
            2024-03-01,Доставка,NPS,10
            2024-03-01 10:00,Поиск решения,Конверсия,35%
            # апрель

            """)
        #expect(Self.found(result) == ["2:1:measurement-invalid", "3:12:unknown-stage", "4:26:unknown-metric",
                                       "5:36:metric-out-of-range", "6:36:measurement-invalid", "7:1:measurement-invalid",
                                       "8:12:unknown-stage", "9:1:measurement-invalid", "10:1:measurement-invalid"])
        let byLine = Dictionary(grouping: result.diagnostics, by: \.location.line)
        #expect(byLine[2]?.first?.help == .write("2024-03-01"))
        #expect(byLine[3]?.first?.help == .didYouMean("Поиск решения"))
        #expect(byLine[4]?.first?.help == .didYouMean("Конверсия"))
        #expect(byLine[4]?.first?.severity == .warning)
        #expect(byLine[7]?.first?.text == .measurementFieldCount(expected: 4, found: 3))
        #expect(byLine[8]?.first?.help == .stagesOfMap(["Поиск решения", "Оплата {Онлайн}"]))
        // A time after the day, as a spreadsheet exports it: the day is what to write.
        #expect(byLine[9]?.first?.help == .write("2024-03-01"))
        #expect(byLine[10]?.first?.help == .keepNotesInMap, "a note is no row")
    }

    /// A column tropa does not read is told at its header: one of a name it reads, given again, as a second one;
    /// one without a name by its number, when its cells hold something.
    @Test func columnsNotRead() throws {
        let result = try Self.check("""
            date,stage,metric,value,Value,
            2024-03-01,Поиск решения,Конверсия,35%,36%,заметка

            """)
        #expect(Self.found(result) == ["1:25:unknown-column", "1:31:unknown-column"])
        #expect(result.diagnostics.map(\.text) == [.columnTwice("Value"), .columnNotRead("6", read: ["date", "stage", "metric", "value"])])
        #expect(result.site?.journeys.first?.measurements.first?.value.value == 35, "the first is read")
    }

    /// A name that stages of two branches share says which stages those are, not that there is none.
    @Test func aStageNameOfSeveralBranches() throws {
        let map = """
            ---
            title: Карта
            measurements: metrics.csv
            ---

            ## Выбор {Онлайн}
            \(Check.requiredLayers)
            ## Выбор {В салоне}
            \(Check.requiredLayers)
            """
        let result = try Self.check("date,stage,metric,value\n2024-03-01,Выбор,NPS,10\n2024-03-01,Выбор {В салоне},NPS,12\n",
                                    map: map)
        #expect(Self.found(result) == ["2:12:unknown-stage"])
        let problem = try #require(result.diagnostics.first { $0.code == .unknownStage })
        #expect(problem.message(in: .ru) == "этап «Выбор» есть в нескольких ветках карты: добавьте метку ветки")
        #expect(problem.help == .stagesOfMap(["Выбор {Онлайн}", "Выбор {В салоне}"]))
        #expect(result.site?.journeys.first?.measurements.count == 1)
    }

    /// A stage written short, by words of one stage's name (`Поиск` of «Поиск решения»), is suggested; words that
    /// more than one stage holds, or none, list the stages.
    @Test func aStageWrittenShortSuggestsTheStageThatHoldsIt() throws {
        let short = try Self.check("date,stage,metric,value\n2024-03-01,Поиск,NPS,10\n")
        #expect(short.diagnostics.first?.suggestion(in: .ru) == "может быть, «Поиск решения»?")
        // A stage renamed in one word since the row was written.
        let renamed = try Self.check("date,stage,metric,value\n2024-03-01,Поиск товара,NPS,10\n")
        #expect(renamed.diagnostics.first?.suggestion(in: .ru) == "может быть, «Поиск решения»?")
        let two = "---\ntitle: Карта\nmeasurements: metrics.csv\n---\n\n## Выбор дивана\n\(Check.requiredLayers)\n## Выбор кухни\n\(Check.requiredLayers)"
        let shared = try Self.check("date,stage,metric,value\n2024-03-01,Выбор,NPS,10\n", map: two)
        #expect(shared.diagnostics.first?.help == .stagesOfMap(["Выбор дивана", "Выбор кухни"]), "\(shared.diagnostics)")
        let none = try Self.check("date,stage,metric,value\n2024-03-01,Доставка,NPS,10\n")
        #expect(none.diagnostics.first?.help == .stagesOfMap(["Поиск решения", "Оплата {Онлайн}"]))
    }

    /// A CSV saved by a spreadsheet set to Russian: semicolons between the fields and decimal commas in the values,
    /// read as they are, each problem at its field.
    @Test func semicolonsSeparateTheFieldsOfASpreadsheetsCSV() throws {
        let result = try Self.check("\u{FEFF}дата;этап;метрика;значение\r\n2024-03-01;Поиск решения;Конверсия;58,5%\r\n"
            + "2024-04-01;\"Поиск; решения\";NPS;-5\r\n2024-04-01;Поиск решения;NPS;-5\r\n")
        #expect(Self.found(result) == ["3:12:unknown-stage"], "\(result.diagnostics)")
        let rows = try #require(result.site?.journeys.first?.measurements)
        #expect(rows.map(\.value.value) == [58.5, -5])
        #expect(rows.map(\.value.metricID) == ["conversion", "nps"])
        #expect(rows[1].location == SourceLocation(file: "content/metrics.csv", line: 4, column: 30))
        // A comma in the header keeps it the separator.
        let commas = try Self.check("date,stage,metric,value;note\n2024-03-01,Поиск решения,NPS,10;x\n")
        #expect(Self.found(commas) == ["1:1:measurement-invalid"])
    }

    /// A spreadsheet exports 42 % as 0,42: a measured conversion below one is read as a percentage, with a warning
    /// at the value that writes it as one.
    @Test func aShareOfOneIsWarnedOf() throws {
        let result = try Self.check("date,stage,metric,value\n2024-03-01,Поиск решения,Конверсия,\"0,42\"\n2024-04-01,Поиск решения,Конверсия,42%\n")
        #expect(Self.found(result) == ["2:36:percent-as-share"])
        // A cell's help is the cell's text.
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "напишите «42%»")
        let nps = try Self.check("date,stage,metric,value\n2024-03-01,Поиск решения,NPS,20%\n")
        #expect(nps.diagnostics.first?.suggestion(in: .ru) == "напишите «20»")
        // Time in two units: the cell's value in the smaller.
        let time = try Self.check("date,stage,metric,value\n2024-03-01,Поиск решения,Длительность,1 час 30 минут\n")
        #expect(Self.found(time) == ["2:39:measurement-invalid"])
        #expect(time.diagnostics.first?.suggestion(in: .ru) == "напишите «90 минут»")
    }

    @Test func anEmptyFileAndAMissingColumn() throws {
        #expect(Self.found(try Self.check("")) == ["1:1:measurement-invalid"])
        #expect(Self.found(try Self.check(" \n\n")) == ["1:1:measurement-invalid"])
        let missing = try Self.check("date,stage,metric\n2024-03-01,Поиск решения,Конверсия\n")
        #expect(Self.found(missing) == ["1:1:measurement-invalid"])
        #expect(missing.diagnostics.first?.text == .measurementColumns(["value"]))
        let russian = try Self.check("дата,этап,значение\n")
        #expect(russian.diagnostics.first?.text == .measurementColumns(["метрика"]))
        #expect(russian.diagnostics.first?.message(in: .ru) == "в файле с замерами нет столбца «метрика»")
        let two = try Self.check("дата,этап\n")
        #expect(two.diagnostics.first?.message(in: .ru) == "в файле с замерами нет столбцов «метрика» и «значение»")
        #expect(two.diagnostics.first?.message(in: .en) == "the measurements file has no columns \"метрика\" and \"значение\"")
        // A header alone is no problem: nothing measured yet.
        #expect(try Self.check("date,stage,metric,value\n").diagnostics.isEmpty)
    }

    @Test func aMissingOrOutsideFileIsReportedAtTheKey() throws {
        let result = try Check.site(["content/map.md": Self.map])
        #expect(result.diagnostics.map { "\($0.location.line):\($0.code.rawValue)" } == ["3:measurement-invalid"])
        #expect(result.diagnostics.first?.text == .measurementsMissing("content/metrics.csv"))
        let outside = try Check.site(["content/map.md": Self.map.replacingOccurrences(of: "metrics.csv", with: "../../x.csv")])
        #expect(outside.diagnostics.map { "\($0.location.line):\($0.code.rawValue)" } == ["3:measurement-invalid"])
    }

    /// A file beside the map whose name is close to the one named is suggested, as the line to write; one in
    /// another folder is not (the line would not name it). The review, which the file could not date, is not told.
    @Test func aMissingFileSuggestsTheCSVBesideTheMap() throws {
        let map = Self.map.replacingOccurrences(of: "updated: 2024-03-01\n", with: "updated: 2024-03-01\nreview: monthly\n")
        let files = ["content/map.md": map, "content/metric.csv": "date,stage,metric,value\n",
                     "content/other/metrics.csv": "date,stage,metric,value\n"]
        let memory = MemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { (Check.root + "/" + $0.key, $0.value) }))
        let result = try SiteChecker(fileSystem: memory).check(root: Check.root, day: Fixtures.day)
        #expect(result.diagnostics.map(\.code) == [.measurementInvalid], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.suggestion(in: .ru) == "напишите «measurements: metric.csv»")
        let far = try Check.site(["content/map.md": map, "content/other/metrics.csv": "date,stage,metric,value\n"])
        // With the file there, the same map is overdue for its review on that day.
        let measured = MemoryFileSystem(files: [Check.root + "/content/map.md": map.replacingOccurrences(of: "metrics.csv", with: "metric.csv"),
                                                Check.root + "/content/metric.csv": "date,stage,metric,value\n"])
        #expect(try SiteChecker(fileSystem: measured).check(root: Check.root, day: Fixtures.day).diagnostics.map(\.code) == [.reviewOverdue])
        #expect(far.diagnostics.first?.help == .measurementsPath)
    }

    @Test func aPathIsRelativeToTheMap() throws {
        let map = Self.map.replacingOccurrences(of: "metrics.csv", with: "../data/./m.csv")
        let result = try Check.site(["content/sales/map.md": map, "content/data/m.csv": "date,stage,metric,value\n"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.journeys.first?.measurementsFile == "content/data/m.csv")
    }

    /// A file the build would not watch (outside the content folder, or hidden) or a path written with backslashes is
    /// told at the key, each with its own help; a content folder written `./maps` is the folder `maps`.
    @Test func aFileTheBuildWouldNotWatchIsReported() throws {
        let csv = "date,stage,metric,value\n"
        func told(_ path: String, _ files: [String: String] = [:]) throws -> [String] {
            let map = Self.map.replacingOccurrences(of: "metrics.csv", with: path)
            return try Check.site(["content/map.md": map].merging(files) { $1 }).diagnostics.map {
                "\($0.location.line):\($0.code.rawValue): \($0.message(in: .ru)) / \($0.suggestion(in: .ru) ?? "")"
            }
        }
        #expect(try told("../data/m.csv", ["data/m.csv": csv]) == ["3:measurement-invalid: файл с замерами «../data/m.csv» лежит "
            + "вне папки «content»: сборка не заметит, что он изменился / положите файл рядом с картой и напишите «measurements: m.csv»"])
        #expect(try told(".zamery/m.csv", ["content/.zamery/m.csv": csv]) == ["3:measurement-invalid: файл с замерами «.zamery/m.csv» "
            + "скрыт (имя в пути начинается с точки): сборка не заметит, что он изменился / переименуйте его без точки — «zamery/m.csv» — "
            + "и так же укажите в «measurements»"])
        #expect(try told("./.m.csv", ["content/.m.csv": csv]).first?.hasSuffix("«./m.csv» — и так же укажите в «measurements»") == true)
        #expect(try told("data\\m.csv", ["content/data/m.csv": csv]) == ["3:measurement-invalid: путь «data\\m.csv» записан через "
            + "обратную косую черту: tropa читает пути через «/» / напишите «measurements: data/m.csv»"])
        let dotted = try Check.site(["tropa.yml": "content: ./maps\n", "maps/map.md": Self.map, "maps/metrics.csv": csv])
        #expect(dotted.diagnostics.isEmpty, "\(dotted.diagnostics)")
        #expect(dotted.site?.journeys.first?.measurementsFile == "./maps/metrics.csv", "as the site's inputs list it")
    }

    @Test func anInvalidEncodingIsReportedInTheCSV() throws {
        let result = try Self.check(bytes: Array("date,stage,metric,value\n2024-03-01,".utf8) + [0xC8, 0xE0])
        #expect(result.diagnostics.map(\.code) == [.invalidEncoding])
        #expect(result.diagnostics.first?.location.file == "content/metrics.csv")
    }

    @Test(arguments: [
        ("2 weeks", ReviewPeriod.days(14)), ("monthly", .months(1)), ("quarterly", .months(3)),
        ("ежемесячно", .months(1)), ("ежеквартально", .months(3)), ("2 недели", .days(14)), ("45 days", .days(45)),
        ("раз в 2 месяца", .months(2)), ("every 3 weeks", .days(21)), ("weekly", .days(7)), ("1 year", .months(12)),
        ("раз в квартал", .months(3)), ("каждый квартал", .months(3)), ("раз в полгода", .months(6)),
        ("раз в год", .months(12)), ("every quarter", .months(3)), ("semiannually", .months(6)), ("ежемесячно.", .months(1)),
    ])
    func reviewPeriods(text: String, period: ReviewPeriod) {
        #expect(JourneyParser.reviewPeriod(text) == period)
    }

    @Test func aReviewThatIsNoPeriod() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\nreview: sometimes\n---\n\n## Этап\n" + Check.requiredLayers)
        #expect(journey.review == nil)
        #expect(diagnostics.map { "\($0.location.line):\($0.code.rawValue)" } == ["3:front-matter-type"])
        #expect(diagnostics.first?.help == .writeReview)
        let misspelt = Check.journey("---\ntitle: Карта\nreview: ежемесечно\n---\n\n## Этап\n" + Check.requiredLayers).diagnostics
        #expect(misspelt.first?.help == .write("review: ежемесячно"))
        #expect(JourneyParser.reviewPeriod("5 minutes") == nil)
        #expect(JourneyParser.reviewPeriod("0 days") == nil)
        // A period in parts, or with a fraction: one number of months when whole, else of days (a month as 30).
        let parts = Check.journey("---\ntitle: Карта\nreview: 1 месяц 2 недели\n---\n\n## Этап\n" + Check.requiredLayers).diagnostics
        #expect(parts.first?.help == .writeReviewAsOnePeriod("review: 44 дня", monthsAsDays: true))
        #expect(parts.first?.help?.text(in: .ru) == "срок — одно число дней, недель или месяцев: напишите «review: 44 дня» (месяц — 30 дней, год — 365)")
        #expect(JourneyParser.reviewPeriod(writtenInParts: "1,5 месяца")! == (45, .day, true))
        #expect(JourneyParser.reviewPeriod(writtenInParts: "1 год 6 месяцев")! == (18, .month, false))
        #expect(JourneyParser.reviewPeriod(writtenInParts: "1,5 года")! == (18, .month, false))
        #expect(JourneyParser.reviewPeriod(writtenInParts: "every 6 weeks and 2 days")! == (44, .day, false))
        #expect(JourneyParser.reviewPeriod(writtenInParts: "раз в 2 недели, 3 дня")! == (17, .day, false))
        #expect(JourneyParser.reviewPeriod(writtenInParts: "3 года 1 неделя") == nil, "past the 1,000 days review takes")
        #expect(JourneyParser.reviewPeriod(writtenInParts: "2 недели") == nil, "one whole number of one unit is a period")
        #expect(JourneyParser.reviewPeriod(writtenInParts: "1 месяц 2 часа") == nil, "hours are no review period")
        #expect(JourneyParser.reviewPeriod(writtenInParts: "1 месяц иногда") == nil)
        let english = Check.journey("---\ntitle: Map\nreview: 1.5 weeks\n---\n\n## Stage\n" + Check.requiredLayers).diagnostics
        #expect(english.first?.help == .writeReviewAsOnePeriod("review: 11 days", monthsAsDays: false))
        #expect(english.first?.help?.text(in: .en) == "a period is one number of days, weeks or months: write \"review: 11 days\"")
    }
}
