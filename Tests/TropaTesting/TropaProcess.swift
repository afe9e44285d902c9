import Foundation
import Testing

/// Runs the built `tropa` executable, for end-to-end tests.
package enum TropaProcess {
    package struct Output {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The package folder, two levels above this file.
    package static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of the build products the running tests belong to: SwiftPM puts the test bundle and the
    /// executables the test target depends on side by side (`.build/<triple>/debug/`). On Linux the bundle is an
    /// executable in that folder; on macOS it is a `….xctest` folder there, whose executable is deeper inside.
    package static let productsFolder: URL? = {
        guard var url = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        var candidate = url
        while url.pathComponents.count > 1 {
            url = url.deletingLastPathComponent()
            if url.pathExtension == "xctest" { candidate = url; break }
        }
        return candidate.deletingLastPathComponent()
    }()

    /// A program built with these tests (a dependency of the test target), found beside the test bundle; nil when
    /// it is not there. Never one found on PATH: the tests must run the code they were built from.
    package static func product(_ name: String) -> URL? {
        guard let url = productsFolder?.appendingPathComponent(name), isExecutable(url.path) else { return nil }
        return url
    }

    /// The `tropa` built with these tests.
    package static var executable: URL? { product("tropa") }

    /// The `tropa` built with these tests, or a failure that says where it was looked for.
    package static func requireExecutable(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> URL {
        let folder = productsFolder?.path ?? "(no test bundle)"
        return try #require(executable, "no tropa beside the test bundle in \(folder): the test target must depend on the executable target",
                            sourceLocation: sourceLocation)
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs `tropa` with `arguments`; output goes through files, so large reports cannot fill a pipe.
    package static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    in directory: URL? = nil) throws -> Output {
        return try run(try requireExecutable(), arguments, environment: extra, in: directory)
    }

    /// Runs any program, with NO_COLOR, the locale and GitHub's workspace removed from the environment unless `extra`
    /// sets them: the help's language follows the locale outside a site.
    package static func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:],
                    in directory: URL? = nil) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // GitHub Actions' root too: annotations name files from it.
        for key in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "GITHUB_WORKSPACE"] { environment.removeValue(forKey: key) }
        environment.merge(extra) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A site written to a fresh temporary folder; remove it with `FileManager.removeItem`.
    package static func temporarySite(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-site-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }
}
