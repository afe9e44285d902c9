import TropaModel
import Foundation

/// `GitReading` by running `git` in `folder`.
package struct GitCommand: GitReading {
    package let folder: String

    package init(folder: String) {
        self.folder = folder
    }

    package func file(_ path: String, at revision: String) throws -> [UInt8]? {
        // `REV^{commit}` checks the revision alone, so that a missing file is told apart from a missing revision.
        guard try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]).status == 0 else {
            let inside = try run(["rev-parse", "--is-inside-work-tree"])
            throw SiteError(inside.status == 0 ? .unknownRevision(revision) : .notInGit(folder))
        }
        // `./` makes the path relative to `folder`, not to the repository's top.
        let shown = try run(["cat-file", "blob", revision + ":./" + path])
        return shown.status == 0 ? shown.output : nil
    }

    /// Runs git with `arguments` in `folder`; its standard error is discarded (its status says enough).
    private func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SiteError(.gitUnavailable("\(error)"))
        }
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        // `env` exits with 127 when it finds no `git`.
        if process.terminationStatus == 127 { throw SiteError(.gitUnavailable("git")) }
        return (process.terminationStatus, bytes)
    }
}
