#if os(Linux)
import Glibc

/// The running program's GNU build ID, read from the ELF notes of `/proc/self/exe` (a few hundred bytes): a tropa
/// built again from other sources has another, though its version is the same, so its build record does not take
/// an output the older one made for its own (`BuildOptions.program`). Nil where the linker wrote none.
public enum ProgramBuild {
    public static let id: String? = {
        let descriptor = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count > 0, count <= 1 << 16, offset >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            return pread(descriptor, &bytes, count, off_t(offset)) == count ? bytes : nil
        }
        // A 64-bit little-endian ELF file: its program headers say where the notes are.
        guard let header = read(64, at: 0), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let (entrySize, entries) = (Int(header.load(UInt16.self, at: 54)), Int(header.load(UInt16.self, at: 56)))
        guard let table = Int(exactly: header.load(UInt64.self, at: 32)), entrySize >= 56,
              let headers = read(entrySize * entries, at: table) else { return nil }
        for index in 0..<entries {
            let at = index * entrySize
            // A PT_NOTE segment; a size or offset past what an Int holds is no note of this file.
            guard headers.load(UInt32.self, at: at) == 4, let size = Int(exactly: headers.load(UInt64.self, at: at + 32)),
                  let offset = Int(exactly: headers.load(UInt64.self, at: at + 8)),
                  let notes = read(size, at: offset), let id = buildID(in: notes) else { continue }
            return id
        }
        return nil
    }()

    /// The `NT_GNU_BUILD_ID` note's bytes in hexadecimal, among the notes of a segment.
    static func buildID(in notes: [UInt8]) -> String? {
        func aligned(_ size: Int) -> Int { (size + 3) & ~3 }
        var offset = 0
        while offset + 12 <= notes.count {
            let (nameSize, size) = (Int(notes.load(UInt32.self, at: offset)), Int(notes.load(UInt32.self, at: offset + 4)))
            let name = offset + 12, description = name + aligned(nameSize)
            guard nameSize <= notes.count, size <= notes.count, description + size <= notes.count else { return nil }
            if notes.load(UInt32.self, at: offset + 8) == 3, notes[name..<name + nameSize].elementsEqual("GNU\0".utf8) {
                return notes[description..<description + size].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            }
            offset = description + aligned(size)
        }
        return nil
    }
}

private extension [UInt8] {
    /// A little-endian integer at `offset`.
    func load<Integer: FixedWidthInteger>(_: Integer.Type, at offset: Int) -> Integer {
        self[offset..<offset + MemoryLayout<Integer>.size].reversed().reduce(0) { $0 << 8 | Integer($1) }
    }
}
#else
/// No build ID outside Linux: the record then tells tropas apart by their version alone.
public enum ProgramBuild {
    public static let id: String? = nil
}
#endif
