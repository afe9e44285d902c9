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
        let checker = SiteChecker(fileSystem: fileSystem)
        let loader = SiteLoader(fileSystem: fileSystem, root: root)
        guard let (config, _) = try checker.settings(root: root).settings else {
            // The check reports what is wrong with the settings; no map can be read against them.
            return BuildResult(check: try checker.check(root: root), outputPath: nil, fileCount: 0, mapCount: 0)
        }
        let writer = writer(for: options.output ?? root.appendingPath(config.outputPath))
        let record = writer.record()
        let snapshot = try InputSnapshot.take(config: config, record: record, loader: loader)
        var plan = record?.plan(for: snapshot.inputs, settings: BuildRecord.settings(options)) ?? .full
        // A file deleted from the output would stay missing until its map changed: rebuild it all.
        let written = record?.outputFiles
        if plan != .full, !(written.map(writer.holdsEvery) ?? false) { plan = .full }
        switch plan {
        case .upToDate:
            return BuildResult(check: CheckResult(site: nil, diagnostics: [], sources: [:]),
                               outputPath: writer.output, fileCount: written?.count ?? 0,
                               mapCount: record?.maps.filter(\.built).count ?? 0, upToDate: true)
        case .update(let changed):
            if let record, let result = try update(root: root, changed: changed, record: record, snapshot: snapshot,
                                                   checker: checker, options: options, writer: writer) {
                return result
            }
        case .full:
            break
        }
        return try fullBuild(loader: loader, config: config, options: options, writer: writer, snapshot: snapshot)
    }

    /// Checks the site and writes each map's pages into the staging folder as soon as the map is parsed, on every
    /// core; then the catalogue, persona pages and static files, and swaps the staging folder in. A site with
    /// problems leaves the output as it was.
    private func fullBuild(loader: SiteLoader, config: SiteConfig, options: BuildOptions, writer: OutputWriter,
                           snapshot: InputSnapshot) throws -> BuildResult {
        let root = loader.root
        var checker = SiteChecker(fileSystem: fileSystem)
        let staged = Result {
            try OutputWriter.checkTarget(output: writer.output, site: root, content: root.appendingPath(config.contentPath))
            try writer.begin()
        }
        if case .failure(let error) = staged {
            // The site's own problems come first: an output that cannot be written is reported when there are none.
            let check = try checker.check(root: root)
            if check.diagnostics.failBuild(strict: options.strict) {
                return BuildResult(check: check, outputPath: nil, fileCount: 0, mapCount: 0)
            }
            throw error
        }
        let entries = CollectedEntries()
        let emit: @Sendable (OutputFile) throws -> Void = { try writer.write($0.bytes, to: $0.path) }
        checker.strict = options.strict
        // Two maps with one slug write the same staging files at once until the site check rejects them; the
        // staging folder is then dropped, so what they left there does not matter.
        checker.visitor = { site, theme in
            let renderer = PageRenderer(presenter: SitePresenter(site: site), theme: theme)
            return { journey in
                // After a write failed, the rest of the check still runs: its diagnostics come first.
                guard entries.failure == nil else { return }
                guard options.includeDrafts || !journey.draft else {
                    entries.add(BuildRecord.Map(path: journey.path, summary: journey.summary, files: []))
                    return
                }
                do {
                    entries.add(try Self.render(journey, with: renderer, emit: emit).entry)
                } catch {
                    entries.fail(error)
                }
            }
        }
        do {
            let check = try checker.check(root: root)
            guard let site = check.site, let theme = check.theme, !check.diagnostics.failBuild(strict: options.strict)
            else {
                writer.abandon()
                return BuildResult(check: check, outputPath: nil, fileCount: 0, mapCount: 0)
            }
            if let failure = entries.failure { throw failure }
            let all = entries.sortedByPath
            let maps = all.filter { !$0.files.isEmpty }
            let siteFiles = try renderSitePages(site, theme: theme, maps: maps, emit: emit)
                + site.staticFiles.map(\.outputPath)
            try copyStaticFiles(site, loader: loader, writer: writer)
            let clock = writer.clock
            try writer.commit()
            // Only a build without a single diagnostic is recorded: a build that reuses the record reports nothing.
            if check.diagnostics.isEmpty {
                writer.keep(BuildRecord(settings: BuildRecord.settings(options), inputs: snapshot.recorded(before: clock),
                                        maps: all.map(RecordedMap.init), siteFiles: siteFiles))
            }
            return BuildResult(check: check, outputPath: writer.output,
                               fileCount: maps.reduce(siteFiles.count) { $0 + $1.files.count }, mapCount: maps.count)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Builds only the maps that changed since the recorded build, in place: their pages, the catalogue and the
    /// persona pages; the other maps are taken from the record. Nil when the changed maps have any diagnostic:
    /// the full build then reports them with the rest of the site.
    private func update(root: String, changed: [String], record: BuildRecord, snapshot: InputSnapshot,
                        checker: SiteChecker, options: BuildOptions, writer: OutputWriter) throws -> BuildResult? {
        var checker = checker
        checker.onlyJourneys = Set(changed)
        let check = try checker.check(root: root)
        guard check.diagnostics.isEmpty, let site = check.site, let theme = check.theme else { return nil }
        let parsed = Dictionary(site.journeys.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let journeys = site.journeys.filter { options.includeDrafts || !$0.draft }
        let collected = CollectedFiles()
        let (_, rendered) = try renderMaps(site, journeys: journeys, theme: theme, reusing: nil, remember: false) {
            collected.add($0)
        }
        let entries = Dictionary(rendered.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var removals: [String] = []
        var maps: [RecordedMap] = []
        for earlier in record.maps {
            guard let journey = parsed[earlier.path] else {
                maps.append(earlier)
                continue
            }
            guard let old = earlier.map else { return nil }
            let entry = entries[earlier.path] ?? BuildRecord.Map(path: journey.path, summary: journey.summary, files: [])
            let folder = PagePaths.journeyFolder(old.summary.slug)
            removals += Set(old.files).subtracting(entry.files).sorted().map { folder + "/" + $0 }
            maps.append(RecordedMap(entry))
        }
        // The catalogue and the persona pages show each map's summary and curve only: when those are as they were,
        // so are the pages (everything else they show is unchanged, or this would be a full build).
        if maps != record.maps {
            let shown = maps.filter(\.built).compactMap(\.map)
            guard shown.count == maps.filter(\.built).count else { return nil }
            _ = try renderSitePages(site, theme: theme, maps: shown) { collected.add($0) }
        }
        let files = collected.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: $0.value) }
        let clock = try writer.update(files, removing: removals)
        let updated = BuildRecord(settings: record.settings, inputs: snapshot.recorded(before: clock), maps: maps,
                                  siteFiles: record.siteFiles)
        writer.keep(updated)
        return BuildResult(check: check, outputPath: writer.output, fileCount: updated.outputFiles?.count ?? 0,
                           mapCount: maps.filter(\.built).count)
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
        guard let site = check.site, let theme = check.theme, !check.diagnostics.failBuild(strict: options.strict)
        else { return preview }
        let journeys = site.journeys.filter { options.includeDrafts || !$0.draft }
        let collected = CollectedFiles()
        let memo = try render(site, journeys: journeys, theme: theme, reusing: previous?.renderMemo) {
            collected.add($0)
        }
        preview.pages = collected.files
        preview.renderMemo = memo
        preview.staticFiles = Dictionary(site.staticFiles.map { ($0.outputPath, root.appendingPath($0.path)) },
                                         uniquingKeysWith: { first, _ in first })
        preview.mapCount = journeys.count
        preview.renderedMapCount = memo.renderedCount
        preview.renderedSitePages = memo.renderedSitePages
        return preview
    }

    private func writer(for output: String) -> OutputWriter {
        OutputWriter(fileSystem: fileSystem, output: OutputWriter.canonical(output))
    }

    /// Copies the static files of `content/` into the build on every core.
    private func copyStaticFiles(_ site: Site, loader: SiteLoader, writer: OutputWriter) throws {
        let copies = parallelMap(site.staticFiles) { file in
            Result {
                guard let raw = try loader.readOptional(file.path, required: true) else { return }
                try writer.write(raw.bytes, to: file.outputPath)
            }
        }
        for copy in copies { try copy.get() }
    }

    /// Renders every page of the site in memory for the preview, reusing what `previous` rendered: a map's pages
    /// when the map is unchanged, and the catalogue and persona pages when no map's summary or curve changed (in
    /// the same context). Each file goes to `emit`, from several threads at once.
    private func render(_ site: Site, journeys: [Journey], theme: Theme, reusing previous: RenderMemo?,
                        emit: @Sendable (OutputFile) throws -> Void) throws -> RenderMemo {
        var (memo, maps) = try renderMaps(site, journeys: journeys, theme: theme, reusing: previous, remember: true,
                                          emit: emit)
        if let previous, previous.context == memo.context, previous.maps == maps, !previous.sitePages.isEmpty {
            memo.sitePages = previous.sitePages
            for file in memo.sitePages { try emit(file) }
        } else {
            var pages: [OutputFile] = []
            _ = try renderSitePages(site, theme: theme, maps: maps) { pages.append($0) }
            memo.sitePages = pages
            memo.renderedSitePages = true
            for file in pages { try emit(file) }
        }
        memo.maps = maps
        return memo
    }

    /// Renders the pages of `journeys` on every core. A map whose pages `previous` holds, rendered from the same map
    /// in the same context, is emitted from there. With `remember` false (an update, which keeps the files itself) the
    /// memo keeps no copy of them. Returns the memo and each map as the build record keeps it.
    private func renderMaps(_ site: Site, journeys: [Journey], theme: Theme, reusing previous: RenderMemo?,
                            remember: Bool, emit: @Sendable (OutputFile) throws -> Void) throws
        -> (RenderMemo, [BuildRecord.Map]) {
        let renderer = PageRenderer(presenter: SitePresenter(site: site), theme: theme)
        let context = RenderMemo.Context(config: site.config, schema: site.schema, personas: site.personas,
                                         theme: theme.fingerprint)
        let reusable = previous?.context == context ? previous?.journeys ?? [:] : [:]
        let outcomes = parallelMap(journeys) { journey -> Result<(RenderMemo.Pages, rendered: Bool), Error> in
            Result {
                if let earlier = reusable[journey.slug], earlier.journey == journey {
                    for file in earlier.files { try emit(file) }
                    return (earlier, false)
                }
                let (files, entry) = try Self.render(journey, with: renderer, emit: emit)
                return (RenderMemo.Pages(journey: journey, files: remember ? files : [], entry: entry), true)
            }
        }
        var memo = RenderMemo(context: context)
        var maps: [BuildRecord.Map] = []
        for outcome in outcomes {
            let (pages, rendered) = try outcome.get()
            if rendered { memo.renderedCount += 1 }
            if remember { memo.journeys[pages.journey.slug] = pages }
            maps.append(pages.entry)
        }
        return (memo, maps)
    }

    /// A map's pages, each handed to `emit`, and the map as the build record keeps it.
    private static func render(_ journey: Journey, with renderer: PageRenderer,
                               emit: (OutputFile) throws -> Void) throws -> (files: [OutputFile], entry: BuildRecord.Map) {
        let files = renderer.journeyFiles(journey)
        for file in files { try emit(file) }
        let folder = PagePaths.journeyFolder(journey.slug)
        let entry = BuildRecord.Map(path: journey.path, summary: journey.summary, sparkline: renderer.sparkline(journey),
                                    files: files.map { String($0.path.dropFirst(folder.count + 1)) })
        return (files, entry)
    }

    /// The catalogue and the persona pages of the built `maps` (in path order, as the site lists them), and the
    /// theme's files; returns their paths.
    private func renderSitePages(_ site: Site, theme: Theme, maps: [BuildRecord.Map],
                                 emit: (OutputFile) throws -> Void) throws -> [String] {
        let renderer = PageRenderer(presenter: SitePresenter(site: site), theme: theme)
        let summaries = maps.map(\.summary)
        let sparklines = Dictionary(maps.compactMap { map in map.sparkline.map { (map.summary.slug, $0) } },
                                    uniquingKeysWith: { first, _ in first })
        var files = [renderer.catalogue(summaries, sparklines: sparklines)]
        files += site.personas.map { renderer.personaPage($0, journeys: summaries) }
        files += theme.assets.map { OutputFile(path: PagePaths.assets + "/" + $0.name, bytes: Array($0.text.utf8)) }
        for file in files { try emit(file) }
        return files.map(\.path)
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
    /// Whether the catalogue and persona pages were rendered again (a map's summary or curve changed).
    public var renderedSitePages = false
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

/// The record entries of the maps a full build rendered, handed over from several threads at once, and the first
/// error writing them met.
private final class CollectedEntries: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [BuildRecord.Map] = []
    private var firstFailure: Error?

    func add(_ entry: BuildRecord.Map) {
        lock.withLock { entries.append(entry) }
    }

    func fail(_ error: Error) {
        lock.withLock { firstFailure = firstFailure ?? error }
    }

    var failure: Error? { lock.withLock { firstFailure } }

    /// In path order, as the site lists its maps.
    var sortedByPath: [BuildRecord.Map] {
        lock.withLock { entries }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
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
        var entry: BuildRecord.Map
    }

    var context: Context
    /// By slug.
    var journeys: [String: Pages] = [:]
    /// How many maps the render that made this memo rendered rather than reused.
    var renderedCount = 0
    /// Every built map's entry, and the catalogue, persona pages and theme files made from them.
    var maps: [BuildRecord.Map] = []
    var sitePages: [OutputFile] = []
    var renderedSitePages = false
}
