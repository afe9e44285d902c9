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
    /// Counts the maps read and the files written while the build runs, for a progress line; nil counts nothing.
    public var progress: BuildProgress?
    /// Told, with the output's path and the site's language, when another build is writing into the same output
    /// and this one is about to wait for it: a log that stops meanwhile says why.
    public var whenWaiting: (@Sendable (_ output: String, _ language: Language) -> Void)?
    /// The day a map's next review is compared with (`review-overdue`): only `tropa check` gives one, so no page
    /// depends on the day.
    public var reviewDay: CalendarDay?
    /// What tells the running tropa from another of its version (`tropa build` gives its build ID), kept in the
    /// build's record: a tropa built again from other sources then rebuilds an output the older one made, instead
    /// of finding it up to date. Nil in tests, whose records stay the same from build to build of the tests.
    public var program: String?

    public init(output: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
                progress: BuildProgress? = nil, whenWaiting: (@Sendable (String, Language) -> Void)? = nil,
                reviewDay: CalendarDay? = nil, program: String? = nil) {
        self.program = program
        self.output = output
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.progress = progress
        self.whenWaiting = whenWaiting
        self.reviewDay = reviewDay
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
    /// The maps' committed versions, read once for the site; each map built gets a history page from them.
    package var history: GitHistory?
    /// The site's inputs as `tropa serve`'s watcher listed them just before, to be taken instead of listing them
    /// again (for the same settings' folders).
    package var listed: SiteInputs?

    package init(reader: FileReading, root: String, options: BuildOptions, history: GitHistory? = nil) {
        self.reader = reader
        self.root = root
        self.options = options
        self.history = history
    }

    /// The site's settings and inputs: the first two steps, which also decide what can be reused.
    package struct Start: Sendable {
        package var config: SiteConfig
        package var schema: LayerSchema
        package var inputs: SiteInputs
    }

    /// Settings → site inputs; nil (with the settings' diagnostics) when the config or the schema is broken.
    package func start() throws -> (Start?, CheckResult) {
        let (start, settings, _) = try start(alongside: nil as (@Sendable (SiteConfig) -> Void)?)
        return (start, settings)
    }

    /// The same, with `alongside` run on another core from when the settings are read, given them: while the inputs
    /// are listed, and whatever the caller does before it waits for it; nil when the settings are broken or there is
    /// nothing to run.
    package func start<Other: Sendable>(alongside: (@Sendable (SiteConfig) -> Other)?) throws -> (Start?, CheckResult, Pending<Other>?) {
        let loader = SiteLoader(fileSystem: reader, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        var language = Language.en
        guard let (config, schema) = try SettingsReader.read(loader, outputNames: MapOutput.names, diagnostics: &diagnostics,
                                                             sources: &sources, language: &language) else {
            return (nil, CheckResult(site: nil, diagnostics: diagnostics.sortedByLocation(), sources: sources,
                                     language: language), nil)
        }
        let other = alongside.map { work in Pending { work(config) } }
        let inputs = try listed.flatMap { $0.isListed(for: config) ? $0 : nil } ?? SiteError.told(in: config.language) {
            try SiteInputs.list(root: root, config: config, reader: reader)
        }
        return (Start(config: config, schema: schema, inputs: inputs),
                CheckResult(site: nil, diagnostics: diagnostics, sources: sources, language: language), other)
    }

    /// The whole pipeline into `sink`.
    package func run(into sink: some BuildSink, reuse: Reuse = .nothing) throws -> BuildRun {
        let (start, settings) = try start()
        guard let start else { return BuildRun(check: settings) }
        return try SiteError.told(in: start.config.language) { try run(start, settings: settings, into: sink, reuse: reuse) }
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
        let renderer = theme.map { PageRenderer(presenter: SitePresenter(site: site, keepsSparklines: reuse.rebuilds), theme: $0) }
        let context = RenderContext(config: start.config, schema: start.schema, personas: personas.values,
                                    theme: theme?.fingerprint ?? 0)
        let rendering = sink.renders && !report.diagnostics.failBuild(strict: options.strict) ? renderer : nil
        var maps = try visitMaps(start, loader: loader, rendering: rendering, context: context, into: sink,
                                 reuse: reuse, report: &report)
        // The measurements files the maps name are inputs of those maps, not files of the site to copy. An update
        // reads only the changed maps: it copies what the last whole build copied, unless a map it read now names a
        // file that build copied, or a file some map named then is named by none now.
        var inputs = start.inputs
        let recorded = try reuse.recordedMeasurements()
        let measurements = maps.measurements.reduce(into: recorded ?? [:]) { named, visit in named[visit.map] = visit.file }
        let named = Set(measurements.values)
        let copied = reuse.recordedSiteFiles.map(Set.init)
        if let copied, let released = recorded.map({ Set($0.values).subtracting(named) }),
           inputs.staticFiles.contains(where: { named.contains($0.path) && copied.contains($0.outputPath) || released.contains($0.path) }) {
            throw MeasurementsNamedOtherwise()
        }
        inputs.staticFiles.removeAll { file in
            named.contains(file.path) || copied.map { !$0.contains(file.outputPath) } ?? false
        }
        try checkSite(maps, personas: personas.values, inputs: start.inputs, copied: inputs.staticFiles, config: start.config,
                      loader: loader, reuse: reuse, report: &report)

        var run = BuildRun(check: CheckResult(site: site, diagnostics: report.diagnostics.sortedByLocation(),
                                              sources: report.sources, language: start.config.language))
        if history?.shallow == true { run.notes.append(.shallowHistory) }
        run.check.facts = maps.facts
        if !run.check.diagnostics.isEmpty {
            let mapPaths = Set(start.inputs.maps)
            run.warnedMaps = Set(maps.warned + run.check.diagnostics.lazy.map(\.location.file).filter(mapPaths.contains)).sorted()
        }
        run.inputHashes = maps.inputHashes
        run.linkedMaps = reuse.linkedMaps(adding: maps.claims)
        run.linkTargets = reuse.linkTargets(adding: maps.claims)
        run.measurements = measurements
        run.check.site?.journeys = maps.journeys
        run.check.mapCount = maps.claims.count
        run.check.site?.staticFiles = inputs.staticFiles
        if reuse.remembers {
            run.memo = PreviewMemo(config: start.config, schema: start.schema, context: context,
                                   rendered: rendering != nil && !run.check.diagnostics.failBuild(strict: options.strict),
                                   visits: maps.kept,
                                   personas: personas.read, previous: reuse.previousMemo)
        }
        guard let renderer = rendering, !run.check.diagnostics.failBuild(strict: options.strict) else {
            sink.abandon()
            return run
        }
        // A page that could not be written fails the build, after the site's own problems were found.
        if let failure = maps.failure { throw failure }
        guard let entries = reuse.entries(merging: maps.recorded) else { throw RecordDamaged() }
        run.entries = entries
        try emitSitePages(entries, now: maps.shown, renderer: renderer, personas: personas.values, context: context,
                          inputs: inputs, loader: loader, into: sink, reuse: reuse, run: &run)
        run.renderedMapCount = maps.renderedCount
        // Let go before the sink keeps the record, which takes the maps' facts back from its spool: at 10,000 maps
        // the two were 75 MB at once.
        maps.shown = []

        try sink.commit(run)
        run.committed = true
        return run
    }

    /// Reads every persona, on every core.
    private func readPersonas(_ start: Start, loader: SiteLoader, reuse: Reuse,
                              report: inout Report) throws -> (values: [Persona], read: [(RawFile, FileOutcome<Persona>)]) {
        let reader = PersonaReader(parser: PersonaParser(unsafeHTML: start.config.unsafeHTML, contentPath: start.config.contentPath))
        let files = try loader.read(start.inputs.personas.map(\.path))
        let parsed = reuse.parsed(config: start.config, schema: start.schema)?.personas
        let outcomes = parallelMap(Array(zip(start.inputs.personas.map(\.id), files))) { id, file in
            parsed?[file.path].flatMap { $0.bytes == file.bytes ? $0.outcome : nil } ?? reader.outcome(of: file, id: id)
        }
        for outcome in outcomes { report.add(outcome.diagnostics, source: outcome.source) }
        return (outcomes.compactMap(\.value), Array(zip(files, outcomes)))
    }

    /// Each map, on every core: read → parse → validate → analyse, and with a `renderer` present → render →
    /// emit. A map is let go once its files are emitted (10,000 parsed maps held at once were most of a build's
    /// memory); after a map with an error (or a warning, when strict) no more maps are rendered.
    private func visitMaps(_ start: Start, loader: SiteLoader, rendering renderer: PageRenderer?,
                           context: RenderContext, into sink: some BuildSink, reuse: Reuse,
                           report: inout Report) throws -> VisitedSite {
        let (config, schema) = (start.config, start.schema)
        let reader = JourneyReader(config: config, schema: schema)
        let analysis = JourneyAnalysis(schema: schema, contentPath: config.contentPath)
        let stopped = StopSignal()
        let memo = reuse.parsed(config: config, schema: schema)
        let parsed = memo?.journeys, changed = memo?.changed
        let rendered = reuse.rendered(in: context)
        let paths = reuse.mapsToRead(start.inputs.maps)
        // The previous preview's visits of the maps the watcher saw unchanged, taken whole, when it rendered them in
        // this context: 10,000 maps visited again on every save were a third of its rebuild.
        let taken = renderer != nil && history == nil && rendered != nil ? memo?.visitsTaken(paths) : nil
        let toVisit = taken.map { taken in paths.indices.compactMap { taken[$0] == nil ? paths[$0] : nil } } ?? paths
        let progress = options.progress
        progress?.begin(maps: toVisit.count, language: config.language)
        let visited = parallelMap(toVisit) { path -> Result<VisitedMap, Error> in
            defer { progress?.mapDone() }
            return Result {
                // A map whose files did not change since the previous preview read them is not read again (10,000
                // maps read on every save of `tropa serve`); history, which compares its bytes, reads it.
                let wasParsed = parsed?[path], wasRendered = rendered?[path]
                let unread = history == nil ? wasParsed.flatMap { map in
                    PreviewMemo.unchanged(path, companion: map.outcome.value?.measurementsFile, changed: changed) ? map : nil
                } : nil
                // Read unless taken unread; a map taken unread is its own `earlier` below, and has no history.
                let file = unread == nil ? try loader.read(path) : nil
                // What the map is made from: its bytes, and its measurements file's (a NUL between them, which no
                // map's text holds). The previous preview's map says which file that was.
                var source = unread?.bytes ?? file!.bytes
                if unread == nil, let companion = (wasParsed ?? wasRendered)?.outcome.value?.measurementsFile {
                    source += [0] + (try loader.readOptional(companion)?.bytes ?? [])
                }
                // A map the previous preview parsed from the same bytes is taken with its facts as they were.
                let earlier = unread ?? wasParsed.flatMap { $0.bytes == source ? $0 : nil }
                var companionBytes: [UInt8]?
                var outcome = try earlier?.outcome ?? reader.outcome(of: file!, files: start.inputs.staticFiles) { companion in
                    let raw = try loader.readOptional(companion)
                    companionBytes = raw?.bytes ?? []
                    return raw
                }
                // A measurements file that could not be read (missing, empty, without its columns, not UTF-8) says
                // nothing of when the map was last measured.
                if let day = options.reviewDay, let journey = outcome.value,
                   !(journey.measurements.isEmpty && outcome.diagnostics.contains { problem in
                       problem.severity == .error && (problem.location.file == journey.measurementsFile
                           || problem.code == .measurementInvalid && problem.location.file == path)
                   }),
                   let late = ReviewSchedule.overdue(journey, on: day) {
                    outcome.diagnostics.append(late)
                    // The text is kept only for a map with diagnostics: the warning's line is shown from it.
                    if outcome.source == nil, let file, case .success(let text) = SourceText.decode(path: file.path, bytes: file.bytes) {
                        outcome.source = text
                    }
                }
                // A row dated after the day of the check, told with the file's text, which a file without other
                // problems did not keep.
                if let day = options.reviewDay, let journey = outcome.value, let companion = journey.measurementsFile {
                    let later = ReviewSchedule.measured(after: day, in: journey)
                    outcome.diagnostics += later
                    if !later.isEmpty, !outcome.companions.contains(where: { $0.path == companion }), let companionBytes,
                       case .success(let text) = SourceText.decode(path: companion, bytes: companionBytes) {
                        outcome.companions.append(text)
                    }
                }
                if earlier == nil { source = file!.bytes + (companionBytes.map { [0] + $0 } ?? []) }
                var visit = VisitedMap(path: path, outcome: outcome)
                if sink.hashesMaps, let file {
                    var hasher = FNV1a()
                    hasher.combine(file.bytes)
                    visit.inputHash = hasher.value
                }
                let kept = sink.keepsMaps ? KeptMap(outcome: outcome, bytes: reuse.remembers ? source : []) : nil
                visit.kept = kept
                // A map that fails the build ends the rendering, whether or not it could be read at all.
                if outcome.diagnostics.failBuild(strict: options.strict) { stopped.signal() }
                guard let journey = outcome.value else { return visit }
                let facts = earlier?.facts ?? analysis.facts(of: journey)
                // Made once, when needed: the map's page and what the site pages show of it both read it.
                lazy var evaluation = JourneyEvaluation(facts)
                // What the previous preview made of the same bytes is taken as it was: 10,000 maps' evaluations
                // and entries made again were a fifth of a rebuild of `tropa serve`.
                visit.claim = earlier?.claim ?? JourneyClaim(journey)
                visit.slug = facts.slug
                kept?.facts = facts
                if let renderer, !stopped.isSignalled, options.includeDrafts || !journey.draft {
                    do {
                        let reused = wasRendered.flatMap { $0.filesBytes == source && !$0.files.isEmpty ? $0.files : nil }
                        // The preview keeps the files and hands them over on every rebuild: as bytes, made once.
                        let versions = history?.versions[path] ?? []
                        var files = reused ?? renderer.mapFiles(journey, facts: facts, evaluation: evaluation,
                                                                history: !versions.isEmpty).map { reuse.remembers ? $0.asBytes : $0 }
                        if let history, !versions.isEmpty {
                            let measured = journey.measurementsFile.flatMap { history.versions[$0] } ?? []
                            let commits = MapCommit.timeline(map: versions, measurements: measured)
                            files.append(renderer.historyPage(journey, facts: facts,
                                                              versions: try versionsRead(commits, history: history, reader: reader,
                                                                                         current: (file!.bytes, companionBytes, journey))))
                        }
                        let folder = PagePaths.journeyFolder(facts.slug)
                        try sink.emit(files, in: folder)
                        progress?.wrote(files.count)
                        visit.files = sink.keepsRecord ? files.map { String($0.path.dropFirst(folder.count + 1)) } : []
                        visit.filesReused = reused != nil
                        if reuse.remembers { kept?.rendered = files }
                    } catch {
                        // The rest of the check still runs: the site's own problems are reported first.
                        visit.failure = error
                    }
                }
                // A check shows no site pages, so it makes nothing of the map for them.
                guard sink.renders else { return visit }
                // What outlives the map: what the site pages show of it and its line of the record (10,000 maps'
                // whole facts were a third of a build's memory).
                let built = visit.files != nil
                let shown = earlier?.shown.flatMap { $0.built == built ? $0 : nil }
                    ?? SitePageEntry(facts, evaluation: evaluation, built: built)
                visit.shown = shown
                if sink.keepsRecord {
                    visit.recorded = sink.holding(RecordedMap(BuildRecord.Map(facts: facts, files: visit.files ?? []),
                                                              reachBound: shown.headline.reachBound))
                }
                // Taken whole from the previous preview: its memo keeps the same entry for it.
                visit.remembered = earlier != nil && earlier === wasRendered && visit.filesReused && visit.shown === earlier?.shown
                return visit
            }
        }
        guard let taken else { return try VisitedSite(visited, keepingAll: reuse.remembers, report: &report) }
        // In the order of the paths: the maps visited now, and the ones taken with their files handed over again.
        var next = visited.makeIterator()
        let visits = try paths.indices.map { place -> Result<VisitedMap, Error> in
            guard let visit = taken[place] else { return next.next()! }
            try sink.emit(visit.kept!.rendered, in: PagePaths.journeyFolder(visit.slug!))
            return .success(visit)
        }
        return try VisitedSite(visits, keepingAll: true, report: &report)
    }

    /// Each commit of a map's history, newest first: the map as the commit left it, parsed with the rows of the
    /// measurements file it named then, and what the commit changed, counted from the two files as the commit's
    /// parent had them (not from the commit before it in the log, which may be of another branch). A commit of the
    /// measurements alone while the map named another file is none of the map's. A state with the bytes of the map
    /// and its measurements as built (most often the last commit's) is the map already parsed.
    private func versionsRead(_ commits: [MapCommit], history: GitHistory, reader: JourneyReader,
                              current: (bytes: [UInt8], measurements: [UInt8]?, journey: Journey)) throws -> [MapVersion] {
        var blobs = Set<String>()
        for commit in commits {
            for blob in [commit.map.blob, commit.mapBefore?.blob, commit.measurements?.blob, commit.measurementsBefore?.blob] {
                if let blob { blobs.insert(blob) }
            }
        }
        var bytes = try history.bytes(of: blobs)
        /// The two files as a commit, or its parent, had them.
        struct State: Hashable {
            var map: String, mapPath: String
            var measurements: String?, measurementsPath: String?
        }
        // Each state parsed once: a commit's state before is most often the state after of the commit before it.
        var parsed: [State: Journey?] = [:]
        /// The map of `state`; `place`: the log's place of the commit whose state it is (a state before is older
        /// than its commit), where a map that names a file other than the one followed takes that file's rows.
        func journey(_ state: State, at place: Int) throws -> Journey? {
            if let known = parsed[state] { return known }
            let mapBytes = bytes[state.map] ?? []
            let measured = state.measurements.map { bytes[$0] ?? [] }
            if state.mapPath == current.journey.path, mapBytes == current.bytes, measured == current.measurements {
                return current.journey
            }
            guard case .success(let source) = SourceText.decode(path: state.mapPath, bytes: mapBytes) else {
                parsed[state] = .some(nil)
                return nil
            }
            var journey = reader.parser.parse(source).journey
            if let named = journey.measurementsFile, named != state.measurementsPath, let versions = history.versions[named] {
                // Another file the map named then, still in the site under that name: its rows as they were then,
                // which depend on the commit, so this map is not kept for another.
                guard let other = versions.first(where: { $0.place >= place }), let blob = other.blob else { return journey }
                if bytes[blob] == nil { bytes.merge(try history.bytes(of: [blob])) { first, _ in first } }
                _ = reader.measure(&journey, from: RawFile(path: named, bytes: bytes[blob] ?? []))
                return journey
            }
            if let named = journey.measurementsFile, named == state.measurementsPath, let measured {
                _ = reader.measure(&journey, from: RawFile(path: named, bytes: measured))
            }
            parsed[state] = journey
            return journey
        }
        var versions: [MapVersion] = []
        for commit in commits {
            guard let blob = commit.map.blob else { continue }
            let after = try journey(State(map: blob, mapPath: commit.map.path, measurements: commit.measurements?.blob,
                                          measurementsPath: commit.measurements?.path), at: commit.map.place)
            if !commit.changesMap, after?.measurementsFile != commit.measurements?.path { continue }
            let before = try commit.mapBefore.flatMap { map in
                try journey(State(map: map.blob, mapPath: map.path, measurements: commit.measurementsBefore?.blob,
                                  measurementsPath: commit.measurementsBefore?.path), at: commit.map.place + 1)
            }
            let changes = zip(before.map { [$0] } ?? [], after.map { [$0] } ?? []).flatMap(JourneyDiff.changes)
            versions.append(MapVersion(version: commit.map, journey: after, changes: changes, first: commit.mapBefore == nil))
        }
        return versions
    }

    /// What no single file shows: personas, maps and stages that maps name or link to, and two things claiming one
    /// place in the output.
    private func checkSite(_ maps: VisitedSite, personas: [Persona], inputs: SiteInputs, copied: [StaticFile],
                           config: SiteConfig, loader: SiteLoader, reuse: Reuse, report: inout Report) throws {
        // A map that is not read may link to a stage of one that is, or to one made a draft: only a full build
        // checks those links.
        let draftsLeftOut = !options.includeDrafts
        if try reuse.linkedMapsChanged(maps.claims, draftsLeftOut: draftsLeftOut) { throw LinkedMapsChanged() }
        let linking = maps.claims.contains { !$0.links.isEmpty } || personas.contains { !$0.links.isEmpty }
        // What the build writes, asked of a link to a file the site does not have: every map's folder, read in this
        // run or not.
        lazy var written = OutputClaims(maps: inputs.maps.map { ($0, Slug.forMap($0, inContent: config.contentPath)) },
                                        personas: personas, staticFiles: [], sitemap: config.baseURL != nil)
            .writtenPaths(history: history != nil)
        let problems = SiteValidator(journeys: maps.claims, personas: personas, mapPaths: inputs.maps,
                                     contentPath: config.contentPath, draftsLeftOut: draftsLeftOut,
                                     recorded: linking ? reuse.recordedForLinks() : { _ in nil },
                                     files: linking ? inputs.staticFiles.map(\.path) : [],
                                     copied: linking ? Set(copied.map(\.path)) : [],
                                     written: { written($0) }).validate()
            + OutputClaims(maps: maps.folders, personas: personas, staticFiles: inputs.staticFiles,
                           sitemap: config.baseURL != nil)
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

    /// The catalogue, the dashboard, comparisons, the plan, persona pages and theme files, from what they show of the
    /// maps (read now or recorded; a rebuild reads only those of the pages it makes again), and the static files.
    private func emitSitePages(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)],
                               renderer: PageRenderer,
                               personas: [Persona], context: RenderContext, inputs: SiteInputs, loader: SiteLoader,
                               into sink: some BuildSink, reuse: Reuse, run: inout BuildRun) throws {
        var pages: [OutputFile] = []
        let statics = inputs.staticFiles.map(\.outputPath)
        switch reuse.sitePages(now: now, in: context) {
        case .unchanged:
            run.siteFiles = reuse.recordedSiteFiles ?? statics
            run.plan = reuse.earlierPlan
        case .reused(let earlier):
            pages = earlier
            run.plan = reuse.earlierPlan
            run.siteFiles = pages.map(\.path) + statics
        case .render:
            // Only now is every map's entry gathered: an update decodes the record's lines of the other maps.
            let built = try reuse.shown(entries, now: now).filter(\.built)
            // Each page is written as soon as it is made, so that they are never all held at once; the preview
            // keeps them instead.
            let progress = options.progress
            let write: (@Sendable (OutputFile) throws -> Void)? = reuse.remembers ? nil : { @Sendable file in
                try sink.emit(file)
                progress?.wrote(1)
            }
            let made = try renderer.sitePages(SiteIndex(built), write: write)
            run.plan = made.plan
            let personaPages = personas.map { renderer.personaPage($0, journeys: built.map(\.summary)) }
            run.madeSitePages = made.paths + personaPages.map(\.path)
            let others = personaPages + renderer.sitemapFiles(pages: run.madeSitePages, maps: built.map(\.summary.slug))
                + renderer.assetFiles
            pages = made.files + others
            run.siteFiles = made.paths + others.map(\.path) + statics
        case .renderShowing(let changes, let kept, let earlier):
            let slugs: [String], showing: Set<String>
            // Files of the output written as patches of themselves: not among `pages`.
            var patched: [String] = []
            // The plan's CSV as the output has it, or as the preview made it.
            let earlierFile: @Sendable (String) -> RangedFile? = { path in
                guard let kept else { return sink.earlier(path) }
                return kept.first { $0.path == path }.map { RangedFile($0.bytes) }
            }
            // The maps' slugs, for the sitemap: read from the record's 10,000 lines on another core while the
            // pages are made.
            let slugsRead = Pending { Result { try reuse.slugs(entries, now: now) } }
            var narrowed: NarrowPages?
            do {
                narrowed = try narrowSitePages(changes, entries: entries, now: now, renderer: renderer, earlier: earlierFile,
                                               reuse: reuse)
            } catch is RecordDamaged where kept != nil {
                // The preview has no record to fall back from: it makes the pages from every map instead.
                narrowed = nil
            }
            var patches: [(path: String, patch: FilePatch)] = []
            if let narrow = narrowed {
                (pages, run.plan, showing, patches) = (narrow.pages, narrow.plan, narrow.showing, narrow.patches)
                slugs = try slugsRead.value.get()
            } else {
                let all = try reuse.shown(entries, now: now)
                let built = all.filter(\.built)
                let index = SiteIndex(built)
                var selection = renderer.presenter.pagesShowing(changes, in: index, earlierPlan: reuse.earlierPlan) {
                    // Every built map as it was: the changed ones as they were, in the same order.
                    earlier ?? {
                        // A changed map's entry as it was, nil when it was not built then.
                        let before: [String: SitePageEntry?] = Dictionary(
                            changes.map { ($0.after?.path ?? $0.before!.path, $0.before) }, uniquingKeysWith: { first, _ in first })
                        return all.compactMap { entry in
                            if let was = before[entry.path] { return was }
                            return entry.built ? entry : nil
                        }
                    }()
                }
                // A plan not laid out again is the recorded one while every map keeps its place among the built.
                run.plan = selection.plan?.plan
                    ?? (changes.allSatisfy { $0.before != nil && $0.after != nil } ? reuse.earlierPlan : nil)
                // The plan's CSV patched while the pages are made; made whole when the file is not as recorded.
                let patching = selection.planRows.map { rows in Pending { Self.planPatch(rows, earlier: earlierFile) } }
                pages = try renderer.sitePages(index, only: selection).files
                let csv = patching?.value.map { (path: PagePaths.planCSV, patch: $0) }
                patches = csv.map { [$0] } ?? []
                if patching != nil && csv == nil {
                    selection.planRows = nil
                    pages += try renderer.sitePages(index, only: SitePageSelection(paths: [PagePaths.planCSV], plan: selection.plan)).files
                }
                pages += personas.filter { selection.contains(PagePaths.persona($0.id) + "/index.html") }
                    .map { renderer.personaPage($0, journeys: built.map(\.summary)) }
                slugs = built.map(\.summary.slug)
                showing = selection.paths ?? []
            }
            // The preview holds its files whole; an update writes each patch, the rest of the file copied.
            for (path, patch) in patches {
                if kept != nil {
                    guard let earlier = earlierFile(path), let bytes = patch.applied(to: earlier) else { throw RecordDamaged() }
                    pages.append(OutputFile(path: path, bytes: bytes))
                } else {
                    try sink.emit(patch, to: path)
                    patched.append(path)
                }
            }
            run.madeSitePages = pages.map(\.path) + patched
            // The pages kept are the earlier ones but those made again and those no map shows now (the last map of
            // a tag left it); the sitemap lists them all again.
            let sitemap = Set([PagePaths.sitemap, PagePaths.robots])
            let replaced = showing.union(sitemap)
            let keptFiles = kept?.filter { !replaced.contains($0.path) }
            let staticPaths = Set(statics)
            let keptPaths = keptFiles?.map(\.path)
                ?? (reuse.recordedSiteFiles ?? []).filter { !replaced.contains($0) && !staticPaths.contains($0) }
            pages += renderer.sitemapFiles(pages: keptPaths + run.madeSitePages, maps: slugs)
            // The preview hands its kept pages over again; an update leaves them in the output.
            pages += keptFiles ?? []
            run.siteFiles = (keptFiles == nil ? keptPaths : []) + pages.map(\.path) + patched + statics
        }
        if reuse.remembers {
            pages = parallelMap(pages) { $0.asBytes }
            run.memo?.sitePages = pages
            run.memo?.siteContext = context
            run.memo?.plan = run.plan
        }
        for page in pages { try sink.emit(page) }
        try sink.copy(inputs.staticFiles, from: loader)
        options.progress?.wrote(pages.count + inputs.staticFiles.count)
        if reuse.remembers { run.memo?.shown = now.map(\.entry) }
        // A preview keeps no record: every map was read, and `now` is all of them.
        run.mapCount = sink.keepsRecord ? entries.lazy.filter(\.built).count : now.lazy.filter(\.entry.built).count
        // A committed build builds every map but the drafts it leaves out: it says how many, never silently.
        let leftOut = (sink.keepsRecord ? entries.count : now.count) - run.mapCount
        if leftOut > 0 { run.notes.append(.draftsLeftOut(leftOut)) }
    }

    /// A rebuild's site pages when its changes show on no card, or on cards in place, and move actions (if at all)
    /// by their stages' figures alone: only the maps those pages show are read (an update's, from the record), the
    /// plan is the last build's, with moved actions placed again in it (reading a few more maps), and its CSV is
    /// the last build's (`earlier`) with the changed maps' rows written again and the others moved, as a patch of
    /// it; so are the pages of every map that show the changes in place (the catalogue, the tag pages, the
    /// dashboard with a moved row, `maps.json`). With the plan and the pages to make again; nil when the changes
    /// need every map, or a page to patch is not as the last build printed it.
    private func narrowSitePages(_ changes: [MapChange], entries: [RecordedMap],
                                 now: [(path: String, entry: SitePageEntry)], renderer: PageRenderer,
                                 earlier: @escaping @Sendable (String) -> RangedFile?,
                                 reuse: Reuse) throws -> NarrowPages? {
        let presenter = renderer.presenter
        // Told before the outlines are made from every record line.
        guard SitePresenter.showOnNoCard(changes) || SitePresenter.showInPlace(changes) else { return nil }
        let outlines = try reuse.outlines(entries, now: now)
        // Actions that moved are placed again reading a few maps, one by one.
        guard let narrow = presenter.pagesShowing(changes, outlines: outlines, plan: reuse.earlierPlan,
                                                  planned: reuse.planned(entries, now: now))
        else { return nil }
        let plan = narrow.laidOut ?? reuse.earlierPlan
        // The maps whose rows the dashboard's moved rows go beside are read too, not shown on the pages made.
        let shown = try reuse.shown(entries, now: now, only: narrow.maps.union(narrow.movedRows.values.map(\.neighbour)))
        let movedRows = try narrow.movedRows.mapValues { row in
            try row.map { place in
                guard let map = shown[place] else { throw RecordDamaged() }
                return map
            }
        }
        let index = SiteIndex(narrow.maps.sorted().map { shown[$0]! }, compared: narrow.compared)
        var selection = SitePageSelection(paths: narrow.pages, plan: nil)
        var reprinted: [OutputFile] = []
        if let plan, narrow.pages.contains(PagePaths.planCSV) {
            // The pages whose actions of unchanged maps an earlier page printed are made of those pages.
            let reprint = reuse.earlierPlan.flatMap { written in
                renderer.planReprint(pages: narrow.planPages, of: plan, layout: narrow.layout, written: written,
                                     maps: outlines.count, changed: narrow.changed, slug: { [outlines] in outlines[$0].slug },
                                     read: { path in earlier(path).flatMap { $0.read(0..<$0.size) } })
            }
            // The actions printed anew: the plan names actions of the maps it was made with, and a place beyond them
            // is a damaged record.
            let named = narrow.planPages.flatMap { page in
                narrow.layout[page].flatMap { part in plan.kinds[part.kind].owners[part.owner].entries[part.entries] }
                    .filter { reprint?.reprints($0, onto: page) != true }
            }
            // Of the maps read whole, what the plan shows is theirs; of the others, only that is read.
            let planned = try reuse.planned(entries, now: now, only: Set(named.map(\.map)).subtracting(narrow.maps))
                .merging(shown.mapValues { $0 as any PlannedMap }, uniquingKeysWith: { _, whole in whole })
            guard named.allSatisfy({ planned[$0.map]?.actions.indices.contains($0.action) == true }) else { throw RecordDamaged() }
            let maps = PlanMaps(some: planned)
            let made = reprint.map { reprint in
                parallelMap(narrow.planPages.sorted()) { page in
                    reprint.page(page) { renderer.planItem($0, of: maps[$0.map], onPage: page) }
                        .map { (page, $0) }
                }.compactMap { $0 }
            } ?? []
            reprinted = made.map(\.1)
            selection.plan = PlanPages(plan: plan, pages: presenter.planPages(from: plan, maps: maps,
                                                                              numbers: narrow.planPages.subtracting(made.map(\.0))))
            // A table by the maps' places, not a set: asked for each of the plan's 140,000 actions at 10,000 maps.
            var changed = [Bool](repeating: false, count: outlines.count)
            for place in narrow.changed { changed[place] = true }
            let showing = { @Sendable [changed] (place: Int) in changed[place] }
            let before = PlanMaps(some: narrow.before.mapValues { $0 as any PlannedMap })
            selection.planRows = presenter.changedPlanRows(plan, now: maps, were: before, showing: showing,
                                                           written: reuse.earlierPlan)
        }
        // The CSV's rows, and the changed maps' parts of the pages of every map, go into the output's files while
        // the other pages are made: a job each, the three pages of 10,000 cards (18 MB each) on both cores.
        let chosen = selection
        let patched = narrow.patched.sorted { $0.key < $1.key }
        let made = parallelMap(Array(-2..<patched.count)) { job in
            Result { () throws -> (pages: [OutputFile], patch: (path: String, patch: FilePatch)?)? in
                switch job {
                case -2: return (try renderer.sitePages(index, only: chosen).files, nil)
                case -1:
                    guard let rows = chosen.planRows else { return ([], nil) }
                    return Self.planPatch(rows, earlier: earlier).map { ([], (PagePaths.planCSV, $0)) }
                default:
                    let (path, part) = patched[job]
                    guard let file = earlier(path),
                          let patch = renderer.patch(path, showing: part, earlier: file, changes: changes,
                                                     movedRows: movedRows) else { return nil }
                    return ([], (path, patch))
                }
            }
        }
        // A file that does not hold a changed map's part as printed (the catalogue's table names the map; the CSV
        // was cut short by hand): every map's entry is read instead, and that way makes it whole.
        let jobs = try made.map { try $0.get() }
        guard jobs.allSatisfy({ $0 != nil }) else { return nil }
        return NarrowPages(pages: jobs[0]!.pages + reprinted, patches: jobs.compactMap { $0!.patch }, plan: plan,
                           showing: narrow.pages.union(narrow.patched.keys))
    }

    /// The plan's CSV as the output (or the preview) has it with `rows` written again, and its others moved where
    /// they go; nil when it is missing or does not hold the rows the last build wrote.
    private static func planPatch(_ rows: PlanRows, earlier: (String) -> RangedFile?) -> FilePatch? {
        earlier(PagePaths.planCSV).flatMap { SpreadsheetCSV.replacingRows(in: $0, rows: rows.now, were: rows.were, moved: rows.moved) }
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
        let (theme, templateProblems) = Theme.load(overrides: overrides, templatesFolder: config.templatesPath) { name, names in
            Suggestion.help(for: name, among: names)
        }
        problems += templateProblems
        for source in overrides where problems.contains(where: { $0.location.file == source.path }) {
            report.sources[source.path] = source
        }
        report.diagnostics += problems
        return problems.hasErrors ? nil : theme
    }
}

/// The site pages a rebuild makes when its changes need only some maps: the pages, the output's files it patches
/// (the plan's CSV, the pages of every map that show the changes in place), the plan they were laid out from, and
/// the paths of the site pages that show the changes.
private struct NarrowPages {
    var pages: [OutputFile]
    var patches: [(path: String, patch: FilePatch)]
    var plan: ActionPlan?
    var showing: Set<String>

    init(pages: [OutputFile], patches: [(path: String, patch: FilePatch)] = [], plan: ActionPlan?, showing: Set<String>) {
        (self.pages, self.patches, self.plan, self.showing) = (pages, patches, plan, showing)
    }
}

/// Diagnostics as the driver gathers them, with the text of each file that has one.
package struct Report {
    package var diagnostics: [Diagnostic]
    package var sources: [String: SourceText]

    package init(diagnostics: [Diagnostic], sources: [String: SourceText]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    package mutating func add(_ problems: [Diagnostic], source: SourceText?) {
        diagnostics += problems
        if let source { sources[source.path] = source }
    }
}

/// A map as one run of the driver left it: small, since a build holds one for each of its maps at once.
package struct VisitedMap: Sendable {
    package var path: String
    package var diagnostics: [Diagnostic]
    /// The text of the file, when its diagnostics need it.
    package var source: SourceText?
    /// The text of the files it named, when their diagnostics need it.
    package var companions: [SourceText]
    /// The measurements file it names: an input of the map, not a static file.
    package var measurementsFile: String?
    package var claim: JourneyClaim?
    package var slug: String?
    /// What the site pages show of it.
    package var shown: SitePageEntry?
    /// Its line of the build record, when the sink keeps one.
    package var recorded: RecordedMap?
    /// The names of the files made of it in its folder (none when the sink keeps no record, their only reader);
    /// nil when it was not rendered (an error, a draft left out, a check).
    package var files: [String]?
    package var filesReused = false
    package var failure: Error?
    /// The map, its facts and what it was made from, when the sink keeps maps (a check, the preview).
    package var kept: KeptMap?
    /// Whether the previous preview's memo holds what this visit made of the map (the same bytes, entry and files).
    package var remembered = false
    /// The hash of the map's file as read, for the record, when the sink hashes maps (a first build).
    package var inputHash: UInt64?

    package init(path: String, outcome: FileOutcome<Journey>) {
        self.path = path
        diagnostics = outcome.diagnostics
        source = outcome.source
        companions = outcome.companions
        measurementsFile = outcome.value?.measurementsFile
    }
}

/// What a check or the preview keeps of a map beyond the visit.
package final class KeptMap: @unchecked Sendable {
    // Written only on the thread that visits the map, before the visit is returned.
    package var outcome: FileOutcome<Journey>
    package var bytes: [UInt8]
    package var facts: JourneyFacts?
    package var rendered: [OutputFile] = []

    package init(outcome: FileOutcome<Journey>, bytes: [UInt8]) {
        self.outcome = outcome
        self.bytes = bytes
    }
}

/// The maps of one run, reduced to what the later steps need once every map was let go: a 10,000-map build
/// keeps a few hundred bytes of each, not its whole visit.
package struct VisitedSite {
    package var claims: [JourneyClaim] = []
    /// Each map's file and output folder.
    package var folders: [(path: String, slug: String)] = []
    /// What the site pages show of each map read, by its path.
    package var shown: [(path: String, entry: SitePageEntry)] = []
    package var recorded: [RecordedMap] = []
    /// Kept when the sink keeps maps, but for the preview.
    package var facts: [JourneyFacts] = []
    package var journeys: [Journey] = []
    /// Each map read, with the measurements file it names.
    package var measurements: [(map: String, file: String?)] = []
    /// The maps read whose visits reported a problem, in their files or a measurements file they name.
    package var warned: [String] = []
    /// The first page that could not be written.
    package var failure: Error?
    package var renderedCount = 0
    /// Every visit as it was, for the preview's memo.
    package var kept: [VisitedMap] = []
    /// The hash of each map's file as read, by its path, when the sink hashes maps (a first build).
    package var inputHashes: [String: UInt64] = [:]

    package init(_ visits: [Result<VisitedMap, Error>], keepingAll: Bool, report: inout Report) throws {
        // Of their size at once: grown by doubling, the lists of a 100,000-map build kept room for 31,000 maps more.
        claims.reserveCapacity(visits.count)
        folders.reserveCapacity(visits.count)
        shown.reserveCapacity(visits.count)
        recorded.reserveCapacity(visits.count)
        measurements.reserveCapacity(visits.count)
        for result in visits {
            let visit = try result.get()
            report.add(visit.diagnostics, source: visit.source)
            for companion in visit.companions { report.sources[companion.path] = companion }
            measurements.append((visit.path, visit.measurementsFile))
            if !visit.diagnostics.isEmpty { warned.append(visit.path) }
            if let hash = visit.inputHash { inputHashes[visit.path] = hash }
            if let claim = visit.claim { claims.append(claim) }
            if let slug = visit.slug { folders.append((visit.path, slug)) }
            if let entry = visit.shown { shown.append((visit.path, entry)) }
            if let line = visit.recorded { recorded.append(line) }
            // A check's result holds them; the preview's memo has them in its visits.
            if !keepingAll, let facts = visit.kept?.facts { self.facts.append(facts) }
            if !keepingAll, let journey = visit.kept?.outcome.value { journeys.append(journey) }
            failure = failure ?? visit.failure
            if visit.files != nil && !visit.filesReused { renderedCount += 1 }
            if keepingAll { kept.append(visit) }
        }
    }
}

/// What one run of the driver did.
package struct BuildRun: Sendable {
    package var check: CheckResult
    /// Every map's line of the record, read now or taken from the record, in path order.
    package var entries: [RecordedMap] = []
    /// The files written besides the maps' (catalogue, persona pages, theme files, static files).
    package var siteFiles: [String] = []
    /// The maps whose stages links name, for the record.
    package var linkedMaps: [String] = []
    /// The maps with a problem in their files (their own, or a measurements file they name), found as the map was
    /// read or by the site's checks (a link to a draft), for the record.
    package var warnedMaps: [String] = []
    /// The maps any link leads to, for the record.
    package var linkTargets: [String] = []
    /// The measurements file each map names, by the map's path, for the record.
    package var measurements: [String: String] = [:]
    package var mapCount = 0
    package var renderedMapCount = 0
    /// The site pages made again (the catalogue, a tag's page, the plan…), by their paths; a sitemap and the
    /// theme's files are not counted.
    package var madeSitePages: [String] = []
    /// The action plan as this build laid it out, for the record; nil when it is not known (an update that read
    /// it from no record and did not lay it out).
    package var plan: ActionPlan?
    /// Whether the sink took the build.
    package var committed = false
    /// Said once besides the diagnostics.
    package var notes: [Message] = []
    package var memo: PreviewMemo?
    /// The hash of each map's file as the visits read it, by its path (a record's inputs that the snapshot did not
    /// read).
    package var inputHashes: [String: UInt64] = [:]

    /// Every file of the build, relative to the output.
    package var fileCount: Int { entries.reduce(siteFiles.count) { $0 + ($1.built ? $1.fileCount ?? 0 : 0) } }
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
