import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the kernel tells of the watched folders (Linux inotify): that something in one of them changed, not what;
/// the watcher then looks. Listing and stating a 10,000-map site every 200 ms took 15 % of a core while nothing
/// changed.
final class FolderEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var believed = true

    /// False once a change turned up that no event told of (a folder reached through a link, a file system that
    /// sends none): the watcher polls from then on.
    var trusted: Bool {
        get { lock.withLock { believed } }
        set { lock.withLock { believed = newValue } }
    }

    /// Nil where the kernel cannot tell.
    init?() {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        #else
        return nil
        #endif
    }

    deinit {
        close(descriptor)
    }

    /// Watches `folder` too; one watched already is not watched twice. A folder that cannot be watched (the
    /// system's limit of watches reached) ends the trust: its changes would go untold.
    func watch(_ folder: String) {
        #if os(Linux)
        let changes = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF
        // A folder removed since it was listed, or not there yet, is no loss: its parent tells of it.
        if inotify_add_watch(descriptor, folder, UInt32(changes)) < 0 && errno != ENOENT && errno != ENOTDIR {
            trusted = false
        }
        #endif
    }

    /// Whether anything happened since the last time it was asked; what did is read and dropped.
    func happened() -> Bool {
        var told = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { told = true }
        return told
    }
}
