import Foundation
import Testing
import TropaTesting

/// `tropa report`: the evaluation on standard output, problems on standard error, nothing written anywhere.
@Suite struct CLIReportTests {
    @Test func jsonOfTheDemoSiteNamesTheWeakestStageOfTheECommerceMap() throws {
        let output = try TropaProcess.run(["report", TropaProcess.packageRoot.path, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let maps = try #require(object?["maps"] as? [[String: Any]])
        let map = try #require(maps.first { $0["slug"] as? String == "ecommerce/robot-pylesos" })
        #expect(map["weakest_stage"] as? String == "Выбор")
        #expect(map["evidence"] as? String == "analytics")
        let stages = try #require(map["stages"] as? [[String: Any]])
        #expect(stages.count == 7)
        #expect(stages.allSatisfy { $0["conversion"] is Double && $0["nps"] is Double && $0["quadrant"] is String })
    }

    @Test func markdownIsForAJobSummary() throws {
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n", "content/karta.md": RenderBuild.russianMap(
            title: "Карта | с <b>трубой</b>",
            body: RenderBuild.stage("Поиск", extra: "### Метрики\n- Конверсия: 40%\n- NPS: 10\n\n")
                + RenderBuild.stage("Покупка", extra: "### Метрики\n- Конверсия: 80%\n- NPS: 30\n\n"))])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["report", site.path, "--format", "markdown"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("### Карта \\| с &lt;b&gt;трубой&lt;/b&gt;\n"))
        #expect(output.stdout.contains("| 1\\. Поиск | 40\u{00A0}% | 100\u{00A0}% | 10 | 0 | Менять всё |\n"))
        #expect(output.stderr.isEmpty)
        let english = try TropaProcess.run(["report", site.path, "--format", "markdown", "--lang", "en"])
        #expect(english.stdout.contains("| 1\\. Поиск | 40% | 100% | 10 | 0 |"), "\(english.stdout)")
        #expect(!english.stdout.contains("Менять всё"))
    }

    @Test func aSiteWithErrorsPrintsNoReport() throws {
        let site = try TropaProcess.temporarySite(["content/karta.md": "---\ntitle: Без этапов\n---\n\nТекст.\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["report", site.path])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("[no-stages]"))
    }
}

/// Every author-controlled field is escaped in every format of the report: the hostile fixture site's titles,
/// stage names and figures give no markup in Markdown, no control character in text, and valid JSON.
@Suite struct CLIReportEscapingTests {
    static let hostile = TropaProcess.packageRoot.appendingPathComponent("Tests/Fixtures/sites/xss").path

    @Test func markdownHoldsNoMarkup() throws {
        let output = try TropaProcess.run(["report", Self.hostile, "--format", "markdown"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("&lt;img src=x onerror=window.\\_\\_xss=1&gt;"))
        for raw in ["<script", "<img", "<svg", "</title", "](javascript"] {
            #expect(!output.stdout.contains(raw), "\(raw)")
        }
        // Every table row has its six cells whatever the names hold: no `|` of an author's breaks out.
        let rows = output.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count >= 5)
        for row in rows {
            #expect(row.replacingOccurrences(of: "\\|", with: "").count { $0 == "|" } == 7, "\(row)")
        }
    }

    @Test func jsonAndTextCarryTheTextAsWritten() throws {
        let json = try TropaProcess.run(["report", Self.hostile, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let map = try #require((object?["maps"] as? [[String: Any]])?.first { $0["slug"] as? String == "journey" })
        #expect((map["weakest_stage"] as? String)?.hasPrefix("Stage <img src=x onerror=window.__xss=1>") == true)
        let text = try TropaProcess.run(["report", Self.hostile])
        #expect(text.status == 0)
        #expect(!text.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
