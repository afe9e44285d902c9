import TropaModel

/// The built-in theme's pages of each map as Swift: the map's page (`journey.mustache` in `base.mustache`, with the
/// `persona-card`, `cell`, `analysis` and `outline-node` partials) and its history page (`history.mustache`). A
/// site prints them once per map, and through swift-mustache a map page took about 230 lookups at microseconds
/// apiece: more CPU than parsing the map. Here every name is a field. Of the site's own pages, the catalogue and
/// the tag and segment pages (`catalogue.mustache`, `maps.mustache`, with the `card` partial) are made here too, in
/// parts (`parts`), as are the comparisons (`compare.mustache`: a product's page lists each of its maps), and the
/// plan's pages (`plan.mustache`), the dashboard (`dashboard.mustache`: a row per map) and the persona pages
/// (`persona.mustache`).
///
/// The templates stay the source of truth: a site that overrides any of those files gets its page from them through
/// swift-mustache, with the same fields, and `CompiledThemeTests` renders every fixture site and the demo both ways
/// to the same bytes. Edit this file with the templates.
enum CompiledTheme {
    /// The page templates made here, each with every template file its page is made of.
    static let pages: [String: Set<String>] = [
        "journey": ["journey", "base", "persona-card", "cell", "analysis", "outline-node"],
        "history": ["history", "base"],
        "catalogue": ["catalogue", "base", "card"],
        "maps": ["maps", "base", "card"],
        "plan": ["plan", "base", "pager", "plan-items"],
        "compare": ["compare", "base", "card"],
        "dashboard": ["dashboard", "base"],
        "persona": ["persona", "base"],
    ]

    /// The page, when `template` is one made here as a string and `model` its model (the map's page is made as
    /// bytes: `bytes`).
    static func render(_ model: Any, template: String) -> String? {
        switch (template, model) {
        case ("history", let model as HistoryPageModel): history(model)
        case ("plan", let model as PlanPageModel): plan(model)
        case ("persona", let model as PersonaPageModel): persona(model)
        default: nil
        }
    }

    /// The page as bytes, when `template` is one made here as bytes and `model` its model.
    static func bytes(_ model: Any, template: String) -> [UInt8]? {
        guard template == "journey", let model = model as? JourneyPageModel else { return nil }
        return journeyBytes(model)
    }

    /// The map's page as bytes, its partials made into the same bytes: a page is 60 KB, which strings joined
    /// piece by piece copied several times over.
    static func journeyBytes(_ map: JourneyPageModel) -> [UInt8] {
        let words = map.page.words
        var html = HTMLBytes(capacity: 64 * 1024)
        let (head, tail) = base(map.page, title: escaped(map.title) + " — " + escaped(map.page.siteTitle))
        html += head
        html += "<article class=\"journey\">\n<header class=\"journey-header\">\n<p class=\"breadcrumbs\"><a href=\""
        html += escaped(map.page.root) + "index.html\">" + word("home", words) + "</a>"
        if let history = map.historyURL {
            html += " · <a href=\"" + escaped(history) + "\">" + word("historyLink", words) + "</a>"
        }
        html += "</p>\n<h1>" + escaped(map.title)
        if map.draft { html += " <span class=\"badge draft\">" + word("draft", words) + "</span>" }
        html += "</h1>\n<dl class=\"facts\">\n"
        if let product = map.product { html += fact(word("product", words), escaped(product)) }
        html += "\n"
        if let segment = map.segment { html += fact(word("segment", words), link(segment.title, segment.url)) }
        html += "\n"
        if let persona = map.persona { html += fact(word("persona", words), link(persona.name, persona.url)) }
        html += "\n"
        if let updated = map.updated { html += fact(word("updated", words), escaped(updated)) }
        if let review = map.review {
            html += fact(word("lastReview", words), lastReview(review, words: words))
            if let next = review.next, let nextISO = review.nextISO { html += fact(word("nextReview", words), time(next, nextISO)) }
        }
        html += "\n"
        if let evidence = map.evidence {
            html += "<div class=\"evidence evidence-" + escaped(evidence.kind) + "\"><dt>" + word("evidence", words)
                + "</dt><dd>" + escaped(evidence.text) + "</dd></div>"
        }
        html += "\n"
        if !map.tags.isEmpty {
            html += "<div><dt>" + word("tags", words) + "</dt><dd><ul class=\"tags\">"
            for tag in map.tags {
                html.add("<li><a href=\"", text: tag.url, "\">")
                html.add(text: tag.title)
                html.add("</a></li>")
            }
            html += "</ul></dd></div>"
        }
        html += "\n</dl>\n"
        if let comparison = map.comparisonURL {
            html += "<p class=\"site-links\"><a href=\"" + escaped(comparison) + "\">" + word("compareMaps", words)
                + "</a></p>"
        }
        html += "\n</header>\n"
        if let persona = map.persona { html += personaCard(persona, words: words) }
        html += "\n<section class=\"introduction\" aria-label=\"" + word("introduction", words) + "\">\n"
            + map.introductionHTML + "</section>\n"
        if let analysis = map.analysis, !analysis.advice.isEmpty {
            html += "<section class=\"advice\" aria-labelledby=\"advice-heading\">\n<h2 id=\"advice-heading\">"
                + word("whereToStart", words) + "</h2>\n<ul>"
            for advice in analysis.advice { html += "<li>" + escaped(advice) + "</li>" }
            html += "</ul>\n</section>"
        }
        html += "\n<section class=\"map\" aria-labelledby=\"map-heading\">\n<h2 id=\"map-heading\">" + word("map", words)
            + "</h2>\n<div class=\"table-scroll\">\n<table class=\"cjm\" style=\"--stages: \(map.stageCount)\">\n"
            + "<colgroup><col class=\"layer-column\">"
        for _ in map.stages { html += "<col class=\"stage-column\">" }
        html += "</colgroup>\n<thead>\n"
        if !map.branchCells.isEmpty {
            html += "<tr class=\"branches\"><th scope=\"row\" class=\"corner\">" + word("alternatives", words) + "</th>"
            for cell in map.branchCells {
                if let label = cell.label {
                    html += "<th scope=\"col\" colspan=\"\(cell.span)\" class=\"branch\">" + escaped(label) + "</th>"
                } else {
                    html += "<td class=\"shared\"></td>"
                }
            }
            html += "</tr>\n"
        }
        html += "<tr><th scope=\"col\" class=\"corner\">" + word("layer", words) + "</th>"
        for stage in map.stages {
            html.add("<th scope=\"col\" id=\"", text: stage.anchor, "\">")
            html.add(text: stage.name)
            for mark in stage.marks {
                html.add(" <span class=\"mark mark-", text: mark.kind, "\">")
                html.add(text: mark.text)
                html.add("</span>")
            }
            html.add("</th>")
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        if let curve = map.curveSVG {
            html += "<tr class=\"curve-row\"><th scope=\"row\">" + word("emotionCurve", words)
                + "</th><td class=\"curve-cell\" colspan=\"\(map.stageCount)\">" + curve + "</td></tr>"
        }
        html += "\n"
        if map.hasStageDescriptions {
            html += "<tr class=\"stage-descriptions" + (map.sparseStageDescriptions ? " sparse" : "")
                + "\"><th scope=\"row\">" + word("stageDescription", words) + "</th>"
            for stage in map.stages {
                html.add("<td>")
                html.add(stage.descriptionHTML)
                html.add("</td>")
            }
            html += "</tr>"
        }
        html += "\n"
        // Piece by piece: the rows' strings joined with `+` were 1 % of a cold build's instructions.
        for row in map.rows {
            html.add("<tr class=\"layer layer-", text: row.kind, row.sparse ? " sparse\" id=\"layer-" : "\" id=\"layer-")
            html.add(text: row.id)
            html.add("\"><th scope=\"row\">", text: row.title, "</th>")
            for cell in row.cells {
                html.add("<td>")
                BuiltInPartials.appendCell(cell, to: &html)
                html.add("\n</td>")
            }
            html.add("</tr>\n")
        }
        html += "</tbody>\n</table>\n</div>\n</section>\n"
        if !map.trends.isEmpty {
            html += "<section class=\"trends\" aria-labelledby=\"trends-heading\">\n<h2 id=\"trends-heading\">"
                + word("measurements", words) + "</h2>\n<ul>"
            for trend in map.trends {
                html += "<li><figure>" + (trend.svg ?? "") + "<figcaption><strong>" + escaped(trend.metric)
                    + "</strong> — " + escaped(trend.stage) + ": " + escaped(trend.latest) + " ("
                    + escaped(trend.change) + (trend.first.map { "; " + escaped($0) } ?? "")
                    + (trend.target.map { "; " + escaped($0) + (trend.missed.map { ", " + escaped($0) } ?? "") } ?? "")
                    + ")</figcaption></figure></li>"
            }
            html += "</ul>\n</section>\n"
        }
        if let analysis = map.analysis, analysis.hasDetails {
            BuiltInPartials.appendAnalysis(analysis, to: &html)
            html += "\n"
        }
        html += "<section class=\"outline\" aria-labelledby=\"outline-heading\">\n<h2 id=\"outline-heading\">"
            + word("outline", words) + "</h2>\n"
        BuiltInPartials.appendOutlineNode(map.outline, to: &html)
        html += "\n\n</section>\n"
            + "<section class=\"downloads\" aria-labelledby=\"downloads-heading\">\n<h2 id=\"downloads-heading\">"
            + word("downloads", words) + "</h2>\n<ul>\n"
        for download in map.downloads.items {
            html.add("<li><a href=\"", text: download.file, "\" download>")
            html.add(text: download.label)
            html.add("</a></li>\n")
        }
        html += "</ul>\n</section>\n</article>\n"
        html += tail
        return html.bytes
    }

    static func history(_ map: HistoryPageModel) -> String {
        let words = map.page.words
        let title = word("history", words) + ": " + escaped(map.title)
        var html = "<article class=\"history\">\n<p class=\"breadcrumbs\"><a href=\"" + escaped(map.page.root)
            + "index.html\">" + word("home", words) + "</a> · <a href=\"" + escaped(map.mapURL) + "\">"
            + word("backToMap", words) + "</a></p>\n<h1>" + title + "</h1>\n"
        if let comparison = map.comparisonSVG {
            html += "<section class=\"history-curve\" tabindex=\"0\" aria-label=\"" + word("historyCurve", words) + "\">\n"
                + comparison + "</section>\n"
        }
        html += "<section class=\"versions\" aria-labelledby=\"versions-heading\">\n<h2 id=\"versions-heading\">"
            + word("historyVersions", words) + "</h2>\n<ol reversed>"
        for version in map.versions {
            html += "<li><p class=\"version\">" + time(version.date, version.isoDate) + " <code>" + escaped(version.commit) + "</code> "
                + escaped(version.subject) + "</p>\n"
            if !version.changes.isEmpty {
                html += "<ul class=\"changes\">"
                for change in version.changes { html += "<li>" + escaped(change) + "</li>" }
                html += "</ul>"
            }
            if let note = version.note { html += "<p class=\"note\">" + escaped(note) + "</p>" }
            html += "</li>\n"
        }
        html += "</ol>\n</section>\n</article>\n"
        return base(map.page, title: title + " — " + escaped(map.page.siteTitle), content: html)
    }

    /// `plan.mustache`: a page of the plan (its `plan-items` partial is `BuiltInPartials.planItems`). A 10,000-map
    /// site has 700 of them, and a stage renamed makes a few again.
    static func plan(_ plan: PlanPageModel) -> String {
        let words = plan.page.words
        var html = "<p class=\"breadcrumbs\"><a href=\"" + escaped(plan.page.root) + "index.html\">" + word("home", words)
            + "</a></p>\n<h1>" + escaped(plan.title) + "</h1>\n<p class=\"note\">" + word("planNote", words) + " "
            + escaped(plan.count) + ".</p>\n<p><a class=\"download\" href=\"" + escaped(plan.csvURL) + "\" download>"
            + word("planCSV", words) + "</a></p>\n"
        if let pager = plan.pager {
            html += "<nav class=\"plan-contents\" aria-labelledby=\"plan-contents\"><p id=\"plan-contents\">"
                + word("planContents", words) + "</p><ul>\n"
            for kind in plan.contents { html += "<li>" + link(kind.title, kind.url) + "</li>\n" }
            html += "</ul></nav>\n" + self.pager(pager)
        }
        for kind in plan.kinds {
            html += "<section class=\"plan-kind\" id=\"" + escaped(kind.anchor) + "\">\n<h2>" + escaped(kind.name)
            if kind.continued { html += " <span class=\"continued\">(" + word("continued", words) + ")</span>" }
            html += " <span class=\"count\">" + escaped(kind.count) + "</span></h2>\n"
            for owner in kind.owners {
                html += "<h3>" + escaped(owner.name) + "</h3>\n" + BuiltInPartials.planItems(owner) + "\n"
            }
            html += "</section>\n"
        }
        if let pager = plan.pager {
            html += "<p class=\"pager\">"
            if let previous = pager.previous {
                html += link(previous, rel: "prev")
                if pager.next != nil { html += " · " }
            }
            if let next = pager.next { html += link(next, rel: "next") }
            html += "</p>\n"
        }
        let title = escaped(plan.title) + (plan.pager.map { " (" + escaped($0.summary) + ")" } ?? "") + " — "
            + escaped(plan.page.siteTitle)
        return base(plan.page, title: title, content: html)
    }

    /// `dashboard.mustache`, in parts: its rows a few hundred at a time, each run made as its part is written (the
    /// page of 100,000 maps is 24 MB, which as one string was made three times over at the build's peak).
    static func dashboard(_ dashboard: DashboardPageModel) -> FileParts {
        let words = dashboard.page.words
        let (head, tail) = base(dashboard.page, title: escaped(dashboard.title) + " — " + escaped(dashboard.page.siteTitle))
        var top = head + "<p class=\"breadcrumbs\"><a href=\"" + escaped(dashboard.page.root) + "index.html\">"
            + word("home", words) + "</a></p>\n<h1>" + escaped(dashboard.title) + "</h1>\n<p class=\"note\">"
            + word("dashboardNote", words) + "</p>\n"
        guard !dashboard.rows.isEmpty else {
            return parts([.bytes(Array((top + "\n<p>" + word("noMaps", words) + "</p>\n" + tail).utf8))])
        }
        top += "<div class=\"table-scroll\">\n<table class=\"dashboard\">\n<thead><tr>"
        for column in ["journeyMap", "getThrough", "weakestStage", "averageNPS", "lowestEmotion", "missedTargets", "evidence", "lastReview"] {
            top += "<th scope=\"col\">" + word(column, words) + "</th>"
        }
        top += "</tr></thead>\n<tbody>\n"
        let rows = stride(from: 0, to: dashboard.rows.count, by: 256).map { start in
            Part.rows(dashboard.rows, start..<min(dashboard.rows.count, start + 256), words: words)
        }
        return parts([.bytes(Array(top.utf8))] + rows + [.bytes(Array(("</tbody>\n</table>\n</div>\n\n" + tail).utf8))])
    }

    /// A map's row of the dashboard, with its line break.
    static func dashboardRow(_ row: DashboardRowModel, words: [String: String]) -> String {
        let none = "<span class=\"none\">" + word("noFigures", words) + "</span>"
        var html = "<tr><th scope=\"row\">" + link(row.title, row.url)
        if row.draft { html += " <span class=\"badge draft\">" + word("draft", words) + "</span>" }
        html += "</th><td class=\"number\">" + (row.reach.map(escaped) ?? none) + "</td><td>"
        if let stage = row.weakestStage {
            html += escaped(stage)
            if let conversion = row.weakestConversion {
                html += ", <span class=\"figure\">" + escaped(conversion) + "</span>"
            }
        } else {
            html += none
        }
        html += "</td><td class=\"number\">" + (row.averageNPS.map(escaped) ?? none) + "</td><td class=\"number\">"
            + (row.lowestEmotion.map(escaped) ?? none) + "</td><td>"
        if !row.missedTargets.isEmpty {
            html += "<ul class=\"targets\">"
            for target in row.missedTargets { html += "<li>" + escaped(target) + "</li>" }
            html += "</ul>"
        }
        html += "</td><td>"
        if let evidence = row.evidence {
            html += "<span class=\"evidence-" + escaped(evidence.kind) + "\">" + escaped(evidence.text) + "</span>"
        }
        html += "</td><td class=\"review\">"
        if let review = row.review {
            html += lastReview(review, words: words)
            if let next = review.next, let nextISO = review.nextISO {
                html += "<br><span class=\"next\">" + word("reviewNext", words) + " " + time(next, nextISO) + "</span>"
            }
        }
        return html + "</td></tr>\n"
    }

    /// `persona.mustache`: the persona and the maps made for it.
    static func persona(_ persona: PersonaPageModel) -> String {
        let words = persona.page.words
        var html = "<article class=\"persona\">\n<p class=\"breadcrumbs\"><a href=\"" + escaped(persona.page.root)
            + "index.html\">" + word("home", words) + "</a></p>\n<h1>" + escaped(persona.name) + "</h1>\n"
        if let role = persona.role { html += "<p class=\"role\">" + escaped(role) + "</p>" }
        html += "\n" + persona.descriptionHTML + "\n"
        if !persona.sections.isEmpty {
            html += "<div class=\"persona-sections\">"
            for section in persona.sections {
                html += "<section><h2>" + escaped(section.title) + "</h2>" + section.html + "</section>"
            }
            html += "</div>"
        }
        html += "\n<section class=\"persona-maps\">\n<h2>" + word("mapsOfPersona", words) + "</h2>\n"
        if !persona.maps.isEmpty { html += "<ul>" + persona.maps.map(listItem).joined() + "</ul>" }
        html += "\n" + (persona.maps.isEmpty ? "<p>" + word("noMaps", words) + "</p>" : "") + "\n</section>\n</article>\n"
        return base(persona.page, title: escaped(persona.name) + " — " + escaped(persona.page.siteTitle), content: html)
    }

    /// `pager.mustache`, with the line break its file ends with.
    private static func pager(_ pager: PagerModel) -> String {
        var html = "<nav class=\"pager\" aria-label=\"" + escaped(pager.label) + "\"><p>" + escaped(pager.summary) + "</p><ul>\n"
        if let previous = pager.previous {
            html += "<li>" + link(previous, rel: "prev") + "</li>\n"
        }
        for number in pager.numbers {
            if let url = number.url {
                html += "<li><a href=\"" + escaped(url) + "\">" + escaped(number.number) + "</a></li>\n"
            } else {
                html += "<li><span" + (number.current ? " aria-current=\"page\"" : "") + ">" + escaped(number.number) + "</span></li>\n"
            }
        }
        if let next = pager.next { html += "<li>" + link(next, rel: "next") + "</li>\n" }
        return html + "</ul></nav>\n"
    }

    /// `base.mustache` around a page's `title` and `content` blocks.
    static func base(_ page: PageContext, title: String, content: String) -> String {
        let (head, tail) = base(page, title: title)
        return head + content + tail
    }

    /// `base.mustache` before and after a page's `content` block.
    private static func base(_ page: PageContext, title: String) -> (head: String, tail: String) {
        let words = page.words
        let root = escaped(page.root)
        return ("<!DOCTYPE html>\n<html lang=\"" + escaped(page.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"" + escaped(page.generator) + "\">\n<title>" + title + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + root + "_tropa/style.css\">\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">" + word("skip", words) + "</a>\n<header class=\"site-header\">\n"
                + "<a class=\"site-title\" href=\"" + root + "index.html\">" + escaped(page.siteTitle) + "</a>\n"
                + "</header>\n<main id=\"main\">\n",
                "\n</main>\n<footer class=\"site-footer\">" + word("generated", words) + "</footer>\n</body>\n</html>\n")
    }

    // MARK: - pages of cards, in parts

    /// The page in parts, when `template` is one of the pages of cards made here (or the dashboard) and `model` its
    /// model: the catalogue, a tag's or segment's page and a product's comparison list thousands of cards on a large
    /// site (the catalogue 18 MB at 10,000 maps), which swift-mustache made as one string three times over (the
    /// cards' section, the content block, the page).
    static func parts(_ model: Any, template: String) -> FileParts? {
        switch (template, model) {
        case ("catalogue", let model as CataloguePageModel): catalogue(model)
        case ("maps", let model as MapListPageModel): maps(model)
        case ("compare", let model as ComparisonPageModel): compare(model)
        case ("dashboard", let model as DashboardPageModel): dashboard(model)
        default: nil
        }
    }

    /// `maps.mustache`: the cards of one tag or segment.
    static func maps(_ list: MapListPageModel) -> FileParts {
        let words = list.page.words
        let (head, tail) = base(list.page, title: escaped(list.kind) + ": " + escaped(list.title) + " — "
                                    + escaped(list.page.siteTitle))
        let top = "<p class=\"breadcrumbs\"><a href=\"" + escaped(list.page.root) + "index.html\">" + word("home", words)
            + "</a></p>\n<h1><span class=\"kind\">" + escaped(list.kind) + ":</span> " + escaped(list.title)
            + "</h1>\n<ul class=\"cards\">\n"
        return page(head + top, cards: list.cards, then: "\n</ul>\n" + tail)
    }

    /// `compare.mustache`: the table of the compared maps' figures stage by stage, and every map as a card (a
    /// product's page lists all its maps: 900 of them at 10,000 maps).
    static func compare(_ comparison: ComparisonPageModel) -> FileParts {
        let words = comparison.page.words, title = escaped(comparison.title)
        let (head, tail) = base(comparison.page, title: title + " — " + escaped(comparison.page.siteTitle))
        var html = head + "<p class=\"breadcrumbs\"><a href=\"" + escaped(comparison.page.root) + "index.html\">"
            + word("home", words) + "</a></p>\n<h1>" + title + "</h1>\n<p class=\"note\">" + word("comparisonNote", words)
            + "</p>\n"
        if let omitted = comparison.omitted { html += "<p class=\"note\">" + escaped(omitted) + "</p>" }
        html += "\n"
        if let chart = comparison.chartSVG {
            html += "<div class=\"comparison-chart\" style=\"--columns: \(comparison.columnCount)\" tabindex=\"0\" "
                + "role=\"region\" aria-label=\"" + title + "\">" + chart + "</div>"
        }
        html += "\n<div class=\"table-scroll\">\n<table class=\"comparison\">\n<thead><tr><th scope=\"col\">"
            + word("stage", words) + "</th>"
        for map in comparison.maps { html += "<th scope=\"col\">" + link(map.title, map.url) + "</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in comparison.rows {
            html += "<tr><th scope=\"row\">" + escaped(row.stage) + "</th>"
            for cell in row.cells { html += comparisonCell(cell, words: words) }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n<section aria-labelledby=\"compared-heading\">\n<h2 id=\"compared-heading\">"
            + word("comparisonOf", words) + "</h2>\n<ul class=\"cards\">\n"
        return page(html, cards: comparison.cards, then: "\n</ul>\n</section>\n" + tail)
    }

    /// A cell of the comparison's table: a stage the map has not, one without figures, or its figures.
    private static func comparisonCell(_ cell: ComparisonCellModel, words: [String: String]) -> String {
        guard cell.present else {
            return "<td class=\"absent\"" + (cell.lowest ? " class=\"lowest\"" : "") + "><span class=\"none\">"
                + word("noStage", words) + "</span></td>"
        }
        var html = "<td" + (cell.lowest ? " class=\"lowest\"" : "") + ">"
        guard cell.hasFigures else { return html + "<span class=\"none\">" + word("noFigures", words) + "</span></td>" }
        html += "<dl>"
        if let conversion = cell.conversion {
            html += "<div><dt>" + word("conversionHeading", words) + "</dt><dd>"
            if cell.lowest { html += "<span class=\"mark\" title=\"" + word("lowestConversion", words) + "\">▼</span> " }
            html += escaped(conversion) + "</dd></div>"
        }
        if let nps = cell.nps { html += "<div><dt>NPS</dt><dd>" + escaped(nps) + "</dd></div>" }
        if let duration = cell.duration {
            html += "<div><dt>" + word("duration", words) + "</dt><dd>" + escaped(duration) + "</dd></div>"
        }
        return html + "</dl></td>"
    }

    /// `catalogue.mustache`: the product × segment matrix, each product's cards, and the lists of tags, segments
    /// and personas.
    static func catalogue(_ catalogue: CataloguePageModel) -> FileParts {
        let words = catalogue.page.words
        let (head, tail) = base(catalogue.page, title: escaped(catalogue.page.siteTitle))
        var html = head + "<h1>" + escaped(catalogue.title) + "</h1>\n"
        if !catalogue.products.isEmpty {
            html += "<ul class=\"site-links\"><li><a href=\"dashboard/index.html\">" + word("dashboard", words) + "</a></li>"
            if catalogue.hasActions { html += "<li><a href=\"plan/index.html\">" + word("plan", words) + "</a></li>" }
            html += "</ul>"
        }
        html += "\n"
        if let matrix = catalogue.matrix { html += self.matrix(matrix, words: words) }
        var parts: [Part] = []
        for product in catalogue.products {
            html += "<section class=\"product\">\n<h2>" + escaped(product.name) + "</h2>\n"
            if let url = product.url {
                html += "<p class=\"site-links\"><a href=\"" + escaped(url) + "\">" + word("compareMaps", words) + "</a></p>"
            }
            html += "\n<ul class=\"cards\">\n"
            parts.append(.bytes(Array(html.utf8)))
            parts += cards(product.maps)
            html = "\n</ul>\n</section>\n"
        }
        if catalogue.products.isEmpty { html += "<p>" + word("noMaps", words) + "</p>" }
        html += "\n"
        if !catalogue.tags.isEmpty {
            html += "<section class=\"index-links\"><h2>" + word("tags", words) + "</h2><ul class=\"tags\">"
                + catalogue.tags.map(listItem).joined() + "</ul></section>"
        }
        html += "\n"
        if !catalogue.segments.isEmpty {
            html += "<section class=\"index-links\"><h2>" + word("segments", words) + "</h2><ul>"
                + catalogue.segments.map(listItem).joined() + "</ul></section>"
        }
        html += "\n"
        if !catalogue.personas.isEmpty {
            html += "<section class=\"personas\"><h2>" + word("personas", words) + "</h2><ul>"
                + catalogue.personas.map(listItem).joined() + "</ul></section>"
        }
        return self.parts(parts + [.bytes(Array((html + "\n" + tail).utf8))])
    }

    /// The catalogue's `{{#matrix}}` section.
    private static func matrix(_ matrix: MatrixModel, words: [String: String]) -> String {
        var html = "<section class=\"matrix\" aria-labelledby=\"matrix-heading\">\n<h2 id=\"matrix-heading\">"
            + word("matrix", words) + "</h2>\n<p class=\"note\">" + word("matrixNote", words)
            + "</p>\n<div class=\"table-scroll\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">"
            + word("product", words) + "</th>"
        for segment in matrix.segments {
            html += "<th scope=\"col\">" + (segment.url.map { link(segment.name, $0) } ?? escaped(segment.name)) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in matrix.rows {
            html += "<tr><th scope=\"row\">" + (row.url.map { link(row.product, $0) } ?? escaped(row.product))
            if !row.rank.isEmpty { html += "<span class=\"rank\">" + escaped(row.rank) + "</span>" }
            html += "</th>"
            for cell in row.cells {
                guard !cell.empty else {
                    html += "<td class=\"empty\"><span class=\"none\">" + word("noMapYet", words) + "</span></td>"
                    continue
                }
                html += "<td><ul>"
                for map in cell.maps {
                    html += "<li>" + link(map.title, map.url)
                    if let reach = map.reach {
                        html += "<span class=\"figure\">" + word("getThrough", words) + ": " + escaped(reach) + "</span>"
                    }
                    if let weakest = map.weakestStage {
                        html += "<span class=\"figure\">" + word("weakestStage", words) + ": " + escaped(weakest) + "</span>"
                    }
                    html += "</li>"
                }
                html += "</ul>"
                if let more = cell.more {
                    html += "<p class=\"more\">" + (cell.moreURL.map { link(more, $0) } ?? escaped(more)) + "</p>"
                }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// A part of a page of cards: its own markup, or cards (or the dashboard's rows) printed when the part is written.
    private enum Part: Sendable {
        case bytes([UInt8])
        case cards(CardList, Range<Int>)
        case rows([DashboardRowModel], Range<Int>, words: [String: String])
    }

    /// A page of one list of cards: the markup before it, the cards, the markup after it.
    private static func page(_ before: String, cards list: CardList, then after: String) -> FileParts {
        parts([.bytes(Array(before.utf8))] + cards(list) + [.bytes(Array(after.utf8))])
    }

    /// Cards as the `card` partial prints each, a few hundred to a part.
    private static func cards(_ cards: CardList) -> [Part] {
        stride(from: 0, to: cards.count, by: 256).map { .cards(cards, $0..<min(cards.count, $0 + 256)) }
    }

    private static func parts(_ parts: [Part]) -> FileParts {
        FileParts(count: parts.count) { place in
            switch parts[place] {
            case .bytes(let bytes): return bytes
            case .cards(let cards, let range):
                var bytes: [UInt8] = []
                for place in range {
                    bytes += BuiltInPartials.cardBytes(cards[place])
                    bytes.append(UInt8(ascii: "\n"))
                }
                return bytes
            case .rows(let rows, let range, let words):
                return range.reduce(into: []) { bytes, place in bytes += dashboardRow(rows[place], words: words).utf8 }
            }
        }
    }

    private static func listItem(_ item: Link) -> String { "<li>" + link(item.title, item.url) + "</li>" }

    /// `persona-card.mustache`.
    static func personaCard(_ persona: PersonaCardModel, words: [String: String]) -> String {
        var html = "<aside class=\"persona-card\" aria-label=\"" + word("persona", words) + "\">\n<h2>"
            + link(persona.name, persona.url) + "</h2>\n"
        if let role = persona.role { html += "<p class=\"role\">" + escaped(role) + "</p>" }
        html += "\n"
        if !persona.sections.isEmpty {
            html += "<div class=\"persona-sections\">"
            for section in persona.sections {
                html += "<section><h3>" + escaped(section.title) + "</h3>" + section.html + "</section>"
            }
            html += "</div>"
        }
        return html + "\n</aside>\n"
    }

    private static func fact(_ term: String, _ value: String) -> String {
        "<div><dt>" + term + "</dt><dd>" + value + "</dd></div>"
    }

    /// The last review's date, and when it is the map's own rather than a measurement's, that it is.
    private static func lastReview(_ review: ReviewModel, words: [String: String]) -> String {
        time(review.last, review.lastISO) + (review.measured ? "" : " (" + word("reviewMapDate", words) + ")")
    }

    /// A date as people read it, with the `YYYY-MM-DD` that programs read in its `<time>` element.
    private static func time(_ text: String, _ iso: String) -> String {
        "<time datetime=\"" + escaped(iso) + "\">" + escaped(text) + "</time>"
    }

    private static func link(_ text: String, _ url: String) -> String {
        "<a href=\"" + escaped(url) + "\">" + escaped(text) + "</a>"
    }

    /// A pager's link to the page before (`prev`) or after (`next`).
    private static func link(_ page: Link, rel: String) -> String {
        "<a href=\"" + escaped(page.url) + "\" rel=\"" + rel + "\">" + escaped(page.title) + "</a>"
    }

    /// A theme word, escaped as `{{page.words.name}}` prints it.
    private static func word(_ name: String, _ words: [String: String]) -> String {
        escaped(words[name] ?? "")
    }

    private static func escaped(_ text: String) -> String { Markup.escape(text) }
}
