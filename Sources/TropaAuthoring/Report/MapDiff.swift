import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import TropaBuild
import Foundation

/// `tropa diff MAP [REV] [REV]`: a map's changes between two versions, in journey terms, for reviewing a change
/// in a pull request. Without revisions, the last commit against the file as it is; with one, that revision
/// against the file; with two, the first against the second.
public struct MapDiff: Sendable {
    /// The map, relative to the site folder.
    public let path: String
    public let from: String
    /// Nil for the file as it is in the working tree.
    public let to: String?
    public let changes: [JourneyChange]
    /// With no change between the last commit and the file: the command that shows what that commit did to the map,
    /// when it changed it (nil when it added the map, or left it as it was).
    public var lastCommit: String? = nil
    /// What the measurements files of the two versions could not say (a row left out, a file unreadable), with the
    /// text of those files to quote.
    public let problems: [Diagnostic]
    public let sources: [String: SourceText]
    let presenter: SitePresenter

    /// Reads both versions against the site's settings; nil (with their diagnostics) when the settings are broken.
    /// `language` (`--lang`) words the changes instead of the site's language.
    public static func read(root: String, map: String, revisions: [String], git: GitReading,
                            files: FileReading = DiskFileReader(),
                            language: Language? = nil) throws -> (MapDiff?, SettingsResult) {
        let settings = try SiteChecker(fileSystem: files).settings(root: root)
        guard let (config, schema) = settings.settings else { return (nil, settings) }
        let reader = JourneyReader(config: config, schema: schema)
        let loader = SiteLoader(fileSystem: files, root: root)
        /// The maps of the working tree, relative to the site folder.
        func maps() -> [String] {
            ((try? files.files(under: root.appendingPath(config.contentPath))) ?? [])
                .filter(\.isMarkdownPath).sorted().map { config.contentPath.appendingPath($0) }
        }
        // A file (`content/retail/sofa.md`), a map's name as `compare:` writes it (`retail/sofa`), or the measurements
        // file of one map (`content/retail/sofa.csv`), which is that map's diff, its rows included.
        let path = try SiteError.told(in: language ?? config.language) {
            SiteInputs.isCSV(map) ? try measuredMap(normalized(map), among: maps(), parser: reader.parser, loader: loader)
                : map.isMarkdownPath ? normalized(map) : MapReference.path(of: map, inContent: config.contentPath)
        }
        let from = revisions.first ?? "HEAD"
        let to = revisions.count > 1 ? revisions[1] : nil
        // A path with a typo gets the map it was probably meant to be, among the other maps of the working tree.
        func closeMap() -> Message? {
            Suggestion.help(for: path, among: maps().filter { $0 != path })
        }
        /// A file at `revision`, or in the working tree; nil when it is not there.
        func file(_ path: String, at revision: String?) throws -> RawFile? {
            guard let revision else { return try loader.readOptional(path) }
            return try git.file(path, at: revision).map { RawFile(path: path, bytes: $0) }
        }
        var problems: [Diagnostic] = [], sources: [String: SourceText] = [:]
        /// The map as the last commit has it, when it was read: to tell whether that commit changed it.
        var atHead: [UInt8]?
        /// The map at `revision` with the measurements file it names there. Problems of that file are kept, named
        /// as git names a file at a revision (`HEAD:content/metrics.csv`): a row it could not read is no change.
        func version(_ revision: String?) throws -> Journey {
            guard let map = try file(path, at: revision) else {
                // A map written since the last commit and compared with the working tree: nothing to compare yet.
                let uncommitted = revision == "HEAD" && to == nil && (try? loader.readOptional(path)) != nil
                throw SiteError(revision.map { .noMapAtRevision(path: path, revision: $0) } ?? .noMapInWorkingTree(path),
                                help: uncommitted ? .mapNotCommitted(revision: from) : closeMap())
            }
            if revision == "HEAD" { atHead = map.bytes }
            let outcome = try reader.outcome(of: map) { try file($0, at: revision) }
            guard let journey = outcome.value else {
                throw SiteError(.cannotRead(path, .system(outcome.diagnostics.first?.message(in: .en) ?? "")))
            }
            let named = { (file: String) in revision.map { "\($0):\(file)" } ?? file }
            // A second row of a day is no change left out: the diff takes the last, as the page does.
            for var problem in outcome.diagnostics where problem.code != .measurementTwice
                && (problem.location.file == journey.measurementsFile || problem.code == .measurementInvalid) {
                problem.location.file = named(problem.location.file)
                problems.append(problem)
            }
            for companion in outcome.companions { sources[named(companion.path)] = SourceText(path: named(companion.path), text: companion.text) }
            return journey
        }
        // Git's answers are worded in the site's language, as every other command's.
        let changes = try SiteError.told(in: language ?? config.language) {
            let (old, new) = (try version(from), try version(to))
            return JourneyDiff.changes(from: old, to: new)
        }
        var site = Site(config: config, schema: schema, journeys: [], personas: [], staticFiles: [])
        site.config.language = language ?? config.language
        var diff = MapDiff(path: path, from: from, to: to, changes: changes, problems: problems, sources: sources,
                           presenter: SitePresenter(site: site))
        if changes.isEmpty, to == nil, let atHead, let before = try? git.file(path, at: "HEAD~1"), atHead != before {
            // As a shell takes it: the site when it is not the current folder, a path with spaces quoted.
            let quoted = { (text: String) in text.contains(where: { $0 == " " || $0 == "'" }) ? "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" : text }
            diff.lastCommit = "tropa diff " + quoted(path) + " HEAD~1 HEAD" + (root == "." ? "" : " --site " + quoted(root))
        }
        return (diff, settings)
    }

    /// The one map of `maps` that names `csv` as its measurements; a `SiteError` when none does, or several.
    private static func measuredMap(_ csv: String, among maps: [String], parser: JourneyParser, loader: SiteLoader) throws -> String {
        let name = csv.split(separator: "/").last.map(String.init) ?? csv
        let naming = maps.filter { path in
            // Only a map whose text holds the file's name is parsed.
            guard let file = try? loader.readOptional(path), case .success(let source) = SourceText.decode(path: path, bytes: file.bytes),
                  source.text.contains(name) else { return false }
            return parser.parse(source).journey.measurementsFile == csv
        }
        guard naming.count == 1 else {
            throw SiteError(naming.isEmpty ? .measurementsOfNoMap(csv) : .measurementsOfMaps(csv, naming))
        }
        return naming[0]
    }

    /// `./content/a.md` as `content/a.md`.
    private static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    public func render(_ format: ReportFormat) -> String {
        format == .json ? json() : text(markdown: format == .markdown)
    }

    private func text(markdown: Bool) -> String {
        let words = presenter.words
        let target = to ?? words["diff.workingTree"]
        var text = (markdown ? "### " : "") + "\(path): \(from) → \(target)\n"
        if changes.isEmpty {
            // Right after a commit the file is as HEAD has it: what the commit itself changed is another diff.
            let commit = lastCommit.map { " " + words.diffOfLastCommit($0) } ?? ""
            return text + (markdown ? "\n" : "") + words["diff.none"] + commit + "\n"
        }
        if markdown { text += "\n" }
        for change in changes { text += (markdown ? "- " : "  ") + presenter.describe(change) + "\n" }
        return text
    }

    private struct ChangeJSON: Encodable {
        let kind: String
        /// Nil for a change of the map's own.
        let stage: String?
        let field: String?
        let previousName: String?
        /// An emotion's older label, when it was reworded.
        let previousText: String?
        let from: Int?
        let to: Int?
        let layer: String?
        let text: String?
        /// The day of a measurement that changed.
        let date: String?
        let before: String?
        let after: String?
        /// A field's value as the front matter has it (an ISO date, an evidence's id), where `before` words it.
        let textBefore: String?
        let textAfter: String?
        let valueBefore: Double?
        let valueAfter: Double?
        let description: String
    }

    private struct DiffJSON: Encodable {
        let map: String
        let from: String
        let to: String?
        let changes: [ChangeJSON]
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let entries = changes.map { change in
            let (before, after) = presenter.values(change, quoting: false)
            return ChangeJSON(kind: change.kind.rawValue, stage: change.stage.isEmpty ? nil : change.stage, field: change.field,
                              previousName: change.previousName,
                              previousText: [.scoreChanged, .textChanged, .itemChanged].contains(change.kind) ? change.textFrom : nil,
                              from: change.from, to: change.to, layer: change.layer, text: change.text,
                              date: change.date, before: before, after: after,
                              textBefore: change.kind == .mapChanged ? change.textFrom : nil,
                              textAfter: change.kind == .mapChanged ? change.textTo : nil,
                              valueBefore: change.scoreFrom ?? change.valueFrom?.value,
                              valueAfter: change.scoreTo ?? change.valueTo?.value,
                              description: presenter.describe(change))
        }
        let data = (try? encoder.encode(DiffJSON(map: path, from: from, to: to, changes: entries))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
