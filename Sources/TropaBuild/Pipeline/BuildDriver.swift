import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
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

/// The one pipeline of a site, whatever it ends in:
///
///     settings → site inputs → each map in parallel: read → parse → validate → analyse → present → render → emit
///              → site-wide checks → site pages → commit
///
/// `tropa check`, a full build, an in-place update and the preview are this driver with another `BuildSink`
/// (nothing, a staging folder, the output through a journal, memory) and another `Reuse` (nothing, the build
/// record's facts of the maps it does not read, the previous preview's parsed and rendered maps).
package struct BuildDriver: Sendable {
    package let reader: FileReading
    package let root: String
    package let options: BuildOptions

    /// The site's settings and inputs: the first two steps, which also decide what can be reused.
    package struct Start: Sendable {
        package var config: SiteConfig
        package var schema: LayerSchema
        package var inputs: SiteInputs
    }

    /// Settings → site inputs; nil (with the settings' diagnostics) when the config or the schema is broken.
    package func start() throws -> (Start?, CheckResult) {
        let loader = SiteLoader(fileSystem: reader, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        guard let (config, schema) = try SettingsReader.read(loader, diagnostics: &diagnostics, sources: &sources) else {
            return (nil, CheckResult(site: nil, diagnostics: diagnostics.sortedByLocation(), sources: sources))
        }
        let inputs = try SiteInputs.list(root: root, config: config, reader: reader)
        return (Start(config: config, schema: schema, inputs: inputs),
                CheckResult(site: nil, diagnostics: diagnostics, sources: sources))
    }

    /// The whole pipeline into `sink`.
    package func run(into sink: some BuildSink, reuse: Reuse = .nothing) throws -> BuildRun {
        let (start, settings) = try start()
        guard let start else { return BuildRun(check: settings) }
        return try run(start, settings: settings, into: sink, reuse: reuse)
    }

    /// The pipeline after its first two steps; whatever stops it, the sink drops what it was given.
    package func run(_ start: Start, settings: CheckResult, into sink: some BuildSink, reuse: Reuse) throws -> BuildRun {
        do {
            return try steps(start, settings: settings, into: sink, reuse: reuse)
        } catch {
            sink.abandon()
            throw error
        }
    }

    private func steps(_ start: Start, settings: CheckResult, into sink: some BuildSink, reuse: Reuse) throws -> BuildRun {
        let loader = SiteLoader(fileSystem: reader, root: root)
        var report = Report(diagnostics: settings.diagnostics, sources: settings.sources)
        // Personas and the theme come before the maps: every map's page shows them.
        let personas = try readPersonas(start, loader: loader, reuse: reuse, report: &report)
        let theme = try loadTheme(start.config, inputs: start.inputs, loader: loader, report: &report)
        let site = Site(config: start.config, schema: start.schema, journeys: [], personas: personas.values,
                        staticFiles: start.inputs.staticFiles)
        let renderer = theme.map { PageRenderer(presenter: SitePresenter(site: site), theme: $0) }
        let context = RenderContext(config: start.config, schema: start.schema, personas: personas.values,
                                    theme: theme?.fingerprint ?? 0)
        let rendering = sink.renders && !report.diagnostics.failBuild(strict: options.strict) ? renderer : nil
        let visits = try visitMaps(start, loader: loader, rendering: rendering, context: context, into: sink,
                                   reuse: reuse)
        for visit in visits { report.add(visit.outcome.diagnostics, source: visit.outcome.source) }
        try checkSite(visits, personas: personas.values, inputs: start.inputs, loader: loader, report: &report)

        var run = BuildRun(check: CheckResult(site: site, diagnostics: report.diagnostics.sortedByLocation(),
                                              sources: report.sources))
        run.check.facts = visits.compactMap(\.facts)
        run.check.site?.journeys = visits.compactMap(\.outcome.value)
        if reuse.keepsBytes {
            run.memo = PreviewMemo(config: start.config, schema: start.schema, context: context, visits: visits,
                                   personas: personas.read, previous: reuse.previousMemo)
        }
        guard let renderer = rendering, !run.check.diagnostics.failBuild(strict: options.strict) else {
            sink.abandon()
            return run
        }
        // A page that could not be written fails the build, after the site's own problems were found.
        if let failure = visits.lazy.compactMap(\.failure).first { throw failure }
        guard let entries = reuse.entries(merging: visits.compactMap(\.entry)) else {
            // A damaged line of the record: the caller builds the whole site instead.
            sink.abandon()
            return run
        }
        try emitSitePages(entries, renderer: renderer, personas: personas.values, context: context, inputs: start.inputs,
                          loader: loader, into: sink, reuse: reuse, run: &run)
        run.renderedMapCount = visits.filter { $0.files != nil && !$0.filesReused }.count

        try sink.commit(run)
        run.committed = true
        return run
    }

    /// Reads every persona, on every core.
    private func readPersonas(_ start: Start, loader: SiteLoader, reuse: Reuse,
                              report: inout Report) throws -> (values: [Persona], read: [(RawFile, FileOutcome<Persona>)]) {
        let reader = PersonaReader(parser: PersonaParser(unsafeHTML: start.config.unsafeHTML))
        let files = try loader.read(start.inputs.personas.map(\.path))
        let outcomes = parallelMap(Array(zip(start.inputs.personas.map(\.id), files))) { id, file in
            reuse.persona(file, config: start.config, schema: start.schema) ?? reader.outcome(of: file, id: id)
        }
        for outcome in outcomes { report.add(outcome.diagnostics, source: outcome.source) }
        return (outcomes.compactMap(\.value), Array(zip(files, outcomes)))
    }

    /// Each map, on every core: read → parse → validate → analyse, and with a `renderer` present → render →
    /// emit. A map is let go once its files are emitted (10,000 parsed maps held at once were most of a build's
    /// memory); after a map with an error (or a warning, when strict) no more maps are rendered.
    private func visitMaps(_ start: Start, loader: SiteLoader, rendering renderer: PageRenderer?,
                           context: RenderContext, into sink: some BuildSink, reuse: Reuse) throws -> [VisitedMap] {
        let (config, schema) = (start.config, start.schema)
        let reader = JourneyReader(config: config, schema: schema)
        let analysis = JourneyAnalysis(schema: schema, contentPath: config.contentPath)
        let stopped = StopSignal()
        return try parallelMap(reuse.mapsToRead(start.inputs.maps)) { path -> Result<VisitedMap, Error> in
            Result {
                let file = try loader.read(path)
                let outcome = reuse.journey(file, config: config, schema: schema) ?? reader.outcome(of: file)
                var visit = VisitedMap(path: path, outcome: outcome, bytes: reuse.keepsBytes ? file.bytes : [])
                guard let journey = outcome.value else { return visit }
                let facts = analysis.facts(of: journey)
                visit.claim = JourneyClaim(journey)
                visit.facts = facts
                if outcome.diagnostics.failBuild(strict: options.strict) { stopped.signal() }
                if let renderer, !stopped.isSignalled, options.includeDrafts || !journey.draft {
                    do {
                        let reused = reuse.files(of: file, in: context)
                        let files = reused ?? renderer.mapFiles(journey, facts: facts)
                        for file in files { try sink.emit(file) }
                        let folder = PagePaths.journeyFolder(facts.slug)
                        visit.files = files.map { String($0.path.dropFirst(folder.count + 1)) }
                        visit.filesReused = reused != nil
                        if reuse.keepsBytes { visit.rendered = files }
                    } catch {
                        // The rest of the check still runs: the site's own problems are reported first.
                        visit.failure = error
                    }
                }
                if !sink.keepsMaps { visit.outcome.value = nil }
                return visit
            }
        }.map { try $0.get() }
    }

    /// What no single file shows: personas that maps name, and two things claiming one place in the output.
    private func checkSite(_ visits: [VisitedMap], personas: [Persona], inputs: SiteInputs, loader: SiteLoader,
                           report: inout Report) throws {
        let problems = SiteValidator(journeys: visits.compactMap(\.claim), personas: personas).validate()
            + OutputClaims(maps: visits.compactMap(\.facts), personas: personas, staticFiles: inputs.staticFiles)
            .conflicts()
        report.diagnostics += problems
        // Problems only the whole site shows still point at a line: keep those files' text too.
        for path in Set(problems.map(\.location.file)).sorted() where report.sources[path] == nil {
            if let file = try loader.readOptional(path),
               case .success(let source) = SourceText.decode(path: path, bytes: file.bytes) {
                report.sources[path] = source
            }
        }
    }

    /// The catalogue, persona pages and theme files, from every built map's facts (read now or recorded), and the
    /// static files.
    private func emitSitePages(_ entries: [BuildRecord.Map], renderer: PageRenderer, personas: [Persona],
                               context: RenderContext, inputs: SiteInputs, loader: SiteLoader,
                               into sink: some BuildSink, reuse: Reuse, run: inout BuildRun) throws {
        let built = entries.filter { !$0.files.isEmpty }
        var pages: [OutputFile] = []
        let pagesReuse = reuse.sitePages(for: entries, in: context)
        switch pagesReuse {
        case .unchanged:
            break
        case .reused(let earlier):
            pages = earlier
        case .render:
            pages = [renderer.catalogue(built.map(\.facts))]
            pages += personas.map { renderer.personaPage($0, journeys: built.map(\.facts.summary)) }
            pages += renderer.assetFiles
            run.renderedSitePages = true
            run.memo?.sitePages = pages
            run.memo?.siteContext = context
        }
        for page in pages { try sink.emit(page) }
        try sink.copy(inputs.staticFiles, from: loader)
        run.memo?.shown = entries.map(\.shown)
        run.entries = entries
        run.siteFiles = reuse.recordedSiteFiles ?? pages.map(\.path) + inputs.staticFiles.map(\.outputPath)
        run.mapCount = built.count
    }

    /// The built-in theme with the site's `templates/` files over it, compiled, so `check` finds template errors
    /// too; nil when a template does not parse.
    private func loadTheme(_ config: SiteConfig, inputs: SiteInputs, loader: SiteLoader,
                           report: inout Report) throws -> Theme? {
        var overrides: [SourceText] = []
        var problems: [Diagnostic] = []
        for file in try loader.read(inputs.templates) {
            switch SourceText.decode(path: file.path, bytes: file.bytes) {
            case .success(let source): overrides.append(source)
            case .failure(let diagnostic): problems.append(diagnostic)
            }
        }
        let (theme, templateProblems) = Theme.load(overrides: overrides, templatesFolder: config.templatesPath)
        problems += templateProblems
        for source in overrides where problems.contains(where: { $0.location.file == source.path }) {
            report.sources[source.path] = source
        }
        report.diagnostics += problems
        return problems.isEmpty ? theme : nil
    }
}

/// Diagnostics as the driver gathers them, with the text of each file that has one.
private struct Report {
    package var diagnostics: [Diagnostic]
    package var sources: [String: SourceText]

    package mutating func add(_ problems: [Diagnostic], source: SourceText?) {
        diagnostics += problems
        if let source { sources[source.path] = source }
    }
}

/// A map as one run of the driver left it.
package struct VisitedMap: Sendable {
    package var path: String
    /// Without the map itself unless the sink keeps maps.
    package var outcome: FileOutcome<Journey>
    /// The bytes it was parsed from, when the run remembers them for the next (the preview).
    package var bytes: [UInt8]
    package var claim: JourneyClaim?
    package var facts: JourneyFacts?
    /// The names of the files made of it in its folder; nil when it was not rendered (an error, a draft left
    /// out, a check).
    package var files: [String]?
    package var filesReused = false
    /// The files themselves, when the run remembers them for the next (the preview).
    package var rendered: [OutputFile] = []
    package var failure: Error?

    /// The map as the record keeps it; nil when it could not be parsed.
    var entry: BuildRecord.Map? { facts.map { BuildRecord.Map(facts: $0, files: files ?? []) } }
}

/// What one run of the driver did.
package struct BuildRun: Sendable {
    package var check: CheckResult
    /// Every map's facts and files, read now or taken from the record, in path order.
    package var entries: [BuildRecord.Map] = []
    /// The files written besides the maps' (catalogue, persona pages, theme files, static files).
    package var siteFiles: [String] = []
    package var mapCount = 0
    package var renderedMapCount = 0
    package var renderedSitePages = false
    /// Whether the sink took the build.
    package var committed = false
    package var memo: PreviewMemo?

    /// Every file of the build, relative to the output.
    package var fileCount: Int { entries.reduce(siteFiles.count) { $0 + $1.files.count } }
}

/// Everything besides a map that its pages show: a map rendered in another context is rendered again.
package struct RenderContext: Equatable, Sendable {
    package var config: SiteConfig
    package var schema: LayerSchema
    package var personas: [Persona]
    package var theme: UInt64
}

/// Raised by one thread, seen by the others: a map with an error ends the rendering.
private final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    package func signal() { lock.withLock { raised = true } }
    package var isSignalled: Bool { lock.withLock { raised } }
}
