/// Reading a site's versions from git: what `tropa diff` needs, behind a protocol tests replace. The one
/// implementation runs the `git` program (`GitCommand`); it is asked a few times per command, never once per map.
public protocol GitReading: Sendable {
    /// The bytes of `path` (relative to the folder git runs in) at `revision` (a commit, a branch, `HEAD~1`); nil
    /// when the revision has no such file. Throws a `SiteError` when there is no repository, no such revision, or
    /// no git.
    func file(_ path: String, at revision: String) throws -> [UInt8]?

    /// The commit checked out and whether the clone is shallow; nil when the folder is in no repository with a
    /// commit (or there is no git).
    func head() throws -> GitHead?

    /// The versions of `files` (maps and measurements files, paths relative to the folder) committed up to `head`,
    /// following renames; nil when git cannot tell. With `kept`, only those files' versions are kept: the others'
    /// are followed all the same, so that an old name taken since by another file stays that file's. `log`: the
    /// folder's log at `head` as an earlier build read it (`GitHistory.log`), which git is then not asked for.
    func history(at head: GitHead, of files: [String], keeping kept: Set<String>?, log: [UInt8]?) throws -> GitHistory?
}

extension GitReading {
    /// Every file's versions up to the commit checked out; nil when the folder is in no repository with a commit.
    public func history(of files: [String]) throws -> GitHistory? {
        try head().flatMap { try history(at: $0, of: files, keeping: nil, log: nil) }
    }
}

/// The commit a work tree is at.
public struct GitHead: Sendable, Equatable {
    public var commit: String
    public var shallow: Bool
    /// The folder's path inside the repository (`site/`), empty at its top.
    public var prefix: String

    public init(commit: String, shallow: Bool, prefix: String = "") {
        self.commit = commit
        self.shallow = shallow
        self.prefix = prefix
    }
}

/// What git knows of a site's maps: read once per build for the whole site.
public struct GitHistory: Sendable {
    /// The commit the history was read at.
    public var commit: String
    /// A shallow clone has no history to read: `versions` is empty.
    public var shallow: Bool
    /// Each file's committed versions (a map's, a measurements file's), newest first, by its path relative to the
    /// site folder, each naming its blob (a history page reads versions by their blobs); `read(_:)` gives their
    /// bytes.
    public var versions: [String: [GitVersion]]
    /// Where those bytes come from, as each map is built: every version of a large site held at once was 1.6 GB at
    /// 10,000 maps of 20 commits, and an update read them all for the one map it builds.
    public var objects: (any GitObjects)?
    /// The log the versions were cut from, when git was asked for it: the build keeps it beside its record, for the
    /// next build at the same commit.
    public var log: [UInt8]?

    public init(commit: String, shallow: Bool, versions: [String: [GitVersion]] = [:], objects: (any GitObjects)? = nil,
                log: [UInt8]? = nil) {
        self.commit = commit
        self.shallow = shallow
        self.versions = versions
        self.objects = objects
        self.log = log
    }

    /// `versions` with their bytes: those of a version that names a blob asked of `objects` (none when git does not
    /// have it). Throws when git stops answering.
    public func read(_ versions: [GitVersion]) throws -> [GitVersion] {
        let read = try bytes(of: Set(versions.compactMap(\.blob)))
        return versions.map { version in
            guard let blob = version.blob else { return version }
            var version = version
            (version.bytes, version.blob) = (read[blob] ?? [], nil)
            return version
        }
    }

    /// The bytes of each of `blobs`, asked of `objects` once; none for one git does not have. Throws when git stops
    /// answering.
    public func bytes(of blobs: Set<String>) throws -> [String: [UInt8]] {
        guard let objects, !blobs.isEmpty else { return [:] }
        let asked = blobs.sorted()
        var read: [String: [UInt8]] = [:]
        for (blob, bytes) in zip(asked, try objects.bytes(of: asked)) { read[blob] = bytes }
        return read
    }
}

/// The bytes of git's objects, asked for a few at a time.
public protocol GitObjects: Sendable {
    /// The bytes of each blob, in order; nil for one git does not have. Throws a `SiteError` when git stops
    /// answering.
    func bytes(of blobs: [String]) throws -> [[UInt8]?]
}

/// A file (a map, a measurements file) as one commit left it.
public struct GitVersion: Sendable, Equatable {
    public var commit: String
    /// The commit's time, seconds since 1970.
    public var time: Int
    /// The first line of its message, as written: an author's text.
    public var subject: String
    /// The file's path then, relative to the site folder (a file renamed since has another).
    public var path: String
    /// Empty until read when `blob` is set (`GitHistory.read`).
    public var bytes: [UInt8]
    /// The object the bytes are in, when they are still to be read.
    public var blob: String?
    /// The commit's place in the log, 0 for the newest: two files' versions are put in one order by it, where
    /// times may tie or run backwards.
    public var place: Int
    /// The file as the commit's parent had it, which the commit's changes are counted from (not the version before
    /// in the log, which may be of another branch): its object, nil when the commit added the file; and its path,
    /// another for a rename.
    public var blobBefore: String?
    public var pathBefore: String

    public init(commit: String, time: Int, subject: String, path: String, bytes: [UInt8], blob: String? = nil,
                place: Int, blobBefore: String? = nil, pathBefore: String? = nil) {
        self.commit = commit
        self.time = time
        self.subject = subject
        self.path = path
        self.bytes = bytes
        self.blob = blob
        self.place = place
        self.blobBefore = blobBefore
        self.pathBefore = pathBefore ?? path
    }

    public var shortCommit: String { String(commit.prefix(7)) }
}

/// A commit in a map's history: the map as it left it, and the measurements file the map names as it left it.
public struct MapCommit: Sendable, Equatable {
    /// The map's version then, with the commit's hash, time and subject: a commit that changed only the
    /// measurements has the map's bytes of the version before it.
    public var map: GitVersion
    /// Nil before the file was first committed.
    public var measurements: GitVersion?
    /// Whether the commit changed the map's file; else only its measurements.
    public var changesMap: Bool
    public var changesMeasurements: Bool

    public init(map: GitVersion, measurements: GitVersion?, changesMap: Bool, changesMeasurements: Bool) {
        self.map = map
        self.measurements = measurements
        self.changesMap = changesMap
        self.changesMeasurements = changesMeasurements
    }

    /// The map as the commit's parent had it, its object and path; nil when the commit added the map.
    public var mapBefore: (blob: String, path: String)? {
        guard changesMap else { return map.blob.map { ($0, map.path) } }
        return map.blobBefore.map { ($0, map.pathBefore) }
    }

    /// The measurements file as the commit's parent had it: its object (nil when the commit added it) and path.
    public var measurementsBefore: (blob: String?, path: String)? {
        measurements.map { changesMeasurements ? ($0.blobBefore, $0.pathBefore) : ($0.blob, $0.path) }
    }

    /// The commits that changed a map or its measurements file, newest first: each version of either (both
    /// newest first, from one log), each with the other file as that commit left it. Commits of the measurements
    /// before the map's first version are none of the map's.
    public static func timeline(map: [GitVersion], measurements: [GitVersion]) -> [MapCommit] {
        var commits: [MapCommit] = []
        var (nextMap, nextMeasurements) = (0, 0)
        while nextMap < map.count {
            // The measurements as the commit left it: its own version, or the next older one.
            let measured = nextMeasurements < measurements.count ? measurements[nextMeasurements] : nil
            var version = map[nextMap]
            let changesMap = !(measured.map { $0.place < version.place } ?? false)
            if changesMap {
                nextMap += 1
            } else if let measured {
                // Only the measurements changed: the map as the version before left it, unchanged.
                (version.commit, version.time, version.subject, version.place) = (measured.commit, measured.time, measured.subject, measured.place)
            }
            let changesMeasurements = measured?.place == version.place
            if changesMeasurements { nextMeasurements += 1 }
            commits.append(MapCommit(map: version, measurements: measured, changesMap: changesMap,
                                     changesMeasurements: changesMeasurements))
        }
        return commits
    }
}
