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

    /// Three runs of git for the whole site: the commit, where the folder is and whether the clone is shallow; the
    /// log of every file under it up to that commit, with renames and each version's blob (unless a build at that
    /// commit kept it: 0.15 s of a one-map update at 10,000 maps × 20 commits); one `cat-file --batch`
    /// that the maps' builds ask for the bytes of their versions (by blob rather than `commit:path`, which costs a
    /// walk of the commit's tree each: 4× faster at 20,000).
    package func head() throws -> GitHead? {
        let head = try run(["rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD"])
        let lines = String(decoding: head.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard head.status == 0, lines.count >= 3 else { return nil }
        // An empty prefix prints as an empty line: the folder is the repository's top.
        return GitHead(commit: String(lines[2]), shallow: lines[0] == "true", prefix: String(lines[1]))
    }

    package func history(at head: GitHead, of files: [String], keeping kept: Set<String>?, log earlier: [UInt8]?) throws -> GitHistory? {
        guard !head.shallow else { return GitHistory(commit: head.commit, shallow: true) }
        let log: [UInt8]
        if let earlier {
            log = earlier
        } else {
            // The log of the commit the build read, not of whatever is checked out by now.
            let asked = try run(["-c", "core.quotePath=false", "log", "--format=%x1e%H %ct%x1f%s", "--raw", "--no-abbrev", "-M",
                                 head.commit, "--", "."])
            guard asked.status == 0 else { return nil }
            log = asked.output
        }
        let versions = Self.versions(log: log, prefix: head.prefix, files: files, keeping: kept)
        return GitHistory(commit: head.commit, shallow: false, versions: versions, objects: GitCatFile(folder: folder),
                          log: earlier == nil ? log : nil)
    }

    /// Each file's versions from `git log --raw`, newest first, following renames back in time, each with the blob
    /// its bytes are still to be read from; of the `kept` files alone when set. Read as bytes, with `memchr`, paths
    /// compared as bytes, nothing made for a line of a file not kept: 10,000 maps of 20 commits (25 MB) cut as a
    /// `String` took 1.3 s, cut into arrays of lines and fields with a `String` for each path 0.1 s.
    static func versions(log: [UInt8], prefix: String, files: [String], keeping kept: Set<String>? = nil) -> [String: [GitVersion]] {
        // The path each file had at the commit being read, relative to the repository's top.
        var tracked = Dictionary(files.map { (PathBytes(Array((prefix + $0).utf8)[...]), $0) }, uniquingKeysWith: { first, _ in first })
        let prefixBytes = Array(prefix.utf8)
        var versions: [String: [GitVersion]] = [:]
        func text(_ range: Range<Int>) -> String { String(decoding: log[range], as: UTF8.self) }
        func path(_ range: Range<Int>) -> PathBytes { PathBytes(Self.unquoted(log[range])) }
        log.withUnsafeBufferPointer { buffer in
            /// Where `byte` is first in `range`, or its end.
            func find(_ byte: UInt8, in range: Range<Int>) -> Int {
                guard !range.isEmpty, let found = memchr(buffer.baseAddress! + range.lowerBound, Int32(byte), range.count)
                else { return range.upperBound }
                return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var (commit, time, subject, place) = ("", 0, "", -1)
            var next = 0
            while next < buffer.count {
                let start = next, end = find(0x0A, in: start..<buffer.count)
                next = end + 1
                guard start < end else { continue }
                // A commit: `\u{1E}HASH TIME\u{1F}subject`.
                if buffer[start] == 0x1E {
                    let space = find(0x20, in: start..<end), separator = find(0x1F, in: space..<end)
                    commit = text((start + 1)..<space)
                    time = space < end ? Int(text((space + 1)..<separator)) ?? 0 : 0
                    subject = separator < end ? text((separator + 1)..<end) : ""
                    place += 1
                    continue
                }
                // `:100644 100644 OLD NEW M<TAB>path`, or `… R087<TAB>old<TAB>new` for a rename; not a merge's
                // combined `::…` line.
                guard buffer[start] == UInt8(ascii: ":"), end - start > 1, buffer[start + 1] != UInt8(ascii: ":") else { continue }
                let tab = find(0x09, in: start..<end)
                guard tab < end, let lastSpace = log[start..<tab].lastIndex(of: 0x20),
                      let blobSpace = log[start..<lastSpace].lastIndex(of: 0x20),
                      let oldSpace = log[start..<blobSpace].lastIndex(of: 0x20), lastSpace + 1 < tab else { continue }
                let status = buffer[lastSpace + 1]
                guard status != UInt8(ascii: "D") else { continue }
                let secondTab = find(0x09, in: (tab + 1)..<end)
                let current = path((secondTab < end ? secondTab + 1 : tab + 1)..<end)
                guard let file = tracked[current], current.written.starts(with: prefixBytes) else { continue }
                if kept?.contains(file) ?? true {
                    // An added file's object before is all zeros; a renamed one was under its old path.
                    let old = text((oldSpace + 1)..<blobSpace)
                    let oldPath = secondTab < end ? path((tab + 1)..<secondTab).written : current.written
                    let version = GitVersion(commit: commit, time: time, subject: subject,
                                             path: String(decoding: current.written.dropFirst(prefixBytes.count), as: UTF8.self),
                                             bytes: [], blob: text((blobSpace + 1)..<lastSpace), place: place,
                                             blobBefore: old.allSatisfy { $0 == "0" } ? nil : old,
                                             pathBefore: String(decoding: oldPath.starts(with: prefixBytes) ? oldPath.dropFirst(prefixBytes.count) : oldPath,
                                                                as: UTF8.self))
                    versions[file, default: []].append(version)
                }
                switch status {
                case UInt8(ascii: "R") where secondTab < end:
                    // Before this commit the file had its old name.
                    tracked[current] = nil
                    tracked[path((tab + 1)..<secondTab)] = file
                case UInt8(ascii: "A"):
                    tracked[current] = nil
                default:
                    break
                }
            }
        }
        return versions
    }

    /// A path as a dictionary's key, hashed at once rather than byte by byte; one that is not ASCII compared in
    /// Unicode's composed form, as `String`s compare: a Mac keeps a file's name as it was made (`й` as `и` and a
    /// combining breve), where its git keeps it composed.
    private struct PathBytes: Hashable {
        /// As git or the file system wrote it.
        let written: ArraySlice<UInt8>
        let key: ArraySlice<UInt8>

        init(_ written: ArraySlice<UInt8>) {
            self.written = written
            key = written.allSatisfy { $0 < 0x80 } ? written
                : Array(String(decoding: written, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)[...]
        }

        func hash(into hasher: inout Hasher) {
            key.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        static func == (left: PathBytes, right: PathBytes) -> Bool { left.key == right.key }
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
            while objects.objects.count < blobs.count && !objects.lost {
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
    /// Whether an object's bytes were not followed by a line feed: what follows is not where its size says, so no
    /// more is taken (the caller asks a new git from the first object not taken).
    private(set) var lost = false

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        guard !lost else { return }
        pending += bytes
        take(atEnd: false)
    }

    /// Every object, the last one taken even without its closing line feed.
    mutating func finished() -> [[UInt8]?] {
        if !lost { take(atEnd: true) }
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
            guard available == size || pending[body + size] == 0x0A else {
                lost = true
                break
            }
            objects.append(Array(pending[body..<(body + size)]))
            start = min(body + size + 1, pending.count)
        }
        pending.removeFirst(start)
    }
}
