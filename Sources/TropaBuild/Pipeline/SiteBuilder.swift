import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// What a build did: its diagnostics, and where it wrote (nil when problems stopped it before writing).
public struct BuildResult: Sendable {
    public var check: CheckResult
    public var outputPath: String?
    public var fileCount: Int
    public var mapCount: Int
    /// Nothing the build reads had changed since the last build into the same output: nothing was written (the last
    /// build's warnings, if any, are reported again).
    public var upToDate = false
    /// What the build says once besides the site's problems (a shallow clone has no history to show).
    public var notes: [Message] = []
    /// The site pages made (the catalogue, a tag's page, the plan…), by their paths in the output: an update
    /// makes again only those that show what changed.
    public var madeSitePages: [String] = []
    /// For an update in place: how many maps were read again and files written; nil for a full build.
    public var update: (maps: Int, written: Int)?

    package init(_ run: BuildRun, output: String?) {
        check = run.check
        notes = run.notes
        madeSitePages = run.committed ? run.madeSitePages.sorted() : []
        outputPath = run.committed ? output : nil
        fileCount = run.committed ? run.fileCount : 0
        mapCount = run.committed ? run.mapCount : 0
    }
}

/// The folders of the last build's output, and whether they still hold every file it wrote.
typealias OutputCheck = (folders: [OutputFolder]?, whole: Bool)

/// `tropa build` and `tropa serve`'s builds: the driver into a staging folder, the output in place, or memory.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem
    /// Where each map's history comes from; nil builds no history pages.
    public let git: GitReading?

    public init(fileSystem: FileSystem = DiskFileSystem(), git: GitReading? = nil) {
        self.fileSystem = fileSystem
        self.git = git
    }

    /// Builds the site into its output. With the record of the last build into the same output, a site whose
    /// inputs are unchanged is not built at all (the maps the last build warned about are read again, to report it),
    /// and one where only maps changed is updated in place.
    public func build(root: String, options: BuildOptions = BuildOptions()) throws -> BuildResult {
        let driver = BuildDriver(reader: fileSystem, root: root, options: options)
        // The commit, the last build's record and whether its output still holds every file it wrote are read on
        // other cores while the inputs are listed and their sizes and times taken: at 10,000 maps, each of the
        // four took 6 to 20 ms of a 70 ms rebuild with nothing changed, two at a time.
        let git = git, fileSystem = fileSystem
        let head = Pending { Result { try git?.head() } }
        let (start, settings, earlier) = try driver.start { config in
            let writer = OutputWriter(fileSystem: fileSystem,
                                      output: OutputWriter.canonical(options.output ?? root.appendingPath(config.outputPath)))
            // Taken before the record is read, so that another build into the same output reads it once this one
            // has left the output: beside an output with a record, or else one tropa would write into (its folders
            // resolved only then: a rebuild with no change reads no link), never beside a folder it refuses. One
            // that cannot be taken (a folder that cannot be written) leaves the error to the first write. A site
            // with errors writes nothing into its output, but the lock beside it stays: removed, a build waiting
            // on it would hold a lock nobody else sees.
            let mayWrite = fileSystem.kind(at: writer.cache) == .file
                || (try? OutputWriter.checkTarget(output: writer.output, site: root, content: root.appendingPath(config.contentPath),
                                               templates: root.appendingPath(config.templatesPath))) != nil
                && (try? writer.mayReplace()) == true
            let held = mayWrite
                ? try? fileSystem.lock(writer.lockFile) { options.whenWaiting?(writer.output, config.language) } : nil
            let record = writer.record()
            // A file deleted from the output would stay missing until its map changed: the build is then a full one.
            // Asked whenever there is a record, though a build that is full anyway (a template changed) ignores it;
            // on other cores still while the record's inputs are compared with the site's (a tenth of a rebuild with
            // nothing changed waited for both, one after the other).
            let output = record.map { record in
                Pending { () -> OutputCheck in
                    let folders = record.outputFolders
                    return (folders, folders.map { writer.holdsEvery($0, folderTimes: record.folderTimes) } ?? false)
                }
            }
            return (writer: writer, held: held, record: record, output: output)
        }
        guard let start, let earlier else { return BuildResult(BuildRun(check: settings), output: nil) }
        let statuses = fileSystem.statuses(of: start.inputs.watched, in: root)
        let (writer, held, record, output) = earlier.value
        var result = try withExtendedLifetime(held?.lock) {
            try SiteError.told(in: start.config.language) {
                try build(start, settings: settings, driver: driver, writer: writer, statuses: statuses,
                          record: record.flatMap { record in output.map { (record, $0) } }, head: try head.value.get())
            }
        }
        if held?.waited == true { result.notes.insert(.waitedForBuild(writer.output), at: 0) }
        return result
    }

    /// The build's settings as the record keeps them: with history, the commit it was read at, so that a new
    /// commit rebuilds the site (and nothing else asks git for more than its commit on a rebuild with no change).
    private func recordSettings(_ options: BuildOptions, config: SiteConfig, head: GitHead?) -> String {
        BuildRecord.settings(options, config: config) + (head.map { " history:" + ($0.shallow ? "shallow" : $0.commit) } ?? "")
    }

    /// The build once the settings are read: up to date, an update in place, or a full build.
    /// `statuses`: those of the site's watched inputs; `earlier`: the record, and the folders of its output and whether
    /// they hold every file it wrote.
    private func build(_ start: BuildDriver.Start, settings: CheckResult, driver: BuildDriver, writer: OutputWriter,
                       statuses: [FileStatus?], record earlier: (record: BuildRecord, output: Pending<OutputCheck>)?,
                       head: GitHead?) throws -> BuildResult {
        let root = driver.root, options = driver.options, record = earlier?.record
        let snapshot = try InputSnapshot.take(start.inputs.watched, statuses: statuses, record: record,
                                              maps: Set(start.inputs.maps), root: root, reader: fileSystem)
        let recordSettings = recordSettings(options, config: start.config, head: head)
        var plan = record?.plan(for: snapshot.inputs, settings: recordSettings) ?? .full
        // An output that lost a file since is rebuilt whole. An update asks only before it writes (`UpdateSink`):
        // the changed maps are read and rendered meanwhile, where it waited 8–10 ms for the answer at 10,000 maps.
        let output = earlier?.output
        if plan == .upToDate, output?.value.whole != true { plan = .full }
        let written = plan == .upToDate ? output?.value.folders : nil
        // Read only when something is built; an update keeps the versions of the maps it builds alone (10,000 maps'
        // versions made and freed were a third of an update of one). The log a build at the same commit kept is
        // taken rather than asked of git again.
        var driver = driver
        func readHistory(keeping kept: Set<String>?) throws {
            guard let git, let head else { return }
            // Read again after an update that became a full build: git's log, when git gave it, is still to keep.
            let asked = driver.history?.log
            // The CSV files too, which maps name as their measurements: a commit of new measurements is a version
            // of the map's history.
            let tables = start.inputs.csvFiles
            driver.history = head.shallow ? GitHistory(commit: head.commit, shallow: true)
                : try git.history(at: head, of: start.inputs.maps + tables, keeping: kept?.union(tables),
                                  log: asked ?? writer.keptLog(at: head))
            if asked != nil { driver.history?.log = asked }
        }
        /// Keeps the log git gave, where the build may write, and lets it go: held to the end of a cold build it was
        /// 37 MB more at the peak (10,000 maps × 20 commits). It is the log of its commit whether or not the build
        /// ends well.
        func keepLog() {
            guard let head, let log = driver.history?.log else { return }
            writer.keep(log: log, at: head)
            driver.history?.log = nil
        }
        switch plan {
        case .upToDate:
            let check = CheckResult(site: nil, diagnostics: [], sources: [:], language: settings.language)
            var result = BuildResult(BuildRun(check: check), output: nil)
            result.outputPath = writer.output
            result.fileCount = written?.reduce(0) { $0 + ($1.count ?? 0) } ?? 0
            result.mapCount = record?.maps.lazy.filter(\.built).count ?? 0
            let leftOut = (record?.maps.count ?? 0) - result.mapCount
            if leftOut > 0 { result.notes.append(.draftsLeftOut(leftOut)) }
            result.upToDate = true
            return result
        case .update(let toRead, _), .report(let toRead):
            // An update reads the maps' facts; without the ones the record names, the build is a full one.
            if let record = record.flatMap(writer.withFacts) {
                do {
                    try readHistory(keeping: Set(toRead))
                    let sink = UpdateSink(writer: writer, record: record, snapshot: snapshot, reporting: plan == .report(toRead),
                                          outputIsWhole: { output?.value.whole == true })
                    let run = try driver.run(start, settings: settings, into: sink, reuse: .record(record, changed: Set(toRead)))
                    // Not committed: the maps read have errors (or, with `--strict`, warnings), which the full build
                    // reports with the rest.
                    if run.committed {
                        keepLog()
                        var result = BuildResult(run, output: writer.output)
                        // The maps read again only to report their warnings are not counted as updated; with none
                        // changed and nothing written, the build only reported its problems again.
                        let changed = if case .update(_, let changed) = plan { changed } else { 0 }
                        if changed == 0 && sink.outcome.written == 0 {
                            result.upToDate = true
                        } else {
                            result.update = (changed, sink.outcome.written)
                        }
                        return result
                    }
                } catch is UpdateSink.Declined {
                } catch is RecordDamaged {
                } catch is LinkedMapsChanged {
                } catch is MeasurementsNamedOtherwise {}
            }
        case .full:
            break
        }
        // A full build, or an update that became one: every map's versions.
        try readHistory(keeping: nil)
        let staged = Result {
            try OutputWriter.checkTarget(output: writer.output, site: root,
                                         content: root.appendingPath(start.config.contentPath),
                                         templates: root.appendingPath(start.config.templatesPath))
            try writer.begin()
        }
        if case .failure(let error) = staged {
            // The site's own problems come first: an output that cannot be written is reported when there are none.
            let run = try driver.run(start, settings: settings, into: CheckSink(keepsMaps: false), reuse: .nothing)
            if run.check.diagnostics.failBuild(strict: options.strict) { return BuildResult(run, output: nil) }
            throw error
        }
        keepLog()
        let sink = StagingSink(writer: writer, snapshot: snapshot, settings: recordSettings)
        return BuildResult(try driver.run(start, settings: settings, into: sink, reuse: .nothing), output: writer.output)
    }

    /// Builds the site in memory, for `tropa serve`: nothing is written. With the `previous` preview of the same
    /// site, only the maps whose files changed are parsed again, and only those pages are rendered again.
    /// `watched`: the size and time of the site's inputs by their paths, taken before this preview reads them; a map
    /// whose file and measurements file have the size and time they had when `previous` read them is taken as it
    /// read it, without being read again. Nil reads every map.
    public func preview(root: String, options: BuildOptions = BuildOptions(), previous: SitePreview? = nil,
                        watched: [String: FileStatus]? = nil) throws -> SitePreview {
        try preview(root: root, options: options, previous: previous, watched: watched, listed: nil)
    }

    /// The same, with the site's inputs as they were `listed` when `watched` was taken (not listed again).
    package func preview(root: String, options: BuildOptions = BuildOptions(), previous: SitePreview? = nil,
                         watched: [String: FileStatus]?, listed: SiteInputs?) throws -> SitePreview {
        let sink = MemorySink()
        var memo = previous?.memo
        if let watched, let earlier = memo?.watched {
            memo?.changed = Set(watched.filter { earlier[$0.key] != $0.value }.keys).union(earlier.keys.filter { watched[$0] == nil })
        }
        var driver = BuildDriver(reader: fileSystem, root: root, options: options)
        driver.listed = listed
        var run = try driver.run(into: sink, reuse: .preview(memo))
        run.memo?.watched = watched
        var preview = SitePreview(check: run.check, memo: run.memo ?? previous?.memo)
        preview.strict = options.strict
        guard run.committed else { return preview }
        preview.pages = sink.files
        preview.staticFiles = sink.staticFiles
        preview.mapCount = run.mapCount
        preview.renderedMapCount = run.renderedMapCount
        preview.madeSitePages = run.madeSitePages.sorted()
        preview.notes = run.notes
        return preview
    }
}

/// A site built in memory by `SiteBuilder.preview`.
public struct SitePreview: Sendable {
    public var check: CheckResult
    /// Every rendered file by its path in the output; empty when the site has errors.
    public var pages = PreviewPages()
    /// Files under `content/` that are served as they are: output path → path of the file itself.
    public var staticFiles: [String: String] = [:]
    public var mapCount = 0
    /// How many maps' pages this build rendered; the others' were unchanged and reused.
    public var renderedMapCount = 0
    /// The site pages made again (those that show what changed of a map), by their paths.
    public var madeSitePages: [String] = []
    /// What a committed build says beside its summary: how many drafts it left out.
    public var notes: [Message] = []
    /// Whether it was built with `--strict`, so that warnings alone stop it.
    public var strict = false
    /// A problem with the site's folders or files as such that stopped this build.
    public var failure: SiteError?
    /// What the next preview of the same site can reuse.
    package var memo: PreviewMemo?

    package init(check: CheckResult, memo: PreviewMemo?) {
        self.check = check
        self.memo = memo
    }

    /// A build that `failure` stopped; what `previous` parsed and rendered is kept for the next rebuild.
    public init(failure: SiteError, previous: SitePreview?) {
        self.init(check: CheckResult(site: nil, diagnostics: [], sources: [:], language: failure.language ?? .en),
                  memo: previous?.memo)
        self.failure = failure
    }

    /// Whether the site could be built: no failure, no error, and no warning in a strict build.
    public var succeeded: Bool { failure == nil && !pages.isEmpty }
}
