import Foundation
import Testing

/// Runs the built `tropa` executable, for end-to-end tests.
enum TropaProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package folder, two levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `tropa` product: next to the test bundle (SwiftPM puts both in the same `debug` folder),
    /// else in the package's usual build folders, else on PATH. `TROPA_EXECUTABLE` overrides all.
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TROPA_EXECUTABLE"], isExecutable(path) { return URL(fileURLWithPath: path) }
        var folders: [URL] = []
        for start in [Bundle.main.executableURL, Bundle.main.bundleURL,
                      URL(fileURLWithPath: CommandLine.arguments.first ?? "")].compactMap({ $0 }) {
            // The bundle may be a folder (`….xctest/Contents/MacOS/…` on macOS): look a few levels up.
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        folders += [".build-helper/debug", ".build/debug"].map { packageRoot.appendingPathComponent($0) }
        folders += (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return folders.map { $0.appendingPathComponent("tropa") }.first { isExecutable($0.path) }
    }()

    private static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs `tropa` with `arguments`; output goes through files, so large reports cannot fill a pipe.
    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    in directory: URL? = nil) throws -> Output {
        let tropa = try #require(executable, "build the CLI first: swift build --product tropa")
        return try run(tropa, arguments, environment: extra, in: directory)
    }

    /// Runs any program, with NO_COLOR removed from the environment unless `extra` sets it.
    static func run(_ executable: URL, _ arguments: [String], environment extra: [String: String] = [:],
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
        environment.removeValue(forKey: "NO_COLOR")
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
    static func temporarySite(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-site-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }
}
