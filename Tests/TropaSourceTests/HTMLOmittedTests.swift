import Testing
@testable import TropaModel
@testable import TropaSource
import TropaTesting

/// Raw HTML that the pages leave out is said to be, in maps and personas, unless the site lets HTML through.
@Suite struct HTMLOmittedTests {
    static let map = Check.oneStage("""
        ### Цель
        Найти CRM,<br>быстро.
        <!-- заметка для себя -->

        <!-- c --><div>важный текст</div>

        ### Действия
        - Читает <b>обзоры</b> и <i>отзывы</i>

        ### Эмоции
        0 Спокойно

        """)

    @Test func eachBlockOnceAtItsFirstHTMLAndACommentAloneIsNot() throws {
        let result = try Check.site(["tropa.yml": "language: ru\n", "content/map.md": Self.map])
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message(in: .ru))" } == [
            "7:11 HTML «<br>» не попадёт на страницы",
            "10:1 HTML «<div>важный текст</div>» не попадёт на страницы",
            "13:10 HTML «<b>» не попадёт на страницы",
        ])
        #expect(result.diagnostics.allSatisfy { $0.code == .htmlOmitted && $0.severity == .warning })
        #expect(result.diagnostics.first?.suggestion(in: .ru)
            == "напишите это средствами Markdown или разрешите HTML в tropa.yml: «unsafe_html: true»")
    }

    @Test func aSiteThatLetsHTMLThroughIsNotWarned() throws {
        let result = try Check.site(["tropa.yml": "unsafe_html: true\n", "content/map.md": Self.map])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aPersonasHTMLIsWarnedOfToo() throws {
        let result = try Check.site(["content/map.md": Check.oneStage(Check.requiredLayers),
                                     "content/personas/p.md": "---\nname: Ольга\n---\n\nРаботает <span>в офисе</span>.\n"])
        #expect(result.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
            == ["content/personas/p.md:5:10 html-omitted"])
    }

    /// A link whose destination cmark empties is said to be, in a persona too; a site that lets HTML through keeps it.
    @Test func aLinkThePagesLeaveOutIsWarnedOf() throws {
        let map = Check.oneStage(Check.requiredLayers.replacingOccurrences(of: "Найти", with: "[Найти](javascript:go())"))
        let files = ["content/map.md": map,
                     "content/personas/p.md": "---\nname: Ольга\n---\n\nСм. [профиль](file:///home/olga).\n"]
        let result = try Check.site(files)
        #expect(result.diagnostics.map { "\($0.location.file) \($0.code.rawValue) \($0.message(in: .en))" } == [
            "content/map.md link-omitted the link to \"javascript:go()\" is left out of the pages: a page does not run what a link names",
            "content/personas/p.md link-omitted the link to \"file:///home/olga\" is left out of the pages: a page does not run what a link names",
        ])
        #expect(try Check.site(files.merging(["tropa.yml": "unsafe_html: true\n"]) { $1 }).diagnostics.isEmpty)
    }

    @Test(arguments: [("javascript:x", true), (" JAVASCRIPT:x", true), ("vbscript:x", true), ("file:///etc", true),
                      ("data:text/html,x", true), ("data:image/png;base64,x", false), ("DATA:image/webp,x", false),
                      ("https://x", false), ("mailto:a@b", false), ("../map.md", false), ("javascript", false)])
    func whatCmarkLeavesOut(url: String, leftOut: Bool) {
        #expect(MarkdownDocument.leftOut(url) == leftOut)
    }
}
