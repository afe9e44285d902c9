import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// What the last build into an output read and made, kept beside the output. The next build reads again
/// only the files whose size or time changed; when only maps changed, it parses and renders only those maps and
/// takes the others' summaries from here; when nothing changed, it stops at once (after a build with warnings, it
/// reads again only the maps they are in, to report them).
///
/// It is two files: the record itself (`OutputWriter.cache`), with what a build with nothing changed looks at, and
/// the maps' facts and the plan's order (`OutputWriter.facts`), most of the bytes, read only by an update. The record
/// names the facts file's size, where each map's line is in it (offset and length) and the line's hash, and the
/// plan's lines and their hash, so facts from another build are never taken for these. An update reads only the
/// lines it decodes, and adds its own to the file's end.
package struct BuildRecord: Sendable {
    /// tropa's version and the build options: a record made under others describes another build.
    package var settings: String
    /// Every file the build read (config, schema, content, templates), sorted by path.
    package var inputs: [Input]
    /// Every map of the site, drafts too, in the order of `inputs`.
    package var maps: [RecordedMap]
    /// The files it wrote besides the maps' pages (catalogue, persona pages, theme files, static files).
    package var siteFiles: [String] = []
    /// The maps whose stages some map's link names (`sofa.md#оплата`), sorted: an update that changes their stages
    /// is built whole, since links from maps it does not read may break. An update only adds to it.
    package var linkedMaps: [String] = []
    /// The maps some map's link leads to, with a fragment or without, sorted: an update that makes one of them a
    /// draft (without `--drafts`) is built whole, since links from maps it does not read then lead nowhere. An
    /// update only adds to it.
    package var linkTargets: [String] = []
    /// The measurements file each map names, by the map's path: a changed map that names a file the last build
    /// copied, or that leaves one named by no map, makes the update a full build. Nil when its line cannot be read.
    /// Decoded when asked for (an update alone asks), not by every build that reads the record.
    package var measurements: [String: String]? {
        get {
            guard let measuredLine else { return measuredByMap }
            return Self.decodedMeasurements(measuredLine)
        }
        set { (measuredByMap, measuredLine) = (newValue, nil) }
    }
    private var measuredByMap: [String: String]? = [:]
    private var measuredLine: RecordLine?

    /// The `measured` line's maps and files, paired; nil when they cannot be read or disagree.
    private static func decodedMeasurements(_ line: RecordLine) -> [String: String]? {
        guard let maps = line.list(1), let files = line.list(2), files.count == maps.count else { return nil }
        return Dictionary(zip(maps, files), uniquingKeysWith: { first, _ in first })
    }
    /// The maps whose files the build reported a problem in (a warning: a build with an error is not recorded), sorted.
    /// A build that reuses a map's line reports nothing of it, so every later build reads these maps again.
    package var warnedMaps: [String] = []
    /// How many problems the build reported, in maps or elsewhere (a persona, the settings): a build with any is not
    /// up to date even when nothing changed, since only a run of the pipeline reports them.
    package var diagnosticCount = 0
    /// The time of each output folder that holds a file of the build, relative to the output ("" for the output
    /// itself), taken when the record was written: a folder whose time is unchanged had no file added or removed.
    package var folderTimes: [String: Int64] = [:]
    /// The size of the facts file, as the record names it; nil for a record not read from its file.
    package var factsSize: Int?
    /// The action plan as the build laid it out, its entries naming the built maps by their place among them: an
    /// update that moves no action makes its changed pages from this and the maps they show. In the facts file,
    /// after the maps' lines; nil when the build did not lay it out, or its lines are not the ones `planHash` names.
    package var plan: ActionPlan? {
        get { planDecoded?.value ?? nil }
        set { planDecoded = Pending(newValue) }
    }
    /// The plan, decoded on another core from when the facts file is attached, while the changed maps are read:
    /// 140,000 actions at 10,000 maps took 8–11 ms of a one-map rebuild before it.
    private var planDecoded: Pending<ActionPlan?>?
    /// Each map's outline (nil for a line that cannot be read), made on every core from when the facts file is
    /// attached, while the changed maps are read: an update that no card shows tells the pages to make from them,
    /// and 10,000 lines read then took 10 ms of it (made on one core, a far move waited up to 19 ms for them).
    package var outlines: [MapOutline?] { outlinesMade?.value ?? maps.map(\.outline) }
    private var outlinesMade: Pending<[MapOutline?]>?
    /// Where the plan's lines are in the facts file, and their hash, as the record names them.
    package var planAt: Range<Int>?
    package var planHash: UInt64?

    package init(settings: String, inputs: [Input], maps: [RecordedMap], siteFiles: [String] = [],
                 linkedMaps: [String] = [], linkTargets: [String] = []) {
        (self.settings, self.inputs, self.maps, self.siteFiles, self.linkedMaps, self.linkTargets)
            = (settings, inputs, maps, siteFiles, linkedMaps, linkTargets)
    }

    package struct Input: Sendable, Equatable {
        package var path: String
        package var hash: UInt64
        /// The file's status when it was read; nil when it was changed too close to the build to be trusted.
        package var status: FileStatus?
    }

    /// A map as the record keeps it: the facts the site pages are made from, never markup.
    package struct Map: Sendable, Equatable {
        package var facts: JourneyFacts
        /// The names of the files its pages were written to, in its folder; none for a draft left out.
        package var files: [String]
    }

    /// The files chosen per map are part of them: a build that writes others is a full one, which leaves out the
    /// files no longer chosen.
    package static func settings(_ options: BuildOptions, config: SiteConfig) -> String {
        // The built-in theme's hash too: a tropa built again from newer sources keeps its version, and the pages an
        // update leaves would keep the older theme beside the newer one.
        "tropa \(Tropa.version)" + (options.program.map { " build:" + $0 } ?? "")
            + " theme:\(String(Theme.builtInFingerprint, radix: 16)) drafts:\(options.includeDrafts) strict:\(options.strict)"
            + (config.outputs.map { " outputs:" + $0.joined(separator: ",") } ?? "")
    }

    /// What a build of `inputs` has to do, given this record of the last one.
    package func plan(for inputs: [Input], settings: String) -> BuildPlan {
        guard settings == self.settings, inputs.map(\.path) == self.inputs.map(\.path) else { return .full }
        let mapPaths = Set(maps.map(\.path))
        var changed: [String] = []
        var measuredBy: [String: [String]]?
        for (now, then) in zip(inputs, self.inputs) where now.hash != then.hash {
            if mapPaths.contains(now.path) {
                changed.append(now.path)
                continue
            }
            // A measurements file is an input of the maps that name it (a row added every few weeks): they are read
            // again. A change to anything else (a template, the schema, a persona) may show on every page.
            if measuredBy == nil, let named = measurements {
                measuredBy = Dictionary(grouping: named.keys, by: { named[$0]! })
            }
            guard let maps = measuredBy?[now.path] else { return .full }
            changed += maps
        }
        // A map and its measurements both changed: read once.
        if measuredBy != nil { changed = Set(changed).sorted() }
        guard diagnosticCount > 0 else { return changed.isEmpty ? .upToDate : .update(changed, changed: changed.count) }
        // The last build's problems are reported again: its maps with problems are read again, and the rest (a
        // persona, the settings) is read by any run of the pipeline.
        let again = Set(changed).union(warnedMaps).sorted()
        return changed.isEmpty ? .report(again) : .update(again, changed: changed.count)
    }

    /// Every file the build wrote, relative to the output; nil when a map's line is damaged.
    package var outputFiles: [String]? {
        guard let folders = outputFolders else { return nil }
        var files: [String] = []
        for folder in folders {
            guard let names = folder.names else { return nil }
            files += names.map(folder.path.appendingPath)
        }
        return files
    }

    /// The same by the folder that holds each file, in the order they first come; nil when a map's slug or its list
    /// of files cannot be read. A map's names are made only when asked for.
    package var outputFolders: [OutputFolder]? {
        var folders = Self.grouped(siteFiles, in: "")
        folders.reserveCapacity(folders.count + maps.count)
        for map in maps where map.built {
            guard let folder = map.folder else { return nil }
            let listed = map.listedFiles
            guard listed.complete else { return nil }
            if listed.inSubfolders {
                guard let (_, files) = map.outputFolder else { return nil }
                folders += Self.grouped(files, in: folder)
            } else {
                folders.append(OutputFolder(path: folder, map: map))
            }
        }
        return folders
    }

    /// `paths`, relative to `folder`, by the folder that holds each; in the order they first come.
    private static func grouped(_ paths: [String], in folder: String) -> [OutputFolder] {
        var names: [[String]] = [], keys: [String] = [], places: [String: Int] = [:]
        for path in paths {
            let (inner, name) = path.folderAndName
            let key = folder.appendingPath(inner)
            if let place = places[key] {
                names[place].append(name)
            } else {
                places[key] = keys.count
                keys.append(key)
                names.append([name])
            }
        }
        return zip(keys, names).map { OutputFolder(path: $0, names: $1) }
    }
}

/// A folder that holds files of a build, relative to the output ("" for the output itself), and the names of
/// those files in it. A map's names are read from its record line only when asked for: a rebuild with nothing
/// changed needs them only for a folder whose time is not the recorded one (at 10,000 maps, making 80,000 names
/// took 8 ms of its 110).
package struct OutputFolder: Sendable {
    package let path: String
    private let listed: [String]?
    private let map: RecordedMap?

    package init(path: String, names: [String]) {
        (self.path, listed, map) = (path, names, nil)
    }

    /// The folder of `map`, which holds every file of its pages.
    fileprivate init(path: String, map: RecordedMap) {
        (self.path, listed, self.map) = (path, nil, map)
    }

    /// Nil when the map's line is damaged.
    package var names: [String]? { listed ?? map?.outputFolder?.files }

    /// How many files, without reading a map's names.
    package var count: Int? { listed?.count ?? map?.fileCount }
}

package enum BuildPlan: Equatable {
    /// Nothing changed: the output is the build.
    case upToDate
    /// Only maps changed: these are read (paths relative to the site folder), the `changed` ones and those the last
    /// build reported problems in.
    case update([String], changed: Int)
    /// Nothing changed, but the last build reported problems: an update that reads again the maps it reported them in
    /// (paths relative to the site folder), and writes nothing that is as it was.
    case report([String])
    case full
}

/// Every file a build reads, each with its hash. A file whose status is the one in the last build's record is
/// not read: its hash is taken from the record. Without a record (a first build) the maps are not read here: their
/// hashes are the visits', which read each map anyway (reading all 10,000 here first took 110 ms before a cold
/// build could start). The bytes read for hashing are not kept: the parser reads the maps it needs again, one at
/// a time, rather than the build holding every map's bytes at once.
package struct InputSnapshot {
    package var inputs: [BuildRecord.Input]
    /// The places in `inputs` of the maps left to the visits, whose hash is not known yet.
    private var unhashed: [Int] = []

    package init(inputs: [BuildRecord.Input]) {
        self.inputs = inputs
    }

    /// Whether the visits are to give the maps' hashes.
    package var leavesHashes: Bool { !unhashed.isEmpty }

    /// The snapshot of `paths` (relative to `root`; the site's watched inputs), given their `statuses` when they were
    /// taken already; a path with nothing there is left out. Of `maps` (the maps among them), the visits give the
    /// hashes when there is no record.
    package static func take(_ paths: [String], statuses: [FileStatus?]? = nil, record: BuildRecord?,
                             maps: Set<String> = [], root: String, reader: FileReading) throws -> InputSnapshot {
        // The record has the inputs in the order they are listed, unless files came or went since: only then are
        // they found by their paths.
        let recorded = record?.inputs ?? []
        let known = recorded.count == paths.count && zip(recorded, paths).allSatisfy({ $0.path == $1 }) ? nil
            : Dictionary(recorded.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let statuses = statuses ?? reader.statuses(of: paths, in: root)
        precondition(statuses.count == paths.count, "a status for each path")
        let visited = record == nil ? maps : []
        let inputs = try parallelMap(Array(paths.indices)) { index -> Result<(BuildRecord.Input, read: Bool)?, Error> in
            Result {
                let path = paths[index]
                guard let status = statuses[index] else { return nil }
                if let earlier = known == nil ? recorded[index] : known?[path], earlier.status == status { return (earlier, true) }
                if visited.contains(path) { return (BuildRecord.Input(path: path, hash: 0, status: status), false) }
                var hasher = FNV1a()
                hasher.combine(try reader.read(root.appendingPath(path)))
                return (BuildRecord.Input(path: path, hash: hasher.value, status: status), true)
            }
        }.compactMap { try $0.get() }
        var snapshot = InputSnapshot(inputs: inputs.map(\.0))
        snapshot.unhashed = inputs.indices.filter { !inputs[$0].read }
        return snapshot
    }

    /// The inputs to record, trusting only statuses older than `clock` (a time the file system gave after every
    /// file was read) by a second: a file changed twice within its clock's resolution would look unchanged.
    /// `hashes` are the visits' of the maps left to them; one with none is recorded without a status, as a file
    /// changed too recently is: the next build reads it again and finds it changed.
    package func recorded(before clock: Int64?, hashes: [String: UInt64]) -> [BuildRecord.Input] {
        var inputs = inputs
        for place in unhashed {
            if let hash = hashes[inputs[place].path] { inputs[place].hash = hash } else { inputs[place].status = nil }
        }
        return inputs.map { input in
            var input = input
            if let modified = input.status?.modified, clock.map({ modified >= $0 - 1_000_000_000 }) ?? true {
                input.status = nil
            }
            return input
        }
    }
}

/// The record as a file: a line per input and per map, tab-separated fields, and the facts file a line per map, in
/// the same order. At 10,000 maps a JSON record took 0.4 s to decode (`Codable` costs about a microsecond a value),
/// most of a one-map rebuild; this takes 0.02 s. The facts were in the record until a build with nothing changed
/// spent a quarter of its time reading and splitting their 26 MB.
extension BuildRecord {
    private static let header = "tropa build record 21"

    /// The record and the bytes of its facts file (nil when a map's facts were not read, `attaching`, which no build
    /// keeps): with `appendingTo` (the size of the facts file that the maps'
    /// lines were read from, `attaching`), only the lines that file lacks (the changed maps', and the plan when it
    /// is not the one the file holds), to append to it; the whole file when none is given, or when the file would
    /// then be more than twice what its live lines need. `appended` says which. The facts are made as they are
    /// written, the spooled lines read from the spool then: a line that can no longer be read leaves the file short
    /// of the size the record names, which the next build does not trust. Nil when the file is written whole and
    /// the lines that were in it cannot all be read first (it is the file written). Without `withLines`, the record
    /// ends before its inputs' and maps' lines, which the caller writes after it (`lines`).
    package func encoded(appendingTo existing: Int?, withLines: Bool = true) -> (record: [UInt8], facts: FileParts, appended: Bool)? {
        guard maps.allSatisfy({ $0.factsCount != nil }) else { return nil }
        // A plan the file holds already is not encoded again (140,000 actions at 10,000 maps).
        let keptPlan = existing != nil && plan != nil ? planAt : nil
        let planBytes = keptPlan == nil ? plan.map(Self.encode) ?? [] : []
        let live = maps.reduce(keptPlan?.count ?? planBytes.count) { $0 + ($1.factsRange?.count ?? $1.factsCount!) + 1 }
        let added = maps.reduce(planBytes.count) { $0 + ($1.factsRange == nil ? $1.factsCount! + 1 : 0) }
        // A file that only grew would hold every earlier version of a map edited again and again.
        let appended = existing.map { $0 + added <= 2 * live } ?? false
        let start = appended ? existing! : 0
        let maps = appended ? maps : RecordedMap.holdingFacts(maps)
        guard appended || maps.allSatisfy({ $0.heldFacts != nil || $0.spoolFile != nil }) else { return nil }
        // The lines to write, by the maps' places, a megabyte or so to a part: a part is put together as it is
        // written, from lines held as slices of what was read, not copied into one array (24 MB at 10,000 maps,
        // at the end of a build, beside the 24 MB read back).
        var size = 0, runs: [Range<Int>] = [], runStart = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(maps.count)
        for (place, map) in maps.enumerated() {
            if appended, let range = map.factsRange {
                ranges.append(range)
                continue
            }
            // Rewritten whole, a map's line not held is read from the file it was in, when its part is written.
            guard let count = map.factsCount else { return nil }
            ranges.append((start + size)..<(start + size + count))
            size += count + 1
            if size >= (runs.count + 1) << 20 {
                runs.append(runStart..<place + 1)
                runStart = place + 1
            }
        }
        if runStart < maps.count { runs.append(runStart..<maps.count) }
        var planRange: Range<Int>?, planHash: UInt64?, planPart: [[UInt8]] = []
        if appended, let keptPlan {
            (planRange, planHash) = (keptPlan, self.planHash)
        } else if let plan {
            let planBytes = keptPlan == nil ? planBytes : Self.encode(plan)
            planRange = (start + size)..<(start + size + planBytes.count)
            var hasher = FNV1a()
            hasher.combine(planBytes)
            planHash = hasher.value
            planPart = [planBytes]
            size += planBytes.count
        }
        let (lineRuns, planParts) = (runs, planPart)
        let facts = FileParts(count: lineRuns.count + planParts.count) { part in
            guard part < lineRuns.count else { return planParts[part - lineRuns.count] }
            var bytes: [UInt8] = []
            // Appended, only the lines not in the file yet: the others are not read at all.
            let run = appended ? maps[lineRuns[part]].filter { $0.factsRange == nil }[...] : maps[lineRuns[part]]
            for line in RecordedMap.lines(run) {
                // A line that can no longer be read leaves the file short of the size the record names, so the
                // record is not trusted.
                guard let line else { return bytes }
                bytes += line
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        }
        var bytes = Array((Self.header + "\n").utf8)
        RecordLine.append(["settings", settings], to: &bytes)
        RecordLine.append([.text("site"), .list(siteFiles)], to: &bytes)
        RecordLine.append([.text("linked"), .list(linkedMaps)], to: &bytes)
        RecordLine.append([.text("targets"), .list(linkTargets)], to: &bytes)
        let measurements = self.measurements ?? [:], measured = measurements.keys.sorted()
        RecordLine.append([.text("measured"), .list(measured), .list(measured.map { measurements[$0]! })], to: &bytes)
        RecordLine.append([.text("warned"), .list(warnedMaps), .number(Int64(diagnosticCount))], to: &bytes)
        let folders = folderTimes.keys.sorted()
        RecordLine.append([.text("folders"), .list(folders), .numbers(folders.map { folderTimes[$0]! })], to: &bytes)
        RecordLine.append([.text("facts"), .number(Int64(start + size)), .number(planRange.map { Int64($0.lowerBound) }),
                           .number(planRange.map { Int64($0.upperBound) }), .hex(planHash)], to: &bytes)
        RecordLine.append([.text("at"), .numbers(ranges.map { Int64($0.lowerBound) }), .numbers(ranges.map { Int64($0.count) })],
                          to: &bytes)
        if withLines { bytes += lines }
        return (bytes, facts, appended)
    }

    /// The record's last lines, an input's and a map's each: most of it (4 MB at 10,000 maps), which an update
    /// makes on its own core while the other encodes the rest (a conversion edited waited 8 ms for the record).
    package var lines: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(maps.reduce(inputs.count * 100) { $0 + $1.line.count + 1 })
        for input in inputs {
            RecordLine.appendInput(input.path, hash: input.hash, status: input.status, to: &bytes)
        }
        for index in maps.indices {
            bytes += maps[index].line
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The non-empty lines of `bytes`, found with `memchr`: `split` called a closure per byte, 8 % of a no-change
    /// rebuild at 10,000 maps.
    package static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start).map { base.distance(to: $0) } ?? buffer.count
                if end > start { lines.append(bytes[start..<end]) }
                start = end + 1
            }
        }
        return lines
    }

    /// Nil for a record this version cannot read: the build is then a full one.
    package init?(decoding bytes: [UInt8]) {
        var lines = Self.lines(bytes)[...]
        guard lines.popFirst().map({ String(decoding: $0, as: UTF8.self) }) == Self.header,
              let settingsLine = lines.popFirst().map(RecordLine.init), settingsLine.fields.count == 2,
              let settings = settingsLine.string(1),
              let siteLine = lines.popFirst().map(RecordLine.init), siteLine.fields.count == 2,
              siteLine.string(0) == "site", let siteFiles = siteLine.list(1),
              let linkedLine = lines.popFirst().map(RecordLine.init), linkedLine.fields.count == 2,
              linkedLine.string(0) == "linked", let linkedMaps = linkedLine.list(1),
              let targetsLine = lines.popFirst().map(RecordLine.init), targetsLine.fields.count == 2,
              targetsLine.string(0) == "targets", let linkTargets = targetsLine.list(1),
              let measuredLine = lines.popFirst().map(RecordLine.init), measuredLine.fields.count == 3,
              measuredLine.string(0) == "measured",
              let warnedLine = lines.popFirst().map(RecordLine.init), warnedLine.fields.count == 3,
              warnedLine.string(0) == "warned", let warnedMaps = warnedLine.list(1),
              let diagnosticCount: Int = warnedLine.number(2),
              let foldersLine = lines.popFirst().map(RecordLine.init), foldersLine.fields.count == 3,
              foldersLine.string(0) == "folders", let folders = foldersLine.list(1),
              let times: [Int64] = foldersLine.numbers(2), times.count == folders.count,
              let factsLine = lines.popFirst().map(RecordLine.init), factsLine.fields.count == 5,
              factsLine.string(0) == "facts", let factsSize: Int = factsLine.number(1),
              let atLine = lines.popFirst().map(RecordLine.init), atLine.fields.count == 3, atLine.string(0) == "at",
              let offsets: [Int] = atLine.numbers(1), let lengths: [Int] = atLine.numbers(2),
              lengths.count == offsets.count, !offsets.contains(where: { $0 < 0 }), !lengths.contains(where: { $0 < 0 })
        else { return nil }
        self.init(settings: settings, inputs: [], maps: [], siteFiles: siteFiles, linkedMaps: linkedMaps,
                  linkTargets: linkTargets)
        self.factsSize = factsSize
        self.measuredLine = measuredLine
        (self.warnedMaps, self.diagnosticCount) = (warnedMaps, diagnosticCount)
        if let start: Int = factsLine.number(2), let end: Int = factsLine.number(3), 0 <= start, start <= end,
           let hash: UInt64 = factsLine.number(4, radix: 16) {
            (planAt, planHash) = (start..<end, hash)
        }
        folderTimes = Dictionary(zip(folders, times), uniquingKeysWith: { first, _ in first })
        for line in lines {
            if line.starts(with: "map\t".utf8) {
                guard maps.count < offsets.count, var map = RecordedMap(line: line),
                      case (let at, false) = offsets[maps.count].addingReportingOverflow(lengths[maps.count])
                else { return nil }
                map.factsRange = offsets[maps.count]..<at
                maps.append(map)
                continue
            }
            guard let input = Self.input(line) else { return nil }
            inputs.append(input)
        }
        guard maps.count == offsets.count else { return nil }
    }
}

extension BuildRecord {
    /// An input's line: `input`, its path, hash, size and time; nil when it is not one.
    private static func input(_ line: ArraySlice<UInt8>) -> Input? {
        RecordLine.withFields(of: line, count: 5) { fields -> Input? in
            guard line[fields[0]].elementsEqual("input".utf8), let path = RecordLine.string(line[fields[1]]),
                  let hash: UInt64 = RecordLine.number(line[fields[2]], radix: 16) else { return nil }
            let size: Int? = RecordLine.number(line[fields[3]], radix: 10)
            let modified: Int64? = RecordLine.number(line[fields[4]], radix: 10)
            return Input(path: path, hash: hash,
                         status: size.flatMap { size in modified.map { FileStatus(size: size, modified: $0) } })
        }
    }

    /// The record with its maps' facts in `file`, read a line at a time as maps are decoded: an update that
    /// shows 700 of 10,000 maps read the whole 24 MB file for them, a tenth of its time. Nil when the file is not
    /// of the size the record names; a line is checked against its hash when it is decoded (`RecordedMap.map`).
    package func attaching(_ file: RangedFile) -> BuildRecord? {
        guard let factsSize, file.size == factsSize,
              maps.allSatisfy({ $0.factsRange.map { $0.upperBound < factsSize } ?? false }) else { return nil }
        var record = self
        for index in maps.indices { record.maps[index].factsFile = file }
        let maps = maps
        record.outlinesMade = Pending { parallelMap(maps) { $0.outline } }
        // A plan that is not the one named is left out, and an update that needs it reads every map instead.
        let (planAt, planHash, built) = (planAt, planHash, maps.lazy.filter(\.built).count)
        record.planDecoded = Pending {
            guard let planAt, let planHash, planAt.upperBound <= factsSize, let bytes = file.read(planAt) else { return nil }
            var hasher = FNV1a()
            hasher.combine(bytes)
            return hasher.value == planHash ? Self.decodePlan(Self.lines(bytes)[...], mapCount: built) : nil
        }
        return record
    }

    /// A line per owner of each kind: `plan`, the kind, the owner, and the entries as `map.action` separated by
    /// spaces.
    private static func encode(_ plan: ActionPlan) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(plan.count * 9)
        for group in plan.kinds {
            for owners in group.owners {
                RecordLine.append(["plan", group.kind, owners.owner], to: &bytes)
                bytes[bytes.count - 1] = UInt8(ascii: "\t")
                // Digits straight into the line's room: appended a number at a time, the 140,000 actions of
                // 10,000 maps took 48 million instructions, a twentieth of an update that lays the plan out again.
                let entries = owners.entries
                bytes += [UInt8](unsafeUninitializedCapacity: entries.count * 42 + 1) { line, count in
                    var end = 0
                    for (index, entry) in entries.enumerated() {
                        if index > 0 {
                            line[end] = UInt8(ascii: " ")
                            end += 1
                        }
                        end = RecordLine.writeDigits(of: UInt64(entry.map), radix: 10, into: line, at: end)
                        line[end] = UInt8(ascii: ".")
                        end = RecordLine.writeDigits(of: UInt64(entry.action), radix: 10, into: line, at: end + 1)
                    }
                    line[end] = UInt8(ascii: "\n")
                    count = end + 1
                }
            }
        }
        return bytes
    }

    /// The plan from its lines; nil when one is not as `encode` writes them or names a map beyond `mapCount`.
    private static func decodePlan(_ lines: ArraySlice<ArraySlice<UInt8>>, mapCount: Int) -> ActionPlan? {
        var kinds: [ActionPlan.KindGroup] = []
        for line in lines {
            let fields = RecordLine(line)
            guard fields.fields.count == 4, fields.string(0) == "plan" else { return nil }
            let kind = fields.string(1)
            var entries: [ActionPlan.Entry] = []
            var number = 0, map: Int?
            // The field and a space after its last entry, not a copy of it with one (a line holds an owner's
            // thousands of entries).
            let field = fields.fields[3]
            for index in field.startIndex...field.endIndex {
                let byte = index < field.endIndex ? field[index] : UInt8(ascii: " ")
                switch byte {
                // A number of more digits than any place has is a damaged line, not an overflow.
                case UInt8(ascii: "0")...UInt8(ascii: "9") where number < 1 << 40:
                    number = number * 10 + Int(byte - UInt8(ascii: "0"))
                case UInt8(ascii: ".") where map == nil: (map, number) = (number, 0)
                case UInt8(ascii: " "):
                    guard let place = map, place < mapCount else { return nil }
                    entries.append(ActionPlan.Entry(map: place, action: number))
                    (map, number) = (nil, 0)
                default: return nil
                }
            }
            let owners = ActionPlan.OwnerGroup(owner: fields.string(2), entries: entries)
            if let last = kinds.last, last.kind == kind {
                kinds[kinds.count - 1].owners.append(owners)
            } else {
                kinds.append(ActionPlan.KindGroup(kind: kind, owners: [owners]))
            }
        }
        return ActionPlan(kinds: kinds)
    }
}

/// A map as the record keeps it: its line, decoded only when needed, and its line of the facts file, when read. A
/// one-map rebuild of a large site decodes the one map and copies the other lines as they are.
package struct RecordedMap: Sendable {
    package let path: String
    /// Whether the map's pages were written (a draft left out has none).
    package let built: Bool
    /// The record's line: `map`, the path, the slug, the hash of the facts line, the product, the maps `compare`
    /// names, the title, priority and revenue, and the files; without its newline.
    package let line: ArraySlice<UInt8>
    /// Where the line's last field, the files, starts: found once, as the line is read. Looked for again by each
    /// question a rebuild asks of every map (its folder, its file count, whether its names are all there), it was a
    /// fifth of a rebuild with nothing changed at 10,000 maps.
    private let filesStart: Int
    /// Its line of the facts file, without its newline: the fields of `BuildRecord.Map` that are not in `line`.
    /// Read from the facts file when not held; nil for a record read without it.
    package var facts: ArraySlice<UInt8>? {
        if let heldFacts { return heldFacts }
        if let spooledRange, let spoolFile { return spoolFile.read(spooledRange)?[...] }
        guard let factsRange, let factsFile else { return nil }
        return factsFile.read(factsRange)?[...]
    }
    /// The length of that line, without reading it; nil when it is nowhere.
    fileprivate var factsCount: Int? {
        heldFacts?.count ?? spooledRange.flatMap { spoolFile == nil ? nil : $0.count } ?? factsFile.flatMap { _ in factsRange?.count }
    }
    /// The line of a map read now, or of a map whose line was read with all the others.
    fileprivate var heldFacts: ArraySlice<UInt8>?
    /// Where that line is in the facts file, its newline left out; nil for a map whose line is not in it yet.
    fileprivate var factsRange: Range<Int>?
    fileprivate var factsFile: RangedFile?
    /// Where that line is in a full build's `FactsSpool`, while it is there rather than held, and the spool once
    /// it is read from.
    fileprivate var spooledRange: Range<Int>?
    fileprivate var spoolFile: RangedFile?

    /// The map with its line at `range` of a spool instead of held.
    package func spooled(at range: Range<Int>) -> RecordedMap {
        var map = self
        (map.heldFacts, map.spooledRange) = (nil, range)
        return map
    }

    /// `maps` with the lines they spooled held again, from the spool's `bytes`; nil when one lies beyond them.
    package static func unspooled(_ maps: [RecordedMap], from bytes: [UInt8]) -> [RecordedMap]? {
        var held: [RecordedMap] = []
        held.reserveCapacity(maps.count)
        for var map in maps {
            if let range = map.spooledRange {
                guard range.upperBound <= bytes.count else { return nil }
                (map.heldFacts, map.spooledRange) = (bytes[range], nil)
            }
            held.append(map)
        }
        return held
    }

    /// `maps` with their spooled lines to be read from `spool`.
    package static func spooled(_ maps: [RecordedMap], in spool: RangedFile) -> [RecordedMap]? {
        guard maps.allSatisfy({ $0.spooledRange.map { $0.upperBound <= spool.size } ?? true }) else { return nil }
        return maps.map { map in
            var map = map
            if map.spooledRange != nil { map.spoolFile = spool }
            return map
        }
    }

    /// The facts lines of `maps`, those in a spool read a window of it at a time: a run of maps in path order was
    /// made at about the same time, so their lines lie near each other in the spool; lines scattered wider than
    /// that are read one by one. Nil for a line not found.
    static func lines(_ maps: ArraySlice<RecordedMap>) -> [ArraySlice<UInt8>?] {
        let spooled = maps.compactMap { $0.spoolFile == nil ? nil : $0.spooledRange }
        guard let file = maps.lazy.compactMap(\.spoolFile).first, let low = spooled.map(\.lowerBound).min(),
              let high = spooled.map(\.upperBound).max(), high - low <= 4 * spooled.reduce(0, { $0 + $1.count }) + (1 << 20),
              let window = file.read(low..<high) else { return maps.map(\.facts) }
        return maps.map { map in
            guard let range = map.spoolFile == nil ? nil : map.spooledRange else { return map.facts }
            return window[(range.lowerBound - low)..<(range.upperBound - low)]
        }
    }

    /// `maps` with the lines they do not hold read from their facts file at once: what decodes or rewrites every
    /// line reads the 24 MB file once rather than line by line, 10,000 times.
    package static func holdingFacts(_ maps: [RecordedMap]) -> [RecordedMap] {
        guard let file = maps.lazy.compactMap({ $0.heldFacts == nil ? $0.factsFile : nil }).first,
              let bytes = file.read(0..<file.size) else { return maps }
        return maps.map { map in
            guard map.heldFacts == nil, let range = map.factsRange, range.upperBound <= bytes.count else { return map }
            var held = map
            held.heldFacts = bytes[range]
            return held
        }
    }

    /// The fields of a map's whole entry, as `map` reads them: the record line's first three, the facts line's,
    /// then the record line's last.
    private static let fieldCount = 30, factsFields = 3..<29
    /// The fields of the whole entry that the record line repeats after the hash, for `outline`.
    private static let outlineFields = [5, 14, 3, 12, 13]

    /// `reachBound`: the bound of what gets through the map (`MapHeadline.reachBound`), which sorts the dashboard:
    /// made of the facts by the evaluation, and kept in the outline so that an update places the map's row without
    /// reading the others' facts.
    package init(_ map: BuildRecord.Map, reachBound: Double?) {
        let facts = map.facts, summary = map.facts.summary
        // Made from their buffers once, not once for each of their five lists.
        let actions = Array(facts.actions)
        var bytes: [UInt8] = []
        // In two arrays: the type checker gives up on one literal of all 30 fields.
        let head: [RecordLine.Field] = [
            .text("map"), .text(facts.path), .text(summary.slug), .text(summary.title), .text(summary.personaID),
            .text(summary.product), .text(summary.segment), .list(summary.tags), .text(summary.draft ? "1" : "0"),
            .text(summary.audience.map { "\($0)" }), .text(summary.evidence?.rawValue),
            .text(summary.updated), .text(summary.priority?.rawValue), .text(summary.revenue.map { "\($0)" })]
        RecordLine.append(head + [.list(summary.compare),
                           // The actions as parallel lists; "" for no kind or owner (neither is ever empty).
                           .list(actions.map { String($0.stage) }),
                           .list(actions.map { $0.kind ?? "" }),
                           .list(actions.map { $0.owner ?? "" }),
                           .list(actions.map(\.text.html)),
                           .list(actions.map(\.text.plain)),
                           .list(facts.stages.map(\.name)), .list(facts.stages.map { $0.branch ?? "" }),
                           .list(Self.encode(facts.flow)),
                           .list(Self.encode(facts.stages.map(\.figures))),
                           .list(Self.encode(facts.emotions)),
                           // The review: its period (`14d`, `1m`; none when not set), the last, the next, and
                           // whether the last is a measurement's date (`1`) or the map's (`0`).
                           .text(summary.review?.every.map(Self.encode)), .text(summary.review?.last),
                           .text(summary.review?.next), .text(summary.review.map { $0.measured ? "1" : "0" }),
                           .list(map.files)], to: &bytes)
        self.init(fields: RecordLine(bytes.dropLast()).fields, reachBound: reachBound)!
    }

    /// The entry from the encoded fields of its whole entry (as `map` reads them); nil when they are not as many.
    package init?(fields: [ArraySlice<UInt8>], reachBound: Double?) {
        guard fields.count == Self.fieldCount else { return nil }
        let tab = [UInt8(ascii: "\t")]
        // Copies of the exact size: an appended buffer has up to twice the room, and 10,000 lines are kept.
        let facts = Array(fields[Self.factsFields].joined(separator: tab))
        var hasher = FNV1a()
        hasher.combine(facts)
        // `outputFolder` reads the slug as the third field and the files as the last: keep them there.
        let hash = Array(String(hasher.value, radix: 16).utf8)[...]
        // The product, `compare`, title, priority and revenue again after the hash, and the bound of what gets
        // through: what tells the comparisons that show the map and its place on the dashboard (`outline`), read
        // without the facts.
        var bound: [UInt8] = []  // ended by a line feed, as a line
        RecordLine.append([reachBound.map { "\($0)" }], to: &bound)
        let line = Array((fields[..<Self.factsFields.lowerBound] + [hash] + Self.outlineFields.map { fields[$0] }
                          + [bound.dropLast(), fields[Self.factsFields.upperBound]]).joined(separator: tab))
        self.init(line: line[...])
        heldFacts = facts[...]
    }

    /// Reads the path and whether the map was built; the rest waits for `map`.
    package init?(line: ArraySlice<UInt8>) {
        // The first two tabs and the last, in one pass.
        var first: Int?, second: Int?, last: Int?
        RecordLine.forEachPart(of: line, at: UInt8(ascii: "\t")) { part in
            guard part.endIndex < line.endIndex else { return true }
            if first == nil { first = part.endIndex } else if second == nil { second = part.endIndex }
            last = part.endIndex
            return true
        }
        guard let first, let second, let last, let path = RecordLine.string(line[(first + 1)..<second]) else { return nil }
        self.path = path
        self.line = line
        filesStart = last + 1
        built = line[filesStart...].first != UInt8(ascii: "0")
    }

    /// The whole entry; nil when a line is damaged, or the facts are not read or not this line's.
    package var map: BuildRecord.Map? {
        guard let line = fields, let shown = Self.planned(line), let path = line.string(1), let tags = line.list(7),
              let compare = line.list(14),
              let flow = line.elements(22).flatMap({ Self.decodeFlow($0, stageCount: shown.stages.count) }),
              let files = line.list(29) else { return nil }
        let summary = JourneySummary(slug: shown.slug, title: shown.title, personaID: line.string(4),
                                     product: line.string(5), segment: line.string(6), tags: tags,
                                     draft: line.string(8) == "1", stageCount: shown.stages.count,
                                     audience: line.string(9).flatMap { Double($0) },
                                     evidence: line.string(10).flatMap { Evidence(rawValue: $0) },
                                     updated: line.string(11), priority: line.string(12).flatMap { Priority(rawValue: $0) },
                                     revenue: line.string(13).flatMap { Double($0) }, compare: compare,
                                     review: line.string(26).map { last in
                                         ReviewDates(every: line.string(25).flatMap(Self.decodePeriod), last: last,
                                                     next: line.string(27), measured: line.string(28) != "0")
                                     })
        return BuildRecord.Map(facts: JourneyFacts(path: path, summary: summary, stages: shown.stages, flow: flow,
                                                   emotions: shown.emotions, actions: shown.actions),
                               files: files)
    }

    /// What the plan shows of the map, read without its summary, flow, files and figures other than the
    /// conversions: a one-map rebuild reads it of the ~670 maps that the plan's pages it makes again show. Nil when
    /// what it reads is damaged, or the facts are not read or not this line's (the fields it skips are not checked).
    package var planned: PlanMapFacts? {
        guard let line = fields, let read = Self.planned(line, figures: .conversion) else { return nil }
        return PlanMapFacts(slug: read.slug, title: read.title, actions: read.actions, stages: read.stages,
                            emotions: read.emotions)
    }

    /// The fields `map` and `planned` both read: the slug, the title, the actions, the stages with their figures (of
    /// the role `figures` names, or all) and the curves; nil when one is damaged.
    private static func planned(_ line: RecordLine, figures role: MetricRole? = nil)
        -> (slug: String, title: String, actions: PlanActions, stages: [StageFacts], emotions: [EmotionSeries])? {
        guard line.fields.count == fieldCount, let slug = line.string(2), let title = line.string(3),
              let actions = decodeActions(line), let names = line.list(20),
              let branches = line.list(21), branches.count == names.count,
              actions.indices.allSatisfy({ names.indices.contains(actions.stage(at: $0)) }),
              let figures = line.elements(23).flatMap({ decodeFigures($0, stageCount: names.count, only: role) }),
              let emotions = line.elements(24).flatMap({ decode($0, stageCount: names.count) }) else { return nil }
        let stages = names.indices.map { index in
            StageFacts(name: names[index], figures: figures[index], branch: branches[index].isEmpty ? nil : branches[index])
        }
        return (slug, title, actions, stages, emotions)
    }

    /// The actions from their five parallel lists; nil when they disagree.
    private static func decodeActions(_ line: RecordLine) -> PlanActions? {
        guard let stages: [Int] = line.numbers(15), let kinds = line.list(16), let owners = line.list(17),
              let html = line.list(18), let plain = line.list(19),
              Set([stages.count, kinds.count, owners.count, html.count, plain.count]).count == 1,
              // A map's actions keep their stages as 32-bit numbers: a larger one is no stage of any map.
              stages.allSatisfy({ Int32(exactly: $0) != nil }) else { return nil }
        var actions: [PlanAction] = []
        actions.reserveCapacity(stages.count)
        for (index, stage) in stages.enumerated() {
            actions.append(PlanAction(stage: stage, kind: kinds[index].isEmpty ? nil : kinds[index],
                                      owner: owners[index].isEmpty ? nil : owners[index],
                                      text: RichText(html: html[index], plain: plain[index])))
        }
        return PlanActions(actions)
    }

    /// Each point of each series as `series stage score label`: the score as Swift prints a Double, which reads
    /// back to the same value.
    private static func encode(_ series: [EmotionSeries]) -> [String] {
        series.enumerated().flatMap { index, series in
            series.points.map { "\(index) \($0.stage) \($0.score) \($0.label)" }
        }
    }

    /// A review period as a count and its unit: `14d`, `1m`.
    private static func encode(_ period: ReviewPeriod) -> String {
        switch period {
        case .days(let count): "\(count)d"
        case .months(let count): "\(count)m"
        }
    }

    private static func decodePeriod(_ text: String) -> ReviewPeriod? {
        guard let count = Int(text.dropLast()) else { return nil }
        switch text.last {
        case "d": return .days(count)
        case "m": return .months(count)
        default: return nil
        }
    }

    /// Each start as `s stage`, each edge as `from to`.
    private static func encode(_ flow: StageGraph) -> [String] {
        flow.starts.map { "s \($0)" } + flow.next.enumerated().flatMap { from, next in next.map { "\(from) \($0)" } }
    }

    private static func decodeFlow(_ elements: [ArraySlice<UInt8>], stageCount: Int) -> StageGraph? {
        var next = [[Int]](repeating: [], count: stageCount)
        var starts: [Int] = []
        for element in elements {
            let parts = Self.parts(element, limit: 3)
            let numbers = parts.compactMap { RecordLine.number($0, radix: 10) as Int? }
            if parts.count == 2, parts[0].elementsEqual("s".utf8), let start: Int = RecordLine.number(parts[1], radix: 10),
               (0..<stageCount).contains(start) {
                starts.append(start)
                continue
            }
            guard numbers.count == 2, parts.count == 2, numbers.allSatisfy((0..<stageCount).contains) else { return nil }
            next[numbers[0]].append(numbers[1])
        }
        return StageGraph(starts: starts, next: next)
    }

    /// Each figure as `stage role value low high target unit` (`-` for no range or target), in the order of the
    /// roles; the unit last, as `ValueUnit.code`, which may hold spaces.
    private static func encode(_ figures: [StageFigures]) -> [String] {
        figures.enumerated().flatMap { stage, figures in
            figures.roles.compactMap { role in
                figures[role].map { figure in
                    let low = figure.range.map { "\($0.lowerBound)" } ?? "-", high = figure.range.map { "\($0.upperBound)" } ?? "-"
                    return "\(stage) \(role.rawValue) \(figure.value) \(low) \(high) \(figure.target.map { "\($0)" } ?? "-") \(figure.unit.code)"
                }
            }
        }
    }

    /// The figures of each stage; with `only`, the ones of that role, the others not read.
    private static func decodeFigures(_ elements: [ArraySlice<UInt8>], stageCount: Int,
                                      only wanted: MetricRole? = nil) -> [StageFigures]? {
        var figures = [StageFigures](repeating: [:], count: stageCount)
        for element in elements {
            let parts = Self.parts(element, limit: 7)
            if let wanted, parts.count > 1, !parts[1].elementsEqual(wanted.rawValue.utf8) { continue }
            guard parts.count == 7, let stage: Int = RecordLine.number(parts[0], radix: 10), (0..<stageCount).contains(stage),
                  let role = MetricRole(rawValue: RecordLine.element(parts[1])), let value = Self.double(parts[2]),
                  let unit = ValueUnit(code: RecordLine.element(parts[6])),
                  let low = Self.optionalDouble(parts[3]), let high = Self.optionalDouble(parts[4]),
                  let target = Self.optionalDouble(parts[5]) else { return nil }
            // A damaged range reads as nothing rather than trapping on low > high.
            guard (low == nil) == (high == nil), low.map({ $0 <= high! }) ?? true else { return nil }
            figures[stage][role] = Figure(value: value, unit: unit, range: low.map { $0...high! }, target: target)
        }
        return figures
    }

    private static func decode(_ elements: [ArraySlice<UInt8>], stageCount: Int) -> [EmotionSeries]? {
        var series: [EmotionSeries] = []
        for element in elements {
            let parts = Self.parts(element, limit: 4)
            guard parts.count == 4, let index: Int = RecordLine.number(parts[0], radix: 10), (0...series.count).contains(index),
                  let stage: Int = RecordLine.number(parts[1], radix: 10), (0..<stageCount).contains(stage),
                  let score = Self.double(parts[2]) else { return nil }
            if index == series.count { series.append(EmotionSeries(points: [])) }
            series[index].points.append(EmotionSeries.Point(stage: stage, score: score, label: RecordLine.element(parts[3])))
        }
        return series
    }

    /// An element of a list cut at its first `limit - 1` spaces, as bytes: no `String` per element, no `Substring`
    /// per part, for the figures, flow and curve of the ~670 maps a one-map rebuild's plan page shows.
    private static func parts(_ element: ArraySlice<UInt8>, limit: Int) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        parts.reserveCapacity(limit)
        var start = element.startIndex
        for index in element.indices where element[index] == 0x20 {
            if parts.count == limit - 1 { break }
            parts.append(element[start..<index])
            start = index + 1
        }
        parts.append(element[start...])
        return parts
    }

    /// A number as `Double(_:)` reads its text (the record writes each as Swift prints it).
    private static func double(_ bytes: ArraySlice<UInt8>) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
    }

    /// A number that may be missing (`-`): nil when it is neither, so that a damaged one is not read as missing.
    private static func optionalDouble(_ bytes: ArraySlice<UInt8>) -> Double?? {
        if bytes.elementsEqual("-".utf8) { return .some(nil) }
        guard let number = double(bytes) else { return nil }
        return number
    }

    /// How many files the map's pages are, read from the count that begins the list of them.
    package var fileCount: Int? {
        RecordLine.number(filesField.prefix { $0 != 0x1F }, radix: 10)
    }

    /// The files of the map's pages, relative to the output.
    package var outputFiles: [String]? {
        outputFolder.map { folder, files in files.map { folder + "/" + $0 } }
    }

    /// The map's slug, from its record line.
    package var slug: String? {
        slugField.flatMap(RecordLine.string)
    }

    /// The third field, with another after it; nil when the line has fewer.
    private var slugField: ArraySlice<UInt8>? {
        let tab = UInt8(ascii: "\t")
        guard let first = line.firstIndex(of: tab), let second = line[(first + 1)...].firstIndex(of: tab),
              let third = line[(second + 1)...].firstIndex(of: tab) else { return nil }
        return line[(second + 1)..<third]
    }

    /// What tells which comparisons show the map, from its record line alone; nil when the line is damaged.
    package var outline: MapOutline? {
        // An update asks it of every map.
        RecordLine.withFields(of: line, count: 11) { fields -> MapOutline? in
            let string = { RecordLine.string(line[fields[$0]]) }
            guard let slug = string(2), let compare = RecordLine.list(line[fields[5]]), let title = string(6) else { return nil }
            let bound = string(9)
            let reachBound = bound.flatMap { Double($0) }
            guard (bound == nil) == (reachBound == nil) else { return nil }
            return MapOutline(path: path, slug: slug, product: string(4), compare: compare, title: title,
                              priority: string(7).flatMap { Priority(rawValue: $0) },
                              revenue: string(8).flatMap { Double($0) }, reachBound: reachBound)
        }
    }

    /// The fields of the whole entry, undecoded; nil when a line is damaged, or the facts are not read or not this
    /// line's.
    private var fields: RecordLine? {
        // Each line copied into a buffer of its own first: slices of the record's and the facts file's one buffer,
        // decoded on both cores, had every slice taken and dropped count on that buffer's one reference count,
        // half of decoding 10,000 maps' lines.
        let head = RecordLine(Array(line)[...]).fields
        guard let facts = facts.map({ Array($0)[...] }), head.count == 11,
              let hash: UInt64 = RecordLine.number(head[3], radix: 16) else { return nil }
        var hasher = FNV1a()
        hasher.combine(facts)
        let factsFields = RecordLine(facts).fields
        // The record line's copies (`outline`) are the facts' own.
        guard hasher.value == hash, factsFields.count == Self.factsFields.count,
              zip(head[4..<9], Self.outlineFields).allSatisfy({ $0.elementsEqual(factsFields[$1 - Self.factsFields.lowerBound]) })
        else { return nil }
        return RecordLine(Array(head.prefix(3)) + factsFields + [head[10]])
    }

    /// The map's folder, relative to the output, and its files' paths in it. Only the slug (the third field) and
    /// the files (the last) are read.
    package var outputFolder: (folder: String, files: [String])? {
        guard let folder, let files = RecordLine.list(filesField) else { return nil }
        return (folder, files)
    }

    /// The map's folder, relative to the output, from its slug (the third field) alone.
    fileprivate var folder: String? {
        // The files are a field of their own after it.
        guard let field = slugField, field.endIndex + 1 < filesField.startIndex,
              let slug = RecordLine.string(field) else { return nil }
        return PagePaths.journeyFolder(slug)
    }

    /// Whether the files field lists as many names as its count says (an element escapes its separators, so each
    /// one in the field ends a name), and whether a file of its pages is in a folder inside the map's; told without
    /// making the names, in one pass over the field's bytes.
    fileprivate var listedFiles: (complete: Bool, inSubfolders: Bool) {
        let (separators, slashes) = filesField.withUnsafeBufferPointer { bytes in
            // Counted rather than looked for: a loop without an early exit is done many bytes at a time.
            var separators = 0, slashes = 0
            for byte in bytes {
                separators &+= byte == 0x1F ? 1 : 0
                slashes &+= byte == UInt8(ascii: "/") ? 1 : 0
            }
            return (separators, slashes)
        }
        return (fileCount == separators, slashes > 0)
    }

    /// The last field, the files.
    private var filesField: ArraySlice<UInt8> {
        line[filesStart...]
    }
}

/// One line of the record. In a field, backslash, tab and newline are escaped with a backslash; `\\-` alone is nil.
/// A list is its count, then each element after a separator (U+001F), which elements escape too.
private struct RecordLine {
    package let fields: [ArraySlice<UInt8>]

    package init(_ line: ArraySlice<UInt8>) {
        fields = Self.split(line, at: UInt8(ascii: "\t"))
    }

    /// The parts of `bytes` between each `separator`, empty ones included, found with `memchr`: `split` calls a
    /// closure per byte, a tenth of decoding every map's line.
    static func split(_ bytes: ArraySlice<UInt8>, at separator: UInt8) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        forEachPart(of: bytes, at: separator) { parts.append(bytes[$0]); return true }
        return parts
    }

    /// `body` given the ranges of `line`'s fields, kept on the stack; nil when the line has other than `count` fields.
    /// An array of slices made for each of 10,000 lines was a fifth of decoding the record, and of reading the maps'
    /// outlines.
    static func withFields<Result>(of line: ArraySlice<UInt8>, count: Int,
                                   _ body: (UnsafeBufferPointer<Range<Int>>) -> Result?) -> Result? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: count) { fields -> Result? in
            var found = 0
            let whole = forEachPart(of: line, at: UInt8(ascii: "\t")) { field in
                guard found < count else { return false }
                fields.initializeElement(at: found, to: field)
                found += 1
                return true
            }
            guard whole, found == count else { return nil }
            return body(UnsafeBufferPointer(fields))
        }
    }

    /// Gives `body` the range of each part of `bytes` between each `separator`, empty ones included, in order, until
    /// it returns false; whether it went through them all.
    @discardableResult
    static func forEachPart(of bytes: ArraySlice<UInt8>, at separator: UInt8, _ body: (Range<Int>) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            if let base = buffer.baseAddress {
                while let found = memchr(base + start, Int32(separator), buffer.count - start) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard body((bytes.startIndex + start)..<(bytes.startIndex + end)) else { return false }
                    start = end + 1
                }
            }
            return body((bytes.startIndex + start)..<bytes.endIndex)
        }
    }

    package init(_ fields: [ArraySlice<UInt8>]) {
        self.fields = fields
    }

    /// Appends the fields as a line.
    package static func append(_ fields: [String?], to bytes: inout [UInt8]) {
        append(fields.map(Field.text), to: &bytes)
    }

    /// A field as a line has it: text (nil as `\-`), a list of texts, a number in decimal or hexadecimal (nil as
    /// `\-`), or a list of numbers. Numbers are written as digits straight into the line, not made into text first:
    /// a 10,000-map record (50,000 numbers) took 18–22 ms to encode that way, 10–15 ms now.
    package enum Field {
        case text(String?)
        case list([String])
        case number(Int64?)
        case hex(UInt64?)
        case numbers([Int64])
    }

    package static func append(_ fields: [Field], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            append(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A line of a file read: one for each of the record's 10,000 inputs at 10,000 maps, without an array of its
    /// fields made first.
    package static func appendInput(_ path: String, hash: UInt64, status: FileStatus?, to bytes: inout [UInt8]) {
        bytes += "input\t".utf8
        appendEscaped(path, inList: false, to: &bytes)
        bytes.append(UInt8(ascii: "\t"))
        appendDigits(of: hash, radix: 16, to: &bytes)
        bytes.append(UInt8(ascii: "\t"))
        append(.number(status.map { Int64($0.size) }), to: &bytes)
        bytes.append(UInt8(ascii: "\t"))
        append(.number(status?.modified), to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func append(_ field: Field, to bytes: inout [UInt8]) {
        switch field {
        case .text(let text?): appendEscaped(text, inList: false, to: &bytes)
        case .text(nil): bytes += "\\-".utf8
        case .list(let elements):
            appendDigits(of: elements.count, radix: 10, to: &bytes)
            for element in elements {
                bytes.append(0x1F)
                appendEscaped(element, inList: true, to: &bytes)
            }
        case .number(let number?): appendDigits(of: number, radix: 10, to: &bytes)
        case .hex(let number?): appendDigits(of: number, radix: 16, to: &bytes)
        case .number(nil), .hex(nil): bytes += "\\-".utf8
        case .numbers(let numbers):
            appendDigits(of: numbers.count, radix: 10, to: &bytes)
            for number in numbers {
                bytes.append(0x1F)
                appendDigits(of: number, radix: 10, to: &bytes)
            }
        }
    }

    /// `number` as `String(number, radix:)` writes it, in lowercase, for a radix of 10 or 16: each divides by a
    /// constant, which the compiler makes a multiplication (dividing by the radix given, the record's 20,000
    /// nanosecond times and hashes took 3 ms of every update at 10,000 maps).
    static func appendDigits<Value: BinaryInteger>(of number: Value, radix: Int, to bytes: inout [UInt8]) {
        precondition(radix == 10 || radix == 16, "a radix the record uses")
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            let end = writeDigits(of: UInt64(number.magnitude), radix: radix, into: digits, at: 0)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<end]))
        }
    }

    /// Writes the digits of `number` at `start` of `buffer`, which has room for the most a UInt64 has (20), and
    /// returns where they end.
    static func writeDigits(of number: UInt64, radix: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var (rest, end) = (number, start)
        repeat {
            end += 1
            rest = radix == 16 ? rest >> 4 : rest / 10
        } while rest > 0
        // From the last digit back.
        rest = number
        var at = end
        repeat {
            at -= 1
            if radix == 16 {
                let digit = UInt8(truncatingIfNeeded: rest & 15)
                buffer[at] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest >>= 4
            } else {
                buffer[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
        } while rest > 0
        return end
    }

    package func string(_ index: Int) -> String? {
        Self.string(fields[index])
    }

    /// A field's text, taken from a line without splitting it into fields.
    package static func string(_ field: ArraySlice<UInt8>) -> String? {
        if isNil(field) { return nil }
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        return Self.unescape(String(decoding: field, as: UTF8.self))
    }

    /// The field as a number, read from its bytes as `Int(_:radix:)` reads text; nil when it is none. A record of
    /// 10,000 maps holds 50,000 numbers: made into text first, they were a quarter of decoding it.
    package func number<Value: FixedWidthInteger>(_ index: Int, radix: Int = 10) -> Value? {
        Self.number(fields[index], radix: radix)
    }

    /// The list of numbers in the field; nil when it is not a list, or an element is not a number.
    package func numbers<Value: FixedWidthInteger>(_ index: Int) -> [Value]? {
        // Each element read where it stands: split into slices first, a record's 30,000 offsets, lengths and
        // folder times were a sixth of decoding it.
        var numbers: [Value] = []
        let whole = Self.forEachElement(of: fields[index], room: { numbers.reserveCapacity($0) }) { element in
            guard let number: Value = Self.number(element, radix: 10) else { return false }
            numbers.append(number)
            return true
        }
        return whole ? numbers : nil
    }

    /// Gives `body` each element of the list in `field`, as the line has it (still escaped), until it returns false;
    /// whether the field is a list, as many elements as its count says, and `body` took them all. `room` is told how
    /// many to make room for first: the count, but no more than the field can hold (a damaged count may be any
    /// number), two bytes each.
    private static func forEachElement(of field: ArraySlice<UInt8>, room: (Int) -> Void,
                                       _ body: (ArraySlice<UInt8>) -> Bool) -> Bool {
        if isNil(field) { return false }
        var count: Int?, taken = 0
        let whole = forEachPart(of: field, at: 0x1F) { part in
            guard let expected = count else {
                count = number(field[part], radix: 10)
                count.map { room(min(max(0, $0), field.count / 2)) }
                return count != nil
            }
            taken += 1
            return taken <= expected && body(field[part])
        }
        return whole && taken == count
    }

    package static func number<Value: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, radix: Int) -> Value? {
        var digits = bytes
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: Value = 0
        for byte in digits {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: Value(radix))
            let (next, overflowAgain) = negative ? shifted.subtractingReportingOverflow(Value(digit))
                : shifted.addingReportingOverflow(Value(digit))
            guard !overflow, !overflowAgain else { return nil }
            value = next
        }
        return value
    }

    /// Whether the field is `\-`, nil: asked of every field read, as two bytes rather than as `elementsEqual` does.
    private static func isNil(_ field: ArraySlice<UInt8>) -> Bool {
        field.count == 2 && field.first == 0x5C && field.last == UInt8(ascii: "-")
    }

    package func list(_ index: Int) -> [String]? {
        Self.list(fields[index])
    }

    package static func list(_ field: ArraySlice<UInt8>) -> [String]? {
        elements(field)?.map(element)
    }

    package func elements(_ index: Int) -> [ArraySlice<UInt8>]? {
        Self.elements(fields[index])
    }

    /// The list's elements as the line has them, still escaped; nil when the field is not a list.
    package static func elements(_ field: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        // Split before the field's own unescaping: in a field this encoder wrote, that unescaping makes no
        // separator (elements escape theirs as `\s`, which the field escape only doubles the backslash of).
        var elements: [ArraySlice<UInt8>] = []
        let whole = forEachElement(of: field, room: { elements.reserveCapacity($0) }) { element in
            elements.append(element)
            return true
        }
        return whole ? elements : nil
    }

    /// The text of a list's element (or of a part of one), unescaped as the field and as the element. Most escape
    /// nothing: one look at the bytes rather than two at the text (a rebuild with nothing changed reads 80,000 file
    /// names at 10,000 maps).
    package static func element(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(0x5C) ? unescape(unescape(text)) : text
    }

    /// `text` with a backslash before `\`, and `\t`, `\n` for a tab and a line feed; in a list, an element's
    /// separator as `\s` too, and every backslash of that doubled (`unescape` is undone twice for a list). Written
    /// byte by byte straight into the line: the characters escaped are ASCII, never part of another one's UTF-8;
    /// made as `String`s first, a 10,000-map record's folders and inputs took 6 ms of every update.
    private static func appendEscaped(_ text: String, inList: Bool, to bytes: inout [UInt8]) {
        // Most text has none of them: looked for eight bytes at a time, over the string's own buffer.
        var text = text
        let plain = text.withUTF8 { utf8 in
            let special = { (byte: UInt8) in byte == 0x5C || byte == 0x09 || byte == 0x0A || (inList && byte == 0x1F) }
            guard ByteScan.first(in: utf8, from: 0, inWord: { ByteScan.below($0, 0x20) | ByteScan.equal($0, 0x5C) },
                                 special: special) < utf8.count else {
                bytes.append(contentsOf: utf8)
                return true
            }
            return false
        }
        guard !plain else { return }
        let backslash: [UInt8] = inList ? [0x5C, 0x5C] : [0x5C]
        for byte in text.utf8 {
            switch byte {
            case 0x5C: bytes += backslash + backslash
            case 0x09: bytes += backslash + [UInt8(ascii: "t")]
            case 0x0A: bytes += backslash + [UInt8(ascii: "n")]
            case 0x1F where inList: bytes += backslash + [UInt8(ascii: "s")]
            default: bytes.append(byte)
            }
        }
    }

    private static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var result = ""
        var escaped = false
        for character in text.unicodeScalars {
            if escaped {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "s": result += "\u{1F}"
                default: result.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}


extension ValueUnit {
    /// One word for the record: `-`, `%`, a unit of time's name, or `~` and the unit as written.
    package var code: String {
        switch self {
        case .plain: "-"
        case .percent: "%"
        case .duration(let unit): unit.rawValue
        case .other(let text): "~" + text
        }
    }

    package init?(code: String) {
        switch code {
        case "-": self = .plain
        case "%": self = .percent
        default:
            if code.hasPrefix("~") {
                self = .other(String(code.dropFirst()))
            } else if let unit = DurationUnit(rawValue: code) {
                self = .duration(unit)
            } else {
                return nil
            }
        }
    }
}
