import TropaModel
import TropaSource
import TropaOutput
import TropaBuild
import TropaAuthoring

/// What the preview server answers to a path: a pure function of the current preview, so tests need no server.
enum PreviewResponse: Equatable {
    /// A rendered file, with the live-reload script in HTML pages.
    case page(bytes: [UInt8], contentType: String)
    /// A file of the site served from disk as it is.
    case file(path: String, contentType: String)
    /// A folder asked for without its trailing slash.
    case redirect(String)
    /// The site has errors: every page shows them instead of stale content.
    case overlay(html: String)
    case notFound(html: String)
}

enum PreviewRoutes {
    /// The path the live-reload script listens on for Server-Sent Events.
    static let eventsPath = "/_tropa/live"

    /// Where the page script connects; injected into served HTML only, never into `tropa build` output.
    static let reloadScript = """
        <script>new EventSource("\(eventsPath)").addEventListener("reload", function () { location.reload(); });</script>

        """

    /// Pages of the preview's own are in `language`, else the site's.
    static func resolve(_ path: String, in preview: SitePreview, language: Language? = nil) -> PreviewResponse {
        let language = language ?? preview.check.language
        if !preview.succeeded {
            return .overlay(html: overlay(preview, formatter: DiagnosticFormatter(format: .text, language: language)))
        }
        var relative = String(path.drop { $0 == "/" })
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if let bytes = preview.pages[relative] {
            return .page(bytes: contentType(of: relative).hasPrefix("text/html") ? withReloadScript(bytes) : bytes,
                         contentType: contentType(of: relative))
        }
        if let source = preview.staticFiles[relative] {
            return .file(path: source, contentType: contentType(of: relative))
        }
        if preview.pages[relative + "/index.html"] != nil { return .redirect("/" + relative + "/") }
        let notFound = Markup.escape(Message.notFound.text(in: language))
        return .notFound(html: page(title: notFound, language: language, body: "<h1>\(notFound)</h1><p>"
            + Markup.escape(Message.noPageAt(path).text(in: language)) + " <a href=\"/\">" + Markup.escape(Message.theCatalogue.text(in: language)) + "</a></p>"))
    }

    /// The HTML page with the reload script before its closing body tag.
    static func withReloadScript(_ bytes: [UInt8]) -> [UInt8] {
        let html = String(decoding: bytes, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: .backwards) else { return bytes + Array(reloadScript.utf8) }
        return Array((html[..<end.lowerBound] + reloadScript + html[end.lowerBound...]).utf8)
    }

    /// Every diagnostic as `tropa check` prints it, on a page that reloads itself once the files are mended.
    static func overlay(_ preview: SitePreview, formatter: DiagnosticFormatter) -> String {
        let diagnostics = preview.check.diagnostics
        let language = formatter.language
        let report = preview.failure.map { Message.errorLine($0.message).text(in: language) + "\n" }
            ?? formatter.format(diagnostics, sources: preview.check.sources)
            + formatter.summary(diagnostics, checked: .checkedSite, strict: preview.strict)
        return page(title: Message.cannotBuildTitle.text(in: language), language: language, body: """
            <div class="tropa-overlay" role="alert">
            <h1>\(Markup.escape(Message.cannotBuild.text(in: language)))</h1>
            <pre>\(Markup.escape(report))</pre>
            <p>\(Markup.escape(Message.fixAndSave.text(in: language)))</p>
            </div>
            """)
    }

    private static func page(title: String, language: Language, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(Markup.escape(title))</title>
        <style>body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#1d1f21;color:#eee}\
        .tropa-overlay,body>h1,body>p{max-width:70rem;margin:2rem auto;padding:0 1.5rem}\
        h1{color:#ff8a80;font-size:1.4rem}pre{white-space:pre-wrap;background:#111;padding:1rem;border-radius:6px}\
        a{color:#8ab4f8}</style>
        </head>
        <body>
        \(body)
        \(reloadScript)</body>
        </html>

        """
    }

    /// Content types of the files a site holds; others are sent as bytes.
    static func contentType(of path: String) -> String {
        let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch suffix {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "opml": return "text/x-opml; charset=utf-8"
        case "mm": return "application/x-freemind"
        case "json": return "application/json"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
