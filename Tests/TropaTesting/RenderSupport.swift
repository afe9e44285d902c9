import Foundation
import Testing
import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import TropaBuild

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The render fixtures (`Tests/Fixtures/render/`) and goldens (`Tests/Fixtures/golden/`), found from this file.
package enum RenderFixtures {
    package static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures").standardizedFileURL

    package static func site(_ name: String) -> URL { fixturesFolder.appendingPathComponent("render/\(name)") }

    package static func golden(_ name: String) -> URL { fixturesFolder.appendingPathComponent("golden/\(name)") }

    /// Every regular file below `folder`, as paths relative to it, sorted.
    package static func files(under folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                paths.append(relative)
            }
        }
        return paths.sorted()
    }

    /// A fixture folder copied into memory under `root` (e.g. `/site`).
    package static func memory(_ name: String, root: String = RenderBuild.root) throws -> MemoryFileSystem {
        try memory(folder: site(name), root: root)
    }

    /// Any site folder under `Tests/Fixtures/` (e.g. `sites/xss`) copied into memory under `root`.
    package static func memory(folder: URL, root: String = RenderBuild.root) throws -> MemoryFileSystem {
        let memory = MemoryFileSystem()
        let paths = try files(under: folder)
        #expect(!paths.isEmpty, "the fixture has no files at \(folder.path)")
        for path in paths {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            try memory.write(Array(data), to: root + "/" + path)
        }
        return memory
    }
}

/// A render fixture checked in memory: its site, a presenter of it, and each map's facts, for the tests that read
/// the view models and documents made of them.
package struct CheckedFixture {
    package let site: Site
    package let presenter: SitePresenter
    package let facts: [JourneyFacts]

    package init(_ fixture: String) throws {
        let memory = try RenderFixtures.memory(fixture)
        site = try #require(try SiteChecker(fileSystem: memory).check(root: RenderBuild.root).site)
        presenter = SitePresenter(site: site)
        let analysis = JourneyAnalysis(schema: site.schema, contentPath: site.config.contentPath)
        facts = site.journeys.map(analysis.facts)
    }

    package var parts: (Site, SitePresenter, [JourneyFacts]) { (site, presenter, facts) }
}

/// A build held in memory, with its output read back by paths relative to the output folder.
extension RenderBuild {
    /// What a full build of the same site files writes, in a file system of its own.
    package static func fullBuild(of site: BuiltSite) throws -> [String: [UInt8]] {
        let sources = site.fileSystem.contents.filter { $0.key.hasPrefix("site/") && !$0.key.hasPrefix("site/public/") }
        let memory = MemoryFileSystem()
        for (path, bytes) in sources { try memory.write(bytes, to: "/" + path) }
        return try RenderBuild.build(memory).files
    }
}

package struct BuiltSite {
    package let fileSystem: MemoryFileSystem
    package let result: BuildResult
    /// The output folder as the build wrote it (`/site/public`).
    package let output: String

    /// The text of an output file, by its path relative to the output folder.
    package func text(_ relative: String) -> String? { fileSystem.text(at: output + "/" + relative) }

    /// Every output file by its path relative to the output folder.
    package var files: [String: [UInt8]] {
        let prefix = Self.key(output) + "/"
        var files: [String: [UInt8]] = [:]
        for (path, bytes) in fileSystem.contents where path.hasPrefix(prefix) {
            files[String(path.dropFirst(prefix.count))] = bytes
        }
        return files
    }

    /// The memory file system's own spelling of a path (no leading slash).
    package static func key(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// The site as `tropa check` reads it (a build's result does not keep the parsed maps).
    package var site: Site? { try? SiteChecker(fileSystem: fileSystem).check(root: RenderBuild.root).site }

    package var diagnostics: [Diagnostic] { result.check.diagnostics }
    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// Builds sites in memory.
package enum RenderBuild {
    /// The in-memory site folder: absolute, because the writer canonicalises the output path.
    package static let root = "/site"
    package static let output = "/site/public"

    /// Builds a site whose files are given relative to the site folder.
    package static func site(_ files: [String: String], options: BuildOptions = BuildOptions()) throws -> BuiltSite {
        try build(try memory(Dictionary(uniqueKeysWithValues: files.map { (root + "/" + $0.key, $0.value) })), options: options)
    }

    /// A memory file system holding `files` by absolute paths, written one by one through `write`, the path
    /// the build itself uses (`MemoryFileSystem(files:)` is checked on its own in RenderOutputTests).
    package static func memory(_ files: [String: String]) throws -> MemoryFileSystem {
        let memory = MemoryFileSystem()
        for (path, text) in files { try memory.write(Array(text.utf8), to: path) }
        return memory
    }

    package static func fixture(_ name: String, options: BuildOptions = BuildOptions(), git: GitReading? = nil) throws -> BuiltSite {
        try build(try RenderFixtures.memory(name), options: options, git: git)
    }

    package static func build(_ memory: MemoryFileSystem, options: BuildOptions = BuildOptions(),
                              git: GitReading? = nil) throws -> BuiltSite {
        let result = try SiteBuilder(fileSystem: memory, git: git).build(root: root, options: options)
        return BuiltSite(fileSystem: memory, result: result, output: result.outputPath ?? output)
    }

    /// Six maps of one product and segment, tagged, with a persona: the catalogue's table names the first three
    /// (by title), the product's comparison draws the first five; Ёж (`content/yo.md`) is in neither, Альфа in both.
    package static let cardsInPlace: [String: String] = {
        var files = ["content/personas/rop.md": "---\nname: Руководитель отдела продаж\n---\n\nОтвечает за план.\n"]
        for (file, title) in [("a", "Альфа"), ("b", "Бета"), ("v", "Вега"), ("g", "Гамма"), ("d", "Дельта"), ("yo", "Ёж")] {
            files["content/\(file).md"] = russianMap(
                title: title, extraFrontMatter: "product: Лумус\nsegment: SMB\ntags: [crm, b2b]\npersona: rop\n",
                body: stage("Поиск", extra: "### Метрики\n- Конверсия: 40%\n- NPS: 10\n")
                    + stage("Покупка", score: "2 Радость", extra: "### Метрики\n- Конверсия: 20%\n- NPS: 30\n"))
        }
        return files
    }()

    /// A valid Russian map with the default schema; `stages` are the bodies after the front-matter.
    package static func russianMap(title: String = "Карта", extraFrontMatter: String = "", body: String) -> String {
        "---\ntitle: \(title)\n\(extraFrontMatter)---\n\n\(body)"
    }

    /// A stage with the three layers the default schema requires.
    package static func stage(_ name: String, score: String = "0 Рабочая задача", extra: String = "") -> String {
        """
        ## \(name)

        ### Цель
        Найти CRM.

        ### Действия
        - Читает обзоры

        ### Эмоции
        \(score)
        \(extra)

        """
    }
}

/// Describes diagnostics for failure messages.
package func renderDescribe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message(in: .en)) [\($0.code.rawValue)]" }
        .joined(separator: "\n")
}

// MARK: - XML

/// A parsed XML file: the Foundation document, or the parser's error.
package enum RenderXML {
    package static func parse(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// The root element of an XML text that must exist and be well-formed.
    package static func root(_ text: String?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> XMLElement {
        let text = try #require(text, "the file was not written", sourceLocation: sourceLocation)
        let document = try parse(text)
        return try #require(document.rootElement(), "no root element", sourceLocation: sourceLocation)
    }

    /// The first child element named `name`.
    package static func child(_ element: XMLElement?, _ name: String) -> XMLElement? {
        element?.elements(forName: name).first
    }

    /// An attribute by its name; read from the list, because `attribute(forName:)` misses attributes of
    /// elements in a default namespace (SVG) on Linux.
    package static func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    /// Every element below `element` (depth first, in document order) named `name`.
    package static func descendants(_ element: XMLElement, named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if child.name == name { found.append(child) }
            found += descendants(child, named: name)
        }
        return found
    }

    /// Every element below `element` whose `class` attribute is `className`.
    package static func withClass(_ element: XMLElement, _ className: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if attribute(child, "class") == className { found.append(child) }
            found += withClass(child, className)
        }
        return found
    }
}

// MARK: - SVG geometry

/// The numbers of an SVG path made of one `M` and `C` commands: the start point and the cubic segments.
package struct RenderPath {
    package var start: (Double, Double)
    package var segments: [(c1: (Double, Double), c2: (Double, Double), end: (Double, Double))]

    package init?(_ d: String) {
        let tokens = d.replacingOccurrences(of: "M", with: " M ").replacingOccurrences(of: "C", with: " C ")
            .split(separator: " ").map(String.init)
        guard tokens.first == "M", tokens.count >= 3, let x = Double(tokens[1]), let y = Double(tokens[2]) else {
            return nil
        }
        start = (x, y)
        segments = []
        var index = 3
        while index < tokens.count {
            guard tokens[index] == "C", index + 6 < tokens.count else { return nil }
            let values = tokens[(index + 1)...(index + 6)].compactMap(Double.init)
            guard values.count == 6 else { return nil }
            segments.append(((values[0], values[1]), (values[2], values[3]), (values[4], values[5])))
            index += 7
        }
    }
}

/// A point of a cubic Bézier curve at `t`.
package func renderBezier(_ p0: (Double, Double), _ p1: (Double, Double), _ p2: (Double, Double), _ p3: (Double, Double),
                  at t: Double) -> (Double, Double) {
    let u = 1 - t
    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
    return (a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1)
}

package extension EmotionCurve {
    /// The geometry of stages given with their points, as the analysis hands them over in one series.
    init(stages: [(name: String, points: [EmotionPoint])], scale: ClosedRange<Double>, columnWidth: Double = 200,
         plotHeight: Double = 160, top: Double = 16) {
        let points = stages.enumerated().flatMap { index, stage in
            stage.points.map { EmotionSeries.Point(stage: index, score: $0.score, label: $0.label) }
        }
        self.init(stageNames: stages.map(\.name), series: EmotionSeries(points: points), scale: scale,
                  columnWidth: columnWidth, plotHeight: plotHeight, top: top)
    }
}

package extension Journey {
    /// The output folder of a map under `content/`.
    var slug: String { Slug.forContentPath(String(path.dropFirst("content/".count))) }
}

/// A git with a fixed history, for builds in memory: each file's versions given with their bytes, newest first, each
/// the parent of the one before it, as on one branch.
package struct FixedHistory: GitReading {
    package var history: GitHistory

    package init(_ history: GitHistory) {
        var history = history
        var objects: [String: [UInt8]] = [:]
        for (file, versions) in history.versions {
            var named = versions
            for index in named.indices {
                let blob = "\(file)@\(named[index].commit)"
                objects[blob] = named[index].bytes
                named[index].blob = blob
            }
            for index in named.indices.dropLast() {
                (named[index].blobBefore, named[index].pathBefore) = (named[index + 1].blob, named[index + 1].path)
            }
            history.versions[file] = named
        }
        history.objects = Objects(objects: objects)
        self.history = history
    }

    /// Bytes by the names `init` gave them.
    private struct Objects: GitObjects {
        let objects: [String: [UInt8]]
        func bytes(of blobs: [String]) throws -> [[UInt8]?] { blobs.map { objects[$0] } }
    }

    package func file(_ path: String, at revision: String) throws -> [UInt8]? {
        history.versions.values.joined().first { $0.commit == revision && $0.path == path }?.bytes
    }

    package func head() throws -> GitHead? { GitHead(commit: history.commit, shallow: history.shallow) }
    package func history(at head: GitHead, of files: [String], keeping kept: Set<String>?, log: [UInt8]?) throws -> GitHistory? {
        var history = history
        if let kept { history.versions = history.versions.filter { kept.contains($0.key) } }
        return history
    }
}
