import Foundation
import Testing
@testable import TropaModel
@testable import TropaBuild
@testable import TropaAuthoring
import TropaTesting

/// `tropa diff` in process: versions from a git replaced by a dictionary, the working tree in memory.
@Suite struct MapDiffTests {
    /// Versions of files by revision.
    struct FakeGit: GitReading {
        var versions: [String: [String: String]]

        func file(_ path: String, at revision: String) throws -> [UInt8]? {
            guard let files = versions[revision] else { throw SiteError(.unknownRevision(revision)) }
            return files[path].map { Array($0.utf8) }
        }

        func head() throws -> GitHead? { nil }
        func history(at head: GitHead, of files: [String], keeping kept: Set<String>?, log: [UInt8]?) throws -> GitHistory? { nil }
    }

    static func map(_ stages: String) -> String { "---\ntitle: Карта\n---\n\n" + stages }

    static let old = map(RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 35%\n- NPS: 10\n")
        + RenderBuild.stage("Выбор", score: "-1 Сомнение", extra: "### Барьеры\n- Дорого\n- <b>Сложно</b>\n"))
    static let new = map(RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 42% (цель 50%)\n")
        + RenderBuild.stage("Выбор", score: "+1 Сомнение", extra: "### Барьеры\n- Дорого\n"))

    static func diff(_ revisions: [String], format: ReportFormat) throws -> String {
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": new])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": old], "v2": ["content/map.md": new]])
        let (diff, settings) = try MapDiff.read(root: "site", map: "./content/map.md", revisions: revisions, git: git,
                                                files: memory)
        #expect(settings.diagnostics.isEmpty)
        return try #require(diff).render(format)
    }

    @Test func jsonFieldByField() throws {
        let text = try Self.diff([], format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["map"] as? String == "content/map.md")
        #expect(root["from"] as? String == "HEAD")
        #expect(root["to"] == nil, "the working tree has no revision")
        let changes = try #require(root["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["metric-changed", "metric-removed", "score-changed", "item-removed"])
        let conversion = changes[0]
        #expect(conversion["stage"] as? String == "Поиск")
        #expect(conversion["layer"] as? String == "metrics")
        #expect(conversion["text"] as? String == "Конверсия")
        #expect(conversion["before"] as? String == "35\u{00A0}%")
        #expect(conversion["after"] as? String == "42\u{00A0}% (цель 50\u{00A0}%)")
        #expect(conversion["valueBefore"] as? Double == 35)
        #expect(conversion["valueAfter"] as? Double == 42)
        #expect(conversion["description"] as? String == "«Поиск», Метрики: Конверсия 35\u{00A0}% → 42\u{00A0}% (цель 50\u{00A0}%)")
        #expect(conversion["from"] == nil && conversion["previousName"] == nil)
        #expect(changes[1]["text"] as? String == "NPS" && changes[1]["after"] == nil && changes[1]["valueBefore"] as? Double == 10)
        let score = changes[2]
        #expect(score["stage"] as? String == "Выбор" && score["layer"] as? String == "emotions")
        #expect(score["text"] as? String == "Сомнение")
        #expect(score["before"] as? String == "−1" && score["after"] as? String == "+1")
        #expect(score["valueBefore"] as? Double == -1 && score["valueAfter"] as? Double == 1)
        // An item's text is the plain text of its Markdown: raw HTML in it is left out.
        #expect(changes[3]["text"] as? String == "Сложно")
        #expect(changes[3]["layer"] as? String == "barriers")
    }

    /// The map's own fields, its introduction, a stage's description and an emotion's label reworded at the same
    /// score are changes too: none of them is "no change".
    @Test func theMapsOwnFieldsDescriptionsAndLabels() throws {
        let before = "---\ntitle: Карта\naudience: 12500\ntags: [b2b]\nevidence: hypothesis\n---\n\nПо 12 интервью.\n\n"
            + RenderBuild.stage("Поиск", score: "0 Спокойно изучает")
            + RenderBuild.stage("Выбор", score: "-1 Сомнение: «дорого»")
        let after = "---\ntitle: Карта абонента\naudience: 20000\ntags: [b2b, мобильная связь]\nevidence: interviews\n"
            + "updated: 2026-11-20\ndraft: true\nmeasurements: zamery.csv\n---\n\n"
            + "По 20 интервью.\n\n" + RenderBuild.stage("Поиск", score: "0 Спокойно смотрит")
                .replacingOccurrences(of: "## Поиск\n", with: "## Поиск\n\nРынок вырос на 40 %.\n")
            + RenderBuild.stage("Выбор", score: "+1 Сомнение: «дорого»")
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": after])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": before]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let rendered = try #require(diff)
        let text = rendered.render(.text)
        #expect(text == """
            content/map.md: HEAD → рабочая копия
              Название: «Карта» → «Карта абонента»
              Теги: «b2b» → «b2b, мобильная связь»
              Основание: гипотеза, не измерено → интервью с клиентами
              Обновлена: — → 20 ноября 2026
              Черновик: нет → да
              Файл замеров: — → «content/zamery.csv»
              Аудитория: 12\u{00A0}500 → 20\u{00A0}000
              Введение изменено
              «Поиск»: описание этапа изменено
              «Поиск», Эмоции: «Спокойно изучает» → «Спокойно смотрит»
              «Выбор», Эмоции: «Сомнение: „дорого“» −1 → +1

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rendered.render(.json).utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["map-changed", "map-changed", "map-changed", "map-changed",
                                                          "map-changed", "map-changed", "map-changed", "map-changed",
                                                          "description-changed", "text-changed", "score-changed"])
        #expect(changes.map { $0["field"] as? String }
            == ["title", "tags", "evidence", "updated", "draft", "measurements", "audience", "introduction", nil, nil, nil])
        #expect(changes[6]["valueBefore"] as? Double == 12500 && changes[6]["valueAfter"] as? Double == 20000)
        #expect(changes[0]["stage"] == nil, "a change of the map's own names no stage")
        #expect(changes[0]["before"] as? String == "Карта" && changes[0]["after"] as? String == "Карта абонента")
        #expect(changes[3]["after"] as? String == "20 ноября 2026" && changes[3]["textAfter"] as? String == "2026-11-20")
        #expect(changes[2]["before"] as? String == "гипотеза, не измерено" && changes[2]["textBefore"] as? String == "hypothesis")
    }

    /// An item taken to another stage is told as a move, with the stage it came from (`previousName` in JSON).
    @Test func anItemMovedToAnotherStage() throws {
        let before = Self.map(RenderBuild.stage("Поиск", extra: "### Барьеры\n- Дорого\n- Долго\n") + RenderBuild.stage("Выбор"))
        let after = Self.map(RenderBuild.stage("Поиск", extra: "### Барьеры\n- Долго\n")
            + RenderBuild.stage("Выбор", extra: "### Барьеры\n- Дорого\n"))
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": after])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": before]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let rendered = try #require(diff)
        #expect(rendered.render(.text).hasSuffix("\n  «Выбор», Барьеры: Дорого (перенос из этапа «Поиск»)\n"), "\(rendered.render(.text))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rendered.render(.json).utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["kind"] as? String == "item-moved" && changes.first?["stage"] as? String == "Выбор")
        #expect(changes.first?["previousName"] as? String == "Поиск" && changes.first?["text"] as? String == "Дорого")
        let (english, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory, language: .en)
        #expect(try #require(english).render(.text).contains("“Выбор”, Barriers: Дорого (moved from “Поиск”)\n"))
    }

    /// A map's file ends in `.md` in any case, as the site reads it.
    @Test func aMapFileInCapitalsIsCompared() throws {
        let before = Self.map(RenderBuild.stage("Поиск"))
        let after = Self.map(RenderBuild.stage("Поиск решения"))
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/B.MD": after])
        let git = FakeGit(versions: ["HEAD": ["content/B.MD": before]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/B.MD", revisions: [], git: git, files: memory)
        #expect(try #require(diff).render(.text).contains("Этап «Поиск» переименован в «Поиск решения»"))
    }

    @Test func aRecommendationGivenToAnotherOwnerIsOneChange() throws {
        let before = Self.map(RenderBuild.stage("Поиск", extra: "### Рекомендации\n- [Сайт] Добавить фильтр @ecom\n"))
        let after = Self.map(RenderBuild.stage("Поиск", extra: "### Рекомендации\n- [Сайт] Добавить фильтр @marketing\n"))
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": after])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": before]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let rendered = try #require(diff)
        #expect(rendered.render(.text).hasSuffix(
            "\n  «Поиск», Рекомендации: «[Сайт] Добавить фильтр @ecom» → «[Сайт] Добавить фильтр @marketing»\n"),
            "\(rendered.render(.text))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rendered.render(.json).utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["kind"] as? String == "item-changed")
        #expect(changes.first?["previousText"] as? String == "[Сайт] Добавить фильтр @ecom")
        #expect(changes.first?["text"] as? String == "[Сайт] Добавить фильтр @marketing")
    }

    /// An emotion reworded as its score changed keeps both labels: neither seems to have had the other's score.
    @Test func aLabelRewordedWithItsScore() throws {
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n",
                                              "site/content/map.md": Self.map(RenderBuild.stage("Выбор", score: "-1 Менеджер звонит дважды"))])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": Self.map(RenderBuild.stage("Выбор", score: "-2 Менеджер звонит пять раз"))]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let rendered = try #require(diff)
        #expect(rendered.render(.text).contains("«Выбор», Эмоции: «Менеджер звонит пять раз» −2 → «Менеджер звонит дважды» −1\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rendered.render(.json).utf8)) as? [String: Any])
        let change = try #require((json["changes"] as? [[String: Any]])?.first)
        #expect(change["previousText"] as? String == "Менеджер звонит пять раз")
        #expect(change["text"] as? String == "Менеджер звонит дважды")
    }

    @Test func twoRevisionsAndNoChange() throws {
        let text = try Self.diff(["v2", "v2"], format: .text)
        #expect(text == "content/map.md: v2 → v2\nКарта не изменилась.\n")
        let markdown = try Self.diff(["HEAD"], format: .markdown)
        #expect(markdown.hasPrefix("### content/map.md: HEAD → рабочая копия\n\n- «Поиск», Метрики: Конверсия"))
    }

    /// Right after a commit that changed the map, the file is as HEAD has it: the answer names the diff of that
    /// commit, as a shell takes it (the site folder given, a path with a space quoted). None when the commit added the
    /// map or left it as it was, or against another revision.
    @Test func noChangeSinceTheLastCommitNamesTheCommitsOwnDiff() throws {
        func said(_ versions: [String: [String: String]], path: String = "content/map.md", root: String = "site",
                  revisions: [String] = []) throws -> String {
            let memory = MemoryFileSystem(files: ["\(root)/tropa.yml": "language: ru\n", "\(root)/\(path)": Self.new])
            return try #require(try MapDiff.read(root: root, map: path, revisions: revisions, git: FakeGit(versions: versions),
                                                 files: memory).0).render(.text)
        }
        let committed = ["HEAD": ["content/map.md": Self.new], "HEAD~1": ["content/map.md": Self.old]]
        #expect(try said(committed) == "content/map.md: HEAD → рабочая копия\n"
                + "Карта не изменилась. Что изменил в ней последний коммит: tropa diff content/map.md HEAD~1 HEAD --site site\n")
        #expect(try said(committed, root: ".").hasSuffix("последний коммит: tropa diff content/map.md HEAD~1 HEAD\n"))
        let spaced = ["HEAD": ["content/Новый диван.md": Self.new], "HEAD~1": ["content/Новый диван.md": Self.old]]
        #expect(try said(spaced, path: "content/Новый диван.md", root: ".").hasSuffix("tropa diff 'content/Новый диван.md' HEAD~1 HEAD\n"))
        let none = "content/map.md: HEAD → рабочая копия\nКарта не изменилась.\n"
        #expect(try said(["HEAD": ["content/map.md": Self.new]]) == none, "the commit added the map")
        #expect(try said(["HEAD": ["content/map.md": Self.new], "HEAD~1": ["content/map.md": Self.new]]) == none, "it left the map as it was")
        #expect(try said(["HEAD": ["content/map.md": Self.new], "v2": ["content/map.md": Self.new]], revisions: ["v2"])
                == "content/map.md: v2 → рабочая копия\nКарта не изменилась.\n")
    }

    @Test func aMissingRevisionOrFile() throws {
        #expect(throws: SiteError.self) { try Self.diff(["v9"], format: .text) }
        let memory = MemoryFileSystem(files: ["site/content/map.md": Self.new])
        let git = FakeGit(versions: ["HEAD": [:]])
        #expect(throws: SiteError.self) {
            try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        }
    }

    /// Rows of the measurements file the map names, at each revision: added, removed, changed, and unchanged
    /// ones left out; by date.
    @Test func measurementsAddedRemovedAndChanged() throws {
        let map = "---\ntitle: Карта\nmeasurements: metrics.csv\n---\n\n"
            + RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 35%\n")
            + RenderBuild.stage("Выбор", extra: "### Метрики\n- Конверсия: 50%\n")
        let old = "date,stage,metric,value\n2024-01-01,Поиск,Конверсия,30%\n2024-02-01,Выбор,Конверсия,50%\n2024-03-01,Поиск,Конверсия,40%\n"
        let new = "дата,этап,метрика,значение\n2024-04-01,Выбор,Конверсия,55%\n2024-02-01,Выбор,Конверсия,50%\n2024-03-01,Поиск,Конверсия,42%\n"
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": map,
                                              "site/content/metrics.csv": new])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": map, "content/metrics.csv": old],
                                     "v0": ["content/map.md": map]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let read = try #require(diff)
        #expect(read.render(.text) == """
            content/map.md: HEAD → рабочая копия
              «Поиск», замер 1 января 2024: Конверсия 30\u{a0}% → —
              «Поиск», замер 1 марта 2024: Конверсия 40\u{a0}% → 42\u{a0}%
              «Выбор», замер 1 апреля 2024: Конверсия — → 55\u{a0}%
            """ + "\n")
        #expect(read.changes.map(\.kind) == [.measurementRemoved, .measurementChanged, .measurementAdded])
        #expect(read.render(.json).contains("\"date\" : \"2024-03-01\""))
        // A version without the file: every row of the other is added.
        let (first, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: ["v0", "HEAD"], git: git, files: memory)
        #expect(try #require(first).changes.map(\.kind) == [.measurementAdded, .measurementAdded, .measurementAdded])
    }

    /// A measurements file given for a map is the diff of the map that names it; one that no map names, or several
    /// do, is an error saying so.
    @Test func aMeasurementsFileIsItsMapsDiff() throws {
        let map = "---\ntitle: Карта\nmeasurements: metrics.csv\n---\n\n" + RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 35%\n")
        let rows = "date,stage,metric,value\n2024-01-01,Поиск,Конверсия,30%\n"
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": map,
                                              "site/content/other.md": Self.new, "site/content/metrics.csv": rows + "2024-02-01,Поиск,Конверсия,31%\n"])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": map, "content/metrics.csv": rows]])
        let (diff, _) = try MapDiff.read(root: "site", map: "./content/metrics.csv", revisions: [], git: git, files: memory)
        #expect(try #require(diff).render(.text) == "content/map.md: HEAD → рабочая копия\n  «Поиск», замер 1 февраля 2024: Конверсия — → 31\u{a0}%\n")
        for (files, message) in [(["site/tropa.yml": "language: ru\n", "site/content/other.md": Self.new], Message.measurementsOfNoMap("content/metrics.csv")),
                                 (["site/tropa.yml": "language: ru\n", "site/content/map.md": map, "site/content/copy.md": map],
                                  .measurementsOfMaps("content/metrics.csv", ["content/copy.md", "content/map.md"]))] {
            do {
                _ = try MapDiff.read(root: "site", map: "content/metrics.csv", revisions: [], git: git, files: MemoryFileSystem(files: files))
                Issue.record("a measurements file of \(files.count - 1) maps was read")
            } catch let error as SiteError {
                #expect(error.message == message)
                #expect(error.language == .ru, "in the site's language")
            }
        }
    }

    /// Of two rows of one day, the last counts, as on the map's page; a stage renamed in the map and the file is
    /// the same stage; a file the older version could not read is told, at its revision, and its rows are none.
    @Test func measurementsAsTheMapsPageReadsThem() throws {
        func map(_ stage: String) -> String {
            "---\ntitle: Карта\nmeasurements: metrics.csv\n---\n\n" + RenderBuild.stage(stage, extra: "### Метрики\n- Конверсия: 35%\n")
        }
        let old = "date,stage,metric,value\n2024-03-01,Поиск,Конверсия,40%\n2024-03-01,Поиск,Конверсия,41%\n"
        let new = "date,stage,metric,value\n2024-03-01,Поиск решения,Конверсия,40%\n2024-03-01,Поиск решения,Конверсия,41%\n"
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": map("Поиск решения"),
                                              "site/content/metrics.csv": new])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": map("Поиск"), "content/metrics.csv": old],
                                     "v0": ["content/map.md": map("Поиск"), "content/metrics.csv": "date\tstage\tmetric\tvalue\n"]])
        let (diff, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: memory)
        let read = try #require(diff)
        #expect(read.changes.map(\.kind) == [.stageRenamed])
        #expect(read.problems.isEmpty)
        let edited = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": map("Поиск"),
                                              "site/content/metrics.csv": old.replacingOccurrences(of: "40%", with: "30%")])
        let (unchanged, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: [], git: git, files: edited)
        #expect(try #require(unchanged).changes.isEmpty)
        let (unread, _) = try MapDiff.read(root: "site", map: "content/map.md", revisions: ["v0", "HEAD"], git: git, files: memory)
        let broken = try #require(unread)
        #expect(broken.problems.map { "\($0.location.file):\($0.location.line):\($0.code.rawValue)" } == ["v0:content/metrics.csv:1:measurement-invalid"])
        #expect(broken.sources["v0:content/metrics.csv"]?.text == "date\tstage\tmetric\tvalue\n")
        #expect(broken.changes.map(\.kind) == [.measurementAdded])
    }

    /// A path with a typo, missing at a revision or in the working tree, gets the site's map it is closest to.
    @Test func aMissingMapGetsTheClosestMapsPath() throws {
        let memory = MemoryFileSystem(files: ["site/content/cards/issue.md": Self.new, "site/content/other.md": Self.new])
        let git = FakeGit(versions: ["HEAD": ["content/cards/issue.md": Self.old], "v2": [:]])
        for revisions in [["HEAD"], ["v2", "HEAD"]] {
            do {
                _ = try MapDiff.read(root: "site", map: "content/cards/isue.md", revisions: revisions, git: git, files: memory)
                Issue.record("a missing map was read")
            } catch let error as SiteError {
                #expect(error.help == .didYouMean("content/cards/issue.md"))
            }
        }
        // A new map, not yet committed: its own path is no suggestion; it is told there is nothing to compare yet.
        for revisions in [[], ["HEAD"]] {
            do {
                _ = try MapDiff.read(root: "site", map: "content/other.md", revisions: revisions, git: git, files: memory)
                Issue.record("a map missing at HEAD was read")
            } catch let error as SiteError {
                #expect(error.message == .noMapAtRevision(path: "content/other.md", revision: "HEAD"))
                #expect(error.help == .mapNotCommitted(revision: "HEAD"))
                #expect(error.help?.text(in: .ru) == "карты ещё нет в HEAD: когда она будет в коммите, tropa diff покажет, что изменилось с тех пор")
            }
        }
        // Missing at an earlier revision, the map may well be committed since: no word of a commit to come.
        do {
            _ = try MapDiff.read(root: "site", map: "content/other.md", revisions: ["v2"], git: git, files: memory)
            Issue.record("a map missing at v2 was read")
        } catch let error as SiteError {
            #expect(error.message == .noMapAtRevision(path: "content/other.md", revision: "v2"))
            #expect(error.help == nil)
        }
        let memoryWithout = MemoryFileSystem(files: ["site/content/other.md": Self.new])
        do {
            _ = try MapDiff.read(root: "site", map: "content/cards/issue.md", revisions: [], git: git, files: memoryWithout)
            Issue.record("a map missing from the working tree was read")
        } catch let error as SiteError {
            #expect(error.message == .noMapInWorkingTree("content/cards/issue.md"))
            #expect(error.help == nil)
        }
    }

    /// A map named as `compare:` names it reads its file; git's problems are worded in the site's language.
    @Test func aMapByItsNameAndGitsProblemsInTheSitesLanguage() throws {
        let memory = MemoryFileSystem(files: ["site/tropa.yml": "language: ru\n", "site/content/map.md": Self.new])
        let git = FakeGit(versions: ["HEAD": ["content/map.md": Self.old]])
        let (diff, _) = try MapDiff.read(root: "site", map: "map", revisions: [], git: git, files: memory)
        #expect(try #require(diff).render(.text).hasPrefix("content/map.md: HEAD → рабочая копия\n"))
        do {
            _ = try MapDiff.read(root: "site", map: "map", revisions: ["v9"], git: git, files: memory)
            Issue.record("an unknown revision was read")
        } catch let error as SiteError {
            #expect(error.language == .ru)
            #expect(error.message.text(in: error.language ?? .en) == "в git нет ревизии «v9»")
        }
    }
}
