/// A file of the output: its path relative to the output root and its bytes.
struct OutputFile: Sendable {
    let path: String
    let bytes: [UInt8]

    init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Renders view models into the files of a build: HTML through the theme, SVG and outlines in code.
struct PageRenderer: Sendable {
    let presenter: SitePresenter
    let theme: Theme

    /// A map's page, its standalone curve and its two outline files.
    func journeyFiles(_ journey: Journey) -> [OutputFile] {
        let folder = PagePaths.journeyFolder(journey.slug)
        let svg = presenter.emotionCurve(journey).map { curve in
            EmotionCurveSVG(curve: curve, title: journey.title, words: presenter.words, format: presenter.format)
                .render(id: "curve")
        }
        let model = presenter.journeyPage(journey, curveSVG: svg)
        var files = [OutputFile(path: folder + "/index.html", text: html(model, template: "journey"))]
        if let svg { files.append(OutputFile(path: folder + "/emotions.svg", text: svg)) }
        files.append(OutputFile(path: folder + "/outline.opml", text: OutlineXML.opml(model.outline)))
        files.append(OutputFile(path: folder + "/outline.mm", text: OutlineXML.freeMind(model.outline)))
        return files
    }

    func sparkline(_ journey: Journey) -> String? {
        presenter.emotionCurve(journey, columnWidth: 24, plotHeight: 28, top: 3).map { curve in
            SparklineSVG(curve: curve, label: presenter.words["emotionCurve"] + ": " + journey.title).render()
        }
    }

    func catalogue(_ journeys: [JourneySummary], sparklines: [String: String]) -> OutputFile {
        OutputFile(path: PagePaths.catalogue,
                   text: html(presenter.cataloguePage(journeys, sparklines: sparklines), template: "catalogue"))
    }

    func personaPage(_ persona: Persona, journeys: [JourneySummary]) -> OutputFile {
        OutputFile(path: PagePaths.persona(persona.id) + "/index.html",
                   text: html(presenter.personaPage(persona, journeys: journeys), template: "persona"))
    }

    private func html(_ model: Any, template: String) -> String {
        theme.render(model, template: template) ?? ""
    }
}
