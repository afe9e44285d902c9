import Synchronization

/// How far a build or a check has got, for a progress line: the workers only add to atomic counters (no lock, no
/// allocation), and whoever shows the line reads a `Snapshot` of them as often as it likes.
public final class BuildProgress: Sendable {
    /// The counters at one moment; `total` is 0 until the maps to read are known.
    public struct Snapshot: Sendable, Equatable {
        public var maps: Int
        public var total: Int
        public var files: Int
        /// The site's language, known with `total`.
        public var language: Language

        public init(maps: Int, total: Int, files: Int, language: Language) {
            self.maps = maps
            self.total = total
            self.files = files
            self.language = language
        }
    }

    private let maps = Atomic(0)
    private let total = Atomic(0)
    private let files = Atomic(0)
    private let russian = Atomic(false)

    public init() {}

    /// `count` maps are about to be read, in a site written in `language`; a second run of the driver (an update
    /// that turned into a full build) counts from zero again.
    package func begin(maps count: Int, language: Language) {
        maps.store(0, ordering: .relaxed)
        files.store(0, ordering: .relaxed)
        russian.store(language == .ru, ordering: .relaxed)
        total.store(count, ordering: .releasing)
    }

    /// One map was read (and its files emitted, in a build).
    package func mapDone() {
        maps.wrappingAdd(1, ordering: .relaxed)
    }

    package func wrote(_ count: Int) {
        files.wrappingAdd(count, ordering: .relaxed)
    }

    public var snapshot: Snapshot {
        let total = total.load(ordering: .acquiring)
        return Snapshot(maps: maps.load(ordering: .relaxed), total: total, files: files.load(ordering: .relaxed),
                        language: russian.load(ordering: .relaxed) ? .ru : .en)
    }
}
