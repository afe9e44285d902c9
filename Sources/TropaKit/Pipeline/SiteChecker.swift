import Foundation

/// What checking a site found: the site (when its config and schema could be read) and every diagnostic.
public struct CheckResult: Sendable {
    /// Nil when the config or the schema is broken, so no map could be read against them. Its maps are left out
    /// after a check with a `visitor` (a full build), which hands each map over as it is parsed.
    public var site: Site?
    /// In reading order: by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The text of every file that has a diagnostic, to show the lines they point at.
    public var sources: [String: SourceText]
    /// The compiled theme, when the site's templates parse.
    var theme: Theme?
    /// What the next check of the same site can reuse.
    var memo = ParseMemo()
}

/// A site's config and schema; nil when either is broken.
public struct SettingsResult: Sendable {
    public var settings: (config: SiteConfig, schema: LayerSchema)?
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceText]
}

/// The front half of the pipeline: load → parse → validate, for `tropa check` and as the start of a build.
public struct SiteChecker: Sendable {
    public let fileSystem: FileSystem
    /// An earlier check of the same site, whose parsed files are reused where nothing changed.
    var previous: ParseMemo?
    /// Whether the result keeps every file's bytes and outcome for the next check (`tropa serve`).
    var remembers = false
    /// When set, only these maps (paths relative to the site folder) are read and checked: an incremental build.
    var onlyJourneys: Set<String>?
    /// Set by a full build. Once the settings, personas and theme are read without an error (or, when `strict`,
    /// a warning), it makes the visit each map then gets as soon as it is parsed and valid, on the thread that
    /// parsed it (the build renders and writes its pages there). A visited check keeps no maps in its result:
    /// 10,000 parsed maps held until every map was parsed were most of a build's memory. It visits no more maps
    /// once one has an error (or, when `strict`, a warning): that build will not be written.
    var visitor: (@Sendable (Site, Theme) -> @Sendable (Journey) throws -> Void)?
    var strict = false

    public init(fileSystem: FileSystem = DiskFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Checks the site in `root`. Throws `SiteError` only for problems with folders and files as such.
    public func check(root: String) throws -> CheckResult {
        let loader = SiteLoader(fileSystem: fileSystem, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]

        guard let (config, schema) = try readSettings(loader, diagnostics: &diagnostics, sources: &sources) else {
            return result(nil, diagnostics, sources)
        }

        let listing = try loader.listContent(config)
        let journeyPaths = listing.journeys.filter { onlyJourneys?.contains($0) ?? true }
        let personaFiles = try loader.read(listing.personas.map(\.path))
        let reusable = previous.flatMap { $0.config == config && $0.schema == schema ? $0 : nil }
        let personaParser = PersonaParser(unsafeHTML: config.unsafeHTML)
        let personaIDs = listing.personas.map(\.id)
        let parsedPersonas = parallelMap(Array(zip(personaIDs, personaFiles))) { id, file -> FileOutcome<Persona> in
            if let earlier = reusable?.personas[file.path], earlier.bytes == file.bytes { return earlier.outcome }
            switch SourceText.decode(path: file.path, bytes: file.bytes) {
            case .failure(let diagnostic):
                return FileOutcome(value: nil, diagnostics: [diagnostic], source: nil)
            case .success(let source):
                let (persona, problems) = personaParser.parse(source, id: id)
                return FileOutcome(value: persona, diagnostics: problems, source: problems.isEmpty ? nil : source)
            }
        }
        let personas = parsedPersonas.compactMap { $0.value }
        var problems: [Diagnostic] = []
        let theme = try loadTheme(config, loader: loader, diagnostics: &problems, sources: &sources)
        problems += parsedPersonas.flatMap(\.diagnostics)
        let frame = Site(config: config, schema: schema, journeys: [], personas: personas,
                         staticFiles: listing.staticFiles)
        let strict = strict
        let visit = (diagnostics + problems).failBuild(strict: strict) ? nil
            : theme.flatMap { theme in visitor?(frame, theme) }
        let stopped = StopSignal()

        let reader = JourneyReader(config: config, schema: schema)
        // Each map is read where it is parsed and its bytes let go after (10,000 maps are 70 MB), unless they are
        // kept for the next check to compare.
        let parsedJourneys = try parallelMap(journeyPaths) { path -> Result<ParsedJourney, Error> in
            Result {
                let file = try loader.read(path)
                let kept = remembers ? file.bytes : []
                var outcome = reusable?.journeys[file.path].flatMap { $0.bytes == file.bytes ? $0.outcome : nil }
                    ?? reader.outcome(of: file)
                let claim = outcome.value.map(JourneyClaim.init)
                if let visit {
                    if outcome.diagnostics.failBuild(strict: strict) {
                        stopped.signal()
                    } else if let journey = outcome.value, !stopped.isSignalled {
                        try visit(journey)
                    }
                    outcome.value = nil
                }
                return ParsedJourney(outcome: outcome, claim: claim, bytes: kept)
            }
        }.map { try $0.get() }
        diagnostics += problems
        for outcome in parsedJourneys.map({ $0.outcome.erased }) + parsedPersonas.map({ $0.erased }) {
            if let source = outcome.source { sources[source.path] = source }
        }
        diagnostics += parsedJourneys.flatMap(\.outcome.diagnostics)
        let siteProblems = SiteValidator(journeys: parsedJourneys.compactMap(\.claim), personas: personas,
                                         staticFiles: listing.staticFiles).validate()
        diagnostics += siteProblems
        // Problems only the whole site shows still point at a line: keep those files' text too.
        for path in Set(siteProblems.map { $0.location.file }).sorted() where sources[path] == nil {
            if let file = try loader.readOptional(path), case .success(let source) = SourceText.decode(path: path, bytes: file.bytes) {
                sources[path] = source
            }
        }
        var site = frame
        site.journeys = parsedJourneys.compactMap(\.outcome.value)
        var checked = result(site, diagnostics, sources)
        checked.theme = theme
        if remembers {
            checked.memo = ParseMemo(config: config, schema: schema,
                                     journeys: memoized(zip(journeyPaths, parsedJourneys).map { ($0, $1.bytes, $1.outcome) }),
                                     personas: memoized(zip(personaFiles, parsedPersonas).map { ($0.path, $0.bytes, $1) }))
        }
        return checked
    }

    /// The site's config and schema alone, for `tropa schema` and `tropa new`.
    public func settings(root: String) throws -> SettingsResult {
        let loader = SiteLoader(fileSystem: fileSystem, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        let settings = try readSettings(loader, diagnostics: &diagnostics, sources: &sources)
        return SettingsResult(settings: settings, diagnostics: diagnostics, sources: sources)
    }

    /// `tropa.yml` and the schema; nil when either has errors, since no map can be read against them.
    private func readSettings(_ loader: SiteLoader, diagnostics: inout [Diagnostic],
                              sources: inout [String: SourceText]) throws -> (SiteConfig, LayerSchema)? {
        var config = SiteConfig()
        if let file = try loader.readOptional(SiteConfig.fileName) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            let (parsed, problems) = ConfigParser.parse(source)
            config = parsed
            keep(problems, of: source, sources: &sources, diagnostics: &diagnostics)
        }
        guard !diagnostics.hasErrors else { return nil }

        var schema = LayerSchema.default
        let schemaIsExplicit = config.schemaPath != SiteConfig().schemaPath
        if let file = try loader.readOptional(config.schemaPath, required: schemaIsExplicit) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            let (parsed, problems) = SchemaParser.parse(source)
            keep(problems, of: source, sources: &sources, diagnostics: &diagnostics)
            guard let parsed else { return nil }
            schema = parsed
        }
        return (config, schema)
    }

    /// The built-in theme with the site's `templates/` files over it, compiled, so `check` finds template errors too.
    private func loadTheme(_ config: SiteConfig, loader: SiteLoader, diagnostics: inout [Diagnostic],
                           sources: inout [String: SourceText]) throws -> Theme? {
        var overrides: [SourceText] = []
        var problems: [Diagnostic] = []
        let folder = loader.root.appendingPath(config.templatesPath)
        if fileSystem.kind(at: folder) == .directory {
            let paths = try fileSystem.files(under: folder).map { config.templatesPath.appendingPath($0) }
            for file in try loader.read(paths) {
                switch SourceText.decode(path: file.path, bytes: file.bytes) {
                case .success(let source): overrides.append(source)
                case .failure(let diagnostic): problems.append(diagnostic)
                }
            }
        }
        let (theme, templateProblems) = Theme.load(overrides: overrides, templatesFolder: config.templatesPath)
        problems += templateProblems
        for source in overrides where problems.contains(where: { $0.location.file == source.path }) {
            sources[source.path] = source
        }
        diagnostics += problems
        return problems.isEmpty ? theme : nil
    }

    private func memoized<Value>(_ files: [(path: String, bytes: [UInt8], outcome: FileOutcome<Value>)])
        -> [String: (bytes: [UInt8], outcome: FileOutcome<Value>)] {
        Dictionary(files.map { ($0.path, ($0.bytes, $0.outcome)) }, uniquingKeysWith: { first, _ in first })
    }

    private func decode(_ file: RawFile, diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .success(let source): return source
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private func keep(_ problems: [Diagnostic], of source: SourceText, sources: inout [String: SourceText],
                      diagnostics: inout [Diagnostic]) {
        diagnostics += problems
        if !problems.isEmpty { sources[source.path] = source }
    }

    private func result(_ site: Site?, _ diagnostics: [Diagnostic], _ sources: [String: SourceText]) -> CheckResult {
        CheckResult(site: site, diagnostics: diagnostics.sortedByLocation(), sources: sources)
    }
}

/// The maps and personas one check parsed, with the bytes they were parsed from: a later check under the same
/// config and schema takes a file's outcome from here when its bytes are unchanged (`tropa serve` rebuilds).
struct ParseMemo: Sendable {
    fileprivate var config = SiteConfig()
    fileprivate var schema = LayerSchema.default
    fileprivate var journeys: [String: (bytes: [UInt8], outcome: FileOutcome<Journey>)] = [:]
    fileprivate var personas: [String: (bytes: [UInt8], outcome: FileOutcome<Persona>)] = [:]
}

/// Decodes, parses and validates one map file.
private struct JourneyReader: Sendable {
    let contentRoot: String
    let parser: JourneyParser
    let validator: JourneyValidator

    init(config: SiteConfig, schema: LayerSchema) {
        contentRoot = config.contentPath
        parser = JourneyParser(schema: schema, unsafeHTML: config.unsafeHTML)
        validator = JourneyValidator(schema: schema, language: config.language)
    }

    func outcome(of file: RawFile) -> FileOutcome<Journey> {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .failure(let diagnostic):
            return FileOutcome(value: nil, diagnostics: [diagnostic], source: nil)
        case .success(let source):
            let slug = Slug.forContentPath(String(file.path.dropFirst(contentRoot.count + 1)))
            let (journey, problems) = parser.parse(source, slug: slug)
            let all = problems + validator.validate(journey)
            return FileOutcome(value: journey, diagnostics: all, source: all.isEmpty ? nil : source)
        }
    }
}

/// A map as one check read it: its outcome (without the map itself when it was visited), what the site-wide
/// checks need of it, and the bytes it was parsed from when the check remembers them.
private struct ParsedJourney: Sendable {
    var outcome: FileOutcome<Journey>
    var claim: JourneyClaim?
    var bytes: [UInt8]
}

/// Raised by one thread, seen by the others: a map with an error ends the visits.
private final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func signal() { lock.withLock { raised = true } }
    var isSignalled: Bool { lock.withLock { raised } }
}

/// What reading one file gave: its value when it could be read, its diagnostics, and its text when they need it.
private struct FileOutcome<Value: Sendable>: Sendable {
    var value: Value?
    var diagnostics: [Diagnostic]
    var source: SourceText?

    var erased: FileOutcome<Never> { FileOutcome<Never>(value: nil, diagnostics: diagnostics, source: source) }
}
