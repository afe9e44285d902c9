import Foundation

/// The last end of the pipeline: writes a build into a staging folder beside the output, then swaps it in,
/// so a failed or interrupted build leaves the previous output whole. It never writes outside these folders.
struct OutputWriter: Sendable {
    let fileSystem: FileSystem
    /// The output folder, as an absolute, standardized path.
    let output: String

    /// Where the new build is written before it replaces the output.
    var staging: String { sibling("staging") }
    /// Where the previous output waits while the new one is moved in.
    var previous: String { sibling("previous") }
    /// What the last clean build into this output read, to skip a rebuild of an unchanged site.
    var cache: String { sibling("cache") }

    /// The output's own marker: an existing output folder is replaced only when it holds this.
    static let marker = PagePaths.assets

    private func sibling(_ role: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tropa-\(role)").path
    }

    /// Refuses an output folder that would hide or destroy what is not a build of tropa.
    static func checkTarget(output: String, site: String, content: String) throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let output = canonical(output)
        let protected = [("the site folder", canonical(site)), ("the content folder", canonical(content))]
        if output == "/" || output == canonical(home) {
            throw SiteError("refusing to write the site into \(output): choose a folder of its own, such as public/")
        }
        for (name, path) in protected where path == output || path.hasPrefix(output + "/") {
            throw SiteError("refusing to write the site into \(output): it is \(path == output ? "" : "an ancestor of ")\(name)")
        }
        if output.hasPrefix(canonical(content) + "/") {
            throw SiteError("refusing to write the site into \(output): inside the content folder, each build would copy the last one")
        }
    }

    /// An absolute path without `.`, `..` or links, for comparing folders.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Clears what an interrupted build left and makes the staging folder.
    func begin() throws {
        if fileSystem.kind(at: output) == nil, fileSystem.kind(at: previous) == .directory {
            // A build was stopped between its two renames: the previous output is whole, put it back.
            try fileSystem.moveItem(previous, to: output)
        }
        if fileSystem.kind(at: output) == .file {
            throw SiteError("the output \(output) is a file, not a folder")
        }
        let existing = fileSystem.kind(at: output) == .directory ? try fileSystem.files(under: output) : []
        if !existing.isEmpty, fileSystem.kind(at: output + "/" + Self.marker) == nil {
            throw SiteError("the output folder \(output) holds files tropa did not write; choose another folder or empty it")
        }
        // The old output is deleted after the new one is swapped in: a folder that cannot be emptied would fail
        // the build only then, with the output already replaced and the old one half-deleted beside it.
        let inside = Set(existing.flatMap { file in
            let parts = file.split(separator: "/").dropLast()
            return parts.indices.map { output + "/" + parts[...$0].joined(separator: "/") }
        })
        let folders = [URL(fileURLWithPath: output).deletingLastPathComponent().path, output] + inside.sorted()
        for folder in folders where fileSystem.kind(at: folder) == .directory && !fileSystem.isWritableFolder(folder) {
            throw SiteError("cannot replace the output \(output): the folder \(folder) is read-only")
        }
        // The record describes the output about to be replaced: drop it, so a stopped build is redone.
        if fileSystem.kind(at: cache) != nil { try fileSystem.removeItem(cache) }
        for leftover in [staging, previous] where fileSystem.kind(at: leftover) != nil {
            try fileSystem.removeItem(leftover)
        }
        try fileSystem.createDirectory(staging)
    }

    func write(_ bytes: [UInt8], to relativePath: String) throws {
        try fileSystem.write(bytes, to: staging + "/" + relativePath)
    }

    /// Moves the finished build in and removes the previous output.
    func commit() throws {
        if fileSystem.kind(at: output) != nil {
            try fileSystem.moveItem(output, to: previous)
        }
        try fileSystem.moveItem(staging, to: output)
        if fileSystem.kind(at: previous) != nil {
            try fileSystem.removeItem(previous)
        }
    }

    /// The last clean build's fingerprint and counts, when the output it wrote is still there.
    func cachedBuild() -> (fingerprint: String, fileCount: Int, mapCount: Int)? {
        guard fileSystem.kind(at: output + "/" + Self.marker) == .directory,
              let bytes = try? fileSystem.read(cache) else { return nil }
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard fields.count == 3, let files = Int(fields[1]), let maps = Int(fields[2]) else { return nil }
        return (String(fields[0]), files, maps)
    }

    /// Records a clean build; losing the record only costs a full rebuild, so a failure to write it is ignored.
    func rememberBuild(fingerprint: String, fileCount: Int, mapCount: Int) {
        try? fileSystem.write(Array("\(fingerprint) \(fileCount) \(mapCount)".utf8), to: cache)
    }

    /// Removes the staging folder of a build that failed.
    func abandon() {
        try? fileSystem.removeItem(staging)
    }
}
