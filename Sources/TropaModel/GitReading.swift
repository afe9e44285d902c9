/// Reading a site's versions from git: what `tropa diff` needs, behind a protocol tests replace. The one
/// implementation runs the `git` program (`GitCommand`); it is asked a few times per command, never once per map.
public protocol GitReading: Sendable {
    /// The bytes of `path` (relative to the folder git runs in) at `revision` (a commit, a branch, `HEAD~1`); nil
    /// when the revision has no such file. Throws a `SiteError` when there is no repository, no such revision, or
    /// no git.
    func file(_ path: String, at revision: String) throws -> [UInt8]?
}
