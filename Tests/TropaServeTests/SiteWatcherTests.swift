import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
@testable import TropaServe
import TropaTesting

/// The polling watcher behind `tropa serve`: what it watches, what it leaves alone, and that it waits for a burst
/// of saves to settle.
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

    @Test func aBurstOfSavesIsOneChange() async throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SiteWatcher(root: root.path)
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
}
