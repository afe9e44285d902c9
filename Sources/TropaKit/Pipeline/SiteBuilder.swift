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

    private func writer(for output: String) -> OutputWriter {
        OutputWriter(fileSystem: fileSystem, output: OutputWriter.canonical(output))
    }

    /// Renders and writes every file of the build on every core; returns how many files were written.
    private func write(_ site: Site, journeys: [Journey], theme: Theme, loader: SiteLoader,
                       writer: OutputWriter) throws -> Int {
        let presenter = SitePresenter(site: site)
        let renderer = PageRenderer(presenter: presenter, theme: theme)
        let outcomes = parallelMap(journeys) { journey -> Result<(slug: String, sparkline: String?, files: Int), Error> in
            Result {
                let files = renderer.journeyFiles(journey)
                for file in files { try writer.write(file.bytes, to: file.path) }
                return (journey.slug, renderer.sparkline(journey), files.count)
            }
        }
        var sparklines: [String: String] = [:]
        var count = 0
        for outcome in outcomes {
            let written = try outcome.get()
            sparklines[written.slug] = written.sparkline
            count += written.files
        }
        var files = [renderer.catalogue(journeys, sparklines: sparklines)]
        files += site.personas.map { renderer.personaPage($0, journeys: journeys) }
        files += theme.assets.map { OutputFile(path: PagePaths.assets + "/" + $0.name, bytes: Array($0.text.utf8)) }
        for file in files { try writer.write(file.bytes, to: file.path) }
        let copies = parallelMap(site.staticFiles) { file in
            Result {
                guard let raw = try loader.readOptional(file.path, required: true) else { return }
                try writer.write(raw.bytes, to: file.outputPath)
            }
        }
        for copy in copies { try copy.get() }
        return count + files.count + copies.count
    }
}
