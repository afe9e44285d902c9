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
    /// site folder; a version that names a blob has its bytes read by `read(_:)`.
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
        let asked = versions.indices.filter { versions[$0].blob != nil }
        guard let objects, !asked.isEmpty else { return versions }
        var read = versions
        for (index, bytes) in zip(asked, try objects.bytes(of: asked.map { versions[$0].blob! })) {
            (read[index].bytes, read[index].blob) = (bytes ?? [], nil)
        }
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

    public init(commit: String, time: Int, subject: String, path: String, bytes: [UInt8], blob: String? = nil,
                place: Int = 0) {
        self.commit = commit
        self.time = time
        self.subject = subject
        self.path = path
        self.bytes = bytes
        self.blob = blob
        self.place = place
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

    public init(map: GitVersion, measurements: GitVersion?) {
        self.map = map
        self.measurements = measurements
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
            if let measured, measured.place < version.place {
                // Only the measurements changed: the map as the version before left it.
                (version.commit, version.time, version.subject, version.place) = (measured.commit, measured.time, measured.subject, measured.place)
            } else {
                nextMap += 1
            }
            if measured?.place == version.place { nextMeasurements += 1 }
            commits.append(MapCommit(map: version, measurements: measured))
        }
        return commits
    }
}
