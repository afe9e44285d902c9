import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// A full build renders and emits each map's pages as soon as the map is parsed, on the thread that parsed it, so
/// it never holds every parsed map at once. What it renders, and when it renders nothing.
@Suite struct FullBuildTests {
    /// A sink that notes the folder of every map page it is given, from several threads.
    final class Visits: BuildSink, @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [String] = []
        private(set) var committed = false

        var renders: Bool { true }
        var keepsMaps: Bool { false }
        var keepsRecord: Bool { true }

        func emit(_ file: OutputFile) throws {
            guard file.path.hasSuffix("/index.html"), !file.path.hasPrefix("personas/"),
                  file.path != PagePaths.dashboard else { return }
            lock.withLock { folders.append(String(file.path.dropLast("/index.html".count))) }
        }

        func copy(_ files: [StaticFile], from loader: SiteLoader) throws {}
        func commit(_ run: BuildRun) throws { lock.withLock { committed = true } }
        func abandon() {}

        var visited: [String] { lock.withLock { folders.sorted() } }
    }

    private static func check(_ files: [String: String], strict: Bool = false) throws -> (CheckResult, Visits) {
        let memory = try RenderBuild.memory(Dictionary(uniqueKeysWithValues: files.map { ("/site/" + $0.key, $0.value) }))
        let visits = Visits()
        let run = try BuildDriver(reader: memory, root: "/site", options: BuildOptions(strict: strict)).run(into: visits)
        return (run.check, visits)
    }

    private static let map = RenderBuild.russianMap(body: RenderBuild.stage("Этап"))

    @Test func everyValidMapIsVisitedOnceAndNotKept() throws {
        let (result, visits) = try Self.check([
            "content/a.md": Self.map, "content/b/c.md": Self.map,
            "content/draft.md": RenderBuild.russianMap(extraFrontMatter: "draft: true\n", body: RenderBuild.stage("Этап")),
        ])
        #expect(result.diagnostics.isEmpty, "\(renderDescribe(result.diagnostics))")
        #expect(visits.visited == ["a", "b/c"], "a draft is left out")
        #expect(visits.committed)
        #expect(result.site?.journeys.isEmpty == true, "rendered maps are not kept")
        #expect(result.facts.isEmpty, "a build keeps what the site pages show of a map and its record line, not its facts")
    }

    @Test func aMapWithAnErrorIsNotVisited() throws {
        let (result, visits) = try Self.check(["content/bad.md": "---\ntitle: Без этапов\n---\n\nТекст.\n"])
        #expect(result.diagnostics.map(\.code) == [.noStages])
        #expect(visits.visited.isEmpty)
        #expect(!visits.committed)
    }

    @Test func strictStopsAtAWarning() throws {
        let warning = RenderBuild.russianMap(extraFrontMatter: "segmnet: B2B\n", body: RenderBuild.stage("Этап"))
        let (result, visits) = try Self.check(["content/warned.md": warning], strict: true)
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
        #expect(visits.visited.isEmpty)
        let (_, lenient) = try Self.check(["content/warned.md": warning])
        #expect(lenient.visited == ["warned"])
    }

    /// With a broken persona or theme the build will not be written, so no map's pages are made.
    @Test(arguments: [["content/personas/p.md": "---\nrole: Без имени\n---\n"],
                      ["templates/journey.mustache": "{{#title}}"]])
    func nothingIsVisitedWhenTheSiteAroundTheMapsHasAnError(_ broken: [String: String]) throws {
        let (result, visits) = try Self.check(broken.merging(["content/a.md": Self.map]) { first, _ in first })
        #expect(result.diagnostics.hasErrors)
        #expect(visits.visited.isEmpty)
        #expect(!visits.committed)
    }

    /// What only the whole site shows is still found when the maps themselves were not kept.
    @Test func twoMapsForOneFolderAreStillReported() throws {
        let (result, visits) = try Self.check(["content/Карта.md": Self.map, "content/karta.md": Self.map])
        #expect(result.diagnostics.map(\.code) == [.duplicateSlug])
        #expect(visits.visited == ["karta", "karta"])
        #expect(!visits.committed)
    }

    /// An output tropa refuses is reported only when the site itself has no error: the site's problems come first.
    @Test func theSitesOwnErrorsComeBeforeAnOutputItCannotWrite() throws {
        let memory = try RenderBuild.memory(["/site/content/bad.md": "---\ntitle: Без этапов\n---\n\nТекст.\n"])
        let result = try SiteBuilder(fileSystem: memory).build(root: "/site", options: BuildOptions(output: "/site"))
        #expect(result.outputPath == nil)
        #expect(result.check.diagnostics.map(\.code) == [.noStages])
        let clean = try RenderBuild.memory(["/site/content/a.md": Self.map])
        #expect(throws: SiteError.self) {
            try SiteBuilder(fileSystem: clean).build(root: "/site", options: BuildOptions(output: "/site"))
        }
    }

    /// A page that cannot be written fails the build, but the site's own errors are what it reports first.
    @Test func aFailedWriteComesAfterTheSitesErrors() throws {
        let good = try RenderBuild.memory(["/site/content/a.md": Self.map])
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder(fileSystem: FaultyFileSystem(memory: good, failsWrite: { $0.contains("/a/") })).build(root: "/site")
        }
        #expect(error?.description.contains("no space left") == true)
        #expect(good.contents.keys.allSatisfy { !$0.contains("public") && !$0.contains("tropa-") }, "nothing left behind")

        let mixed = try RenderBuild.memory(["/site/content/a.md": Self.map,
                                            "/site/content/bad.md": "---\ntitle: Без этапов\n---\n\nТекст.\n"])
        let result = try SiteBuilder(fileSystem: FaultyFileSystem(memory: mixed, failsWrite: { $0.contains("/a/") })).build(root: "/site")
        #expect(result.outputPath == nil)
        #expect(result.check.diagnostics.map(\.code) == [.noStages])
    }

    /// The site pages are written as they are made: one that cannot be written fails the build as a map's page
    /// does, and the output is left as it was (a changed theme makes the build a full one).
    @Test(arguments: ["/maps.json", "/index.html", "/dashboard/index.html"])
    func aSitePageThatCannotBeWrittenFailsTheBuild(_ page: String) throws {
        let memory = try RenderBuild.memory(["/site/content/a.md": Self.map])
        let first = try SiteBuilder(fileSystem: memory).build(root: "/site")
        // The memory's keys are paths without the leading slash.
        let output = String(try #require(first.outputPath).drop { $0 == "/" }) + "/"
        let before = memory.contents.filter { $0.key.hasPrefix(output) }
        #expect(before.keys.contains(output + String(page.dropFirst())), "the site has \(page)")
        try memory.write(Array("body { color: black }\n".utf8), to: "/site/templates/style.css")
        let error = #expect(throws: SiteError.self) {
            // Not the map's own page (`a/index.html`): a site page.
            try SiteBuilder(fileSystem: FaultyFileSystem(memory: memory, failsWrite: { $0.hasSuffix(page) && !$0.contains("/a/") }))
                .build(root: "/site")
        }
        #expect(error?.description.contains("no space left") == true)
        #expect(memory.contents.filter { $0.key.hasPrefix(output) } == before, "the output is as it was")
    }
}
