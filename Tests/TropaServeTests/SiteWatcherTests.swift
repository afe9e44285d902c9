import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
@testable import TropaServe
import TropaTesting

/// The watcher behind `tropa serve`: what it watches, what it leaves alone, that it waits for a burst of saves to
/// settle, and that it is told of changes by the kernel where it can be, and polls where it cannot.
@Suite struct SiteWatcherTests {
    private func site() throws -> URL {
        try TropaProcess.temporarySite([
            "tropa.yml": "language: ru\n",
            "content/map.md": "---\ntitle: A\n---\n",
            "content/.map.md.swp": "editor scratch",
            "templates/journey.mustache": "x",
            "public/index.html": "built",
        ])
    }

    @Test func itWatchesTheSiteFilesOnly() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = Set(SiteWatcher(root: root.path).snapshot(SiteConfig()).statuses.keys)
        #expect(paths == ["tropa.yml", "content/map.md", "templates/journey.mustache"])
        #expect(SiteWatcher(root: root.path).snapshot(SiteConfig()).inputs?.maps == ["content/map.md"])
    }

    /// The watcher lists the site as a build does: a link that loops stops the listing (and the build says why);
    /// removing it is a change.
    @Test func aLinkThatLoopsIsWatchedUntilItIsRemoved() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SiteWatcher(root: root.path)
        let before = watcher.snapshot(SiteConfig())
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/loop", withDestinationPath: root.path + "/content")
        let looping = watcher.snapshot(SiteConfig())
        #expect(looping.statuses.keys.count == 1 && looping.inputs == nil)
        #expect(looping.statuses.keys.first?.contains("leads back into a folder that holds it") == true)
        try FileManager.default.removeItem(atPath: root.path + "/content/loop")
        #expect(watcher.snapshot(SiteConfig()) == before)
    }

    @Test(arguments: [true, false])
    func aBurstOfSavesIsOneChange(toldByTheKernel: Bool) async throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SiteWatcher(root: root.path, events: toldByTheKernel)
        #expect((watcher.events != nil) == (toldByTheKernel && Self.kernelTells))
        let before = watcher.snapshot(SiteConfig())
        let map = root.appendingPathComponent("content/map.md")
        let saves = Task {
            for save in 1...5 {
                try Data("---\ntitle: \(String(repeating: "B", count: save))\n---\n".utf8).write(to: map)
                try await Task.sleep(for: .milliseconds(30))
            }
        }
        let after = try await watcher.nextChange(after: before, config: SiteConfig(), poll: .milliseconds(20),
                                                 quiet: .milliseconds(100))
        try await saves.value
        #expect(after == watcher.snapshot(SiteConfig()), "the change returned is the last save's")
        #expect(after.statuses["content/map.md"]?.size == 21)
    }

    /// Where the kernel tells of changes (Linux); elsewhere the watcher polls, and the tests of the events are off.
    private static let kernelTells = FolderEvents() != nil

    /// The map comes into the watched folder as a hard link to a file written outside it. A file's last close can
    /// come late, when a process started elsewhere in the tests held a copy of it until it ran its program, and its
    /// event goes to the folder the file was opened in: in a folder written into, "told once" could not be asserted.
    @Test(.enabled(if: kernelTells)) func theKernelTellsOfAChangeInAWatchedFolder() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let watched = root.appendingPathComponent("content/stages")
        try FileManager.default.createDirectory(at: watched, withIntermediateDirectories: false)
        let events = try #require(FolderEvents())
        events.watch(watched.path)
        #expect(!events.happened())
        let written = root.appendingPathComponent("map.md")
        try Data("---\ntitle: B\n---\n".utf8).write(to: written)
        try FileManager.default.linkItem(at: written, to: watched.appendingPathComponent("map.md"))
        #expect(events.happened())
        #expect(!events.happened(), "what happened is told once")
        try Data("x".utf8).write(to: root.appendingPathComponent("public/index.html"))
        #expect(!events.happened(), "a folder not watched tells nothing")
    }

    /// The folders are walked for watching each before its entries are read: a folder deep inside the content is
    /// told of as soon as the walk has passed it.
    @Test(.enabled(if: kernelTells)) func theWalkWatchesEveryFolderOfTheContent() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("content/a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let events = try #require(FolderEvents())
        let watcher = SiteWatcher(root: root.path)
        watcher.folders(SiteConfig(), watching: events.watch)
        _ = events.happened() // a late close of a file the site was made with (see above) is not what is asked
        try Data("---\ntitle: D\n---\n".utf8).write(to: deep.appendingPathComponent("map.md"))
        #expect(events.happened())
    }

    /// A folder made inside one just watched, before the walk read its entries, is walked too: watched, then read,
    /// no folder falls between the two.
    @Test func aFolderIsWatchedBeforeItsEntriesAreRead() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.path + "/content"
        let folders = SiteWatcher(root: root.path).folders(SiteConfig()) { folder in
            if folder == content { try? FileManager.default.createDirectory(atPath: content + "/late", withIntermediateDirectories: false) }
        }
        #expect(folders.contains(content + "/late"))
    }

    /// A content folder named by an absolute path, and a schema beside the site, are watched where they are; the
    /// folders above them are not (a file saved in a home folder would be an event).
    @Test func foldersOutsideTheSiteAreWatchedWhereTheyAre() throws {
        let root = try site(), elsewhere = try TropaProcess.temporarySite(["content/deep/map.md": "---\ntitle: E\n---\n"])
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        var config = SiteConfig()
        config.contentPath = elsewhere.path + "/content"
        config.schemaPath = "../shared/schema.yaml"
        let folders = Set(SiteWatcher(root: root.path).folders(config))
        #expect(folders == [root.path, config.contentPath, config.contentPath + "/deep", root.path + "/../shared",
                            root.path + "/templates"])
    }

    /// Told by the kernel, a save is noticed long before the next look every `recheck` would; a map saved in a
    /// folder made after the watching started is too.
    @Test(.enabled(if: kernelTells), .timeLimit(.minutes(1))) func aSaveIsNoticedWhenTheKernelTellsOfIt() async throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SiteWatcher(root: root.path)
        #expect(Set(watcher.folders(SiteConfig()).map { String($0.dropFirst(root.path.count)) })
                == ["", "/content", "/templates"])
        var last = watcher.snapshot(SiteConfig())
        let clock = ContinuousClock(), started = clock.now
        for (folder, title) in [("content", "B"), ("content/new", "C")] {
            let saves = Task {
                try await Task.sleep(for: .milliseconds(100))
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
                try await Task.sleep(for: .milliseconds(100))
                try Data("---\ntitle: \(title)\n---\n".utf8).write(to: root.appendingPathComponent(folder + "/map.md"))
            }
            last = try await watcher.nextChange(after: last, config: SiteConfig(), poll: .seconds(60),
                                                recheck: .seconds(60))
            try await saves.value
            #expect(last.statuses[folder + "/map.md"]?.size == 17)
        }
        #expect(clock.now - started < .seconds(20))
        #expect(watcher.events?.trusted == true)
    }

    /// A folder reached through a link is not watched (here a hidden one, which the listing enters only through
    /// the link): the change found there by the look every `recheck`, which no event told of, turns the watcher
    /// to polling.
    @Test(.enabled(if: kernelTells), .timeLimit(.minutes(1))) func aChangeNoEventToldOfTurnsTheWatcherToPolling() async throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let shared = root.appendingPathComponent("content/.shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try Data("---\ntitle: S\n---\n".utf8).write(to: shared.appendingPathComponent("map.md"))
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/linked", withDestinationPath: shared.path)
        let watcher = SiteWatcher(root: root.path)
        let before = watcher.snapshot(SiteConfig())
        try #require(before.statuses["content/linked/map.md"] != nil)
        let save = Task {
            try await Task.sleep(for: .milliseconds(100))
            try Data("---\ntitle: SS\n---\n".utf8).write(to: shared.appendingPathComponent("map.md"))
        }
        let after = try await watcher.nextChange(after: before, config: SiteConfig(), poll: .milliseconds(20),
                                                 recheck: .milliseconds(500))
        try await save.value
        #expect(after.statuses["content/linked/map.md"]?.size == 18)
        #expect(watcher.events?.trusted == false)
    }
}
