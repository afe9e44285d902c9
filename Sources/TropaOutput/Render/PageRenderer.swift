import TropaModel
import TropaAnalysis

/// A file of the output: its path relative to the output root and its contents.
package struct OutputFile: Sendable {
    package let path: String
    /// Text is kept as the renderer made it and written from its own storage: a copy into bytes was a second
    /// copy of every page, the catalogue of 10,000 maps among them, at a build's peak.
    package let contents: Contents
    /// The bytes of the file it replaces, when they were read to make it: an update compares with them rather than
    /// reading the output's file again (a far move's 350 reprinted plan pages are 18 MB). A file kept (`asBytes`)
    /// lets them go.
    package var earlier: [UInt8]?

    package enum Contents: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Written one after the other, never joined into one copy (the plan's CSV of a 10,000-map site is 26 MB).
        case parts(FileParts)
    }

    package init(path: String, text: String) {
        self.path = path
        contents = .text(text)
    }

    package init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        contents = .bytes(bytes)
    }

    package init(path: String, parts: [[UInt8]]) {
        self.path = path
        contents = .parts(FileParts(parts))
    }

    package init(path: String, parts: FileParts) {
        self.path = path
        contents = .parts(parts)
    }

    package var bytes: [UInt8] {
        switch contents {
        case .text(let text): Array(text.utf8)
        case .bytes(let bytes): bytes
        case .parts(let parts): parts.bytes
        }
    }

    /// The same file with its parts made, when they are made as they are read: for a file kept rather than
    /// written at once.
    package var partsMade: OutputFile {
        guard case .parts(let parts) = contents else { return self }
        return OutputFile(path: path, parts: Array(parts))
    }

    /// The same file held as bytes, without the bytes it replaces: for one kept and handed over again and again
    /// (the preview's), so that its text is turned into bytes once.
    package var asBytes: OutputFile {
        if case .bytes(let bytes) = contents {
            // Made in a much larger buffer (a map's JSON in 64 KB), it is kept in one of its own size. A buffer up to
            // half again its size is kept as it is: the allocator rounds up to a quarter more (jemalloc gives an 18 MB
            // catalogue 20 MB), and a page made in a buffer reserved from an estimate may hold a little more. A bound
            // of an eighth copied 90 to 126 MB of kept pages on every preview rebuild of 10,000 maps, to the same
            // capacity; this one keeps at most a third of a kept file's buffer unused (beyond 64 bytes).
            return OutputFile(path: path, bytes: bytes.capacity > bytes.count + bytes.count / 2 + 64
                ? bytes.withUnsafeBufferPointer(Array.init) : bytes)
        }
        return OutputFile(path: path, bytes: bytes)
    }
}

/// Renders view models into the files of a build: HTML through the theme, SVG and outlines in code.
package struct PageRenderer: Sendable {
    package let presenter: SitePresenter
    package let theme: Theme

    package init(presenter: SitePresenter, theme: Theme) {
        self.presenter = presenter
        self.theme = theme
    }

    /// The files of every output in the registry that the map has, in the registry's order.
    /// With `history`, the page links to the map's history page.
    package func mapFiles(_ journey: Journey, facts: JourneyFacts, evaluation: JourneyEvaluation? = nil,
                          history: Bool = false) -> [OutputFile] {
        let folder = PagePaths.journeyFolder(facts.slug)
        let evaluation = evaluation ?? JourneyEvaluation(facts)
        var model = presenter.journeyPage(journey, facts: facts, evaluation: evaluation)
        if history { model.historyURL = PagePaths.historyPage }
        let curveSVG = model.curve.map { curve in
            EmotionCurveSVG(curve: EmotionCurve(stageNames: curve.columns, series: curve.series, scale: curve.scale),
                            title: curve.title, words: presenter.words, format: presenter.format,
                            marks: curve.marks, lines: curve.lines).render(id: "curve")
        }
        model.curveSVG = curveSVG?.page
        if var analysis = model.analysis {
            analysis.funnelSVG = analysis.funnels.isEmpty ? nil : analysis.funnels.map { chart in
                (chart.caption.map { "<p class=\"path\">" + Markup.escape($0) + "</p>\n" } ?? "") + BarChartSVG(chart: chart).render()
            }.joined()
            analysis.quadrantSVG = analysis.quadrant.map { QuadrantSVG(chart: $0, format: presenter.format).render() }
            analysis.timelineSVG = analysis.timeline.map { BarChartSVG(chart: $0).render() }
            model.analysis = analysis
        }
        for index in model.trends.indices { model.trends[index].svg = TrendSVG(trend: model.trends[index]).render() }
        let pieces = MapPieces(journey: journey, facts: facts, evaluation: evaluation, presenter: presenter, model: model, curveSVG: curveSVG?.file, page: theme.bytes(model, template: "journey"))
        return MapOutput.chosen(by: presenter.site.config).filter { $0.isMade(curveSVG != nil) }.map { output in
            OutputFile(path: folder + "/" + output.fileName, contents: output.render(pieces))
        }
    }

    /// A map's history page: its versions, what changed between them, and its curve over the last different one.
    package func historyPage(_ journey: Journey, facts: JourneyFacts, versions: [MapVersion]) -> OutputFile {
        var model = presenter.historyPage(journey, facts: facts, versions: versions)
        model.comparisonSVG = model.comparison.map { CurveComparisonSVG(chart: $0, format: presenter.format).render() }
        return OutputFile(path: PagePaths.history(facts.slug), text: html(model, template: "history"))
    }

    /// The pages made of every built map: the catalogue (cards with their curves drawn small, the product ×
    /// segment matrix), the dashboard, a comparison per product with several maps and per map with `compare`, a
    /// page per tag and per segment, the action plan's pages with its CSV, and `maps.json`; with `only`, the ones
    /// it selects. A selection that keeps the plan's CSV but some rows leaves the CSV to the caller, which has the
    /// file (`SpreadsheetCSV.replacingRows`). With the plan the pages were made from, when some were.
    ///
    /// With `write`, each file is handed to it on the thread that made it, as soon as it is made, and only its path
    /// is kept: a site of 10,000 maps has 170 MB of site pages, which a build held all at once. The first error
    /// `write` throws is thrown once every page is made.
    package func sitePages(_ index: SiteIndex, only: SitePageSelection? = nil,
                           write: (@Sendable (OutputFile) throws -> Void)? = nil) throws
        -> (files: [OutputFile], paths: [String], plan: ActionPlan?) {
        let maps = index.maps
        let wanted: @Sendable (String) -> Bool = { path in only?.contains(path) ?? true }
        // A file made: its path, and the file kept or nil once written (or the error writing it).
        typealias Made = (path: String, file: Result<OutputFile?, any Error>)
        let made: @Sendable (OutputFile) -> Made = { file in
            // Kept (an update, the preview), a file's parts are made here, on the core that made its page.
            guard let write else { return (file.path, .success(file.partsMade)) }
            return (file.path, Result { try write(file) }.map { nil })
        }
        // Each page is made on its own: at 10,000 maps the catalogue and the tag pages are tens of megabytes each,
        // so they are spread over the cores (written as they are made, their parts are made as they are written).
        typealias Job = @Sendable () -> (files: [Made], plan: ActionPlan?)
        var jobs: [Job] = []
        // The longest jobs, begun before the others so that no core is left alone with one at the end: at 10,000
        // maps the plan's CSV (1.5 s on one core) ran last, by itself, for a second.
        var first: [Int] = []
        // A page of the theme, its model made as the page is (in parts, for the pages of cards made in code).
        let themed: @Sendable (String, String, @escaping @Sendable () -> Any) -> Job = { path, template, model in
            { ([made(theme.file(path, model: model(), template: template))], nil) }
        }
        if wanted(PagePaths.catalogue) {
            first.append(jobs.count)
            jobs.append(themed(PagePaths.catalogue, "catalogue") { presenter.cataloguePage(index) })
        }
        if wanted(PagePaths.dashboard) {
            jobs.append(themed(PagePaths.dashboard, "dashboard") { presenter.dashboardPage(maps) })
        }
        for (path, model) in presenter.comparisonPages(index, wanted: wanted) {
            jobs.append(themed(path, "compare") {
                var model = model()
                model.chartSVG = model.chart.map {
                    ComparisonCurveSVG(chart: $0, words: presenter.words, format: presenter.format).render(id: "comparison")
                }
                return model
            })
        }
        for (path, model) in presenter.tagPages(index, wanted: wanted) + presenter.segmentPages(index, wanted: wanted) {
            jobs.append(themed(path, "maps", model))
        }
        if maps.contains(where: { !$0.actions.isEmpty }) && wanted(PagePaths.planCSV) {
            // The pages and the CSV share one sort of every action, made before (to tell the changed pages) or here
            // by the first job that needs it (the CSV, begun first). The pages are made in a few runs, spread over the
            // cores with the other jobs; the CSV, its rows made as they are written, on one core, listed after them.
            let plan = MadeOnce { only?.plan ?? presenter.planPages(index) }
            let runs = 8
            for run in 0..<runs {
                jobs.append {
                    let plan = plan.value
                    let pages = plan.pages.filter { wanted($0.path) }
                    let files = pages[(run * pages.count / runs)..<((run + 1) * pages.count / runs)].map { path, model in
                        made(theme.file(path, model: model(), template: "plan"))
                    }
                    return (files, run == 0 ? plan.plan : nil)
                }
            }
            if only?.planRows == nil {
                first.insert(jobs.count, at: 0)
                jobs.append {
                    let plan = plan.value.plan
                    let rows = presenter.planRows(plan, maps: maps)
                    return ([made(OutputFile(path: PagePaths.planCSV, parts: SpreadsheetCSV.parts(header: rows.header, runs: rows.runs)))], nil)
                }
            }
        }
        if wanted(PagePaths.mapsJSON) {
            first.append(jobs.count)
            jobs.append { ([made(OutputFile(path: PagePaths.mapsJSON, parts: JourneyJSON.maps(maps, presenter: presenter)))], nil) }
        }
        // Run longest first; listed in the order above.
        let order = first + jobs.indices.filter { !first.contains($0) }, listed = jobs
        var results = [(files: [Made], plan: ActionPlan?)](repeating: ([], nil), count: jobs.count)
        for (job, result) in zip(order, parallelMap(order) { listed[$0]() }) { results[job] = result }
        let files = results.flatMap(\.files)
        return (try files.compactMap { try $0.file.get() }, files.map(\.path), results.lazy.compactMap(\.plan).first)
    }

    /// With the site's `base_url`, `sitemap.xml` listing every HTML page of `pages` (paths of the site pages) and
    /// of the built `maps`, and `robots.txt`; without it, nothing.
    package func sitemapFiles(pages: [String], maps slugs: [String]) -> [OutputFile] {
        guard let baseURL = presenter.site.config.baseURL else { return [] }
        let paths = pages.filter { $0.hasSuffix(".html") } + slugs.map { PagePaths.journeyFolder($0) + "/index.html" }
        return [OutputFile(path: PagePaths.sitemap, text: Sitemap.xml(baseURL: baseURL, pages: paths.sorted())),
                OutputFile(path: PagePaths.robots, text: Sitemap.robots(baseURL: baseURL))]
    }

    package func personaPage(_ persona: Persona, journeys: [JourneySummary]) -> OutputFile {
        OutputFile(path: PagePaths.persona(persona.id) + "/index.html",
                   text: html(presenter.personaPage(persona, journeys: journeys), template: "persona"))
    }

    /// The theme's own files (the stylesheet), in the assets folder.
    package var assetFiles: [OutputFile] {
        theme.assets.map { OutputFile(path: PagePaths.assets + "/" + $0.name, bytes: Array($0.text.utf8)) }
    }

    private func html(_ model: Any, template: String) -> String {
        theme.render(model, template: template) ?? ""
    }
}
