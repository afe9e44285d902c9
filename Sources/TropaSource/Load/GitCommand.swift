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

    /// Three runs of git for the whole site: where the folder is and whether the clone is shallow; the log of every
    /// file under it with renames and each version's blob; the bytes of every blob, through one `cat-file --batch`
    /// (asked by blob rather than `commit:path`, which costs a walk of the commit's tree each: 4× faster at 20,000).
    package func head() throws -> GitHead? {
        try checkout().map { GitHead(commit: $0.commit, shallow: $0.shallow) }
    }

    /// The commit, whether the clone is shallow, and the folder's path inside the repository (`site/`, or empty).
    private func checkout() throws -> (commit: String, shallow: Bool, prefix: String)? {
        let head = try run(["rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD"])
        let lines = String(decoding: head.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard head.status == 0, lines.count >= 3 else { return nil }
        // An empty prefix prints as an empty line: the folder is the repository's top.
        return (String(lines[2]), lines[0] == "true", String(lines[1]))
    }

    package func history(of maps: [String]) throws -> GitHistory? {
        guard let (commit, shallow, prefix) = try checkout() else { return nil }
        guard !shallow else { return GitHistory(commit: commit, shallow: true) }
        let log = try run(["-c", "core.quotePath=false", "log", "--format=%x1e%H %ct%x1f%s", "--raw", "--no-abbrev", "-M",
                           "--", "."])
        guard log.status == 0 else { return nil }
        let found = Self.versions(log: String(decoding: log.output, as: UTF8.self), prefix: prefix, maps: maps)
        let blobs = Array(Set(found.values.joined().map(\.blob))).sorted()
        let contents = Dictionary(uniqueKeysWithValues: zip(blobs, try batch(blobs)))
        return GitHistory(commit: commit, shallow: false, versions: found.mapValues { versions in
            versions.map { found in
                var version = found.version
                version.bytes = (contents[found.blob] ?? nil) ?? []
                return version
            }
        })
    }

    /// Each map's versions from `git log --raw`, newest first, following renames back in time, each with the blob
    /// its bytes are still to be read from.
    static func versions(log: String, prefix: String, maps: [String]) -> [String: [(version: GitVersion, blob: String)]] {
        // The path each map had at the commit being read, relative to the repository's top.
        var tracked = Dictionary(maps.map { (prefix + $0, $0) }, uniquingKeysWith: { first, _ in first })
        var versions: [String: [(version: GitVersion, blob: String)]] = [:]
        for record in log.split(separator: "\u{1E}") {
            let lines = record.split(separator: "\n")
            guard let header = lines.first, let space = header.firstIndex(of: " ") else { continue }
            let commit = String(header[..<space])
            let rest = header[header.index(after: space)...]
            let separator = rest.firstIndex(of: "\u{1F}") ?? rest.endIndex
            let time = Int(rest[..<separator]) ?? 0
            let subject = separator < rest.endIndex ? String(rest[rest.index(after: separator)...]) : ""
            // `:100644 100644 OLD NEW M<TAB>path`, or `… R087<TAB>old<TAB>new` for a rename.
            for line in lines.dropFirst() where line.first == ":" {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let change = fields[0].split(separator: " ")
                guard change.count == 5, let status = change[4].first, status != "D", fields.count >= 2 else { continue }
                let path = fields[fields.count - 1]
                guard let map = tracked[path], path.hasPrefix(prefix) else { continue }
                let version = GitVersion(commit: commit, time: time, subject: subject,
                                         path: String(path.dropFirst(prefix.count)), bytes: [])
                versions[map, default: []].append((version, String(change[3])))
                switch status {
                case "R" where fields.count == 3:
                    // Before this commit the map had its old name.
                    tracked[path] = nil
                    tracked[fields[1]] = map
                case "A":
                    tracked[path] = nil
                default:
                    break
                }
            }
        }
        return versions
    }

    /// The bytes of each object, nil for one git does not have; one process for all of them. Each object is taken
    /// out of git's output as it comes: the whole output held at once, and copied, was twice every version of every
    /// map at the build's peak.
    private func batch(_ objects: [String]) throws -> [[UInt8]?] {
        guard !objects.isEmpty else { return [] }
        let input = Array((objects.joined(separator: "\n") + "\n").utf8)
        let result = try run(["cat-file", "--batch"], input: input) { output in
            var objects = BatchObjects()
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                objects.add(chunk[..<count])
            }
            return objects.finished()
        }
        let blobs = result.output.prefix(objects.count)
        return blobs + Array(repeating: nil, count: objects.count - blobs.count)
    }

    /// Runs git with `arguments` in `folder`; its standard error is discarded (its status says enough).
    private func run(_ arguments: [String], input: [UInt8]? = nil) throws -> (status: Int32, output: [UInt8]) {
        try run(arguments, input: input) { [UInt8]($0.readDataToEndOfFile()) }
    }

    /// The same, its standard output taken by `read` as it comes.
    private func run<Output>(_ arguments: [String], input: [UInt8]? = nil,
                             reading read: (FileHandle) -> Output) throws -> (status: Int32, output: Output) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let feed = input.map { _ in Pipe() }
        process.standardInput = feed ?? FileHandle.nullDevice
        // Foundation's `waitUntilExit` polls a run loop every 50 ms and often sleeps the whole interval after git
        // is done, a third of a no-change rebuild; the handler is called as soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw SiteError(.gitUnavailable("\(error)"))
        }
        if let feed, let input {
            // Written on another thread: a large output would otherwise fill its pipe while the input is written.
            let writer = Thread {
                feed.fileHandleForWriting.write(Data(input))
                try? feed.fileHandleForWriting.close()
            }
            writer.start()
        }
        let taken = read(output.fileHandleForReading)
        exited.wait()
        // Returns at once now; it also frees the process, which its run loop source holds until then.
        process.waitUntilExit()
        // `env` exits with 127 when it finds no `git`.
        if process.terminationStatus == 127 { throw SiteError(.gitUnavailable("git")) }
        return (process.terminationStatus, taken)
    }
}

/// The objects of `git cat-file --batch`'s output, taken as its bytes come: `SHA blob SIZE`, a line feed, the
/// bytes and a line feed for each object git has; `SHA missing` for one it has not (nil).
struct BatchObjects {
    private(set) var objects: [[UInt8]?] = []
    /// Bytes come but not yet taken: the start of an object whose end is still to come.
    private var pending: [UInt8] = []

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        pending += bytes
        take(atEnd: false)
    }

    /// Every object, the last one taken even without its closing line feed.
    mutating func finished() -> [[UInt8]?] {
        take(atEnd: true)
        return objects
    }

    private mutating func take(atEnd: Bool) {
        var start = 0
        while start < pending.count {
            guard let end = pending[start...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: pending[start..<end], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else {
                objects.append(nil)
                start = end + 1
                continue
            }
            let body = end + 1
            let available = pending.count - body
            guard available > size || (atEnd && available == size) else { break }
            objects.append(Array(pending[body..<(body + size)]))
            start = min(body + size + 1, pending.count)
        }
        pending.removeFirst(start)
    }
}
