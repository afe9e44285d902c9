import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput

/// What a run of the driver takes from an earlier build instead of doing it again.
package enum Reuse: Sendable {
    /// Everything is read, parsed and rendered (`tropa check`, a full build).
    case nothing
    /// An update: only the `changed` maps are read; the record of the last build gives the other maps'
    /// facts and files, and its site files. Anything but a map changed would have made this a full build.
    case record(BuildRecord, changed: Set<String>)
    /// The preview: what the previous preview parsed from the same bytes under the same settings is not parsed
    /// again, and what it rendered from them in the same context is not rendered again.
    case preview(PreviewMemo?)

    /// What becomes of the site pages: the catalogue, dashboard, comparisons, tag, segment and persona pages, the
    /// plan, `maps.json`, the sitemap and the theme files.
    package enum SitePages {
        /// They show nothing that changed: the output's stay (an update).
        case unchanged
        /// They show nothing that changed: these are the ones made before (the preview).
        case reused([OutputFile])
        case render
        /// These maps changed what some pages show: those are made again and the others kept, the output's (an
        /// update) or `kept` (the preview's). `before` is every built map as the kept pages show them (the
        /// preview's; an update's are the record's).
        case renderShowing([MapChange], kept: [OutputFile]?, before: [SitePageEntry]?)
    }

    package func mapsToRead(_ maps: [String]) -> [String] {
        guard case .record(_, let changed) = self else { return maps }
        return maps.filter(changed.contains)
    }

    /// Whether this run rebuilds from an earlier one (an update, or the preview).
    package var rebuilds: Bool {
        if case .nothing = self { return false }
        return true
    }

    /// Whether the run is remembered for the next (the preview): each file's bytes, outcome and pages.
    package var remembers: Bool {
        if case .preview = self { return true }
        return false
    }

    /// The previous preview's parsed files, when it read them under the same settings; decided once per run, not
    /// once per map (comparing two schemas 10,000 times was most of a rebuild).
    package func parsed(config: SiteConfig, schema: LayerSchema) -> PreviewMemo? {
        guard case .preview(let memo?) = self, memo.config == config, memo.schema == schema else { return nil }
        return memo
    }

    /// The previous preview's rendered files, when it made them in the same context.
    package func rendered(in context: RenderContext) -> [String: PreviewMemo.Map]? {
        guard case .preview(let memo?) = self, memo.filesContext == context else { return nil }
        return memo.journeys
    }

    /// Every map's line of the record: the ones read now, and for an update the record's for the others, in path
    /// order; nil when the record lacks a map it should have.
    package func entries(merging visited: [RecordedMap]) -> [RecordedMap]? {
        guard case .record(let record, _) = self else { return visited }
        let now = Dictionary(visited.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // A map read again whose facts are as recorded keeps its line where the facts file has it.
        return record.maps.map { recorded in now[recorded.path].map { $0.line == recorded.line ? recorded : $0 } ?? recorded }
    }

    /// What the site pages show of every map of `entries`: from the maps read now, and for an update from the
    /// record's lines of the others.
    package func shown(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)]) throws -> [SitePageEntry] {
        guard case .record = self else { return now.map(\.entry) }
        let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
        // Decoding 10,000 lines is a tenth of a one-map rebuild: on every core, from the facts file read once.
        let shown = parallelMap(RecordedMap.holdingFacts(entries)) { entry in now[entry.path] ?? entry.map?.shown }
        return try shown.map { entry in
            guard let entry else { throw RecordDamaged() }
            return entry
        }
    }

    /// Of the built maps of `entries` (by their place among them), what the site pages show of those `places`
    /// names: from the maps read now, and for an update from the record's lines of the others.
    package func shown(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)],
                       only places: Set<Int>) throws -> [Int: SitePageEntry] {
        try read(places, of: entries, now: now, as: { $0 }, recorded: { $0.map?.shown })
    }

    /// The same of what the plan shows: for an update, from the record's lines without the rest of the maps.
    package func planned(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)],
                         only places: Set<Int>) throws -> [Int: any PlannedMap] {
        try read(places, of: entries, now: now, as: { $0 }, recorded: { $0.planned })
    }

    /// What the plan shows of the built map of `entries` at a place, one map at a time: placing a moved action
    /// again in the plan reads about twenty, one after another.
    package func planned(_ entries: [RecordedMap],
                         now: [(path: String, entry: SitePageEntry)]) -> (Int) throws -> any PlannedMap {
        let reading = reader(of: entries, now: now, as: { $0 as any PlannedMap }, recorded: { $0.planned })
        return { place in
            guard let map = reading(place) else { throw RecordDamaged() }
            return map
        }
    }

    /// Of the built maps of `entries`, the ones at `places`: `shown` of the maps read now, `recorded` of the
    /// record's lines of the others (nil for a damaged one).
    private func read<Value: Sendable>(_ places: Set<Int>, of entries: [RecordedMap],
                                       now: [(path: String, entry: SitePageEntry)],
                                       as shown: @escaping @Sendable (SitePageEntry) -> Value,
                                       recorded: @escaping @Sendable (RecordedMap) -> Value?) throws -> [Int: Value] {
        let reading = reader(of: entries, now: now, as: shown, recorded: recorded)
        let read = parallelMap(places.sorted()) { place in (place, reading(place)) }
        return try Dictionary(uniqueKeysWithValues: read.map { place, value in
            guard let value else { throw RecordDamaged() }
            return (place, value)
        })
    }

    /// What reads the built map of `entries` at a place (among the built ones): `shown` of a map read now,
    /// `recorded` of the record's line of another (nil for a damaged one).
    private func reader<Value: Sendable>(of entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)],
                                         as shown: @escaping @Sendable (SitePageEntry) -> Value,
                                         recorded: @escaping @Sendable (RecordedMap) -> Value?) -> @Sendable (Int) -> Value? {
        guard case .record = self else {
            // Places among the built maps, taken where `now` holds them: a copy of 10,000 entries took 100 ms.
            let built = now.indices.filter { now[$0].entry.built }
            return { place in shown(now[built[place]].entry) }
        }
        // The built maps' places among the entries, not a copy of 10,000 of them.
        let built = entries.indices.filter { entries[$0].built }
        let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
        return { place in
            let entry = entries[built[place]]
            return now[entry.path].map(shown) ?? recorded(entry)
        }
    }

    /// The outline of every built map of `entries`: from the maps read now, and for an update from the record's
    /// lines of the others (not their facts).
    package func outlines(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)]) throws -> [MapOutline] {
        guard case .record(let record, _) = self else { return now.compactMap { $0.entry.built ? $0.entry.outline : nil } }
        let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
        // The entries are the record's maps in their order, those read again in their place (`entries(merging:)`):
        // the others' outlines are the ones the record made of the same lines.
        let recorded = entries.count == record.maps.count ? record.outlines : nil
        return try entries.indices.compactMap { index in
            let entry = entries[index]
            guard entry.built else { return nil }
            let outline = now[entry.path]?.outline
                ?? recorded.flatMap { record.maps[index].line == entry.line ? $0[index] : nil } ?? entry.outline
            guard let outline else { throw RecordDamaged() }
            return outline
        }
    }

    /// The slug of every built map of `entries`, in their order: for an update from the record's lines.
    package func slugs(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)]) throws -> [String] {
        guard case .record = self else { return now.compactMap { $0.entry.built ? $0.entry.summary.slug : nil } }
        return try entries.lazy.filter(\.built).map { entry in
            guard let slug = entry.slug else { throw RecordDamaged() }
            return slug
        }
    }

    /// The action plan as the last build laid it out (the record's, or the previous preview's), when it did.
    package var earlierPlan: ActionPlan? {
        switch self {
        case .nothing: nil
        case .record(let record, _): record.plan
        case .preview(let memo): memo?.plan
        }
    }

    /// Which site pages must be made again, given what they show of the maps read now.
    package func sitePages(now: [(path: String, entry: SitePageEntry)], in context: RenderContext) -> SitePages {
        switch self {
        case .nothing:
            return .render
        case .record(let record, let changed):
            // The site pages show a little of each map's facts; all else they show is unchanged, or this would be
            // a full build. A map not built (a draft) is on none of them.
            let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
            var changes: [MapChange] = []
            for line in record.maps where changed.contains(line.path) {
                guard let earlier = line.map?.shown else { return .render }
                let change = MapChange(before: earlier.built ? earlier : nil, after: now[line.path].flatMap { $0.built ? $0 : nil })
                if change.before != change.after { changes.append(change) }
            }
            return changes.isEmpty ? .unchanged : .renderShowing(changes, kept: nil, before: nil)
        case .preview(let memo):
            // A preview reads every map: `now` is the whole site.
            guard let memo, memo.siteContext == context, !memo.sitePages.isEmpty else { return .render }
            let before = memo.shown.filter(\.built)
            let changes = MapChange.between(before, now.compactMap { $0.entry.built ? $0.entry : nil })
            return changes.isEmpty ? .reused(memo.sitePages) : .renderShowing(changes, kept: memo.sitePages, before: before)
        }
    }

    /// Whether a map an update read may have broken the links of maps it did not read: one whose stages some map
    /// links to, with stages other than the ones recorded; or, when the build leaves drafts out, one some map links
    /// to, built before and a draft now. (A draft published needs nothing: a map linking to a draft had a warning,
    /// so the update reads it again too.)
    package func linkedMapsChanged(_ claims: [JourneyClaim], draftsLeftOut: Bool) throws -> Bool {
        guard case .record(let record, let changed) = self else { return false }
        let linked = Set(record.linkedMaps), targets = Set(draftsLeftOut ? record.linkTargets : [])
        let earlier = Dictionary(record.maps.lazy.filter { changed.contains($0.path) && (linked.contains($0.path) || targets.contains($0.path)) }
                                    .map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return try claims.contains { claim in
            guard let line = earlier[claim.path] else { return false }
            // Without `--drafts`, a map was built exactly when it was not a draft.
            if targets.contains(claim.path), claim.linked.draft, line.built { return true }
            guard linked.contains(claim.path) else { return false }
            guard let map = line.map else { throw RecordDamaged() }
            return Self.linkedMap(map.facts).stages != claim.linked.stages
        }
    }

    /// The maps whose stages the links of `claims` name, with (for an update) the recorded ones: a map whose link
    /// is gone stays until the next full build, which costs at most a full build too many.
    package func linkedMaps(adding claims: [JourneyClaim]) -> [String] {
        linked(by: claims, recorded: \.linkedMaps) { $0.anchor != nil }
    }

    /// The maps the links of `claims` lead to, with a fragment or without, with (for an update) the recorded ones.
    package func linkTargets(adding claims: [JourneyClaim]) -> [String] {
        linked(by: claims, recorded: \.linkTargets) { _ in true }
    }

    private func linked(by claims: [JourneyClaim], recorded: KeyPath<BuildRecord, [String]>,
                        _ counts: (MapLink) -> Bool) -> [String] {
        // A link to its own map is checked whenever that map is read; one to a file, by every build that reads the
        // map (a file added or removed makes a full build).
        var linked = Set(claims.flatMap { claim in claim.links.filter { !$0.leadsToFile && counts($0) && $0.target != claim.path }.map(\.target) })
        if case .record(let record, _) = self { linked.formUnion(record[keyPath: recorded]) }
        return linked.sorted()
    }

    /// What links need of a recorded map, by its path, its line decoded only when asked for (an update's links to
    /// maps it did not read).
    package func recordedForLinks() -> (String) -> LinkedMap? {
        guard case .record(let record, _) = self else { return { _ in nil } }
        let lines = Dictionary(record.maps.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return { path in lines[path]?.map.map { Self.linkedMap($0.facts) } }
    }

    private static func linkedMap(_ facts: JourneyFacts) -> LinkedMap {
        LinkedMap(stages: facts.stages.map { LinkedStage(name: $0.name, branch: $0.branch) }, draft: facts.summary.draft)
    }

    /// The measurements file each map of the recorded build named, by the map's path; nil but for an update.
    package func recordedMeasurements() throws -> [String: String]? {
        guard case .record(let record, _) = self else { return nil }
        guard let measurements = record.measurements else { throw RecordDamaged() }
        return measurements
    }

    /// The site files of the recorded build, which an update keeps.
    package var recordedSiteFiles: [String]? {
        guard case .record(let record, _) = self else { return nil }
        return record.siteFiles
    }
}

/// The maps and personas one preview parsed and rendered, with the bytes they were made from.
package struct PreviewMemo: Sendable {
    /// A class: a rebuild looks up and passes on 10,000 of them, and a copy of a structure of this size retained
    /// each of its fields.
    package final class Map: Sendable {
        /// The map's bytes, and its measurements file's after a NUL.
        package let bytes: [UInt8]
        package let outcome: FileOutcome<Journey>
        package let facts: JourneyFacts?
        /// Its files as made in `filesContext`, and the bytes they were made from: the last good render, kept
        /// while the map is broken.
        package let files: [OutputFile]
        package let filesBytes: [UInt8]
        /// What the site pages show of it, and what the site's checks read of it.
        package let shown: SitePageEntry?
        package let claim: JourneyClaim?

        init(bytes: [UInt8], outcome: FileOutcome<Journey>, facts: JourneyFacts?, files: [OutputFile],
             filesBytes: [UInt8], shown: SitePageEntry?, claim: JourneyClaim?) {
            (self.bytes, self.outcome, self.facts, self.files, self.filesBytes, self.shown, self.claim)
                = (bytes, outcome, facts, files, filesBytes, shown, claim)
        }
    }

    package var config: SiteConfig
    package var schema: LayerSchema
    package var journeys: [String: Map] = [:]
    package var personas: [String: (bytes: [UInt8], outcome: FileOutcome<Persona>)] = [:]
    /// What every map's files were made in.
    package var filesContext: RenderContext?
    /// What the site pages show of every map, and the catalogue, persona pages and theme files made from it in
    /// `siteContext`.
    package var shown: [SitePageEntry] = []
    package var sitePages: [OutputFile] = []
    package var siteContext: RenderContext?
    /// The plan those pages were made from.
    package var plan: ActionPlan?
    /// The size and time of the site's inputs, taken before this preview read them; nil when not known.
    package var watched: [String: FileStatus]?
    /// The inputs whose size or time differ from `watched` now, as the next preview is told; nil when not known.
    package var changed: Set<String>?
    /// Every visit of the run, in path order, when it rendered the site.
    package var visits: [VisitedMap] = []

    /// Of `paths` (in the order of their bytes), by place, the visit of each map whose file and measurements file
    /// are unchanged as far as `changed` tells and whose files this run made, to be taken whole; nil for the others.
    package func visitsTaken(_ paths: [String]) -> [VisitedMap?]? {
        guard let changed, !visits.isEmpty else { return nil }
        var taken: [VisitedMap?] = Array(repeating: nil, count: paths.count)
        var index = 0
        for (place, path) in paths.enumerated() {
            // Both lists in path order: walked side by side.
            while index < visits.count, visits[index].path.utf8Precedes(path) { index += 1 }
            guard index < visits.count, visits[index].path == path else { continue }
            var visit = visits[index]
            guard visit.files != nil, visit.failure == nil, visit.slug != nil, visit.kept?.rendered.isEmpty == false,
                  Self.unchanged(path, companion: visit.measurementsFile, changed: changed) else { continue }
            (visit.filesReused, visit.remembered) = (true, true)
            taken[place] = visit
        }
        return taken
    }

    /// Whether the map at `path` and its measurements file are as a preview read them, as far as its `changed`
    /// tells (a copy of the whole memo for each of 10,000 maps was a cost of its own).
    package static func unchanged(_ path: String, companion: String?, changed: Set<String>?) -> Bool {
        guard let changed else { return false }
        return !changed.contains(path) && !(companion.map(changed.contains) ?? false)
    }

    /// A run that rendered nothing or failed (the site is broken) keeps what `previous` rendered, to reuse once it is
    /// mended.
    package init(config: SiteConfig, schema: LayerSchema, context: RenderContext, rendered: Bool, visits: [VisitedMap],
                 personas: [(RawFile, FileOutcome<Persona>)], previous: PreviewMemo?) {
        self.config = config
        self.schema = schema
        filesContext = rendered ? context : previous?.filesContext
        self.visits = rendered ? visits : []
        let carried = previous?.filesContext == filesContext ? previous?.journeys : nil
        // The previous memo's entries, the maps taken whole from it left as they are: the others are written over.
        journeys = carried ?? [:]
        journeys.reserveCapacity(visits.count)
        var count = 0
        for visit in visits {
            guard let kept = visit.kept else { continue }
            count += 1
            // Its entry is the one `carried` holds: both come from the previous memo in the same context.
            if visit.remembered { continue }
            // A run that failed (a site-wide error found after the maps were rendered) keeps none of its renders.
            var (files, filesBytes) = (rendered ? kept.rendered : [], kept.bytes)
            if files.isEmpty, let earlier = carried?[visit.path], !earlier.files.isEmpty {
                (files, filesBytes) = (earlier.files, earlier.filesBytes)
            }
            journeys[visit.path] = Map(bytes: kept.bytes, outcome: kept.outcome, facts: kept.facts, files: files,
                                       filesBytes: filesBytes, shown: visit.shown, claim: visit.claim)
        }
        // Maps gone since: every map visited has its entry, so more entries than maps means some.
        if journeys.count > count {
            let paths = Set(visits.lazy.filter { $0.kept != nil }.map(\.path))
            journeys = journeys.filter { paths.contains($0.key) }
        }
        if let previous {
            (shown, sitePages, siteContext, plan) = (previous.shown, previous.sitePages, previous.siteContext, previous.plan)
        }
        for (file, outcome) in personas where self.personas[file.path] == nil {
            self.personas[file.path] = (file.bytes, outcome)
        }
    }
}

/// A line of the build record that cannot be read: the build is made whole instead.
package struct RecordDamaged: Error {}

/// An update changed the stages of a map that links name, or made a map that links lead to a draft, and maps it did
/// not read may hold those links: the build is made whole instead.
package struct LinkedMapsChanged: Error {}

/// An update made a file the last build copied a map's measurements, which are read and not copied (links to it from
/// maps the update did not read now lead nowhere), or left a file the last build read as measurements named by no
/// map, which a full build copies: the build is made whole instead.
package struct MeasurementsNamedOtherwise: Error {}

extension BuildRecord.Map {
    /// What the site pages show of it.
    var shown: SitePageEntry { SitePageEntry(facts, built: !files.isEmpty) }
}

extension Reuse {
    package var previousMemo: PreviewMemo? {
        guard case .preview(let memo) = self else { return nil }
        return memo
    }
}
