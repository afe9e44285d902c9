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
    /// file under it with renames and each version's blob; one `cat-file --batch` that the maps' builds ask for the
    /// bytes of their versions (by blob rather than `commit:path`, which costs a walk of the commit's tree each: 4×
    /// faster at 20,000).
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
        let versions = Self.versions(log: log.output, prefix: prefix, maps: maps)
        return GitHistory(commit: commit, shallow: false, versions: versions, objects: GitCatFile(folder: folder))
    }

    /// Each map's versions from `git log --raw`, newest first, following renames back in time, each with the blob
    /// its bytes are still to be read from. Cut as bytes: cut as a `String`, by characters, 10,000 maps of 20
    /// commits (25 MB) took 1.3 s, most of an update of one map.
    static func versions(log: [UInt8], prefix: String, maps: [String]) -> [String: [GitVersion]] {
        // The path each map had at the commit being read, relative to the repository's top.
        var tracked = Dictionary(maps.map { (prefix + $0, $0) }, uniquingKeysWith: { first, _ in first })
        var versions: [String: [GitVersion]] = [:]
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        for record in log.split(separator: 0x1E) {
            let lines = record.split(separator: 0x0A)
            guard let header = lines.first, let space = header.firstIndex(of: 0x20) else { continue }
            let commit = text(header[..<space])
            let rest = header[(space + 1)...]
            let separator = rest.firstIndex(of: 0x1F) ?? rest.endIndex
            let time = Int(text(rest[..<separator])) ?? 0
            let subject = separator < rest.endIndex ? text(rest[(separator + 1)...]) : ""
            // `:100644 100644 OLD NEW M<TAB>path`, or `… R087<TAB>old<TAB>new` for a rename.
            for line in lines.dropFirst() where line.first == UInt8(ascii: ":") {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                let change = fields[0].split(separator: 0x20)
                guard change.count == 5, let status = change[4].first, status != UInt8(ascii: "D"), fields.count >= 2 else { continue }
                let path = text(Self.unquoted(fields[fields.count - 1]))
                guard let map = tracked[path], path.hasPrefix(prefix) else { continue }
                let version = GitVersion(commit: commit, time: time, subject: subject,
                                         path: String(path.dropFirst(prefix.count)), bytes: [], blob: text(change[3]))
                versions[map, default: []].append(version)
                switch status {
                case UInt8(ascii: "R") where fields.count == 3:
                    // Before this commit the map had its old name.
                    tracked[path] = nil
                    tracked[text(Self.unquoted(fields[1]))] = map
                case UInt8(ascii: "A"):
                    tracked[path] = nil
                default:
                    break
                }
            }
        }
        return versions
    }

    /// A path as git wrote it: one with a `"`, `\\` or a control character comes quoted, its bytes escaped as in C,
    /// even with `core.quotePath=false`.
    static func unquoted(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard field.count >= 2, field.first == UInt8(ascii: "\""), field.last == UInt8(ascii: "\"") else { return field }
        let escapes: [UInt8: UInt8] = [UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, UInt8(ascii: "n"): 10,
                                       UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13]
        let inner = Array(field.dropFirst().dropLast())
        var bytes: [UInt8] = [], index = 0
        while index < inner.count {
            guard inner[index] == UInt8(ascii: "\\"), index + 1 < inner.count else {
                bytes.append(inner[index])
                index += 1
                continue
            }
            let next = inner[index + 1]
            let octal = inner[(index + 1)...].prefix(3)
            if octal.count == 3, octal.allSatisfy({ (0x30...0x37).contains($0) }) {
                bytes.append(octal.reduce(0) { $0 << 3 | ($1 - 0x30) })
                index += 4
            } else {
                bytes.append(escapes[next] ?? next)
                index += 2
            }
        }
        return bytes[...]
    }

    /// Runs git with `arguments` in `folder`; its standard error is discarded (its status says enough).
    private func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
        let process = Self.git(arguments, in: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        let exited = try Self.start(process)
        let taken = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        Self.wait(for: process, exited: exited)
        // `env` exits with 127 when it finds no `git`.
        if process.terminationStatus == 127 { throw SiteError(.gitUnavailable("git")) }
        return (process.terminationStatus, taken)
    }

    /// git with `arguments`, run in `folder` (through `env`, which finds it on the `PATH`), its standard error
    /// discarded.
    static func git(_ arguments: [String], in folder: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Starts `process`; the semaphore is signalled when it has exited.
    static func start(_ process: Process) throws -> DispatchSemaphore {
        // Foundation's `waitUntilExit` polls a run loop every 50 ms and often sleeps the whole interval after git
        // is done, a third of a no-change rebuild; the handler is called as soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw SiteError(.gitUnavailable("\(error)"))
        }
        return exited
    }

    private static func wait(for process: Process, exited: DispatchSemaphore) {
        exited.wait()
        // Returns at once now; it also frees the process, which its run loop source holds until then.
        process.waitUntilExit()
    }
}

/// `GitObjects` from one `git cat-file --batch`, started when first asked and kept running while the history is
/// held: each map's versions are read as the map is built, and let go with it.
final class GitCatFile: GitObjects, @unchecked Sendable {
    private typealias Running = (process: Process, exited: DispatchSemaphore, input: Pipe, output: Pipe)
    private let folder: String
    private let questionBytes: Int
    private let lock = NSLock()
    // Under the lock: git once started, and the buffer its answers are read into.
    private var git: Running?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// `questionBytes`: the most a question of blob ids is written in before its answer is read, no more than a
    /// pipe holds when the system gives it a single page (4 KB, once a user's pipes pass `fs.pipe-user-pages-soft`):
    /// a longer question could wait for git to read it while git waits for its answer to be read.
    init(folder: String, questionBytes: Int = 4_096) {
        (self.folder, self.questionBytes) = (folder, questionBytes)
    }

    deinit {
        stop()
    }

    /// Throws when git stops answering and a git started again does not answer either: the versions it did not give
    /// would be history pages made from nothing, kept as built.
    func bytes(of blobs: [String]) throws -> [[UInt8]?] {
        try lock.withLock {
            var all: [[UInt8]?] = []
            all.reserveCapacity(blobs.count)
            var start = 0
            while start < blobs.count {
                var end = start + 1, size = blobs[start].utf8.count + 1
                while end < blobs.count, size + blobs[end].utf8.count + 1 <= questionBytes {
                    size += blobs[end].utf8.count + 1
                    end += 1
                }
                var answered = answers(to: blobs[start..<end])
                if answered.count < end - start {
                    // A git that was killed or failed: once more, with a new one, from the first id not answered.
                    stop()
                    answered += answers(to: blobs[(start + answered.count)..<end])
                    guard answered.count == end - start else { throw SiteError(.gitStopped) }
                }
                all += answered
                start = end
            }
            return all
        }
    }

    /// What git answers to `blobs`, up to where it stopped answering.
    private func answers(to blobs: ArraySlice<String>) -> [[UInt8]?] {
        guard let git = git ?? started() else { return [] }
        var objects = BatchObjects()
        let output = git.output.fileHandleForReading.fileDescriptor
        if Self.sent(Array((blobs.joined(separator: "\n") + "\n").utf8), to: git.input.fileHandleForWriting.fileDescriptor) {
            while objects.objects.count < blobs.count {
                let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                objects.add(chunk[..<count])
            }
        }
        let answered = objects.objects.count < blobs.count ? objects.finished() : objects.objects
        return Array(answered.prefix(blobs.count))
    }

    private func started() -> Running? {
        let process = GitCommand.git(["cat-file", "--batch"], in: folder)
        let (input, output) = (Pipe(), Pipe())
        (process.standardInput, process.standardOutput) = (input, output)
        guard let exited = try? GitCommand.start(process) else { return nil }
        git = (process, exited, input, output)
        return git
    }

    /// Ends git: told so by the end of its input, or killed when it has stopped reading it.
    private func stop() {
        guard let git else { return }
        try? git.input.fileHandleForWriting.close()
        if git.exited.wait(timeout: .now() + 5) == .timedOut {
            git.process.terminate()
            git.exited.wait()
        }
        // Returns at once now, and frees the process.
        git.process.waitUntilExit()
        self.git = nil
    }

    /// Writes `bytes` whole; false when git has stopped reading. SIGPIPE, which would end tropa, is held back on this
    /// thread meanwhile, and taken off again when this write raised it.
    private static func sent(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if errno == EPIPE {
                    var none = timespec()
                    _ = sigtimedwait(&pipeSignal, nil, &none)
                }
                return false
            }
            written += count
        }
        return true
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
            guard header.count == 3, let size = Int(header[2]), size >= 0 else {
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
