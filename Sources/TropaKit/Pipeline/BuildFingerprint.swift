/// A hash of everything a build reads — tropa's version, the build options, `tropa.yml`, the schema, every file
/// under `content/` and `templates/`, paths and bytes — so a rebuild of an unchanged site can stop at once.
struct BuildFingerprint: Equatable {
    let value: UInt64

    /// The fingerprint, and the files it read, for the build to parse without reading them again.
    static func compute(root: String, config: SiteConfig, options: BuildOptions, loader: SiteLoader,
                        fileSystem: FileSystem) throws -> (BuildFingerprint, [RawFile]) {
        var paths = [SiteConfig.fileName, config.schemaPath]
        for folder in [config.contentPath, config.templatesPath]
        where fileSystem.kind(at: root.appendingPath(folder)) == .directory {
            paths += try fileSystem.files(under: root.appendingPath(folder)).map { folder.appendingPath($0) }
        }
        let existing = paths.filter { fileSystem.kind(at: root.appendingPath($0)) == .file }
        let files = try loader.read(existing)
        let hashes = files.map { file in
            var hasher = FNV1a()
            hasher.combine(file.path.utf8)
            hasher.combine(file.bytes)
            return hasher.value
        }
        var total = FNV1a()
        total.combine("\(Tropa.version) drafts:\(options.includeDrafts) strict:\(options.strict)".utf8)
        for hash in hashes { withUnsafeBytes(of: hash) { total.combine($0) } }
        return (BuildFingerprint(value: total.value), files)
    }

    var text: String { String(value, radix: 16) }
}

/// FNV-1a, 64 bits: fast, stable across runs and machines (unlike `Hasher`), enough to notice a change.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
    }
}
