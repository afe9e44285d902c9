import TropaModel
import TropaSource
import TropaOutput
import TropaBuild
import TropaAuthoring
import Foundation

/// Notices edits to a site from the sizes and modification times of its inputs (`SiteInputs`, the list every build
/// reads), taken when the kernel tells that something changed in the site's folders (`FolderEvents`), and every
/// two seconds besides; where it cannot tell, a few times a second.
struct SiteWatcher: Sendable {
    struct Snapshot: Equatable {
        /// Size and modification time of each input, by its path relative to the site folder; while the site's
        /// folders cannot be listed (a link that loops, a missing content folder), only the reason, so that mending
        /// it is a change too.
        var statuses: [String: FileStatus]
        /// The inputs as listed, which the build takes instead of listing them again.
        var inputs: SiteInputs?

        /// The same inputs with the same sizes and times are the same listing.
        static func == (lhs: Snapshot, rhs: Snapshot) -> Bool { lhs.statuses == rhs.statuses }
    }

    let root: String
    private let reader = DiskFileReader()
    /// Nil where the kernel cannot tell, or when asked not to: the watcher polls.
    let events: FolderEvents?

    init(root: String, events: Bool = true) {
        self.root = root
        self.events = events ? FolderEvents() : nil
    }

    /// The inputs a build of the site with `config` reads.
    func snapshot(_ config: SiteConfig) -> Snapshot {
        let inputs: SiteInputs
        do {
            inputs = try SiteInputs.list(root: root, config: config, reader: reader)
        } catch {
            return Snapshot(statuses: ["\(error)": FileStatus(size: 0, modified: 0)])
        }
        var result = Snapshot(statuses: [:], inputs: inputs)
        for (path, status) in zip(inputs.watched, reader.statuses(of: inputs.watched, in: root)) {
            if let status { result.statuses[path] = status }
        }
        return result
    }

    /// Waits until the snapshot differs from `last`, then until it holds still for `quiet` seconds, so a burst of
    /// saves (an editor writing a temporary file and renaming it) makes one rebuild. Told by the kernel, it looks
    /// after an event and every `recheck`, and holding still is `quiet` without an event; otherwise it looks every
    /// `poll`, and holding still is two snapshots alike. A site that never holds still (a program writing into
    /// `content/` all the time) is taken as it is after ten `quiet`s: what changes after is the next change.
    func nextChange(after last: Snapshot, config: SiteConfig, poll: Duration = .milliseconds(200),
                    quiet: Duration = .milliseconds(100), recheck: Duration = .seconds(2)) async throws -> Snapshot {
        var current = last
        if let events, events.trusted {
            // What was told before now shows in the snapshot; the folders are watched before it is taken, so a
            // change after it is told.
            _ = events.happened()
            folders(config, watching: events.watch)
            current = snapshot(config)
        }
        while current == last {
            guard let events, events.trusted else {
                try await Task.sleep(for: poll)
                current = snapshot(config)
                continue
            }
            var told = events.happened(), waited = Duration.zero
            while !told && waited < recheck {
                try await Task.sleep(for: Self.eventCheck)
                waited += Self.eventCheck
                told = events.happened()
            }
            current = try await look(config, events: events, told: told, last: last)
        }
        for _ in 0..<10 {
            try await Task.sleep(for: quiet)
            if let events, events.trusted {
                // Nothing told since `current` was taken: it holds still.
                guard events.happened() else { return current }
                current = try await look(config, events: events, told: true, last: last)
                continue
            }
            let settled = snapshot(config)
            if settled == current { return settled }
            current = settled
        }
        return current
    }

    /// The snapshot once the kernel told of a change (`told`), or once `recheck` passed without one. A change no
    /// event told of ends the trust, unless an event comes by the next `eventCheck` (a save seen while the
    /// snapshot was taken, told just after): then it is taken again, as after any event.
    private func look(_ config: SiteConfig, events: FolderEvents, told: Bool, last: Snapshot) async throws -> Snapshot {
        // A folder made since is watched before its files are looked at.
        if told { folders(config, watching: events.watch) }
        let current = snapshot(config)
        guard !told && current != last else { return current }
        try await Task.sleep(for: Self.eventCheck)
        guard events.happened() else {
            events.trusted = false
            return current
        }
        return try await look(config, events: events, told: true, last: last)
    }

    /// How often the kernel's events are asked for: a read that finds none costs next to nothing.
    private static let eventCheck = Duration.milliseconds(50)

    /// The folders whose entries are the site's inputs or lead to them: the site's, those inside it on the way to
    /// its schema, content and templates, the schema's own, and every folder inside the content and templates but
    /// through a link or hidden (a change there is found by the look every `recheck`). Each is handed to `watch`
    /// before its entries are read, so that a folder made inside it meanwhile is either read or told of. Folders
    /// above the site are not watched: every file saved in a home folder or `/tmp` would be an event.
    @discardableResult
    func folders(_ config: SiteConfig, watching watch: ((String) -> Void)? = nil) -> [String] {
        var folders: Set<String> = []
        func add(_ folder: String) {
            if folders.insert(folder).inserted { watch?(folder) }
        }
        add(root)
        for path in [config.schemaPath, config.contentPath, config.templatesPath] {
            let parts = path.split(separator: "/").dropLast()
            if path.hasPrefix("/") || parts.contains("..") { continue }
            var folder = root
            for part in parts {
                folder = folder.appendingPath(String(part))
                add(folder)
            }
        }
        add((root.appendingPath(config.schemaPath) as NSString).deletingLastPathComponent)
        var unvisited = [config.contentPath, config.templatesPath].map(root.appendingPath)
        while let folder = unvisited.popLast() {
            add(folder)
            guard let stream = opendir(folder) else { continue }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                // Hidden folders are no part of the site, as the listing has it.
                guard !name.hasPrefix(".") else { continue }
                let path = folder.appendingPath(name)
                var info = stat()
                if entry.pointee.d_type == DT_DIR
                    || entry.pointee.d_type == DT_UNKNOWN && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                    unvisited.append(path)
                }
            }
            closedir(stream)
        }
        return Array(folders)
    }
}
