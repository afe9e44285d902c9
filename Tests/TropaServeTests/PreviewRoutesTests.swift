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
            let page = try #require(html(PreviewRoutes.resolve(path, in: preview)), "\(path)")
            #expect(page.contains(PreviewRoutes.reloadScript + "</body>"))
            let built = String(decoding: try #require(preview.pages[String(path.dropFirst()) + "index.html"]), as: UTF8.self)
            #expect(!built.contains("EventSource"), "tropa build output never carries the script")
            #expect(page.replacingOccurrences(of: PreviewRoutes.reloadScript, with: "") == built)
        }
    }

    @Test func otherFilesAreServedAsBuilt() throws {
        let preview = try preview()
        #expect(PreviewRoutes.resolve("/lumus/skripty/emotions.svg", in: preview)
            == .page(bytes: try #require(preview.pages["lumus/skripty/emotions.svg"]), contentType: "image/svg+xml"))
        #expect(PreviewRoutes.resolve("/lumus/skripty/outline.opml", in: preview)
            == .page(bytes: try #require(preview.pages["lumus/skripty/outline.opml"]),
                     contentType: "text/x-opml; charset=utf-8"))
        #expect(PreviewRoutes.resolve("/img/логотип.png", in: preview)
            == .file(path: "/site/content/img/логотип.png", contentType: "image/png"))
    }

    @Test func aFolderWithoutItsSlashRedirects() throws {
        #expect(PreviewRoutes.resolve("/lumus/skripty", in: try preview())
            == .redirect("/lumus/skripty/"))
    }

    @Test func anUnknownPathIsNotFound() throws {
        guard case .notFound(let page) = PreviewRoutes.resolve("/nope/<x>", in: try preview()) else {
            Issue.record("expected a 404 page")
            return
        }
        #expect(page.contains("/nope/&lt;x&gt;"))
        #expect(!page.contains("<x>"))
        // Only what the build made, and the content folder's own files, are served: nothing above them.
        for path in ["/../tropa.yml", "/tropa.yml", "/content/lumus/skripty.md", "/img/../../tropa.yml"] {
            guard case .notFound = PreviewRoutes.resolve(path, in: try preview()) else {
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
            guard case .overlay(let page) = PreviewRoutes.resolve(path, in: broken, language: .en) else {
                Issue.record("expected the overlay at \(path)")
                continue
            }
            #expect(page.contains("<html lang=\"en\">") && page.contains("<h1>The site cannot be built</h1>"))
            #expect(page.contains("content/lumus/skripty.md:28:5: error: unknown layer &quot;Эмоцйи&quot;"))
            #expect(page.contains("### Эмоцйи&lt;b&gt;"), "the quoted line, escaped")
            #expect(page.contains("did you mean &quot;Эмоции&quot;?"))
            #expect(!page.contains("Эмоцйи<b>"))
            #expect(page.contains(PreviewRoutes.reloadScript))
            #expect(!page.contains("class=\"cjm\""))
        }
    }

    /// The demo site says `language: ru`: without `--lang` the overlay speaks it.
    @Test func theOverlayIsInTheSitesLanguage() throws {
        let broken = try preview { memory in
            let path = "/site/content/lumus/skripty.md"
            let text = try #require(memory.text(at: path)).replacingOccurrences(of: "### Эмоции", with: "### Эмоцйи")
            try memory.write(Array(text.utf8), to: path)
        }
        guard case .overlay(let page) = PreviewRoutes.resolve("/", in: broken) else {
            Issue.record("expected the overlay")
            return
        }
        #expect(page.contains("<html lang=\"ru\">") && page.contains("<h1>Сайт не собирается</h1>"))
        #expect(page.contains("content/lumus/skripty.md:28:5: ошибка: в этапе «"))
        #expect(page.contains("неизвестный слой «Эмоцйи» [unknown-layer]"))
        #expect(page.contains("подсказка: может быть, «Эмоции»?"))
        #expect(page.contains("Исправьте файлы и сохраните: страница обновится сама."))
        guard case .notFound(let missing) = PreviewRoutes.resolve("/nowhere", in: try preview()) else {
            Issue.record("expected 404")
            return
        }
        #expect(missing.contains("<h1>Страница не найдена</h1><p>По адресу /nowhere страницы нет."))
    }

    /// `serve --strict` fails on a warning alone; the overlay's last line says that `--strict` made it fail.
    @Test func theOverlaySaysWhenStrictFailedOnWarnings() throws {
        let memory = try RenderFixtures.memory("ru-persona")
        let path = "/site/content/personas/rop.md"
        try memory.write(Array((try #require(memory.text(at: path)) + "\n## Страхи\n- Потерять клиентов\n").utf8), to: path)
        let strict = try SiteBuilder(fileSystem: memory).preview(root: RenderBuild.root, options: BuildOptions(strict: true))
        guard case .overlay(let page) = PreviewRoutes.resolve("/", in: strict, language: .en) else {
            Issue.record("expected the overlay")
            return
        }
        #expect(page.contains("warning: unknown persona section &quot;Страхи&quot; [unknown-section]"))
        #expect(page.contains("checked: 1 warning in 1 file; --strict takes warnings as errors"))
    }

    @Test func aFailedReadIsShownToo() throws {
        let failed = SitePreview(failure: SiteError(.noContentFolder("site/content")), previous: try preview())
        guard case .overlay(let page) = PreviewRoutes.resolve("/", in: failed) else {
            Issue.record("expected the overlay")
            return
        }
        #expect(page.contains("error: no content folder: site/content"))
    }
}
