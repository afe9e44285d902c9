import Foundation
import Testing
@testable import TropaModel
import TropaTesting

/// `tropa check --format text|github|json` on a site with an error and a warning.
@Suite struct CLIOutputFormatTests {
    static let map = """
        ---
        title: Руководитель отдела продаж выбирает конструктор скриптов
        product: Lumus
        segmnet: B2B
        ---

        Карта по 12 интервью.

        ## Поиск решения

        ### Цель
        Найти способ улучшить текущие скрипты.

        ### Действия
        - Ищет статьи о скриптах продаж

        ### Эмоции
        0 Нейтрально: поиск решения — рабочая задача

        ### Точки контакта
        - Статья на vc.ru

        ### Метрики
        - Конверсия: 35%

        ## Выбор

        ### Цель
        Выбрать сервис.

        ### Ожидания
        - Смотрит демо

        ### Эмоцйи
        +1 Интерес

        """

    /// Runs `tropa check` with `arguments` on a fresh copy of the site.
    static func check(_ arguments: [String]) throws -> TropaProcess.Output {
        let site = try TropaProcess.temporarySite(["content/lumus.md": map])
        defer { try? FileManager.default.removeItem(at: site) }
        return try TropaProcess.run(["check", site.path] + arguments)
    }

    @Test func textShowsTheSourceLineACaretAndHelp() throws {
        let output = try Self.check([])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty, "problems go to standard error")
        #expect(output.stderr == """
            content/lumus.md:4:1: warning: unknown front-matter key "segmnet" [unknown-key]
               4 | segmnet: B2B
                 | ^
              help: did you mean "segment"?
            content/lumus.md:26:4: error: the stage "Выбор" lacks the required layer "Действия" [missing-layer]
               26 | ## Выбор
                  |    ^
              help: add "### Действия" to this stage
            content/lumus.md:34:5: error: unknown layer "Эмоцйи" in stage "Выбор" [unknown-layer]
               34 | ### Эмоцйи
                  |     ^
              help: did you mean "Эмоции"?
            checked 1 map and 0 personas: 2 errors and 1 warning in 1 file

            """)
    }

    /// Run from the repository's root, as a workflow runs, on the site in a folder of it: each annotation names its
    /// file from the root, where GitHub looks for it.
    @Test func githubPrintsOneAnnotationPerProblem() throws {
        let site = try TropaProcess.temporarySite(["content/lumus.md": Self.map])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["check", "./" + site.lastPathComponent + "/", "--format", "github"],
                                          in: site.deletingLastPathComponent())
        #expect(output.status == 1)
        #expect(output.stderr.isEmpty, "the annotations are the output")
        let file = site.lastPathComponent + "/content/lumus.md"
        #expect(output.stdout == """
            ::warning file=\(file),line=4,col=1,title=tropa%3A unknown-key::unknown front-matter key "segmnet" (did you mean "segment"?)
            ::error file=\(file),line=26,col=4,title=tropa%3A missing-layer::the stage "Выбор" lacks the required layer "Действия" (add "### Действия" to this stage)
            ::error file=\(file),line=34,col=5,title=tropa%3A unknown-layer::unknown layer "Эмоцйи" in stage "Выбор" (did you mean "Эмоции"?)

            """)
        // From the site's own folder, the paths are the site's.
        let inside = try TropaProcess.run(["check", "--format", "github"], in: site)
        #expect(inside.stdout.hasPrefix("::warning file=content/lumus.md,line=4,"))
        // In a workflow, from the repository's root wherever the command runs: the site's own folder, and a folder
        // inside it naming the site as `..`.
        let workspace = ["GITHUB_WORKSPACE": site.deletingLastPathComponent().path]
        let inWorkflow = try TropaProcess.run(["check", "--format", "github"], environment: workspace, in: site)
        #expect(inWorkflow.stdout == output.stdout)
        let below = site.appendingPathComponent("content")
        let fromBelow = try TropaProcess.run(["check", "..", "--format", "github"], environment: workspace, in: below)
        #expect(fromBelow.stdout == output.stdout)
    }

    @Test func jsonIsAnArrayOfDiagnostics() throws {
        let output = try Self.check(["--format", "json"])
        #expect(output.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 3)
        for entry in entries {
            #expect(Set(entry.keys) == ["file", "line", "column", "severity", "code", "message", "suggestion"])
            #expect(entry["file"] as? String == "content/lumus.md")
        }
        #expect(entries.map { $0["line"] as? Int } == [4, 26, 34])
        #expect(entries.map { $0["column"] as? Int } == [1, 4, 5])
        #expect(entries.map { $0["severity"] as? String } == ["warning", "error", "error"])
        #expect(entries.map { $0["code"] as? String } == ["unknown-key", "missing-layer", "unknown-layer"])
        #expect(entries[2]["message"] as? String == "unknown layer \"Эмоцйи\" in stage \"Выбор\"")
        #expect(entries[2]["suggestion"] as? String == "did you mean \"Эмоции\"?")
    }

    @Test func jsonOfAValidSiteIsAnEmptyArray() throws {
        let output = try TropaProcess.run(["check", Fixtures.site("valid-ru").path, "--format", "json"])
        #expect(output.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [Any])
        #expect(entries.isEmpty)
    }

    @Test func githubOfAValidSiteIsSilent() throws {
        let output = try TropaProcess.run(["check", Fixtures.site("valid-ru").path, "--format", "github"])
        #expect(output.status == 0)
        #expect(output.stdout.isEmpty)
    }

    @Test func jsonWritesNullWhenThereIsNoSuggestion() throws {
        // A product that is a list: a type error with nothing to suggest.
        let text = try String(contentsOf: Fixtures.invalid("front-matter-type.md"), encoding: .utf8)
            .replacingOccurrences(of: "product: Lumus\ndraft: может быть\n", with: "product: [Lumus, CRM]\n")
        let site = try TropaProcess.temporarySite(["content/crm.md": text])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["check", site.path, "--format", "json"])
        #expect(output.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["code"] as? String } == ["front-matter-type"])
        #expect(entries.first?["suggestion"] is NSNull)
        #expect(output.stdout.contains("\"suggestion\" : null"))
    }

    @Test func anInvalidEncodingIsReportedWithoutItsLine() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.copyItem(at: Fixtures.invalid("invalid-encoding.md"),
                                         to: site.appendingPathComponent("content/cp1251.md"))
        let output = try TropaProcess.run(["check", site.path])
        #expect(output.status == 1)
        #expect(output.stderr == """
            content/cp1251.md:2:8: error: the file is not UTF-8 text [invalid-encoding]
              help: save it as UTF-8 (for example, from Windows-1251 with iconv -f cp1251 -t utf-8)
            checked 0 maps and 0 personas: 1 error in 1 file

            """)
    }
}
