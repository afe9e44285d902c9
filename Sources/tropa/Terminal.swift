import ArgumentParser
import Foundation
import TropaKit

/// Where the CLI meets the terminal: printing reports and choosing exit codes.
enum Terminal {
    /// Runs `body`; a problem with folders or files prints one line and exits with 2.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SiteError {
            printError("error: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// "1 map", "3 maps".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var colored: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static func report(_ diagnostics: [Diagnostic], sources: [String: SourceText], format: DiagnosticFormat,
                       checked: String) {
        let formatter = DiagnosticFormatter(format: format, colored: colored)
        var output = formatter.format(diagnostics, sources: sources)
        if format == .text { output += formatter.summary(diagnostics, checked: checked) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Exit 1 on errors, or on warnings with `--strict`.
    static func exit(for diagnostics: [Diagnostic], strict: Bool) throws {
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { throw ExitCode(1) }
    }
}
