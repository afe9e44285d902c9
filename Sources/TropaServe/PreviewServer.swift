import TropaModel
import TropaSource
import TropaOutput
import TropaBuild
import TropaAuthoring
import FlyingFox
import FlyingSocks
import Foundation

/// What `tropa serve` reports as it goes, for the command line to print.
public enum PreviewEvent: Sendable {
    /// The server accepts connections at this address.
    case listening(url: String)
    /// A build finished: the first one, or a rebuild after a change; its diagnostics are in the preview.
    case built(SitePreview, milliseconds: Int, rebuild: Bool)
}

/// Why the server could not start: tropa exits with status 2.
public struct PreviewServerError: Error, CustomStringConvertible {
    public var message: Message

    /// In English; `message.text(in:)` in the author's language.
    public var description: String { message.text(in: .en) }
}

/// `tropa serve`: builds the site in memory, serves it, watches its files, rebuilds what changed and tells open
/// pages to reload. Nothing is written to disk.
public struct PreviewServer: Sendable {
    public var root: String
    public var options: BuildOptions
    public var host: String
    public var port: UInt16
    /// `--lang`: the language of the preview's own pages, over the site's.
    public var language: Language?

    public init(root: String, options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 1313,
                language: Language? = nil) {
        self.root = root
        self.options = options
        self.host = host
        self.port = port
        self.language = language
    }

    /// Runs until the task is cancelled. Throws `SiteError` for an unreadable site folder and
    /// `PreviewServerError` when the address cannot be bound.
    public func run(report: @escaping @Sendable (PreviewEvent) -> Void) async throws {
        let builder = SiteBuilder()
        let watcher = SiteWatcher(root: root)
        let state = PreviewState(language: language)
        let events = ReloadEvents()

        // A port in use is told at once, not after the first build of a large site.
        let address = try address()
        try ensureFree(address)
        var started = ContinuousClock.now
        // Taken before the preview reads the site, so that what changes while it reads is read again by the next;
        // with the default settings, since the site's are not read yet (a file listed only with the site's own
        // counts as changed, and is read).
        let first = watcher.snapshot(SiteConfig())
        var preview = try builder.preview(root: root, options: options, watched: first.statuses, listed: first.inputs)
        report(.built(preview, milliseconds: Self.milliseconds(since: started), rebuild: false))
        await state.update(preview)

        let server = HTTPServer(address: address, timeout: 30, logger: .disabled,
                                handler: PreviewHandler(state: state, events: events))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            // Whichever ends first: listening, or failing to bind.
            group.addTask { try await server.waitUntilListening(timeout: 10) }
            do {
                try await group.next()
            } catch let error as SocketError {
                throw PreviewServerError(message: describe(error))
            }
            report(.listening(url: Self.url(of: await server.listeningAddress, host: host)))
            group.addTask {
                while true {
                    try await Task.sleep(for: .seconds(10))
                    await events.heartbeat()
                }
            }
            // From the snapshot the first preview was built from: a save while it was built is the first change
            // (and so is a listing that the site's own settings make other than the default's).
            var config = preview.check.site?.config ?? SiteConfig()
            var snapshot = first
            while !Task.isCancelled {
                snapshot = try await watcher.nextChange(after: snapshot, config: config)
                started = ContinuousClock.now
                do {
                    preview = try builder.preview(root: root, options: options, previous: preview,
                                                  watched: snapshot.statuses, listed: snapshot.inputs)
                } catch let error as SiteError {
                    // The folder is mid-rename or gone: show it like any other problem, and keep watching.
                    preview = SitePreview(failure: error, previous: preview)
                }
                config = preview.check.site?.config ?? config
                report(.built(preview, milliseconds: Self.milliseconds(since: started), rebuild: true))
                await events.reload(generation: await state.update(preview))
            }
            group.cancelAll()
        }
    }

    private func describe(_ error: SocketError) -> Message {
        if case .failed(_, let code, _) = error, code == EADDRINUSE { return .portInUse(port: Int(port), host: host) }
        return .cannotListen(host: host, port: Int(port), reason: error.localizedDescription)
    }

    /// Throws when `address` cannot be bound now: the server binds it (as this does, reusing an address left in
    /// TIME_WAIT) only once the first preview is built.
    private func ensureFree(_ address: some SocketAddress) throws {
        do {
            let socket = try Socket(domain: Int32(type(of: address).family))
            defer { try? socket.close() }
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
        } catch let error as SocketError {
            throw PreviewServerError(message: describe(error))
        }
    }

    private func address() throws -> any SocketAddress {
        let literal = host == "localhost" ? "127.0.0.1" : host
        do {
            return literal.contains(":") ? try sockaddr_in6.inet6(ip6: literal, port: port)
                : try sockaddr_in.inet(ip4: literal, port: port)
        } catch {
            throw PreviewServerError(message: .notAnAddress(host))
        }
    }

    private static func url(of address: Socket.Address?, host: String) -> String {
        switch address {
        case .ip4(let ip, let port): return "http://\(ip):\(port)/"
        case .ip6(let ip, let port): return "http://[\(ip)]:\(port)/"
        default: return "http://\(host)/"
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// The latest preview, read by every request.
actor PreviewState {
    private(set) var preview: SitePreview?
    private var generation = 0
    private let language: Language?

    init(language: Language?) { self.language = language }

    @discardableResult
    func update(_ preview: SitePreview) -> Int {
        self.preview = preview
        generation += 1
        return generation
    }

    func response(for path: String) -> PreviewResponse? {
        preview.map { PreviewRoutes.resolve(path, in: $0, language: language) }
    }
}

struct PreviewHandler: HTTPHandler {
    let state: PreviewState
    let events: ReloadEvents

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        // The target as sent: `request.path` is standardised, which drops the slash that marks a folder.
        let path = request.target.path(percentEncoded: false)
        if path == PreviewRoutes.eventsPath {
            let body = HTTPBodySequence(from: EventBody(chunks: await events.subscribe()), suggestedBufferSize: 1024)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/event-stream",
                                                           .init("Cache-Control"): "no-cache"], body: body)
        }
        switch await state.response(for: path) {
        case .page(let bytes, let contentType):
            return HTTPResponse(statusCode: .ok, headers: Self.headers(contentType), body: Data(bytes))
        case .file(let path, let contentType):
            // Through the same reader as the build, which refuses a folder.
            guard let bytes = try? DiskFileReader().read(path) else { return HTTPResponse(statusCode: .notFound) }
            return HTTPResponse(statusCode: .ok, headers: Self.headers(contentType), body: Data(bytes))
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .overlay(let html):
            return HTTPResponse(statusCode: .internalServerError, headers: Self.headers("text/html; charset=utf-8"),
                                body: Data(html.utf8))
        case .notFound(let html):
            return HTTPResponse(statusCode: .notFound, headers: Self.headers("text/html; charset=utf-8"),
                                body: Data(html.utf8))
        case nil:
            return HTTPResponse(statusCode: .serviceUnavailable)
        }
    }

    /// Served pages change on every save: the browser must not keep them.
    private static func headers(_ contentType: String) -> HTTPHeaders {
        [.contentType: contentType, .init("Cache-Control"): "no-store"]
    }
}
