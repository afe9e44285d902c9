import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
@testable import TropaServe
import TropaTesting

/// What `tropa serve` answers to each path, from a preview built in memory.
@Suite struct PreviewRoutesTests {
    private let formatter = DiagnosticFormatter(format: .text)

    private func preview(_ change: ((MemoryFileSystem) throws -> Void)? = nil) throws -> SitePreview {
        let memory = try RenderFixtures.memory("ru-persona")
        try memory.write(Array("PNG".utf8), to: "/site/content/img/логотип.png")
        try change?(memory)
        return try SiteBuilder(fileSystem: memory).preview(root: RenderBuild.root)
    }

    private func html(_ response: PreviewResponse) -> String? {
        guard case .page(let bytes, let type) = response, type.hasPrefix("text/html") else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aFolderServesItsIndexWithTheReloadScript() throws {
        let preview = try preview()
        for path in ["/", "/lumus/skripty/"] {
            let page = try #require(html(PreviewRoutes.resolve(path, in: preview, formatter: formatter)), "\(path)")
            #expect(page.contains(PreviewRoutes.reloadScript + "</body>"))
            let built = String(decoding: try #require(preview.pages[String(path.dropFirst()) + "index.html"]), as: UTF8.self)
            #expect(!built.contains("EventSource"), "tropa build output never carries the script")
            #expect(page.replacingOccurrences(of: PreviewRoutes.reloadScript, with: "") == built)
        }
    }

    @Test func otherFilesAreServedAsBuilt() throws {
        let preview = try preview()
        #expect(PreviewRoutes.resolve("/lumus/skripty/emotions.svg", in: preview, formatter: formatter)
            == .page(bytes: try #require(preview.pages["lumus/skripty/emotions.svg"]), contentType: "image/svg+xml"))
        #expect(PreviewRoutes.resolve("/lumus/skripty/outline.opml", in: preview, formatter: formatter)
            == .page(bytes: try #require(preview.pages["lumus/skripty/outline.opml"]),
                     contentType: "text/x-opml; charset=utf-8"))
        #expect(PreviewRoutes.resolve("/img/логотип.png", in: preview, formatter: formatter)
            == .file(path: "/site/content/img/логотип.png", contentType: "image/png"))
    }

    @Test func aFolderWithoutItsSlashRedirects() throws {
        #expect(PreviewRoutes.resolve("/lumus/skripty", in: try preview(), formatter: formatter)
            == .redirect("/lumus/skripty/"))
    }

    @Test func anUnknownPathIsNotFound() throws {
        guard case .notFound(let page) = PreviewRoutes.resolve("/nope/<x>", in: try preview(), formatter: formatter) else {
            Issue.record("expected a 404 page")
            return
        }
        #expect(page.contains("/nope/&lt;x&gt;"))
        #expect(!page.contains("<x>"))
        // Only what the build made, and the content folder's own files, are served: nothing above them.
        for path in ["/../tropa.yml", "/tropa.yml", "/content/lumus/skripty.md", "/img/../../tropa.yml"] {
            guard case .notFound = PreviewRoutes.resolve(path, in: try preview(), formatter: formatter) else {
                Issue.record("\(path) is served")
                continue
            }
        }
    }

    /// Every path shows the problems, where each came from and the suggestion, with nothing of the stale site.
    @Test func errorsReplaceEveryPage() throws {
        let broken = try preview { memory in
            let path = "/site/content/lumus/skripty.md"
            let text = try #require(memory.text(at: path)).replacingOccurrences(of: "### Эмоции", with: "### Эмоцйи<b>")
            try memory.write(Array(text.utf8), to: path)
        }
        for path in ["/", "/lumus/skripty/", "/lumus/skripty/emotions.svg"] {
            guard case .overlay(let page) = PreviewRoutes.resolve(path, in: broken, formatter: formatter) else {
                Issue.record("expected the overlay at \(path)")
                continue
            }
            #expect(page.contains("content/lumus/skripty.md:28:5: error: unknown layer &quot;Эмоцйи&quot;"))
            #expect(page.contains("### Эмоцйи&lt;b&gt;"), "the quoted line, escaped")
            #expect(page.contains("did you mean &quot;Эмоции&quot;?"))
            #expect(!page.contains("Эмоцйи<b>"))
            #expect(page.contains(PreviewRoutes.reloadScript))
            #expect(!page.contains("class=\"cjm\""))
        }
    }

    @Test func aFailedReadIsShownToo() throws {
        let failed = SitePreview(failure: SiteError("no content folder: site/content"), previous: try preview())
        guard case .overlay(let page) = PreviewRoutes.resolve("/", in: failed, formatter: formatter) else {
            Issue.record("expected the overlay")
            return
        }
        #expect(page.contains("error: no content folder: site/content"))
    }
}
