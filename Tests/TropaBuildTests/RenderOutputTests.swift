import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// Determinism and the safety of the output: what a build writes, where, and what it refuses to touch.
@Suite struct RenderOutputTests {
    // MARK: - determinism

    @Test(arguments: ["ru-persona", "en-multi", "custom-scale"])
    func twoBuildsAreByteIdentical(_ fixture: String) throws {
        let first = try RenderBuild.fixture(fixture)
        let second = try RenderBuild.fixture(fixture)
        #expect(!first.files.isEmpty)
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        for (path, bytes) in first.files {
            #expect(second.files[path] == bytes, "\(path) differs between two builds")
        }
        // Building again into the same folder replaces the output with the same bytes and leaves nothing behind.
        let again = try RenderBuild.build(first.fileSystem)
        #expect(again.files == first.files)
        // Only the record of the clean build and its facts stay beside the output; no staging or previous folder does.
        let leftovers = first.fileSystem.contents.keys.filter {
            $0.contains(".tropa-") && !$0.hasSuffix(".tropa-cache") && !$0.hasSuffix(".tropa-facts")
        }
        #expect(leftovers.isEmpty, "no staging or previous folder is left: \(leftovers)")
    }

    @Test func buildsOfManyMapsAreByteIdentical() throws {
        var files = ["tropa.yml": "language: ru\ntitle: Много карт\n",
                     "content/personas/p.md": "---\nname: Персона\n---\nОписание.\n"]
        for index in 0..<12 {
            files["content/группа \(index % 3)/карта \(index).md"] = RenderBuild.russianMap(
                title: "Карта \(index)", extraFrontMatter: "persona: p\nproduct: П\(index % 2)\nsegment: С\(index % 3)\n",
                body: RenderBuild.stage("Первый", score: "\(index % 5 - 2) Метка") + RenderBuild.stage("Второй"))
        }
        let first = try RenderBuild.site(files)
        let second = try RenderBuild.site(files)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.errors))")
        #expect(first.result.mapCount == 12)
        #expect(first.files == second.files)
        #expect(first.files["gruppa-0/karta-0/index.html"] != nil)
        // The catalogue groups by product, then segment, in a fixed order.
        let catalogue = try #require(first.text("index.html"))
        let products = catalogue.components(separatedBy: "<section class=\"product\">\n<h2>").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }
        #expect(products == ["П0", "П1"])
    }

    // MARK: - the output folder

    /// Real folders on disk: `checkTarget` resolves `..` and links against the actual file system.
    @Test func checkTargetRefusesTheSiteTheContentTheirAncestorsRootAndHome() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-render-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let content = site.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let link = base.appendingPathComponent("link-to-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site)
        let home = FileManager.default.homeDirectoryForCurrentUser.path

        func check(_ output: String) throws {
            try OutputWriter.checkTarget(output: output, site: site.path, content: content.path,
                                         templates: site.path + "/templates")
        }
        let refused = [
            site.path, site.path + "/", site.path + "/.", content.path, content.path + "/../content",
            site.path + "/templates", site.path + "/templates/out",
            site.path + "/public/..", base.path, base.deletingLastPathComponent().path, "/", home, home + "/",
            link.path, link.path + "/content",
        ]
        for output in refused {
            #expect(throws: SiteError.self, "output \(output) should be refused") { try check(output) }
        }
        let allowed = [
            site.path + "/public", site.path + "/content-public", base.path + "/site-public", base.path + "/si",
            base.path + "/out/deeper", link.path + "/public",
        ]
        for output in allowed {
            #expect(throws: Never.self, "output \(output) should be allowed") { try check(output) }
        }
        // The messages say why.
        do {
            try check(base.path)
            Issue.record("an ancestor of the site was accepted")
        } catch let error as SiteError {
            #expect(error.description.contains("an ancestor of"))
        }
        do {
            try check(content.path)
            Issue.record("the content folder was accepted")
        } catch let error as SiteError {
            #expect(error.description.contains("the content folder"))
        }
        do {
            try check(site.path + "/templates/out")
            Issue.record("a folder in the templates was accepted")
        } catch let error as SiteError {
            #expect(error.message.text(in: .ru).contains("в папке шаблонов следующая сборка опубликовала бы его как файлы темы"))
        }
    }

    /// A whole build on disk into the site folder is refused before anything is written.
    @Test func buildIntoTheSiteFolderOnDiskWritesNothing() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-render-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let source = RenderFixtures.site("en-multi")
        for path in try RenderFixtures.files(under: source) {
            let target = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(path), to: target)
        }
        let before = try RenderFixtures.files(under: base)
        let builder = SiteBuilder(fileSystem: DiskFileSystem())
        for output in [site.path, site.appendingPathComponent("content").path, base.path] {
            let error = #expect(throws: SiteError.self, "output \(output)") {
                try builder.build(root: site.path, options: BuildOptions(output: output))
            }
            #expect(error?.description.contains("refusing to write the site into") == true, "\(String(describing: error))")
        }
        #expect(try RenderFixtures.files(under: base) == before)
        // The default output is fine.
        let result = try builder.build(root: site.path)
        #expect(result.outputPath == site.appendingPathComponent("public").path)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/onboarding/index.html").path))
    }

    @Test func aBuildWithErrorsWritesNothingAndKeepsTheOutput() throws {
        let memory = try RenderBuild.memory([
            "/site/content/good.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/site/content/bad.md": "---\ntitle: Без этапов\n---\n\nТолько введение.\n",
            "/site/public/_tropa/style.css": "old style",
            "/site/public/index.html": "old catalogue",
            "/site/public/old/index.html": "old map",
        ])
        let before = memory.contents
        let built = try RenderBuild.build(memory)
        #expect(built.result.outputPath == nil)
        #expect(built.result.fileCount == 0)
        #expect(built.errors.map(\.code) == [.noStages])
        #expect(memory.contents == before, "nothing written, nothing removed")
    }

    @Test func strictBuildWithWarningsWritesNothing() throws {
        let memory = try RenderBuild.memory([
            "/site/content/warn.md": RenderBuild.russianMap(extraFrontMatter: "colour: red\n", body: RenderBuild.stage("Этап")),
        ])
        let strict = try RenderBuild.build(memory, options: BuildOptions(strict: true))
        #expect(strict.result.outputPath == nil)
        #expect(strict.diagnostics.map(\.code) == [.unknownKey])
        #expect(memory.contents.keys.allSatisfy { !$0.hasPrefix("site/public") })
        let lenient = try RenderBuild.build(memory)
        #expect(lenient.result.outputPath == RenderBuild.output)
        #expect(lenient.text("warn/index.html") != nil)
    }

    @Test func aFolderWithForeignFilesIsRefused() throws {
        let memory = try RenderBuild.memory([
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/site/public/notes.txt": "my notes",
            "/site/public/photos/cat.jpg": "meow",
        ])
        let before = memory.contents
        let error = #expect(throws: SiteError.self) { try SiteBuilder(fileSystem: memory).build(root: RenderBuild.root) }
        #expect(error?.description.contains("holds files tropa did not write") == true, "\(String(describing: error))")
        #expect(memory.contents == before)
        // Also into an explicit output folder.
        let other = try RenderBuild.memory([
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/elsewhere/index.html": "someone else's site",
        ])
        let otherBefore = other.contents
        #expect(throws: SiteError.self) {
            try SiteBuilder(fileSystem: other).build(root: RenderBuild.root, options: BuildOptions(output: "/elsewhere"))
        }
        #expect(other.contents == otherBefore)
    }

    @Test func aPreviousBuildIsReplacedWhole() throws {
        let memory = try RenderBuild.memory([
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/site/public/_tropa/style.css": "old style",
            "/site/public/removed-map/index.html": "a map that no longer exists",
        ])
        let built = try RenderBuild.build(memory)
        #expect(built.result.outputPath == RenderBuild.output)
        #expect(built.files["removed-map/index.html"] == nil)
        #expect(built.text("_tropa/style.css") == EmbeddedTheme.files["style.css"])
        #expect(built.text("map/index.html")?.contains("<h1>Карта</h1>") == true)
        #expect(Set(built.files.keys) == ["index.html", "dashboard/index.html", "_tropa/style.css",
                                          "map/index.html", "map/emotions.svg",
                                          "map/outline.opml", "map/outline.mm", "map/outline.md", "map/journey.mmd",
                                          "map/journey.json", "map/journey.csv", "maps.json"])
        #expect(built.result.fileCount == built.files.count)
    }

    /// An output folder inside content/ would feed the next build (each would copy the last one as static files):
    /// it is refused with a `SiteError` that says so, whether `output:` in tropa.yml or `--output` names it, and
    /// nothing is written.
    @Test(arguments: [("output: content/public\n", nil), ("", "/site/content/public"), ("", "/site/content/a/b")])
    func anOutputInsideContentIsRefused(config: String, option: String?) throws {
        let memory = try RenderBuild.memory([
            "/site/tropa.yml": config,
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
        ])
        let before = memory.contents
        let error = try #require(throws: SiteError.self) {
            try SiteBuilder(fileSystem: memory).build(root: RenderBuild.root, options: BuildOptions(output: option))
        }
        let output = option ?? "/site/content/public"
        #expect(error.description == "refusing to write the site into \(output): inside the content folder, "
                + "each build would copy the last one")
        #expect(memory.contents == before, "nothing written")
    }

    @Test func staticFilesUnderContentAreCopied() throws {
        let memory = try RenderBuild.memory([
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/site/content/docs/readme.txt": "прочти меня\n",
        ])
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80]
        try memory.write(image, to: "/site/content/img/logo.png")
        try memory.write([0xC3, 0x28], to: "/site/content/personas/photo.bin")
        let built = try RenderBuild.build(memory)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        #expect(built.files["img/logo.png"] == image, "bytes copied unchanged")
        #expect(built.text("docs/readme.txt") == "прочти меня\n")
        #expect(built.files["personas/photo.bin"] == [0xC3, 0x28])
        #expect(built.files["map.md"] == nil && built.files["content/map.md"] == nil, "maps are not copied")
    }

    /// The harness's own ground: a memory file system built from a dictionary finds its files by absolute paths,
    /// as the build's do (`/site/...`).
    @Test func memoryFileSystemFindsFilesItWasCreatedWith() throws {
        let memory = MemoryFileSystem(files: ["/site/content/map.md": "text", "site/tropa.yml": "title: X\n"])
        #expect(memory.text(at: "/site/content/map.md") == "text")
        #expect(memory.kind(at: "/site") == .directory)
        #expect(memory.kind(at: "/site/content/map.md") == .file)
        #expect(try memory.files(under: "/site") == ["content/map.md", "tropa.yml"])
        #expect(memory.text(at: "site/tropa.yml") == "title: X\n")
    }

    // MARK: - drafts

    static let draftSite = [
        "tropa.yml": "language: ru\n",
        "content/personas/p.md": "---\nname: Персона П\n---\nОписание.\n",
        "content/draft.md": RenderBuild.russianMap(title: "Черновая карта", extraFrontMatter: "persona: p\ndraft: true\n",
                                                   body: RenderBuild.stage("Этап")),
        "content/ready.md": RenderBuild.russianMap(title: "Готовая карта", extraFrontMatter: "persona: p\n",
                                                   body: RenderBuild.stage("Этап")),
    ]

    @Test func draftsAreLeftOutByDefault() throws {
        let built = try RenderBuild.site(Self.draftSite)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        #expect(built.result.mapCount == 1)
        #expect(built.text("ready/index.html") != nil)
        #expect(!built.files.keys.contains { $0.hasPrefix("draft/") }, "no file of the draft")
        for page in ["index.html", "personas/p/index.html"] {
            let html = try #require(built.text(page))
            #expect(html.contains("Готовая карта"), "\(page)")
            #expect(!html.contains("Черновая карта"), "\(page) mentions the draft")
            #expect(!html.contains("Черновик"), "\(page)")
        }
    }

    @Test func draftsAreIncludedWhenAsked() throws {
        let built = try RenderBuild.site(Self.draftSite, options: BuildOptions(includeDrafts: true))
        #expect(built.result.mapCount == 2)
        for file in ["index.html", "emotions.svg", "outline.opml", "outline.mm"] {
            #expect(built.text("draft/" + file) != nil, "draft/\(file)")
        }
        let page = try #require(built.text("draft/index.html"))
        #expect(page.contains("<h1>Черновая карта <span class=\"badge draft\">Черновик</span></h1>"))
        let catalogue = try #require(built.text("index.html"))
        #expect(catalogue.contains("<a class=\"card-link\" href=\"draft/index.html\">Черновая карта</a> <span class=\"badge draft\">Черновик</span>"))
        #expect(try #require(built.text("personas/p/index.html")).contains("<a href=\"../../draft/index.html\">Черновая карта</a>"))
    }

    // MARK: - templates

    @Test func aSiteTemplateOverridesTheTheme() throws {
        let built = try RenderBuild.site([
            "tropa.yml": "language: ru\n",
            "content/map.md": RenderBuild.russianMap(title: "Карта <1>", body: RenderBuild.stage("Этап")),
            "templates/journey.mustache": "<p>{{title}} / {{page.root}} / {{#stages}}{{name}}{{/stages}}</p>\n{{>mine}}",
            "templates/mine.mustache": "<b>{{page.words.map}}</b>\n",
            "templates/style.css": "body { color: red }\n",
            "templates/extra.css": "/* extra */\n",
        ])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        #expect(built.text("map/index.html") == "<p>Карта &lt;1&gt; / ../ / Этап</p>\n<b>Карта пути</b>\n")
        #expect(built.text("_tropa/style.css") == "body { color: red }\n")
        #expect(built.text("_tropa/extra.css") == "/* extra */\n")
        // Pages the site does not override keep the built-in theme.
        let catalogue = try #require(built.text("index.html"))
        #expect(catalogue.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(catalogue.contains("<a class=\"card-link\" href=\"map/index.html\">Карта &lt;1&gt;</a>"))
    }

    @Test func anOverriddenPartialIsUsedByBuiltInPages() throws {
        let built = try RenderBuild.site([
            "content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "templates/cell.mustache": "[cell]",
        ])
        let page = try #require(built.text("map/index.html"))
        #expect(page.contains("<td>[cell]</td>"))
        #expect(!page.contains("<ul class=\"items\">"))
    }

    @Test func aBrokenOverrideIsATemplateInvalidDiagnosticAtItsLine() throws {
        let memory = try RenderBuild.memory([
            "/site/content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "/site/templates/journey.mustache": "{{<base}}\n{{$content}}\n<h1>{{title}}</h1>\n{{#stages}}<p>{{name}}</p>{{/rows}}\n{{/content}}\n{{/base}}\n",
            "/site/public/_tropa/style.css": "old style",
        ])
        let before = memory.contents
        let built = try RenderBuild.build(memory)
        #expect(built.result.outputPath == nil)
        #expect(memory.contents == before, "the previous output is untouched")
        let diagnostic = try #require(built.diagnostics.first { $0.code == .templateInvalid }, "\(renderDescribe(built.diagnostics))")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "templates/journey.mustache")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.message(in: .ru) == "здесь закрывается не та секция: открыта «{{#stages}}» в строке 4")
        #expect(diagnostic.suggestion(in: .ru) == "сначала закройте её: {{/stages}}")
        #expect(built.result.check.sources["templates/journey.mustache"] != nil, "its text is kept to show the line")
        #expect(built.diagnostics.count == 1)
    }

    /// swift-mustache prints nothing for a partial it does not have: a site's template naming one is an error at it.
    @Test func aPartialTheThemeDoesNotHaveIsReported() throws {
        let card = try #require(EmbeddedTheme.files["card.mustache"])
        let built = try RenderBuild.site([
            "tropa.yml": "language: ru\n",
            "content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "templates/card.mustache": card + "\n  {{> nosuch}}{{> base}}\n",
        ])
        #expect(built.result.outputPath == nil)
        let line = card.count { $0 == "\n" } + 2
        #expect(built.diagnostics.found == [Found(.templateInvalid, .error, line, 3)])
        #expect(built.diagnostics.first?.message(in: .ru) == "шаблона «nosuch» нет: здесь ничего не выведется")
        #expect(built.diagnostics.first?.suggestion(in: .en).map { $0.hasPrefix("the theme's templates: analysis, base, card,") } == true)
    }

    /// A site's card may print the weakest stage's name and its conversion apart, as well as together.
    @Test func aCardTemplateHasTheWeakestStageAndItsConversionApart() throws {
        let built = try RenderBuild.site([
            "content/a.md": try #require(RenderBuild.cardsInPlace["content/a.md"]),
            "content/personas/rop.md": try #require(RenderBuild.cardsInPlace["content/personas/rop.md"]),
            "templates/card.mustache": "<li class=\"own\">{{weakestStageName}}|{{weakestConversion}}|{{weakestStage}}</li>\n",
        ])
        #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
        let page = try #require(built.text("tags/crm/index.html"))
        #expect(page.contains("<li class=\"own\">Покупка|20%|Покупка, 20%</li>"), "\(page)")
    }

    @Test func anUnclosedSectionInAnOverrideIsReported() throws {
        let built = try RenderBuild.site([
            "content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "templates/persona-card.mustache": "<aside>\n{{#sections}}\n<p>{{title}}</p>\n</aside>\n",
        ])
        #expect(built.result.outputPath == nil)
        let diagnostic = try #require(built.diagnostics.first, "no diagnostic")
        #expect(diagnostic.code == .templateInvalid)
        #expect(diagnostic.location.file == "templates/persona-card.mustache")
        #expect((1...5).contains(diagnostic.location.line))
        #expect(diagnostic.message(in: .en) == "the section \"{{#sections}}\" on line 2 is never closed")
        #expect(diagnostic.suggestion(in: .en) == "close it with {{/sections}} first")
    }

    /// Each way a template fails to parse is said in the site's words, never by the library's name for it.
    @Test(arguments: [
        ("<aside>{{title}}</aside>{{/sections}}\n", "здесь закрывается секция, которая не открыта",
         "уберите этот {{/…}} или откройте его секцию выше"),
        ("<aside>{{title</aside>\n", "тег не закрыт знаками }}", nil),
    ])
    func aTemplateProblemIsWorded(template: String, message: String, help: String?) throws {
        let built = try RenderBuild.site([
            "tropa.yml": "language: ru\n",
            "content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
            "templates/persona-card.mustache": template,
        ])
        let diagnostic = try #require(built.diagnostics.first { $0.code == .templateInvalid })
        #expect(diagnostic.message(in: .ru) == message)
        #expect(diagnostic.suggestion(in: .ru) == help)
    }

    // MARK: - links

    /// Every link and stylesheet of every page points at a file of the output, relatively.
    @Test(arguments: ["ru-persona", "en-multi", "custom-scale", "branched", "segments"])
    func everyLinkIsRelativeAndResolves(_ fixture: String) throws {
        let built = try RenderBuild.fixture(fixture)
        let files = built.files
        for page in files.keys.sorted() where page.hasSuffix(".html") {
            let html = try #require(built.text(page))
            for remote in ["href=\"http", "src=\"http", "href=\"//", "src=\"//", "url(http", "@import"] {
                #expect(!html.contains(remote), "\(page) loads something from the network: \(remote)")
            }
            for target in Self.links(in: html) where !target.hasPrefix("#") {
                #expect(!target.hasPrefix("/"), "\(page): \(target) is absolute")
                // A link to a stage's column names an id of the page it leads to.
                let (file, fragment) = (String(target.prefix { $0 != "#" }), target.firstIndex(of: "#").map { target[target.index(after: $0)...] })
                let resolved = Self.resolve(file, from: page)
                #expect(files[resolved] != nil, "\(page): \(target) → \(resolved) does not exist")
                if let fragment, let bytes = files[resolved] {
                    #expect(String(decoding: bytes, as: UTF8.self).contains("id=\"\(fragment)\""), "\(page): \(target) has no such id")
                }
            }
        }
    }

    @Test func theStylesheetLoadsNothing() throws {
        let css = try #require(EmbeddedTheme.files["style.css"])
        #expect(!css.contains("@import"))
        #expect(!css.contains("url("))
    }

    /// Cyrillic file names and a persona in a subfolder: the slugged folders and the links agree.
    @Test func linksResolveForCyrillicAndNestedNames() throws {
        let built = try RenderBuild.site([
            "tropa.yml": "language: ru\n",
            "content/personas/Маркетолог Мария.md": "---\nname: Мария\n---\nОписание.\n",
            "content/personas/команда/руководитель.md": "---\nname: Руководитель\n---\nОписание.\n",
            "content/Маркетинг/Карта №1.md": RenderBuild.russianMap(title: "Первая", extraFrontMatter: "persona: Маркетолог Мария\n",
                                                                   body: RenderBuild.stage("Этап")),
            "content/Маркетинг/Карта №2.md": RenderBuild.russianMap(title: "Вторая", extraFrontMatter: "persona: команда/руководитель\n",
                                                                   body: RenderBuild.stage("Этап")),
        ])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        #expect(built.files.keys.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(built.files.keys.sorted())")
        #expect(built.text("marketing/karta-1/index.html") != nil)
        #expect(built.text("personas/marketolog-mariya/index.html") != nil)
        #expect(built.text("personas/komanda/rukovoditel/index.html")?.contains("href=\"../../../_tropa/style.css\"") == true)
        let files = built.files
        for page in files.keys.sorted() where page.hasSuffix(".html") {
            let html = try #require(built.text(page))
            for target in Self.links(in: html) where !target.hasPrefix("#") {
                #expect(files[Self.resolve(target, from: page)] != nil, "\(page): \(target) does not exist")
            }
        }
    }

    /// Two persona files whose ids slug alike would write one page over the other.
    @Test func personasWithTheSameSlugAreAConflict() throws {
        let built = try RenderBuild.site([
            "content/personas/Мария.md": "---\nname: Мария кириллицей\n---\nОписание.\n",
            "content/personas/mariya.md": "---\nname: Mariya in Latin\n---\nОписание.\n",
            "content/map.md": RenderBuild.russianMap(body: RenderBuild.stage("Этап")),
        ])
        #expect(built.errors.contains { $0.code == .duplicateSlug || $0.code == .outputConflict },
                "two persona pages for personas/mariya/ and no error: \(renderDescribe(built.diagnostics))")
    }

    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                links.append(String(value))
                rest = rest[start.upperBound...].dropFirst(value.count)
            }
        }
        return links
    }

    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    // MARK: - author HTML and escaping

    static let rawHTMLMap = """
        ---
        title: Карта с HTML
        ---

        Введение.

        <script>alert(1)</script>

        Текст с <img src=x onerror=alert(2)> картинкой.

        ## Этап

        Описание <img src=y onerror=alert(3)> этапа.

        ### Цель
        Цель <script>alert(4)</script> тут.

        ### Действия
        - Действие <img src=z onerror=alert(5)>

        ### Эмоции
        0 Рабочая задача

        """

    @Test func rawHTMLInMarkdownIsOmittedByDefault() throws {
        let built = try RenderBuild.site(["content/html.md": Self.rawHTMLMap])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        for (path, bytes) in built.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script"), "\(path) keeps a script")
            #expect(!text.contains("onerror"), "\(path) keeps an event handler")
            // An HTML block goes whole; inline tags go, the text between them stays text.
            #expect(!text.contains("alert(1)"), "\(path) keeps the author's HTML block")
        }
        let page = try #require(built.text("html/index.html"))
        #expect(page.contains("<p>Введение.</p>"))
        #expect(page.contains("Текст с <!-- raw HTML omitted --> картинкой."))
        #expect(page.contains("<li>Действие <!-- raw HTML omitted --></li>"))
        #expect(page.contains("<p>Цель <!-- raw HTML omitted -->alert(4)<!-- raw HTML omitted --> тут.</p>"))
        #expect(page.contains("<p>Описание <!-- raw HTML omitted --> этапа.</p>"))
    }

    @Test func rawHTMLIsKeptWhenTheSiteOptsIn() throws {
        let built = try RenderBuild.site(["tropa.yml": "unsafe_html: true\n", "content/html.md": Self.rawHTMLMap])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let page = try #require(built.text("html/index.html"))
        #expect(page.contains("<script>alert(1)</script>"))
        #expect(page.contains("Текст с <img src=x onerror=alert(2)> картинкой."))
        #expect(page.contains("Описание <img src=y onerror=alert(3)> этапа."))
        #expect(page.contains("Цель <script>alert(4)</script> тут."))
        #expect(page.contains("<li>Действие <img src=z onerror=alert(5)></li>"))
        // Only the HTML page takes raw HTML: the outlines and the curve stay plain text.
        for file in ["html/outline.opml", "html/outline.mm", "html/emotions.svg"] {
            let text = try #require(built.text(file))
            #expect(!text.contains("<script"), "\(file)")
            #expect(!text.contains("<img"), "\(file)")
        }
    }

    @Test func scriptInAuthorTextIsEscapedInEveryOutputFile() throws {
        let persona = """
            ---
            name: '<script>alert("persona")</script> Персона'
            role: '<script>alert("role")</script>'
            ---
            Описание.

            ## Мотивы
            - `<script>alert("motive")</script>`

            """
        let map = """
            ---
            title: '<script>alert("title")</script> Карта'
            persona: p
            product: '<script>alert("product")</script>'
            segment: '<img src=x onerror=alert("segment")>'
            tags: ['<script>alert("tag")</script>']
            ---

            Введение `<script>alert("intro")</script>`.

            ## Этап `<script>alert("stage")</script>`

            ### Цель
            Цель `<script>alert("goal")</script>`.

            ### Действия
            - Действие `<script>alert("item")</script>`

            ### Эмоции
            +1 Метка `<script>alert("label")</script>`

            ### Метрики
            - `<script>x</script>`: 5

            """
        let built = try RenderBuild.site(["tropa.yml": "language: ru\nunsafe_html: false\n",
                                          "content/personas/p.md": persona, "content/map.md": map])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let expectedFiles = ["index.html", "map/index.html", "map/emotions.svg", "map/outline.opml", "map/outline.mm",
                             "personas/p/index.html"]
        for path in expectedFiles {
            let text = try #require(built.text(path), "\(path) was not written")
            #expect(!text.lowercased().contains("<script"), "\(path) has an unescaped script")
            #expect(!text.contains("<img"), "\(path) has an unescaped image")
            #expect(text.contains("&lt;script&gt;"), "\(path) lost the author's text instead of escaping it")
        }
        let page = try #require(built.text("map/index.html"))
        for word in ["title", "product", "tag", "intro", "stage", "goal", "item", "label", "persona", "role"] {
            #expect(page.contains("alert(&quot;\(word)&quot;)") || page.contains("alert(\"\(word)\")"),
                    "the page shows the \(word) text")
        }
        #expect(page.contains("&lt;img src=x onerror=alert(&quot;segment&quot;)&gt;"))
        // The escaped text is still well-formed XML with the author's text inside.
        let opml = try RenderXML.root(built.text("map/outline.opml"))
        let stage = RenderXML.descendants(opml, named: "outline").compactMap { RenderXML.attribute($0, "text") }
        #expect(stage.contains("Этап <script>alert(\"stage\")</script>"))
        #expect(stage.contains("Действие <script>alert(\"item\")</script>"))
        let svg = try RenderXML.root(built.text("map/emotions.svg"))
        #expect(RenderXML.child(svg, "title")?.stringValue == "Кривая эмоций: <script>alert(\"title\")</script> Карта")
    }

    /// A quote followed by a combining accent is one Character: escaping Character by Character kept the quote
    /// bare, and a layer id ended its `id="…"` attribute with an event handler after it.
    @Test func aQuoteWithACombiningMarkIsEscaped() throws {
        let schema = """
            layers:
              - id: "goal\\"\\u0301/onmouseover=alert(1)//"
                aliases: [Цель]
                kind: text
              - id: emotions
                aliases: [Эмоции]
                kind: emotion

            """
        let map = "---\ntitle: \"Карта \\\"\\u0301 <\\u0301b>\"\n---\n## Этап\n### Цель\nЦель.\n### Эмоции\n0 Ровно\n"
        let built = try RenderBuild.site(["schema.yml": schema, "content/map.md": map])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let page = try #require(built.text("map/index.html"))
        // Built outside #expect, whose macro cannot quote a literal that starts with a combining mark.
        let accent = "\u{301}"
        #expect(page.contains("id=\"layer-goal&quot;\(accent)/onmouseover=alert(1)//\""))
        #expect(page.contains("<h1>Карта &quot;\(accent) &lt;\(accent)b&gt;</h1>"))
        #expect(!page.contains("\"" + accent))
    }

    /// The preview keeps its site pages as bytes and hands the ones it did not make again over on every rebuild:
    /// a buffer that the allocator rounded up (jemalloc's size classes are a quarter apart) is copied no more.
    @Test func aFileHeldAsBytesIsCopiedOnlyOutOfAMuchLargerBuffer() {
        func storage(_ file: OutputFile) -> UnsafeRawPointer? {
            guard case .bytes(let bytes) = file.contents else { return nil }
            return bytes.withUnsafeBytes { UnsafeRawPointer($0.baseAddress) }
        }
        var rounded: [UInt8] = []
        rounded.reserveCapacity(1_200)
        rounded += repeatElement(7, count: 1_000)
        let page = OutputFile(path: "index.html", bytes: rounded)
        #expect(storage(page.asBytes) == storage(page))
        // A map's JSON made in a 64 KB buffer: copied into one of its size, which is then kept.
        var made: [UInt8] = []
        made.reserveCapacity(65_536)
        made += repeatElement(8, count: 10_000)
        let json = OutputFile(path: "map/journey.json", bytes: made)
        let held = json.asBytes
        #expect(storage(held) != storage(json))
        #expect(held.bytes == made)
        #expect(storage(held.asBytes) == storage(held))
    }
}
