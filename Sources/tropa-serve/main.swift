import TropaModel
import TropaBuild
import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import TropaServe
import TropaTerminal

/// `tropa-serve`: what `tropa serve` runs. It is a program of its own because the HTTP server library brings
/// FoundationNetworking (curl and TLS) with it, which would make every other command start 12 ms slower.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tropa serve", abstract: ServeOptions.configuration.abstract,
        discussion: ServeOptions.configuration.discussion, version: Tropa.version)

    @OptionGroup var options: ServeOptions

    /// The other commands run on the main thread and return; this one hands the main thread to Dispatch, which
    /// the server's tasks and the Ctrl-C handler run on, and ends the process itself.
    func run() throws {
        let server = PreviewServer(root: options.siteDirectory,
                                   options: BuildOptions(includeDrafts: options.drafts, strict: options.strict),
                                   host: options.host, port: options.port, language: options.language.lang)
        let lang = options.language.lang
        // Said by the first build that makes them, then again only when they change (a map made a draft).
        let saidNotes = Mutex<[Message]>([])
        // The server's own lines (where it listens, that it stopped) in the language the site starts with.
        let language = lang ?? (try? SiteChecker().settings(root: options.siteDirectory).language) ?? .en
        let serving = Task {
            try await server.run { event in
                switch event {
                case .listening(let url):
                    Terminal.printLine(Message.serving(url).text(in: language))
                case .built(let preview, let milliseconds, let rebuild):
                    let notes: [Message] = !preview.succeeded ? [] : saidNotes.withLock { said in
                        defer { said = preview.notes }
                        return said == preview.notes ? [] : preview.notes
                    }
                    Self.report(preview, notes: notes, milliseconds: milliseconds, rebuild: rebuild,
                                language: lang ?? preview.check.language)
                }
            }
        }
        let stop = Self.onInterrupt { serving.cancel() }
        Task {
            let status: Int32
            do {
                // Only Ctrl-C ends the server. Cancelled while it waits for a change, it throws; cancelled while it
                // rebuilds, it returns once the rebuild is told: stopped either way (the second said nothing, now
                // and then, which a serve test caught in CI).
                do { try await serving.value } catch is CancellationError {}
                Terminal.printLine(Message.stopped.text(in: language))
                status = 0
            } catch let error as PreviewServerError {
                Terminal.printError(.errorLine(error.message), language: language)
                status = 2
            } catch let error as SiteError {
                Terminal.printError(error, language: language)
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

    private static func report(_ preview: SitePreview, notes: [Message], milliseconds: Int, rebuild: Bool,
                               language: Language) {
        if let failure = preview.failure {
            Terminal.printError(failure, language: language)
            return
        }
        Terminal.printNotes(notes, language: language)
        let rendered = rebuild && preview.renderedMapCount < preview.mapCount ? preview.renderedMapCount : nil
        let what = Message.previewBuilt(maps: preview.mapCount, rendered: rendered, milliseconds: milliseconds,
                                        rebuild: rebuild)
        Terminal.report(preview.check.diagnostics, sources: preview.check.sources, format: .text,
                        checked: preview.succeeded ? what : .notBuilt, strict: preview.strict,
                        language: language)
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

do {
    let command = try ServeCommand.parse()
    try command.run()
} catch {
    ServeCommand.exitTelling(error)
}
