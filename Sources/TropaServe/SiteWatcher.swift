import TropaModel
import TropaSource
import TropaOutput
import TropaBuild
import TropaAuthoring
import Foundation

/// Notices edits to a site by polling the sizes and modification times of its inputs (`SiteInputs`, the list every
/// build reads): portable, and cheap enough for thousands of maps at a few polls a second.
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

    init(root: String) {
        self.root = root
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
    /// saves (an editor writing a temporary file and renaming it) makes one rebuild.
    func nextChange(after last: Snapshot, config: SiteConfig, poll: Duration = .milliseconds(200),
                    quiet: Duration = .milliseconds(100)) async throws -> Snapshot {
        var current = last
        while current == last {
            try await Task.sleep(for: poll)
            current = snapshot(config)
        }
        while true {
            try await Task.sleep(for: quiet)
            let settled = snapshot(config)
            if settled == current { return settled }
            current = settled
        }
    }
}
