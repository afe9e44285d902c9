import Foundation
import Testing
@testable import TropaTerminal
import TropaTesting

/// The build ID a tropa keeps in its build record, read from its own ELF notes.
@Suite struct ProgramBuildTests {
    /// A note of another kind first, then the build ID: each note's name and description are padded to four bytes.
    @Test func theBuildIDNoteIsFoundAmongOthers() {
        func note(type: UInt32, name: String, description: [UInt8]) -> [UInt8] {
            let name = Array(name.utf8) + [0]
            func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
            func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) }
            return word(UInt32(name.count)) + word(UInt32(description.count)) + word(type) + padded(name) + padded(description)
        }
        let notes = note(type: 1, name: "GNU", description: [0, 0, 0, 0, 3, 2, 0, 0])
            + note(type: 3, name: "GNU", description: [0x0A, 0xFF, 0x00, 0x7B])
        #expect(ProgramBuild.buildID(in: notes) == "0aff007b")
        #expect(ProgramBuild.buildID(in: note(type: 3, name: "Go", description: [1, 2])) == nil)
        #expect(ProgramBuild.buildID(in: Array(notes.prefix(30))) == nil, "a note cut short is no note")
    }

    /// The ID of the test process itself is the one `readelf` prints for its file.
    @Test func theRunningProgramsIDIsItsFilesBuildID() throws {
        let id = try #require(ProgramBuild.id)
        // 20 bytes from gold and GNU ld, 8 from lld's default.
        #expect(id.count >= 16 && id.count % 2 == 0 && id.allSatisfy(\.isHexDigit), "\(id)")
        let program = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let readelf = try TropaProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["readelf", "-n", program])
        #expect(readelf.stdout.contains("Build ID: \(id)"), "\(readelf.stdout)")
    }
}
