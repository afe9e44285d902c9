import Mustache
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

/// Templates read view models through `MustacheParent.child(named:)`; a stored property missing from it
/// would render as nothing. Every property with a value must be reachable by its name.
@Suite struct RenderLookupTests {
    @Test(arguments: ["ru-persona", "en-multi", "custom-scale"])
    func everyStoredValueIsReachableByName(_ fixture: String) throws {
        let (site, presenter, facts) = try CheckedFixture(fixture).parts
        var models: [Any] = zip(site.journeys, facts).map { journey, facts in
            var model = presenter.journeyPage(journey, facts: facts)
            model.curveSVG = "<svg/>"
            return model
        }
        let index = SiteIndex(facts.map { SitePageEntry($0, built: true) })
        models.append(presenter.cataloguePage(index))
        models += presenter.comparisonPages(index).map { $0.model() } + presenter.tagPages(index).map { $0.model() }
            + presenter.segmentPages(index).map { $0.model() }
        models += presenter.planPages(index).pages.map { $0.model() }
        // A plan of a page per action, for the pager's models.
        var paged = site
        paged.config.planPageSize = 1
        models += SitePresenter(site: paged).planPages(index).pages.map { $0.model() }
        models += site.personas.map { presenter.personaPage($0, journeys: facts.map(\.summary)) }
        var checked = 0
        for model in models { checked += Self.check(model, path: fixture) }
        #expect(checked > 50)
        // Each name `template-unknown-name` accepts is one some model answers.
        let answered = TemplateNames.known.filter { name in Self.parents(of: models).contains { $0.child(named: name) != nil } }
        #expect(answered == TemplateNames.known, "\(TemplateNames.known.subtracting(answered).sorted())")
    }

    /// Comments, pragmas, partials, a sequence's `index()` and known words name no unknown field; a misspelt word
    /// is told among the theme's words.
    @Test func templateNamesFindOnlyUnknownFields() {
        let text = "{{% CONTENT_TYPE: TEXT }}{{! titel }}{{> card}}{{index()}}{{words.persona}}{{page.words.weakestStge}}{{{titel}}}"
        let found = TemplateNames.unknown(in: text)
        #expect(found.map(\.name) == ["page.words.weakestStge", "titel"])
        #expect(found.map(\.part) == ["weakestStge", "titel"])
        #expect(found.first?.among == ThemeWords.names && found.last?.among == TemplateNames.known)
    }

    /// Each part of a name is a model's key: a typo after the first dot (`page.siteTitel`) is told as the part.
    @Test func everyPartOfANameIsChecked() {
        let found = TemplateNames.unknown(in: "{{page.siteTitle}}{{persona.name}}{{page.siteTitel}}{{#stages}}{{stage.nmae}}{{/stages}}")
        #expect(found.map(\.name) == ["page.siteTitel", "stage.nmae"])
        #expect(found.map(\.part) == ["siteTitel", "nmae"])
    }

    /// A site's template that is no theme template and that no template includes renders nowhere: a warning at its
    /// first line with the theme's template it is closest to. One a site's template includes is a partial, and used.
    @Test func aTemplateNothingRendersIsToldWithTheClosestTemplate() throws {
        let built = try RenderBuild.site([
            "content/karta.md": RenderBuild.russianMap(title: "Выбор CRM", body: RenderBuild.stage("Поиск")),
            "templates/jorney.mustache": "x", "templates/Base.mustache": "y",
            "templates/brand.mustache": "<b>бренд</b>", "templates/card.mustache": "{{> brand}}",
        ])
        #expect(built.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.code.rawValue):\($0.suggestion(in: .en) ?? "")" }.sorted() == [
            "templates/Base.mustache:1:template-unknown-name:did you mean \"base\"?",
            "templates/jorney.mustache:1:template-unknown-name:did you mean \"journey\"?",
        ])
        #expect(built.diagnostics.first?.message(in: .ru).hasSuffix("ни один шаблон его не подключает: он нигде не выводится") == true)
    }

    /// Every model in `value`, nested ones too.
    private static func parents(of value: Any) -> [MustacheParent] {
        if let array = value as? [Any] { return array.flatMap(parents) }
        guard let parent = value as? MustacheParent, !(value is [String: String]) else { return [] }
        return [parent] + Mirror(reflecting: value).children.compactMap { unwrap($0.value) }.flatMap(parents)
    }

    /// Mustache's string transforms work on the models' text; a value a model does not have prints as nothing and
    /// is false.
    @Test func textTransformsAndAbsentValues() throws {
        let template = "{{<base}}{{$content}}[{{uppercased(title)}}][{{^updated}}без даты{{/updated}}]"
            + "[{{updated}}{{#persona}}{{name}}{{/persona}}]{{/content}}{{/base}}"
        let built = try RenderBuild.site([
            "content/karta.md": RenderBuild.russianMap(title: "Выбор CRM", body: RenderBuild.stage("Поиск")),
            "templates/journey.mustache": template,
        ])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        let page = try #require(built.text("karta/index.html"))
        #expect(page.contains("[ВЫБОР CRM][без даты][]"))
    }

    /// Checks `value` and what it holds; returns how many properties were looked up.
    private static func check(_ value: Any, path: String) -> Int {
        if let array = value as? [Any] {
            return array.enumerated().reduce(0) { $0 + check($1.element, path: "\(path)[\($1.offset)]") }
        }
        guard let parent = value as? MustacheParent, !(value is [String: String]) else { return 0 }
        var count = 0
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, let held = unwrap(child.value) else { continue }
            count += 1
            #expect(parent.child(named: label) != nil, "\(path).\(label) is not reachable by name")
            #expect(TemplateNames.known.contains(label), "\(path).\(label) is not among the names templates may look up")

            count += check(held, path: "\(path).\(label)")
        }
        return count
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }
}
