import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// History pages from a git repository made in the test: renames of the file followed, stages renamed and moved,
/// items removed, scores changed, a merge; a shallow clone and a folder with no git build without history.
@Suite(.serialized) struct HistoryBuildTests {
    /// A temporary folder, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-history-\(UUID().uuidString)")
        var path: String { url.path }
        init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ relative: String, _ text: String) throws {
            let file = url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }

        /// A new repository, on the branch `main`.
        static func repository() throws -> Folder {
            let folder = Folder()
            try folder.git("init", "-q", "-b", "main")
            return folder
        }

        /// Writes `files` (path → text) and commits every change with `message`, on `day`.
        func commit(_ files: [String: String], _ message: String, day: Int = 1) throws {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { try write(path, text) }
            try git("add", "-A")
            try git("commit", "-q", "-m", message, day: day)
        }

        /// Runs git here, each commit a day after the one before.
        @discardableResult
        func git(_ arguments: String..., day: Int = 1) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", path] + arguments
            let date = "2024-03-\(day < 10 ? "0" : "")\(day)T12:00:00Z"
            process.environment = ProcessInfo.processInfo.environment.merging([
                "GIT_AUTHOR_NAME": "A <b>Author</b>", "GIT_AUTHOR_EMAIL": "a@example.com",
                "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.com",
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_NOSYSTEM": "1", "HOME": path,
            ]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw GitFailed(text: arguments.joined(separator: " ") + ": " + text) }
            return text
        }
    }

    struct GitFailed: Error { let text: String }

    static func stage(_ name: String, items: [String], score: String = "0 Рабочая задача") -> String {
        "## \(name)\n\n### Цель\nЦель: \(name.prefix(3)).\n\n### Действия\n" + items.map { "- \($0)\n" }.joined()
            + "\n### Эмоции\n\(score)\n\n"
    }

    static func map(_ stages: [String]) -> String { "---\ntitle: Карта\n---\n\n" + stages.joined() }

    static let search = stage("Поиск", items: ["Читает обзоры", "Спрашивает коллег", "Смотрит рейтинги"])
    static let choice = stage("Выбор", items: ["Сравнивает тарифы", "Звонит в поддержку"], score: "-1 Сомнение")
    static let payment = stage("Оплата", items: ["Платит картой", "Получает счёт"])

    /// A repository whose site is in `site/`: five versions of one map, and a merge.
    static func repository() throws -> Folder {
        let repo = try Folder.repository()
        try repo.commit(["site/tropa.yml": "language: ru\n", "site/content/old-name.md": map([search, choice, payment])],
                        "<script>window.__xss=1</script> first")
        try repo.git("mv", "site/content/old-name.md", "site/content/map.md")
        try repo.write("site/content/map.md", map([search.replacingOccurrences(of: "## Поиск", with: "## Поиск решения"),
                                                   choice, payment]))
        try repo.git("commit", "-q", "-am", "Rename the file and the first stage", day: 2)
        try repo.git("checkout", "-q", "-b", "feature")
        let renamed = search.replacingOccurrences(of: "## Поиск", with: "## Поиск решения")
        try repo.write("site/content/map.md", map([renamed, choice.replacingOccurrences(of: "-1 Сомнение", with: "+1 Сомнение"), payment]))
        try repo.git("commit", "-q", "-am", "Choice feels better", day: 3)
        try repo.git("checkout", "-q", "main")
        let fewer = renamed.replacingOccurrences(of: "- Смотрит рейтинги\n", with: "")
        try repo.write("site/content/map.md", map([fewer, choice, payment]))
        try repo.git("commit", "-q", "-am", "Drop an item", day: 4)
        try repo.git("merge", "-q", "--no-edit", "-m", "Merge feature", "feature", day: 5)
        let merged = try String(contentsOf: repo.url.appendingPathComponent("site/content/map.md"), encoding: .utf8)
        #expect(merged.contains("+1 Сомнение") && !merged.contains("Смотрит рейтинги"), "the merge took both")
        try repo.write("site/content/map.md", map([fewer, payment,
                                                   choice.replacingOccurrences(of: "-1 Сомнение", with: "+1 Сомнение")]))
        try repo.git("commit", "-q", "-am", "Pay before choosing", day: 6)
        return repo
    }

    /// A repository of two maps, committed once ("Both").
    static func twoMaps() throws -> Folder {
        let repo = try Folder.repository()
        try repo.commit(["content/one.md": map([search]), "content/two.md": map([choice])], "Both")
        return repo
    }

    static func build(_ site: String, git: GitReading?) throws -> (BuildResult, String) {
        let output = site + "/public"
        let result = try SiteBuilder(fileSystem: DiskFileSystem(), git: git).build(root: site, options: BuildOptions(output: output))
        return (result, output)
    }

    @Test func versionsAndChangesFollowTheRename() throws {
        let repo = try Self.repository()
        let site = repo.path + "/site"
        let history = try #require(try GitCommand(folder: site).history(of: ["content/map.md"]))
        let versions = try history.read(try #require(history.versions["content/map.md"]))
        #expect(versions.map(\.subject) == ["Pay before choosing", "Drop an item", "Choice feels better",
                                            "Rename the file and the first stage", "<script>window.__xss=1</script> first"])
        #expect(versions.map(\.path) == ["content/map.md", "content/map.md", "content/map.md", "content/map.md",
                                         "content/old-name.md"])
        #expect(versions.allSatisfy { !$0.bytes.isEmpty && $0.blob == nil })
        #expect(history.commit == (try repo.git("rev-parse", "HEAD")).trimmingCharacters(in: .whitespacesAndNewlines))

        let (result, output) = try Self.build(site, git: GitCommand(folder: site))
        #expect(result.outputPath != nil, "\(result.check.diagnostics)")
        #expect(result.notes.isEmpty)
        let page = try String(contentsOfFile: output + "/map/history/index.html", encoding: .utf8)
        // Newest first; the subject escaped.
        #expect(page.contains("<code>\(versions[0].shortCommit)</code> Pay before choosing"))
        #expect(page.contains("&lt;script&gt;window.__xss=1&lt;/script&gt; first"))
        #expect(!page.contains("<script>window"))
        #expect(page.contains("<time datetime=\"2024-03-06\">6 марта 2024</time>"))
        #expect(page.contains("Этап «Выбор» перенесён с 2-го места на 3-е"))
        #expect(page.contains("«Поиск решения», Действия: − Смотрит рейтинги"))
        #expect(page.contains("«Выбор», Эмоции: «Сомнение» −1 → +1"))
        // Each commit counted from its parent: "Drop an item", on main, did not change the score that "Choice feels
        // better" changed on the branch merged later, listed after it.
        let drop = page.components(separatedBy: "</code> Drop an item")[1].components(separatedBy: "<p class=\"version\">")[0]
        #expect(drop.contains("− Смотрит рейтинги") && !drop.contains("Сомнение"), "\(drop)")
        #expect(page.contains("Этап «Поиск» переименован в «Поиск решения»"))
        #expect(!page.contains("Удалён этап"), "a renamed stage is no removal")
        #expect(page.contains("Первая версия."))
        // The curve over the last version with another one.
        #expect(page.contains("class=\"tropa-chart tropa-history\""))
        // Each column named under it, a long name on two lines.
        #expect(page.contains(">Оплата</text>") && page.contains(">Выбор</text>"))
        #expect(page.contains(">Поиск</tspan><tspan x=\"88\" dy=\"13\">решения</tspan></text>"), "\(page)")
        let mapPage = try String(contentsOfFile: output + "/map/index.html", encoding: .utf8)
        #expect(mapPage.contains("<a href=\"history/index.html\">История карты</a>"))

        // No change: up to date, git asked only for its commit. A new commit builds again.
        #expect(try Self.build(site, git: GitCommand(folder: site)).0.upToDate)
        try repo.git("commit", "-q", "--allow-empty", "-m", "Another", day: 7)
        #expect(try !Self.build(site, git: GitCommand(folder: site)).0.upToDate)
    }

    /// A commit that changed only a map's measurements file is a version of the map, listing the rows that changed;
    /// the file is followed through a rename; its commits before the map named it are none of the map's.
    @Test func commitsOfTheMeasurementsAreVersionsOfTheMap() throws {
        let repo = try Folder.repository()
        let rows = "Дата,Этап,Метрика,Значение\n2024-02-01,Поиск,Конверсия,28%\n2024-03-01,Поиск,Конверсия,30%\n"
            + "2024-03-01,Выбор,Конверсия,12%\n"
        func map(_ csv: String) -> String { "---\ntitle: Карта\nmeasurements: \(csv)\n---\n\n" + Self.search + Self.choice }
        try repo.commit(["tropa.yml": "language: ru\n", "content/data.csv": rows], "Rows before the map", day: 1)
        try repo.commit(["content/map.md": map("data.csv")], "The map", day: 2)
        try repo.commit(["content/data.csv": rows + "2024-04-01,Поиск,Конверсия,35%\n"], "April <b>measured</b>", day: 3)
        try repo.git("mv", "content/data.csv", "content/zamery.csv")
        try repo.commit(["content/map.md": map("zamery.csv"),
                         "content/zamery.csv": rows.replacingOccurrences(of: "Выбор,Конверсия,12%", with: "Выбор,Конверсия,14%")
                            + "2024-04-01,Поиск,Конверсия,35%\n"], "Both renamed, March corrected", day: 4)
        try repo.commit(["content/map.md": map("zamery.csv").replacingOccurrences(of: "title: Карта", with: "title: Карта дивана")],
                        "Retitled", day: 5)

        let history = try #require(try GitCommand(folder: repo.path).history(of: ["content/map.md", "content/zamery.csv"]))
        let measured = try #require(history.versions["content/zamery.csv"])
        #expect(measured.map(\.subject) == ["Both renamed, March corrected", "April <b>measured</b>", "Rows before the map"])
        #expect(measured.map(\.path) == ["content/zamery.csv", "content/data.csv", "content/data.csv"])

        let (result, output) = try Self.build(repo.path, git: GitCommand(folder: repo.path))
        #expect(result.outputPath != nil, "\(result.check.diagnostics)")
        let page = try String(contentsOfFile: output + "/map/history/index.html", encoding: .utf8)
        let subjects = ["Retitled", "Both renamed, March corrected", "April &lt;b&gt;measured&lt;/b&gt;", "The map"]
        let places = subjects.map { page.range(of: "</code> " + $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && places.map { $0! } == places.map { $0! }.sorted(), "newest first:\n\(page)")
        #expect(!page.contains("Rows before the map"))
        // What each commit changed, between its subject and the next one's.
        func changes(_ index: Int) -> String {
            String(page[places[index]!..<(index + 1 < places.count ? places[index + 1]! : page.endIndex)])
        }
        #expect(changes(0).contains("Название: «Карта» → «Карта дивана»") && !changes(0).contains("замер"), "\(changes(0))")
        #expect(changes(1).contains("«Выбор», замер 1 марта 2024: Конверсия 12\u{A0}% → 14\u{A0}%"), "\(changes(1))")
        #expect(changes(2).contains("«Поиск», замер 1 апреля 2024: Конверсия — → 35\u{A0}%"), "\(changes(2))")
        #expect(!changes(2).contains("замер 1 марта"), "only the row added")
    }

    static let rows = "Дата,Этап,Метрика,Значение\n2024-03-01,Поиск,Конверсия,30%\n2024-03-01,Поиск,NPS,10\n"
        + "2024-03-01,Выбор,Конверсия,12%\n2024-03-01,Выбор,NPS,5\n"

    static func measuredMap(_ csv: String) -> String {
        "---\ntitle: Карта\nmeasurements: \(csv)\n---\n\n" + search + choice
    }

    /// The history page of `content/map.md` built from `repo`, and the text of each version, newest first.
    static func historyVersions(_ repo: Folder) throws -> [String] {
        let (result, output) = try build(repo.path, git: GitCommand(folder: repo.path))
        #expect(result.outputPath != nil, "\(result.check.diagnostics)")
        let page = try String(contentsOfFile: output + "/map/history/index.html", encoding: .utf8)
        return page.components(separatedBy: "<p class=\"version\">").dropFirst().map { $0.components(separatedBy: "</ol>")[0] }
    }

    /// Rows added on two branches and merged: each commit lists its own rows alone, counted from its parent, not
    /// from the commit before it in the log (the other branch's); the merge is no version.
    @Test func eachCommitIsCountedFromItsParent() throws {
        let repo = try Folder.repository()
        try repo.commit(["tropa.yml": "language: ru\n", "content/map.md": Self.measuredMap("data.csv"), "content/data.csv": Self.rows],
                        "The map", day: 1)
        try repo.git("checkout", "-q", "-b", "may")
        try repo.commit(["content/data.csv": Self.rows + "2024-05-01,Поиск,Конверсия,40%\n"], "May", day: 2)
        try repo.git("checkout", "-q", "main")
        try repo.commit(["content/data.csv": Self.rows.replacingOccurrences(of: "Значение\n", with: "Значение\n2024-02-01,Выбор,Конверсия,10%\n")],
                        "February", day: 3)
        try repo.git("merge", "-q", "--no-edit", "-m", "Merge may", "may", day: 4)
        let versions = try Self.historyVersions(repo)
        #expect(versions.count == 3, "\(versions)")
        let may = try #require(versions.first { $0.contains("</code> May") })
        let february = try #require(versions.first { $0.contains("</code> February") })
        #expect(may.contains("замер 1 мая 2024") && !may.contains("февраля"), "\(may)")
        #expect(february.contains("замер 1 февраля 2024") && !february.contains("мая"), "\(february)")
        #expect(!versions.contains { $0.contains("Merge may") })
    }

    /// A map that names another measurements file, with no rename git could follow: the new file's commits while
    /// the map named the old one are none of the map's, and the commit that switched reads the old file's rows
    /// before it, so that rows copied over are no change.
    @Test func aMapThatSwitchesItsMeasurementsFile() throws {
        let repo = try Folder.repository()
        try repo.commit(["tropa.yml": "language: ru\n", "content/map.md": Self.measuredMap("old.csv"), "content/old.csv": Self.rows],
                        "The map", day: 1)
        try repo.commit(["content/new.csv": "Дата,Этап,Метрика,Значение\n2023-01-01,Поиск,Конверсия,5%\n"], "A draft of the new file", day: 2)
        try repo.commit(["content/map.md": Self.measuredMap("new.csv"), "content/new.csv": Self.rows + "2024-04-01,Поиск,Конверсия,35%\n"],
                        "Switch to the new file", day: 3)
        let versions = try Self.historyVersions(repo)
        #expect(versions.count == 2, "\(versions)")
        #expect(!versions.contains { $0.contains("A draft of the new file") })
        let switched = try #require(versions.first)
        #expect(switched.contains("замер 1 апреля 2024: Конверсия — → 35"), "\(switched)")
        #expect(!switched.contains("1 марта 2024"), "the rows copied over are no change: \(switched)")
    }

    /// An update after the map is edited and not committed reads the versions of the maps it builds alone, and of
    /// the measurements files: the page keeps the commits of its measurements.
    @Test func anUpdateKeepsTheMeasurementsHistory() throws {
        let repo = try Folder.repository()
        try repo.commit(["tropa.yml": "language: ru\n", "content/map.md": Self.measuredMap("data.csv"), "content/data.csv": Self.rows],
                        "The map", day: 1)
        try repo.commit(["content/data.csv": Self.rows + "2024-04-01,Поиск,Конверсия,35%\n"], "April", day: 2)
        let full = try Self.historyVersions(repo)
        #expect(full.count == 2)
        try repo.write("content/map.md", Self.measuredMap("data.csv").replacingOccurrences(of: "title: Карта", with: "title: Карта поиска"))
        let (update, output) = try Self.build(repo.path, git: GitCommand(folder: repo.path))
        #expect(update.update?.maps == 1)
        let page = try String(contentsOfFile: output + "/map/history/index.html", encoding: .utf8)
        #expect(page.components(separatedBy: "<p class=\"version\">").count - 1 == full.count)
        #expect(page.contains("«Поиск», замер 1 апреля 2024: Конверсия — → 35"))
    }

    /// Every version's bytes as committed, a version larger than the piece git's output is read in (1 MB) too.
    @Test func versionsAreReadByteForByte() throws {
        let repo = try Folder.repository()
        let small = Self.map([Self.search])
        let large = Self.map([Self.search] + (1...10_000).map { Self.stage("Этап \($0)", items: ["Шаг \($0)"]) })
        #expect(large.utf8.count > 1 << 20)
        for (day, text) in [small, large, small + "\n"].enumerated() {
            try repo.commit(["content/map.md": text], "Version \(day + 1)", day: day + 1)
        }
        let history = try #require(try GitCommand(folder: repo.path).history(of: ["content/map.md"]))
        let versions = try history.read(try #require(history.versions["content/map.md"]))
        #expect(versions.map { String(decoding: $0.bytes, as: UTF8.self) } == [small + "\n", large, small])
    }

    /// A file name that git writes quoted (a `"`, a backslash, a tab) is read back as it is, a rename of one too.
    @Test func quotedPathsAreFollowed() throws {
        let repo = try Folder.repository()
        let (old, new) = ("content/цитата \"да\" \\ нет.md", "content/цитата\t\"два\".md")
        try repo.commit([old: Self.map([Self.search])], "First")
        try repo.git("mv", old, new)
        try repo.write(new, Self.map([Self.search, Self.choice]))
        try repo.git("commit", "-q", "-am", "Renamed", day: 2)
        #expect(try repo.git("-c", "core.quotePath=false", "log", "--raw", "-M", "--format=").contains("\"content/цитата\\t\\\"два\\\".md\""))
        let history = try #require(try GitCommand(folder: repo.path).history(of: [new]))
        let versions = try history.read(try #require(history.versions[new]))
        #expect(versions.map(\.subject) == ["Renamed", "First"])
        #expect(versions.map(\.path) == [new, old])
        #expect(versions.map { String(decoding: $0.bytes, as: UTF8.self) } == [Self.map([Self.search, Self.choice]), Self.map([Self.search])])
        #expect(Array(GitCommand.unquoted(Array("\"a\\303\\251\\\\b\\q\"".utf8)[...])) == Array("aé\\bq".utf8))
    }

    /// `git log --raw` read line by line: a change, a rename followed back to the old name and its addition, a map
    /// moved in from outside the site followed only inside it, a file outside the site and one deleted left out, a
    /// line of another form (a merge's combined one) skipped, and a name git keeps composed (`й`) found for a map
    /// whose file name is decomposed (`и` and a combining breve, as a Mac keeps a name typed so).
    @Test func theLogIsReadLineByLine() throws {
        let log = "\u{1E}c3 300\u{1F}Third\n\n:100644 100644 a1 b3 M\tsite/content/map.md\n:100644 100644 a2 b4 M\tother.md\n"
            + "::100644 100644 100644 a1 a2 b5 MM\tsite/content/map.md\n:100644 000000 a3 000 D\tsite/content/gone.md\n"
            + ":100644 100644 a5 m3 M\tsite/content/\u{43C}\u{43E}\u{439}.md\n"
            + "\u{1E}c2 200\u{1F}Second\n\n:100644 100644 a4 b2 R090\tsite/content/old.md\tsite/content/map.md\n"
            + ":100644 100644 a6 i2 R100\tdrafts/in.md\tsite/content/in.md\n"
            + "\u{1E}c1 100\u{1F}\n\n:000000 100644 000 b1 A\tsite/content/old.md\n:000000 100644 000 i1 A\tdrafts/in.md"
        let decomposed = "content/\u{43C}\u{43E}\u{438}\u{306}.md"
        let versions = GitCommand.versions(log: Array(log.utf8), prefix: "site/",
                                           files: ["content/map.md", "content/gone.md", "content/in.md", decomposed])
        #expect(Set(versions.keys.map { Array($0.utf8) }) == Set(["content/map.md", "content/in.md", decomposed].map { Array($0.utf8) }))
        let map = try #require(versions["content/map.md"])
        #expect(map.map(\.commit) == ["c3", "c2", "c1"])
        #expect(map.map(\.time) == [300, 200, 100])
        #expect(map.map(\.subject) == ["Third", "Second", ""])
        #expect(map.map(\.path) == ["content/map.md", "content/map.md", "content/old.md"])
        #expect(map.map(\.blob) == ["b3", "b2", "b1"])
        #expect(map.map(\.place) == [0, 1, 2], "each commit's place in the log")
        #expect(versions["content/in.md"]?.map(\.blob) == ["i2"])
        #expect(versions.first { Array($0.key.utf8) == Array(decomposed.utf8) }?.value.map(\.blob) == ["m3"])
        #expect(GitCommand.versions(log: Array(log.utf8), prefix: "site/", files: ["content/map.md"], keeping: []).isEmpty)
    }

    /// The history is that of the commit the build read first (its record names it), not of one made since.
    @Test func theHistoryIsThatOfTheCommitRead() throws {
        let repo = try Folder.repository()
        try repo.commit(["content/map.md": Self.map([Self.search])], "First")
        let git = GitCommand(folder: repo.path), head = try #require(try git.head())
        try repo.commit(["content/map.md": Self.map([Self.choice])], "Second", day: 2)
        let history = try #require(try git.history(at: head, of: ["content/map.md"], keeping: nil, log: nil))
        #expect(history.commit == head.commit)
        #expect(history.versions["content/map.md"]?.map(\.subject) == ["First"])
        #expect(try git.history(of: ["content/map.md"])?.versions["content/map.md"]?.map(\.subject) == ["Second", "First"])
    }

    /// The versions of some maps kept, the others' renames are followed all the same: a new map, not committed yet,
    /// under the name another map had before its rename has no versions, as in the whole site's history.
    @Test func anOldNameTakenByANewMapStaysTheRenamedMaps() throws {
        let repo = try Folder.repository()
        try repo.commit(["content/old.md": Self.map([Self.search])], "First")
        try repo.git("mv", "content/old.md", "content/new.md")
        try repo.commit([:], "Renamed", day: 2)
        try repo.write("content/old.md", Self.map([Self.choice]))
        let git = GitCommand(folder: repo.path), maps = ["content/new.md", "content/old.md"]
        let whole = try #require(try git.history(of: maps)).versions
        #expect(whole.mapValues { $0.map(\.subject) } == ["content/new.md": ["Renamed", "First"]])
        let head = try #require(try git.head())
        #expect(try git.history(at: head, of: maps, keeping: ["content/old.md"], log: nil)?.versions.isEmpty == true)
        #expect(try git.history(at: head, of: maps, keeping: ["content/new.md"], log: nil)?.versions == whole)
    }

    /// Blobs asked in several questions come back in order: one asked twice, and one git does not have (nil).
    @Test func versionsAreAskedOfOneGitInParts() throws {
        let repo = try Folder.repository()
        let texts = (1...3).map { Self.map([Self.stage("Этап \($0)", items: ["Шаг"])]) }
        for (day, text) in texts.enumerated() {
            try repo.commit(["content/map.md": text], "v\(day)", day: day + 1)
        }
        let history = try #require(try GitCommand(folder: repo.path).history(of: ["content/map.md"]))
        let blobs = try #require(history.versions["content/map.md"]).compactMap(\.blob)
        #expect(blobs.count == 3)
        let unknown = String(repeating: "0", count: 40)
        let asked = [blobs[2], unknown, blobs[1], blobs[0], blobs[2]]
        // Two ids of 41 bytes a question.
        let bytes = try GitCatFile(folder: repo.path, questionBytes: 90).bytes(of: asked)
        #expect(bytes == [Array(texts[0].utf8), nil, Array(texts[1].utf8), Array(texts[2].utf8), Array(texts[0].utf8)])
        // More than a pipe holds (3,000 × 41 bytes), answered more than a pipe holds: asked whole, both would wait.
        let many = try GitCatFile(folder: repo.path).bytes(of: Array(repeating: blobs[0], count: 3_000))
        #expect(many.count == 3_000 && many.allSatisfy { $0 == Array(texts[2].utf8) })
    }

    /// A git that was killed is started again and asked what it did not answer; one that cannot answer at all (no
    /// repository here) is an error, not versions without bytes.
    @Test func aGitThatStopsAnsweringIsStartedAgainOrTold() throws {
        let repo = try Folder.repository()
        let text = Self.map([Self.search])
        try repo.commit(["content/map.md": text], "One")
        let blob = try repo.git("rev-parse", "HEAD:content/map.md").trimmingCharacters(in: .whitespacesAndNewlines)
        let objects = GitCatFile(folder: repo.path)
        #expect(try objects.bytes(of: [blob]) == [Array(text.utf8)])
        let killed = Process()
        killed.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        killed.arguments = ["-f", "git -C \(repo.path) cat-file --batch"]
        try killed.run()
        killed.waitUntilExit()
        #expect(killed.terminationStatus == 0, "no git was running to kill")
        #expect(try objects.bytes(of: [blob, blob]) == [Array(text.utf8), Array(text.utf8)])

        let folder = Folder()
        let error = #expect(throws: SiteError.self) { try GitCatFile(folder: folder.path).bytes(of: [blob]) }
        #expect(error?.message == .gitStopped)
    }

    /// A build whose git stops answering fails, and writes nothing: its history pages would be made from nothing.
    @Test func aBuildWhoseGitStopsAnsweringWritesNothing() throws {
        let repo = try Self.repository()
        let site = repo.path + "/site"
        struct Stopped: GitObjects {
            func bytes(of blobs: [String]) throws -> [[UInt8]?] { throw SiteError(.gitStopped) }
        }
        let git = CountingGit(GitCommand(folder: site))
        git.replacement = Stopped()
        let error = #expect(throws: SiteError.self) { try Self.build(site, git: git) }
        #expect(error?.message == .gitStopped)
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    /// A map edited but not committed updates its own pages: its versions alone are kept and their bytes asked of git.
    @Test func anUpdateAsksGitForTheChangedMapsVersionsOnly() throws {
        let repo = try Self.twoMaps()
        try repo.commit(["content/one.md": Self.map([Self.search, Self.payment]),
                         "content/two.md": Self.map([Self.choice, Self.payment])], "Both again", day: 2)
        let git = CountingGit(GitCommand(folder: repo.path))
        let (full, output) = try Self.build(repo.path, git: git)
        #expect(full.outputPath != nil && full.update == nil)
        #expect(git.asked.count == 4)
        #expect(git.kept == [nil] && git.logGiven == [false])
        // The log git gave is kept beside the record.
        let head = try #require(try git.head())
        let log = try #require(OutputWriter(fileSystem: DiskFileSystem(), output: output).keptLog(at: head))
        #expect(String(decoding: log, as: UTF8.self).contains("Both again"))

        try repo.write("content/two.md", Self.map([Self.choice]))
        (git.asked, git.kept, git.logGiven) = ([], [], [])
        let (update, _) = try Self.build(repo.path, git: git)
        #expect(update.update?.maps == 1)
        #expect(git.kept == [["content/two.md"]])
        #expect(git.logGiven == [true], "the kept log is taken: git is not asked for it")
        let versions = try #require(try GitCommand(folder: repo.path).history(of: ["content/two.md"])?.versions["content/two.md"])
        #expect(git.asked.sorted() == versions.compactMap(\.blob).sorted())
        let page = try String(contentsOfFile: output + "/two/history/index.html", encoding: .utf8)
        #expect(page.contains("Both again"))
    }

    /// An update that turns into a full build (the output lost a page, which an update finds only before it writes)
    /// reads the history again, every map's versions kept: the other map keeps its history page.
    @Test func anUpdateThatBecomesAFullBuildReadsEveryMapsVersions() throws {
        let repo = try Self.twoMaps()
        let git = CountingGit(GitCommand(folder: repo.path))
        let (_, first) = try Self.build(repo.path, git: git)
        try repo.write("content/two.md", Self.map([Self.choice + "### Боли\n\n- Долго.\n"]))
        try FileManager.default.removeItem(atPath: first + "/one/index.html")
        git.kept = []
        let (result, output) = try Self.build(repo.path, git: git)
        #expect(result.outputPath != nil && result.update == nil)
        #expect(FileManager.default.fileExists(atPath: output + "/one/index.html"))
        #expect(git.kept == [["content/two.md"], nil])
        let page = try String(contentsOfFile: output + "/one/history/index.html", encoding: .utf8)
        #expect(page.contains("Both"))

        // A new commit: git is asked for the log, and the one kept is now that commit's.
        try repo.commit([:], "Pains", day: 2)
        (git.kept, git.logGiven) = ([], [])
        let (next, _) = try Self.build(repo.path, git: git)
        #expect(next.outputPath != nil && next.update == nil)
        #expect(git.logGiven == [false])
        let head = try #require(try git.head())
        let kept = try #require(OutputWriter(fileSystem: DiskFileSystem(), output: output).keptLog(at: head))
        #expect(String(decoding: kept, as: UTF8.self).contains("Pains"))
    }

    /// An output the build refuses (here the content folder) gets no log beside it, though the history was read.
    @Test func aRefusedOutputGetsNoLogBesideIt() throws {
        let repo = try Folder.repository()
        try repo.commit(["content/one.md": Self.map([Self.search])], "One")
        let builder = SiteBuilder(fileSystem: DiskFileSystem(), git: GitCommand(folder: repo.path))
        #expect(throws: SiteError.self) {
            try builder.build(root: repo.path, options: BuildOptions(output: repo.path + "/content"))
        }
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.content.tropa-history"))
        // Into an output it may write, the log is kept.
        _ = try builder.build(root: repo.path, options: BuildOptions(output: repo.path + "/public"))
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.public.tropa-history"))
    }

    /// A git whose objects count the blobs asked of them.
    final class CountingGit: GitReading, GitObjects, @unchecked Sendable {
        let git: GitCommand
        var objects: (any GitObjects)?
        /// Asked instead of git's own objects, when set.
        var replacement: (any GitObjects)?
        var asked: [String] = []
        let lock = NSLock()
        init(_ git: GitCommand) { self.git = git }
        func file(_ path: String, at revision: String) throws -> [UInt8]? { try git.file(path, at: revision) }
        func head() throws -> GitHead? { try git.head() }
        /// The maps whose versions were kept, each time the history was read, and whether a kept log was given.
        var kept: [Set<String>?] = []
        var logGiven: [Bool] = []
        func history(at head: GitHead, of files: [String], keeping kept: Set<String>?, log: [UInt8]?) throws -> GitHistory? {
            self.kept.append(kept)
            logGiven.append(log != nil)
            var history = try git.history(at: head, of: files, keeping: kept, log: log)
            objects = history?.objects
            history?.objects = self
            return history
        }
        func bytes(of blobs: [String]) throws -> [[UInt8]?] {
            lock.withLock { asked += blobs }
            return try (replacement ?? objects)?.bytes(of: blobs) ?? []
        }
    }

    @Test func aShallowCloneSaysSoAndBuildsWithoutHistory() throws {
        let repo = try Self.repository()
        let clone = Folder()
        try clone.git("clone", "-q", "--depth", "1", "file://" + repo.path, clone.path + "/repo")
        let site = clone.path + "/repo/site"
        let (result, output) = try Self.build(site, git: GitCommand(folder: site))
        #expect(result.outputPath != nil)
        #expect(result.notes == [.shallowHistory])
        #expect(!FileManager.default.fileExists(atPath: output + "/map/history/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/map/index.html"))
    }

    @Test func noGitAtAll() throws {
        let folder = Folder()
        try folder.write("content/map.md", Self.map([Self.search]))
        // A folder outside any repository (the temporary folder is in none).
        #expect(try GitCommand(folder: folder.path).head() == nil)
        let (result, output) = try Self.build(folder.path, git: GitCommand(folder: folder.path))
        #expect(result.outputPath != nil && result.notes.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output + "/map/history"))
        // And with history turned off inside a repository.
        let repo = try Self.repository()
        let (off, offOutput) = try Self.build(repo.path + "/site", git: nil)
        #expect(off.outputPath != nil)
        #expect(!FileManager.default.fileExists(atPath: offOutput + "/map/history"))
    }
}
