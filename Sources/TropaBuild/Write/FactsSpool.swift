import TropaModel
import Foundation

/// The facts lines of a full build's maps, written into the staging folder as each map is made and taken back when
/// the record is kept: held in memory until then, they were 24 MB of a 10,000-map build's peak (240 MB at 100,000
/// maps). Lines are written a megabyte at a time; once a write fails, the rest stay in memory, so a spool that
/// cannot be written costs memory, never the record.
package final class FactsSpool: @unchecked Sendable {
    private let fileSystem: FileSystem
    package let path: String
    private let lock = NSLock()
    // Under the lock: the lines not written yet, how many bytes the file holds, and whether writing still works.
    private var pending: [UInt8] = []
    private var written = 0
    private var writing = true
    private let writeSize: Int

    /// Nil when the file cannot be made: the lines then stay with their maps.
    package init?(fileSystem: FileSystem, path: String, writingBy writeSize: Int = 1 << 20) {
        guard (try? fileSystem.write([], to: path)) != nil else { return nil }
        (self.fileSystem, self.path, self.writeSize) = (fileSystem, path, writeSize)
    }

    /// `map` with its facts line in the spool rather than held.
    package func spool(_ map: RecordedMap) -> RecordedMap {
        guard let line = map.facts else { return map }
        return lock.withLock {
            let start = written + pending.count
            pending += line
            pending.append(UInt8(ascii: "\n"))
            if writing, pending.count >= writeSize {
                if (try? fileSystem.append(pending, to: path)) != nil {
                    written += pending.count
                    pending = []
                } else {
                    writing = false
                }
            }
            return map.spooled(at: start..<start + line.count)
        }
    }

    /// `maps` with their spooled lines to be read from the file, moved to `kept` (out of the staging folder, which
    /// is about to become the output), a run of them at a time as the facts file is written: read back whole, they
    /// were 24 MB at the end of a 10,000-map build. When some lines could not be written, the file is read back and
    /// removed, and the lines are held. Nil when the file is not as written.
    package func taken(_ maps: [RecordedMap], keptAt kept: String) -> [RecordedMap]? {
        lock.withLock {
            if writing, !pending.isEmpty, (try? fileSystem.append(pending, to: path)) != nil {
                written += pending.count
                pending = []
            }
            if pending.isEmpty, fileSystem.status(at: path)?.size == written, (try? fileSystem.moveItem(path, to: kept)) != nil {
                return RecordedMap.spooled(maps, in: fileSystem.ranged(kept, size: written))
            }
            defer { try? fileSystem.removeItem(path) }
            guard var bytes = try? fileSystem.read(path), bytes.count == written else { return nil }
            bytes += pending
            pending = []
            return RecordedMap.unspooled(maps, from: bytes)
        }
    }
}
