import Foundation
import Testing
import TropaTesting

/// Colour only on a terminal and never with NO_COLOR; pipes and files get plain text.
@Suite struct CLIColorTests {
    static let escape = "\u{1B}["
    static let script = URL(fileURLWithPath: "/usr/bin/script")
    /// util-linux `script` gives the child a pseudo-terminal (Linux only: BSD `script` takes other options).
    static var hasScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script.path)
        #else
        false
        #endif
    }

    static func runOnATerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> TropaProcess.Output {
        let tropa = try TropaProcess.requireExecutable()
        let command = ([tropa.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        return try TropaProcess.run(script, ["-qec", command, "/dev/null"], environment: environment)
    }

    @Test func aPipeGetsNoEscapes() throws {
        let output = try TropaProcess.run(["check", Fixtures.invalid("duplicate-section").path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: the section \"Мотивация\" appears twice"))
        #expect(!output.stdout.contains(Self.escape))
        #expect(!output.stderr.contains(Self.escape))
    }

    @Test(.enabled(if: hasScript))
    func aTerminalGetsColour() throws {
        let output = try Self.runOnATerminal(["check", Fixtures.invalid("duplicate-section").path])
        #expect(output.status == 1)
        #expect(output.stdout.contains(Self.escape + "1;31merror" + Self.escape + "0m"))
    }

    @Test(.enabled(if: hasScript), arguments: ["1", "yes"])
    func noColorTurnsColourOffOnATerminal(value: String) throws {
        let output = try Self.runOnATerminal(["check", Fixtures.invalid("duplicate-section").path],
                                             environment: ["NO_COLOR": value])
        #expect(output.status == 1)
        #expect(output.stdout.contains("error: the section \"Мотивация\" appears twice"))
        #expect(!output.stdout.contains(Self.escape))
    }
}
