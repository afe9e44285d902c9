/// A file of the output: its path relative to the output root and its bytes.
import TropaModel
import TropaAnalysis
package struct OutputFile: Sendable {
    package let path: String
    package let bytes: [UInt8]

    package init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
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
    package func mapFiles(_ journey: Journey, facts: JourneyFacts) -> [OutputFile] {
        let folder = PagePaths.journeyFolder(facts.slug)
        var model = presenter.journeyPage(journey, facts: facts)
        let curveSVG = model.curve.map { curve in
            EmotionCurveSVG(curve: EmotionCurve(stageNames: curve.stageNames, series: curve.series, scale: curve.scale),
                            title: curve.title, words: presenter.words, format: presenter.format).render(id: "curve")
        }
        model.curveSVG = curveSVG
        let pieces = MapPieces(model: model, curveSVG: curveSVG, pageHTML: html(model, template: "journey"))
        return MapOutput.all.filter { $0.isMade(curveSVG != nil) }.map { output in
            OutputFile(path: folder + "/" + output.fileName, text: output.render(pieces))
        }
    }

    /// The catalogue of `maps`, each card with its curve drawn small.
    package func catalogue(_ maps: [JourneyFacts]) -> OutputFile {
        var model = presenter.cataloguePage(maps)
        for p in model.products.indices {
            for s in model.products[p].segments.indices {
                for m in model.products[p].segments[s].maps.indices {
                    let card = model.products[p].segments[s].maps[m]
                    model.products[p].segments[s].maps[m].sparkline = card.curve.map(sparkline)
                }
            }
        }
        return OutputFile(path: PagePaths.catalogue, text: html(model, template: "catalogue"))
    }

    private func sparkline(_ curve: CurveModel) -> String {
        let geometry = EmotionCurve(stageNames: curve.stageNames, series: curve.series, scale: curve.scale,
                                    columnWidth: 24, plotHeight: 28, top: 3)
        return SparklineSVG(curve: geometry, label: presenter.words["emotionCurve"] + ": " + curve.title).render()
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
