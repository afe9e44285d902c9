import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput

/// What a run of the driver takes from an earlier build instead of doing it again.
package enum Reuse: Sendable {
    /// Everything is read, parsed and rendered (`tropa check`, a full build).
    case nothing
    /// An update: only the `changed` maps are read; the record of the last clean build gives the other maps'
    /// facts and files, and its site files. Anything but a map changed would have made this a full build.
    case record(BuildRecord, changed: Set<String>)
    /// The preview: what the previous preview parsed from the same bytes under the same settings is not parsed
    /// again, and what it rendered from them in the same context is not rendered again.
    case preview(PreviewMemo?)

    /// What becomes of the catalogue, persona pages and theme files.
    package enum SitePages {
        /// They show nothing that changed: the output's stay (an update).
        case unchanged
        /// They show nothing that changed: these are the ones made before (the preview).
        case reused([OutputFile])
        case render
    }

    package func mapsToRead(_ maps: [String]) -> [String] {
        guard case .record(_, let changed) = self else { return maps }
        return maps.filter(changed.contains)
    }

    /// Whether the run keeps each file's bytes and outcome for the next (the preview).
    package var keepsBytes: Bool {
        if case .preview = self { return true }
        return false
    }

    package func persona(_ file: RawFile, config: SiteConfig, schema: LayerSchema) -> FileOutcome<Persona>? {
        guard case .preview(let memo?) = self, memo.config == config, memo.schema == schema,
              let earlier = memo.personas[file.path], earlier.bytes == file.bytes else { return nil }
        return earlier.outcome
    }

    package func journey(_ file: RawFile, config: SiteConfig, schema: LayerSchema) -> FileOutcome<Journey>? {
        guard case .preview(let memo?) = self, memo.config == config, memo.schema == schema,
              let earlier = memo.journeys[file.path], earlier.bytes == file.bytes else { return nil }
        return earlier.outcome
    }

    /// A map's files rendered before from the same bytes in the same context.
    package func files(of file: RawFile, in context: RenderContext) -> [OutputFile]? {
        guard case .preview(let memo?) = self,
              let earlier = memo.journeys[file.path], earlier.filesBytes == file.bytes, earlier.context == context
        else { return nil }
        return earlier.files
    }

    /// Every map's line of the record: the ones read now, and for an update the record's for the others, in path
    /// order; nil when the record lacks a map it should have.
    package func entries(merging visited: [RecordedMap]) -> [RecordedMap]? {
        guard case .record(let record, _) = self else { return visited }
        let now = Dictionary(visited.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return record.maps.map { now[$0.path] ?? $0 }
    }

    /// What the site pages show of every map of `entries`: from the maps read now, and for an update from the
    /// record's lines of the others (nil when one is damaged).
    package func shown(_ entries: [RecordedMap], now: [(path: String, entry: SitePageEntry)]) -> [SitePageEntry]? {
        guard case .record = self else { return now.map(\.entry) }
        let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
        var shown: [SitePageEntry] = []
        for entry in entries {
            guard let entry = now[entry.path] ?? entry.map?.shown else { return nil }
            shown.append(entry)
        }
        return shown
    }

    package func sitePages(now: [(path: String, entry: SitePageEntry)], shown: [SitePageEntry],
                           in context: RenderContext) -> SitePages {
        switch self {
        case .nothing:
            return .render
        case .record(let record, let changed):
            // The catalogue and the persona pages show a little of each map's facts: when that is as it was for
            // every changed map, so are the pages (all else they show is unchanged, or this would be a full build).
            let earlier = Dictionary(record.maps.lazy.filter { changed.contains($0.path) }.map { ($0.path, $0) },
                                     uniquingKeysWith: { first, _ in first })
            let now = Dictionary(now, uniquingKeysWith: { first, _ in first })
            let same = changed.allSatisfy { path in now[path] != nil && earlier[path]?.map?.shown == now[path] }
            return same ? .unchanged : .render
        case .preview(let memo):
            guard let memo, memo.siteContext == context, !memo.sitePages.isEmpty, memo.shown == shown else {
                return .render
            }
            return .reused(memo.sitePages)
        }
    }

    /// The site files of the recorded build, which an update keeps.
    package var recordedSiteFiles: [String]? {
        guard case .record(let record, _) = self else { return nil }
        return record.siteFiles
    }
}

/// The maps and personas one preview parsed and rendered, with the bytes they were made from.
package struct PreviewMemo: Sendable {
    package struct Map: Sendable {
        package var bytes: [UInt8]
        package var outcome: FileOutcome<Journey>
        package var files: [OutputFile]
        /// What `files` were rendered from, and in: the last good render, kept while the map is broken.
        package var filesBytes: [UInt8]
        package var context: RenderContext?
    }

    package var config: SiteConfig
    package var schema: LayerSchema
    package var journeys: [String: Map] = [:]
    package var personas: [String: (bytes: [UInt8], outcome: FileOutcome<Persona>)] = [:]
    /// What the site pages show of every map, and the catalogue, persona pages and theme files made from it in
    /// `siteContext`.
    package var shown: [SitePageEntry] = []
    package var sitePages: [OutputFile] = []
    package var siteContext: RenderContext?

    /// A run that rendered nothing (the site is broken) keeps what `previous` rendered, to reuse once it is mended.
    package init(config: SiteConfig, schema: LayerSchema, context: RenderContext, visits: [VisitedMap],
         personas: [(RawFile, FileOutcome<Persona>)], previous: PreviewMemo?) {
        self.config = config
        self.schema = schema
        for visit in visits where journeys[visit.path] == nil {
            guard let kept = visit.kept else { continue }
            var map = Map(bytes: kept.bytes, outcome: kept.outcome, files: kept.rendered, filesBytes: kept.bytes,
                          context: visit.files == nil ? nil : context)
            if visit.files == nil, let earlier = previous?.journeys[visit.path], earlier.context != nil {
                (map.files, map.filesBytes, map.context) = (earlier.files, earlier.filesBytes, earlier.context)
            }
            journeys[visit.path] = map
        }
        for (file, outcome) in personas where self.personas[file.path] == nil {
            self.personas[file.path] = (file.bytes, outcome)
        }
    }
}

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
