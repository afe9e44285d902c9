import Foundation

/// How a build runs.
public struct BuildOptions: Sendable {
    /// The output folder; nil for the site's `output` setting (default `public/`).
    public var output: String?
    public var includeDrafts: Bool
    /// Warnings stop the build too.
    public var strict: Bool

    public init(output: String? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.output = output
        self.includeDrafts = includeDrafts
        self.strict = strict
    }
}

/// What a build did: its diagnostics, and where it wrote (nil when problems stopped it before writing).
public struct BuildResult: Sendable {
    public var check: CheckResult
    public var outputPath: String?
    public var fileCount: Int
    public var mapCount: Int
    /// Nothing the build reads had changed since the last clean build into the same output: nothing was written.
    public var upToDate = false
}

/// The whole pipeline: check, then present → render → write every page of the site.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem = DiskFileSystem()) {
        self.fileSystem = fileSystem
    }

    public func build(root: String, options: BuildOptions = BuildOptions()) throws -> BuildResult {
        var checker = SiteChecker(fileSystem: fileSystem)
        var loader = SiteLoader(fileSystem: fileSystem, root: root)
        var fingerprint: BuildFingerprint?
        if let (config, _) = try checker.settings(root: root).settings {
            let writer = writer(for: options.output ?? root.appendingPath(config.outputPath))
            let (computed, files) = try BuildFingerprint.compute(root: root, config: config, options: options,
                                                                 loader: loader, fileSystem: fileSystem)
            fingerprint = computed
            loader.preloaded = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            checker.preloaded = loader.preloaded
            if let cached = writer.cachedBuild(), cached.fingerprint == fingerprint?.text {
                return BuildResult(check: CheckResult(site: nil, diagnostics: [], sources: [:]),
                                   outputPath: writer.output, fileCount: cached.fileCount,
                                   mapCount: cached.mapCount, upToDate: true)
            }
        }

        let check = try checker.check(root: root)
        var result = BuildResult(check: check, outputPath: nil, fileCount: 0, mapCount: 0)
        guard let site = check.site, !check.diagnostics.hasErrors,
              !(options.strict && !check.diagnostics.isEmpty) else { return result }
        guard let theme = check.theme else { return result }

        let output = options.output ?? root.appendingPath(site.config.outputPath)
        try OutputWriter.checkTarget(output: output, site: root, content: root.appendingPath(site.config.contentPath))
        let writer = writer(for: output)
        let journeys = site.journeys.filter { options.includeDrafts || !$0.draft }
        try writer.begin()
        do {
            result.fileCount = try write(site, journeys: journeys, theme: theme, loader: loader, writer: writer)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        result.outputPath = writer.output
        result.mapCount = journeys.count
        // Only a build without a single diagnostic may be skipped next time: a skipped build reports nothing.
        if let fingerprint, check.diagnostics.isEmpty {
            writer.rememberBuild(fingerprint: fingerprint.text, fileCount: result.fileCount, mapCount: result.mapCount)
        }
        return result
    }

    /// Builds the site in memory, for `tropa serve`: nothing is written. With the `previous` preview of the same
    /// site, only the maps whose files changed are parsed again, and only those pages are rendered again.
    public func preview(root: String, options: BuildOptions = BuildOptions(),
                        previous: SitePreview? = nil) throws -> SitePreview {
        var checker = SiteChecker(fileSystem: fileSystem)
        checker.previous = previous?.parseMemo
        checker.remembers = true
        let check = try checker.check(root: root)
        // A broken site keeps the last good render's pages to reuse once it is mended.
        var preview = SitePreview(check: check, parseMemo: check.memo, renderMemo: previous?.renderMemo)
        guard let site = check.site, let theme = check.theme, !check.diagnostics.hasErrors,
              !(options.strict && !check.diagnostics.isEmpty) else { return preview }
        let journeys = site.journeys.filter { options.includeDrafts || !$0.draft }
        let collected = CollectedFiles()
        let (_, memo) = try render(site, journeys: journeys, theme: theme, reusing: previous?.renderMemo,
                                   remember: true) {
            collected.add($0)
        }
        preview.pages = collected.files
        preview.renderMemo = memo
        preview.staticFiles = Dictionary(site.staticFiles.map { ($0.outputPath, root.appendingPath($0.path)) },
                                         uniquingKeysWith: { first, _ in first })
        preview.mapCount = journeys.count
        preview.renderedMapCount = memo.renderedCount
        return preview
    }

    private func writer(for output: String) -> OutputWriter {
        OutputWriter(fileSystem: fileSystem, output: OutputWriter.canonical(output))
    }

    /// Renders and writes every file of the build on every core; returns how many files were written.
    private func write(_ site: Site, journeys: [Journey], theme: Theme, loader: SiteLoader,
                       writer: OutputWriter) throws -> Int {
        let (rendered, _) = try render(site, journeys: journeys, theme: theme, reusing: nil, remember: false) { file in
            try writer.write(file.bytes, to: file.path)
        }
        let copies = parallelMap(site.staticFiles) { file in
            Result {
                guard let raw = try loader.readOptional(file.path, required: true) else { return }
                try writer.write(raw.bytes, to: file.outputPath)
            }
        }
        for copy in copies { try copy.get() }
        return rendered + copies.count
    }

    /// Renders every page of the site on every core, handing each file to `emit` (from several threads at once);
    /// a map whose page `previous` holds, rendered from the same map in the same context, is emitted from there.
    /// Returns how many files were emitted, and what the next render can reuse: with `remember` false (a build
    /// to disk) the memo keeps no files, so pages are not held in memory once written.
    func render(_ site: Site, journeys: [Journey], theme: Theme, reusing previous: RenderMemo?, remember: Bool,
                emit: @Sendable (OutputFile) throws -> Void) throws -> (Int, RenderMemo) {
        let presenter = SitePresenter(site: site)
        let renderer = PageRenderer(presenter: presenter, theme: theme)
        let context = RenderMemo.Context(config: site.config, schema: site.schema, personas: site.personas,
                                         theme: theme.fingerprint)
        let reusable = previous?.context == context ? previous?.journeys ?? [:] : [:]
        let outcomes = parallelMap(journeys) { journey -> Result<(RenderMemo.Pages, rendered: Bool), Error> in
            Result {
                if let earlier = reusable[journey.slug], earlier.journey == journey {
                    for file in earlier.files { try emit(file) }
                    return (earlier, false)
                }
                let files = renderer.journeyFiles(journey)
                for file in files { try emit(file) }
                return (RenderMemo.Pages(journey: journey, files: remember ? files : [], fileCount: files.count,
                                         sparkline: renderer.sparkline(journey)), true)
            }
        }
        var memo = RenderMemo(context: context)
        var sparklines: [String: String] = [:]
        var count = 0
        for outcome in outcomes {
            let (pages, rendered) = try outcome.get()
            if rendered { memo.renderedCount += 1 }
            if remember { memo.journeys[pages.journey.slug] = pages }
            sparklines[pages.journey.slug] = pages.sparkline
            count += pages.fileCount
        }
        var files = [renderer.catalogue(journeys, sparklines: sparklines)]
        files += site.personas.map { renderer.personaPage($0, journeys: journeys) }
        files += theme.assets.map { OutputFile(path: PagePaths.assets + "/" + $0.name, bytes: Array($0.text.utf8)) }
        for file in files { try emit(file) }
        return (count + files.count, memo)
    }
}

/// A site built in memory by `SiteBuilder.preview`.
public struct SitePreview: Sendable {
    public var check: CheckResult
    /// Every rendered file by its path in the output; empty when the site has errors.
    public var pages: [String: [UInt8]] = [:]
    /// Files under `content/` that are served as they are: output path → path of the file itself.
    public var staticFiles: [String: String] = [:]
    public var mapCount = 0
    /// How many maps' pages this build rendered; the others' were unchanged and reused.
    public var renderedMapCount = 0
    /// A problem with the site's folders or files as such that stopped this build.
    public var failure: SiteError?
    var parseMemo: ParseMemo
    var renderMemo: RenderMemo?

    init(check: CheckResult, parseMemo: ParseMemo, renderMemo: RenderMemo?) {
        self.check = check
        self.parseMemo = parseMemo
        self.renderMemo = renderMemo
    }

    /// A build that `failure` stopped; what `previous` parsed and rendered is kept for the next rebuild.
    public init(failure: SiteError, previous: SitePreview?) {
        self.init(check: CheckResult(site: nil, diagnostics: [], sources: [:]),
                  parseMemo: previous?.parseMemo ?? ParseMemo(), renderMemo: previous?.renderMemo)
        self.failure = failure
    }

    /// Whether the site could be built: no failure, no error, and no warning in a strict build.
    public var succeeded: Bool { failure == nil && !pages.isEmpty }
}

/// Files handed over from several threads at once.
private final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: [UInt8]] = [:]

    func add(_ file: OutputFile) {
        lock.lock()
        defer { lock.unlock() }
        byPath[file.path] = file.bytes
    }

    var files: [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return byPath
    }
}

/// The pages of each map one render made, and what they were made from: a later render in the same context
/// emits a map's files from here when the map itself is unchanged (`tropa serve` rebuilds).
struct RenderMemo: Sendable {
    /// Everything besides the map that its pages show.
    struct Context: Equatable, Sendable {
        var config: SiteConfig
        var schema: LayerSchema
        var personas: [Persona]
        var theme: UInt64
    }

    struct Pages: Sendable {
        var journey: Journey
        var files: [OutputFile]
        var fileCount: Int
        var sparkline: String?
    }

    var context: Context
    /// By slug.
    var journeys: [String: Pages] = [:]
    /// How many maps the render that made this memo rendered rather than reused.
    var renderedCount = 0
}
