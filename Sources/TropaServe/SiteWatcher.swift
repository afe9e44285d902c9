import Foundation
import TropaKit

/// Notices edits to a site by polling its files' sizes and modification times: portable, and cheap enough for
/// thousands of maps at a few polls a second.
struct SiteWatcher: Sendable {
    /// Size and modification time of a file, by its path.
    typealias Snapshot = [String: Stamp]

    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    let root: String

    /// The config and schema files and every file under the content and templates folders.
    func snapshot(_ config: SiteConfig) -> Snapshot {
        var result = Snapshot()
        for file in [SiteConfig.fileName, config.schemaPath] {
            let path = root.appendingPath(file)
            if let stamp = Self.stamp(path) { result[path] = stamp }
        }
        for folder in [config.contentPath, config.templatesPath] {
            Self.walk(root.appendingPath(folder), into: &result)
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

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }

    /// Every file below `folder`, through `readdir` rather than `FileManager`: this runs several times a second.
    /// Folders are entered once each (by device and inode), so a link that loops back ends the walk there.
    private static func walk(_ folder: String, into result: inout Snapshot) {
        var visited = Set<[UInt64]>()
        walk(folder, into: &result, visited: &visited)
    }

    private static func walk(_ folder: String, into result: inout Snapshot, visited: inout Set<[UInt64]>) {
        var info = stat()
        guard stat(folder, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
              let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            if Int32(entry.pointee.d_type) == Int32(DT_REG) {
                if let stamp = stamp(path) { result[path] = stamp }
                continue
            }
            // A folder, a link, or a file system that does not say: stat tells.
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &result, visited: &visited)
            } else if let stamp = stamp(path) {
                result[path] = stamp
            }
        }
    }
}
