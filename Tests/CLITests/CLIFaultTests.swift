import Foundation
import Testing
import TropaTesting

/// The built `tropa` against a hostile file system: every fault is one line on standard error and exit status
/// 2, with the previous output exactly as it was; and the output is the same whatever the order the files were
/// created in, the time zone or the locale. Killing a build is tested by `scripts/fault-tests`.
@Suite(.serialized) struct CLIFaultTests {
    /// A copy of the `valid-ru` fixture at `base/site`, built once into `base/out/public`, all owned by the user
    /// the faulty builds run as.
    struct BuiltSite {
        let base: URL
        var site: URL { base.appendingPathComponent("site") }
        var output: URL { base.appendingPathComponent("out/public") }
        var map: URL { site.appendingPathComponent("content/english-headings.md") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-fault-\(UUID().uuidString)")
                .resolvingSymlinksInPath()
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try copyTree(Fixtures.site("valid-ru"), to: site)
            try Unprivileged.own(base)
            let first = try build()
            #expect(first.status == 0, "\(first.stderr)")
            // A changed map, so that a build that went through would change the output.
            let text = try String(contentsOf: map, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\n## ", with: "\nA new paragraph.\n\n## ", options: [],
                                               range: text.range(of: "\n## ")).utf8).write(to: map)
        }

        /// In English: the site says `language: ru`, and these tests read the wording of each fault.
        func build() throws -> TropaProcess.Output {
            try Unprivileged.run(["build", site.path, "--output", output.path, "--lang", "en"])
        }

        /// Checks the failed build said `message` and left the output and its surroundings as they were.
        func expectFailure(_ result: TropaProcess.Output, _ message: String, outputBefore: [String: Data],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(result.status == 2, sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(result.stderr == "error: \(message)\n", sourceLocation: sourceLocation)
            #expect(try snapshot(output) == outputBefore, "the output changed", sourceLocation: sourceLocation)
            let beside = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            #expect(beside.filter { $0.contains("staging") || $0.contains("previous") }.isEmpty,
                    "\(beside)", sourceLocation: sourceLocation)
        }

        func remove() {
            _ = try? TropaProcess.run(URL(fileURLWithPath: "/bin/chmod"), ["-R", "u+rwX", base.path])
            try? FileManager.default.removeItem(at: base)
        }
    }

    // MARK: - folders that cannot be written

    /// With one map changed, the build updates the output in place: it needs the folder above the output (for its
    /// staging folder) and the map's folder. With a template changed, it replaces the whole output: it needs the
    /// output itself and every folder in it, which it deletes.
    @Test(.enabled(if: Unprivileged.available, Unprivileged.unavailableReason),
          arguments: [("out", false), ("out/public/english-headings", false), ("out/public", true),
                      ("out/public/lumus", true)])
    func aReadOnlyFolderLeavesTheOutputAlone(readOnly: String, templateChanged: Bool) throws {
        let site = try BuiltSite()
        defer { site.remove() }
        if templateChanged {
            let templates = site.site.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try Data("p { margin: 0 }\n".utf8).write(to: templates.appendingPathComponent("extra.css"))
            try Unprivileged.own(templates)
        }
        let before = try snapshot(site.output)
        let folder = site.base.appendingPathComponent(readOnly)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        try site.expectFailure(try site.build(), "cannot \(templateChanged ? "replace" : "update") the output "
                               + "\(site.output.path): the folder \(folder.path) is read-only", outputBefore: before)
        // Writable again, the next build goes through.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        #expect(try site.build().status == 0)
        #expect(try String(contentsOf: site.output.appendingPathComponent("english-headings/index.html"), encoding: .utf8)
            .contains("A new paragraph."))
    }

    @Test(.enabled(if: Unprivileged.available, Unprivileged.unavailableReason))
    func anUnreadableMapStopsTheBuild() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = try snapshot(site.output)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: site.map.path)
        try site.expectFailure(try site.build(), "cannot read \(site.map.path): permission denied", outputBefore: before)
    }

    /// A small tmpfs holds the first build but not the second one, which adds a large static file.
    @Test(.enabled(if: SmallDisk.available, "mounting a tmpfs needs root (and a system that allows it): skipped"))
    func aFullDiskLeavesTheOutputAlone() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let disk = site.base.appendingPathComponent("disk")
        try SmallDisk.mount(at: disk)
        defer { SmallDisk.unmount(disk) }
        let output = disk.appendingPathComponent("public")
        #expect(try TropaProcess.run(["build", site.site.path, "--output", output.path]).status == 0)
        let before = try snapshot(output)
        let record = try Data(contentsOf: disk.appendingPathComponent(".public.tropa-cache"))
        let facts = try Data(contentsOf: disk.appendingPathComponent(".public.tropa-facts"))
        let big = site.site.appendingPathComponent("content/big.bin")
        try Data(repeating: 0x5A, count: 2_000_000).write(to: big)
        let result = try TropaProcess.run(["build", site.site.path, "--output", output.path, "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write \(disk.path)/.public.tropa-staging/big.bin: No space left on device\n")
        #expect(try snapshot(output) == before)
        // No staging folder is left; the record of the output, which is as it was, stays with it, and the lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted()
                == [".public.tropa-cache", ".public.tropa-facts", ".public.tropa-lock", "public"])
        #expect(try Data(contentsOf: disk.appendingPathComponent(".public.tropa-cache")) == record)
        #expect(try Data(contentsOf: disk.appendingPathComponent(".public.tropa-facts")) == facts)
    }

    // MARK: - links

    @Test func aLoopOfLinksStopsTheBuild() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = try snapshot(site.output)
        let content = site.site.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("loop-a").path,
                                                   withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("loop-b").path,
                                                   withDestinationPath: "loop-a")
        try site.expectFailure(try site.build(), "the link \(content.path)/loop-a leads nowhere (a broken link or a loop "
                               + "of links)", outputBefore: before)
    }

    @Test func aLinkOutOfTheSiteStopsTheBuild() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = try snapshot(site.output)
        let outside = site.base.appendingPathComponent("secret.md")
        try Data("---\ntitle: Secret\n---\n".utf8).write(to: outside)
        let link = site.site.appendingPathComponent("content/secret.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        try site.expectFailure(try site.build(), "the link \(link.path) points outside the site, to \(outside.path)",
                               outputBefore: before)
    }

    // MARK: - two builds at once

    /// A build into an output that another build is writing (its lock held here, as that build's process holds
    /// it) waits until the other leaves the output: it does not clear the other's staging folder as a leftover of
    /// an interrupted build. Then it builds, and says it waited.
    @Test func aBuildWaitsForAnotherIntoTheSameOutput() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-locked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try copyTree(Fixtures.site("valid-ru"), to: base)
        let output = base.appendingPathComponent("public")
        let other = open(base.path + "/.public.tropa-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(other >= 0 && flock(other, LOCK_EX) == 0)
        // The other build's staging folder, half written.
        let staging = base.appendingPathComponent(".public.tropa-staging/index.html")
        try FileManager.default.createDirectory(at: staging.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<p>half</p>".utf8).write(to: staging)
        // Its standard error in a file, read while it waits.
        let errors = base.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let build = Process()
        build.executableURL = try TropaProcess.requireExecutable()
        build.arguments = ["build", base.path]
        (build.standardOutput, build.standardInput) = (FileHandle.nullDevice, FileHandle.nullDevice)
        build.standardError = try FileHandle(forWritingTo: errors)
        try build.run()
        let waiting = "примечание: в \(output.path) пишет другая сборка; жду её конца\n"
        let deadline = Date().addingTimeInterval(30)
        while (try String(contentsOf: errors, encoding: .utf8)) != waiting, Date() < deadline { usleep(50_000) }
        // Told at once, and still waiting.
        #expect(try String(contentsOf: errors, encoding: .utf8) == waiting)
        usleep(500_000)
        #expect(build.isRunning)
        #expect(try Data(contentsOf: staging) == Data("<p>half</p>".utf8))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        close(other)
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        #expect(stderr.hasPrefix(waiting + "примечание: в \(output.path) писала другая сборка; эта дождалась её конца\n"
                                 + "собрано карт: 3"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        // Alone, a build waits for nothing and says nothing of it.
        #expect(try TropaProcess.run(["build", base.path]).stderr.hasPrefix("всё уже собрано: карт 3"))
    }

    /// The lock is taken beside an output whose folders are still to be made (the first two builds into it are
    /// kept apart too), and never beside a folder the build refuses.
    @Test func theLockIsTakenWhereTheBuildMayWriteOnly() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-lock-place-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try copyTree(Fixtures.site("valid-ru"), to: base)
        let nested = base.appendingPathComponent("dist/deep/public")
        let built = try TropaProcess.run(["build", base.path, "--output", nested.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: base.path + "/dist/deep/.public.tropa-lock"))
        #expect(FileManager.default.fileExists(atPath: nested.path + "/index.html"))
        // A folder of the author's own is refused, and nothing is left beside it.
        try FileManager.default.createDirectory(at: base.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("мои заметки".utf8).write(to: base.appendingPathComponent("notes/todo.txt"))
        let refused = try TropaProcess.run(["build", base.path, "--output", base.path + "/notes"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("которые записала не tropa"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base.path + "/.notes.tropa-lock"))
    }

    // MARK: - determinism

    /// The same files, created in opposite orders in differently named folders, built under different time zones
    /// and locales (Turkish when installed: its dotted and dotless i fold differently), give the same bytes.
    @Test func theOutputDependsOnlyOnTheInput() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let source = Fixtures.site("valid-ru")
        var files = try RenderFixtures.files(under: source).map { ($0, try Data(contentsOf: source.appendingPathComponent($0))) }
        let map = try #require(files.first { $0.0 == "content/english-headings.md" }).1
        for name in ["İstanbul", "ıgdır", "Ünye", "Iğdır 2"] {
            let text = String(decoding: map, as: UTF8.self).replacingOccurrences(of: "title: ", with: "title: \(name) ")
            files.append(("content/tr/\(name).md", Data(text.utf8)))
        }
        let other = Self.otherLocale()
        let builds = [(files, "a", "UTC", "C"), (Array(files.reversed()), "б с пробелом", "Asia/Vladivostok", other)]
        var outputs: [[String: Data]] = []
        for (files, folder, zone, locale) in builds {
            let site = base.appendingPathComponent(folder)
            for (path, bytes) in files {
                let url = site.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url)
            }
            let output = site.appendingPathComponent("public")
            let result = try TropaProcess.run(["build", site.path], environment: ["TZ": zone, "LC_ALL": locale, "LANG": locale])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            outputs.append(try snapshot(output))
        }
        #expect(outputs[0].count == 72, "\(outputs[0].keys.sorted())")
        #expect(outputs[0].keys.contains("tr/istanbul/index.html"))
        #expect(outputs[0] == outputs[1], "built with LC_ALL=\(other): \(Self.differences(outputs[0], outputs[1]))")
    }

    /// A rebuild with nothing changed writes nothing; once files are deleted from the output by hand (the theme's
    /// folder, which marks the output as tropa's, the catalogue and a static file), the next one writes them again.
    @Test func aRebuildPutsBackWhatWasDeletedFromTheOutput() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-deleted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try copyTree(Fixtures.site("valid-ru"), to: base)
        let output = base.appendingPathComponent("public")
        #expect(try TropaProcess.run(["build", base.path]).stderr.hasPrefix("собрано карт: 3 (файлов: "))
        let built = try snapshot(output)
        #expect(try TropaProcess.run(["build", base.path]).stderr.hasPrefix("всё уже собрано: карт 3"))
        for deleted in ["_tropa", "index.html", "img/logo.svg"] {
            try FileManager.default.removeItem(at: output.appendingPathComponent(deleted))
        }
        let rebuilt = try TropaProcess.run(["build", base.path, "--lang", "en"])
        #expect(rebuilt.stderr.hasPrefix("built 3 maps"), "\(rebuilt.stdout)\(rebuilt.stderr)")
        #expect(try snapshot(output) == built)
    }

    /// A rebuild with nothing changed looks at each output folder's time rather than at every file: a folder whose
    /// time is the recorded one, older than the record by a second, had nothing removed. A file deleted changes its
    /// folder's time and is written again; with the folder's time put back, the folder is not looked into.
    @Test func aRebuildTellsDeletedFilesByTheirFoldersTimes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try copyTree(Fixtures.site("valid-ru"), to: base)
        let output = base.appendingPathComponent("public")
        _ = try TropaProcess.run(["build", base.path])
        let built = try snapshot(output)
        // As if the build had ended a while after it wrote the folders.
        let record = base.appendingPathComponent(".public.tropa-cache").path
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: record)
        let outlines = built.keys.filter { $0.hasSuffix("/outline.mm") }.sorted()
        #expect(outlines.count >= 2)
        let (first, second) = (outlines[0], outlines[1])

        try FileManager.default.removeItem(at: output.appendingPathComponent(first))
        let rebuilt = try TropaProcess.run(["build", base.path])
        #expect(rebuilt.stderr.hasPrefix("собрано карт: 3"), "\(rebuilt.stderr)")
        #expect(try snapshot(output) == built)

        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: record)
        let folder = output.appendingPathComponent(second).deletingLastPathComponent().path
        var times = stat()
        #expect(stat(folder, &times) == 0)
        try FileManager.default.removeItem(at: output.appendingPathComponent(second))
        var kept = [times.st_atim, times.st_mtim]
        #expect(utimensat(AT_FDCWD, folder, &kept, 0) == 0)
        #expect(try TropaProcess.run(["build", base.path]).stderr.hasPrefix("всё уже собрано: карт 3"))
    }

    /// A locale unlike C: Turkish, else Russian, else C.UTF-8 (install `locales` to have the others).
    static func otherLocale() -> String {
        let listed = (try? TropaProcess.run(URL(fileURLWithPath: "/usr/bin/locale"), ["-a"]).stdout) ?? ""
        let names = Set(listed.split(separator: "\n").map { $0.lowercased().replacingOccurrences(of: "-", with: "") })
        return ["tr_TR.UTF-8", "ru_RU.UTF-8"].first { names.contains($0.lowercased().replacingOccurrences(of: "-", with: "")) }
            ?? "C.UTF-8"
    }

    static func differences(_ first: [String: Data], _ second: [String: Data]) -> [String] {
        Set(first.keys).union(second.keys).filter { first[$0] != second[$0] }.sorted()
    }
}

/// Every file below `folder`, hidden ones too, by relative path.
private func snapshot(_ folder: URL) throws -> [String: Data] {
    let folder = folder.resolvingSymlinksInPath()
    return try Dictionary(uniqueKeysWithValues: RenderFixtures.files(under: folder).map {
        ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
    })
}

private func copyTree(_ source: URL, to target: URL) throws {
    for path in try RenderFixtures.files(under: source) {
        let url = target.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent(path), to: url)
    }
}

/// Runs `tropa` as a user that permissions apply to: root reads and writes whatever the modes say, so as root
/// the builds run as `nobody` through `setpriv`.
enum Unprivileged {
    static let nobody = "65534"
    static let isRoot = geteuid() == 0
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    /// As root: `setpriv` is there and `nobody` can run the built `tropa` (not so when it lies under /root).
    static let available = !isRoot || (FileManager.default.isExecutableFile(atPath: setpriv.path)
        && (try? run(["--version"]).status) == 0)
    static let unavailableReason: Comment = "as root, nobody cannot run tropa through setpriv: permissions untested"

    static func run(_ arguments: [String]) throws -> TropaProcess.Output {
        guard isRoot else { return try TropaProcess.run(arguments) }
        let tropa = try TropaProcess.requireExecutable()
        return try TropaProcess.run(setpriv, ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", tropa.path]
                                    + arguments)
    }

    /// Gives `folder` to the user the builds run as.
    static func own(_ folder: URL) throws {
        guard isRoot else { return }
        let result = try TropaProcess.run(URL(fileURLWithPath: "/bin/chown"), ["-R", "\(nobody):\(nobody)", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}

/// A 1 MiB tmpfs, when this process may mount one.
enum SmallDisk {
    static let available: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-mount-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? mount(at: probe)) != nil else { return false }
        unmount(probe)
        return true
    }()

    static func mount(at folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try TropaProcess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path])
        guard result.status == 0 else { throw MountFailed(message: result.stderr) }
    }

    static func unmount(_ folder: URL) {
        _ = try? TropaProcess.run(URL(fileURLWithPath: "/bin/umount"), [folder.path])
    }

    struct MountFailed: Error {
        let message: String
    }
}
