import ArgumentParser
import Dispatch
import Foundation
import TropaKit
import TropaServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site in memory, serve it, and rebuild and reload open pages on every save.",
        discussion: "Watches tropa.yml, the schema, content/ and templates/. Pages with errors show them instead of stale content. Nothing is written to disk; stop with Ctrl-C."
    )

    @Argument(help: "The site folder.", completion: .directory)
    var siteDirectory: String = "."

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 1313

    @Option(help: "The address to listen on; 127.0.0.1 keeps the preview on this machine.")
    var host = "127.0.0.1"

    @Flag(help: "Include maps marked `draft: true`.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// The other commands run on the main thread and return; this one hands the main thread to Dispatch, which
    /// the server's tasks and the Ctrl-C handler run on, and ends the process itself.
    func run() throws {
        let server = PreviewServer(root: siteDirectory, options: BuildOptions(includeDrafts: drafts, strict: strict),
                                   host: host, port: port)
        let serving = Task {
            try await server.run { event in
                switch event {
                case .listening(let url):
                    Terminal.printLine("serving \(url) (Ctrl-C to stop)")
                case .built(let preview, let milliseconds, let rebuild):
                    Self.report(preview, milliseconds: milliseconds, rebuild: rebuild)
                }
            }
        }
        let stop = Self.onInterrupt { serving.cancel() }
        Task {
            let status: Int32
            do {
                try await serving.value
                status = 0
            } catch is CancellationError {
                Terminal.printLine("stopped")
                status = 0
            } catch let error as PreviewServerError {
                Terminal.printError("error: \(error.description)")
                status = 2
            } catch let error as SiteError {
                Terminal.printError("error: \(error.description)")
                status = 2
            } catch {
                Terminal.printError("error: \(error)")
                status = 2
            }
            stop.forEach { $0.cancel() }
            Foundation.exit(status)
        }
        dispatchMain()
    }

    private static func report(_ preview: SitePreview, milliseconds: Int, rebuild: Bool) {
        if let failure = preview.failure {
            Terminal.printError("error: \(failure.description)")
            return
        }
        let rendered = rebuild && preview.renderedMapCount < preview.mapCount
            ? " (\(preview.renderedMapCount) rendered again)" : ""
        let what = (rebuild ? "rebuilt " : "built ") + Terminal.count(preview.mapCount, "map") + rendered
            + " in \(milliseconds) ms"
        Terminal.report(preview.check.diagnostics, sources: preview.check.sources, format: .text,
                        checked: preview.succeeded ? what : "not built")
    }

    /// Ctrl-C and SIGTERM end the server instead of killing the process mid-response.
    private static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}
